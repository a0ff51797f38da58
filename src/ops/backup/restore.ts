/**
 * `npm run restore`: puts a backup back into an empty place. Nothing is touched before the backup's checksums
 * are verified; a target that holds data is refused unless forced, and even then what it held is moved aside,
 * never deleted (the SQLite file and the media folder; MongoDB collections are emptied first).
 */
import type { Db } from 'mongodb'

import { existsSync } from 'node:fs'
import { rename } from 'node:fs/promises'
import path from 'node:path'

import { isMongoUri, sqliteFile } from '@/database/adapter'
import { uploadDir } from '@/utilities/uploadDir'

import { mediaInBucket, SQLITE_FILE, stampOf } from './backup'
import { type BackupManifest, copyTree, listFiles, readVerifiedManifest } from './files'
import { importMongo, mongoCounts, mongoDocuments } from './mongo'
import { restoreSqlite, sqliteRows, tableCounts } from './sqlite'

export type RestorePlan = {
  dir: string
  manifest: BackupManifest
  /** rows (SQLite) or documents (MongoDB) the target database holds now */
  targetRows: number
  /** files in the target media folder now; null when uploads go to a bucket */
  targetMedia: null | number
}

const kind = (): BackupManifest['database']['kind'] => (isMongoUri(process.env.DATABASE_URI) ? 'mongodb' : 'sqlite')

/** Verifies the backup and looks at the target; changes nothing. */
export const planRestore = async (dir: string, db: Db | null): Promise<RestorePlan> => {
  const manifest = await readVerifiedManifest(path.resolve(dir))
  if (manifest.database.kind !== kind()) {
    throw new Error(`这是 ${manifest.database.kind} 备份，目标是 ${kind()} / This is a ${manifest.database.kind} backup; DATABASE_URI names a ${kind()} database`)
  }
  return {
    dir: path.resolve(dir),
    manifest,
    targetMedia: mediaInBucket() ? null : (await listFiles(uploadDir('.'))).filter((file) => file !== '.gitkeep').length,
    targetRows: db ? await mongoDocuments(db) : sqliteRows(sqliteFile()),
  }
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, count) => sum + count, 0)

/** What the restore will do, one line each. */
export const describePlan = ({ dir, manifest, targetMedia, targetRows }: RestorePlan): string[] => [
  `备份 Backup: ${dir} (${manifest.createdAt}, ${manifest.database.kind}, ${manifest.files.length} files verified)`,
  `数据库 Database: ${total(manifest.database.counts)} rows in ${Object.keys(manifest.database.counts).length} ${manifest.database.kind === 'sqlite' ? 'tables' : 'collections'} → target holds ${targetRows} now`,
  manifest.media.included
    ? `文件 Media: ${manifest.media.files} files → ${uploadDir('.')} (${targetMedia ?? 0} files there now)`
    : `文件 Media: ${manifest.media.note ?? 'not in the backup'}`,
  '搜索 Search: the index is rebuilt from the restored database',
]

/** Refuses a target that holds anything, unless forced. */
export const refuseNonEmptyTarget = (plan: RestorePlan, force: boolean): void => {
  if (force || (!plan.targetRows && !plan.targetMedia)) return
  const zh = [plan.targetRows ? `数据库有 ${plan.targetRows} 条` : '', plan.targetMedia ? `文件夹有 ${plan.targetMedia} 个文件` : ''].filter(Boolean).join('，')
  const en = [plan.targetRows ? `the database holds ${plan.targetRows} rows` : '', plan.targetMedia ? `the media folder holds ${plan.targetMedia} files` : ''].filter(Boolean).join(', ')
  throw new Error(
    `目标不是空的，未做任何更改（${zh}）。请还原到空的位置，或加 --force（现有数据会移到一旁保留）/ ` +
      `The target is not empty, nothing was changed (${en}). Restore into an empty place, or pass --force (what is there is moved aside, not deleted)`,
  )
}

const sameCounts = (expected: Record<string, number>, found: Record<string, number>): string[] =>
  Object.entries(expected)
    .filter(([name, count]) => (found[name] ?? 0) !== count)
    .map(([name, count]) => `${name}: ${found[name] ?? 0} / ${count}`)

/** Restores the database and the media; returns what was moved aside. Then the caller rebuilds the search index. */
export const applyRestore = async (plan: RestorePlan, db: Db | null): Promise<string[]> => {
  const stamp = stampOf(new Date())
  const keptAside: string[] = []
  const { counts } = plan.manifest.database
  if (db) {
    await importMongo(db, path.join(plan.dir, 'db'), plan.targetRows > 0)
  } else {
    const kept = await restoreSqlite(path.join(plan.dir, SQLITE_FILE), sqliteFile(), stamp)
    if (kept) keptAside.push(kept)
  }
  const differ = sameCounts(counts, db ? await mongoCounts(db) : tableCounts(sqliteFile()))
  if (differ.length) throw new Error(`还原后的条数不符 / Restored counts differ (found / expected): ${differ.join(', ')}`)
  if (plan.manifest.media.included) {
    const target = uploadDir('.')
    if (plan.targetMedia && existsSync(target)) {
      await rename(target, `${target}.replaced-${stamp}`)
      keptAside.push(`${target}.replaced-${stamp}`)
    }
    await copyTree(path.join(plan.dir, 'media'), target)
  }
  return keptAside
}
