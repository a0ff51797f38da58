/**
 * One app process's background search drain, for the several-processes test (tests/int/ops-processes.int.spec.ts).
 * Boots Payload on DATABASE_URI and the engine on SEARCH_DB_FILE, says `ready`, waits for the file DRAIN_GO, then
 * drains the search outbox until it is empty. Every engine write is logged to DRAIN_LOG (one JSON line each, synced
 * before it returns): `sending` with the ids, then, after DRAIN_SEND_DELAY_MS and the engine's answer, `sent`, so
 * the test can count who indexed what and kill a process while it holds a batch.
 */
import '../../scripts/lib/env'

import type { SearchDocument } from '@/search/types'

import config from '@payload-config'
import { appendFileSync, existsSync } from 'node:fs'

import { closeSearchEngine, getSearchEngine } from '@/search'
import { drainSearchOutbox } from '@/search/sync'

import { runScript } from '../../scripts/lib/runScript'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const log = (event: string, ids?: string[]) =>
  appendFileSync(process.env.DRAIN_LOG!, `${JSON.stringify({ at: Date.now(), event, ids, pid: process.pid })}\n`)

runScript('drain-worker', config, async (payload) => {
  const engine = await getSearchEngine()
  const upsert = engine.upsert.bind(engine)
  engine.upsert = async (docs: SearchDocument[]) => {
    const ids = docs.map((doc) => doc.id)
    log('sending', ids)
    await sleep(Number(process.env.DRAIN_SEND_DELAY_MS ?? 0))
    await upsert(docs)
    log('sent', ids)
  }
  log('ready')
  while (!existsSync(process.env.DRAIN_GO!)) await sleep(100)
  const deadline = Date.now() + Number(process.env.DRAIN_DEADLINE_MS ?? 120_000)
  try {
    while (Date.now() < deadline) {
      await drainSearchOutbox(payload)
      if ((await payload.count({ collection: 'search-outbox' })).totalDocs === 0) {
        log('done')
        return 0
      }
      await sleep(250)
    }
    log('timeout')
    return 1
  } finally {
    await closeSearchEngine()
  }
})
