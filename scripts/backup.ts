/**
 * npm run backup [-- --out <folder>]
 * A consistent copy of the database (SQLite: VACUUM INTO while the app runs; MongoDB: every collection as
 * Extended JSON), the uploaded files, and manifest.json with per-collection counts and every file's SHA-256.
 * Touches the backup marker that /api/health reads. Default folder: data/backups/commons-<time>.
 */
import './lib/env'

import config from '@payload-config'

import { isMongoUri } from '@/database/adapter'
import { createBackup } from '@/ops/backup/backup'
import { mongoDb } from '@/ops/backup/mongo'

import { runTask, withPayload } from './lib/runScript'

const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(name)
  return at >= 0 ? process.argv[at + 1] : undefined
}

runTask('backup', async () => {
  const out = option('--out')
  // SQLite is copied from its file, without booting Payload; MongoDB is read through Payload's connection
  const { dir, manifest } = isMongoUri(process.env.DATABASE_URI)
    ? await withPayload(config, (payload) => createBackup(mongoDb(payload), out), { disableOnInit: true })
    : await createBackup(null, out)
  const rows = Object.values(manifest.database.counts).reduce((sum, count) => sum + count, 0)
  const bytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0)
  console.log(
    `完成：数据库 ${rows} 条，文件 ${manifest.media.files} 个，共 ${(bytes / 1e6).toFixed(1)} MB，用时 ${manifest.tookSeconds} 秒 → ${dir}\n` +
      `Done: ${rows} database rows (${manifest.database.kind}), ${manifest.media.files} media files, ${(bytes / 1e6).toFixed(1)} MB in ${manifest.tookSeconds} s → ${dir}` +
      (manifest.media.note ? `\n${manifest.media.note}` : ''),
  )
})
