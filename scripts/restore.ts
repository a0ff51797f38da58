/**
 * npm run restore -- <backup folder> [--dry-run] [--force]
 * Verifies every checksum of the backup, then restores the database and the uploaded files into the place that
 * DATABASE_URI and MEDIA_DIR name, and rebuilds the search index from it. Refuses a target that holds data unless
 * --force (what is there is moved aside, not deleted). --dry-run verifies and says what it would do, changing nothing.
 */
import './lib/env'

import type { Db } from 'mongodb'
import type { Payload } from 'payload'

import config from '@payload-config'

import { isMongoUri } from '@/database/adapter'
import { mongoDb } from '@/ops/backup/mongo'
import { applyRestore, describePlan, planRestore, refuseNonEmptyTarget } from '@/ops/backup/restore'
import { closeSearchEngine, getSearchEngine } from '@/search'
import { reindexAll } from '@/search/reindex'

import { runTask, ScriptError, withPayload } from './lib/runScript'

const dir = process.argv.slice(2).find((arg) => !arg.startsWith('--'))
const dryRun = process.argv.includes('--dry-run')
const force = process.argv.includes('--force')

/** Everything up to the search index: verify, look at the target, refuse or restore. False on a dry run. */
const restoreData = async (db: Db | null): Promise<boolean> => {
  const plan = await planRestore(dir!, db).catch((error: Error) => {
    throw new ScriptError(error.message)
  })
  for (const line of describePlan(plan)) console.log(line)
  try {
    refuseNonEmptyTarget(plan, force)
  } catch (error) {
    throw new ScriptError((error as Error).message)
  }
  if (dryRun) {
    console.log('演练：校验通过，未做任何更改 / Dry run: the backup verified; nothing was changed')
    return false
  }
  const keptAside = await applyRestore(plan, db)
  for (const kept of keptAside) console.log(`原有数据已移到 / What was there is kept at: ${kept}`)
  return true
}

const reindex = async (payload: Payload) => {
  const engine = await getSearchEngine()
  try {
    await engine.clear()
    const summary = await reindexAll(payload, engine)
    return summary.written
  } finally {
    await closeSearchEngine()
  }
}

runTask('restore', async () => {
  if (!dir) throw new ScriptError('用法 / usage: npm run restore -- <backup folder> [--dry-run] [--force]')
  const started = Date.now()
  let indexed: number
  if (isMongoUri(process.env.DATABASE_URI)) {
    const done = await withPayload(config, async (payload) => ((await restoreData(mongoDb(payload))) ? reindex(payload) : null), { disableOnInit: true })
    if (done === null) return
    indexed = done
  } else {
    // the file is put in place before Payload opens it
    if (!(await restoreData(null))) return
    indexed = await withPayload(config, reindex, { disableOnInit: true })
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(`完成：已还原，搜索索引 ${indexed} 条，用时 ${seconds} 秒\nDone: restored; ${indexed} items indexed in ${seconds} s`)
})
