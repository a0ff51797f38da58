/**
 * `npm run backup`: a consistent copy of the database, the uploaded files and a manifest with their checksums,
 * written while the app keeps running. The search index is not copied: a restore rebuilds it from the database.
 */
import type { Db } from 'mongodb'

import { existsSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { isMongoUri, sqliteFile } from '@/database/adapter'
import { uploadDir } from '@/utilities/uploadDir'

import { backupMarkerFile, dataDir } from '../health'
import { type BackupManifest, copyTree, describeFile, FORMAT, listFiles, writeManifest } from './files'
import { exportMongo } from './mongo'
import { snapshotSqlite } from './sqlite'

export const SQLITE_FILE = 'db/commons.db'

/** Where backups go unless `--out` says otherwise: `COMMONS_BACKUP_DIR`, default `data/backups`. */
export const backupRoot = (): string => process.env.COMMONS_BACKUP_DIR || path.join(dataDir(), 'backups')

export const stampOf = (date: Date): string => date.toISOString().replace(/[:.]/g, '-')

/** Uploaded files in a bucket are not in the backup: the bucket's own versioning or replication keeps them. */
export const mediaInBucket = (): boolean => Boolean(process.env.S3_BUCKET?.trim())
export const BUCKET_NOTE = '文件在 S3 存储桶中，不在备份内（请用存储桶的版本控制或复制）/ Uploaded files are in the S3 bucket (S3_BUCKET) and not in this backup: keep them with the bucket’s versioning or replication'

/** Writes a backup into `out` (a new folder); `db` is the MongoDB database when DATABASE_URI names one. */
export const createBackup = async (db: Db | null, out?: string): Promise<{ dir: string; manifest: BackupManifest }> => {
  const started = Date.now()
  const createdAt = new Date(started)
  const dir = path.resolve(out ?? path.join(backupRoot(), `commons-${stampOf(createdAt)}`))
  if (existsSync(dir)) throw new Error(`备份目录已存在 / The backup folder already exists: ${dir}`)
  // written under another name and renamed when complete: a folder without `.partial` is a whole backup
  const work = `${dir}.partial`
  await rm(work, { force: true, recursive: true })
  await mkdir(work, { recursive: true })

  const counts = isMongoUri(process.env.DATABASE_URI)
    ? await exportMongo(db!, path.join(work, 'db'))
    : await snapshotSqlite(sqliteFile(), path.join(work, SQLITE_FILE))
  const mediaFiles = mediaInBucket() ? [] : await copyTree(uploadDir('.'), path.join(work, 'media'))
  const files = await Promise.all((await listFiles(work)).map((file) => describeFile(work, file)))
  const manifest: BackupManifest = {
    createdAt: createdAt.toISOString(),
    database: { counts, kind: isMongoUri(process.env.DATABASE_URI) ? 'mongodb' : 'sqlite' },
    files,
    format: FORMAT,
    media: mediaInBucket() ? { files: 0, included: false, note: BUCKET_NOTE } : { files: mediaFiles.length, included: true },
    tookSeconds: Math.round((Date.now() - started) / 100) / 10,
  }
  await writeManifest(work, manifest)
  await rename(work, dir)
  // what /api/health reports as the last backup's age
  await mkdir(path.dirname(backupMarkerFile()), { recursive: true })
  await writeFile(backupMarkerFile(), `${JSON.stringify({ createdAt: manifest.createdAt, dir })}\n`)
  return { dir, manifest }
}
