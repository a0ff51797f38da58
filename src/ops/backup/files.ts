/**
 * A backup is a folder: `manifest.json`, the database (`db/`), the uploaded files (`media/`). The manifest lists
 * every other file with its size and SHA-256, so a restore can refuse a damaged or incomplete backup before it
 * touches anything.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

export const MANIFEST = 'manifest.json'
export const FORMAT = 1

export type BackupFile = { bytes: number; path: string; sha256: string }

export type BackupManifest = {
  createdAt: string
  database: { counts: Record<string, number>; kind: 'mongodb' | 'sqlite' }
  files: BackupFile[]
  format: typeof FORMAT
  media: { files: number; included: boolean; note?: string }
  /** the backup's duration in seconds */
  tookSeconds: number
}

export const sha256File = async (file: string): Promise<string> => {
  const hash = createHash('sha256')
  await pipeline(createReadStream(file), hash)
  return hash.digest('hex')
}

/** Every file under `dir`, as paths relative to it with `/` separators; none when `dir` does not exist. */
export const listFiles = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return []
    throw error
  })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}

export const describeFile = async (root: string, relative: string): Promise<BackupFile> => {
  const file = path.join(root, relative)
  return { bytes: (await stat(file)).size, path: relative, sha256: await sha256File(file) }
}

/** Copies every file of `from` into `to` (created as needed); returns the relative paths copied. */
export const copyTree = async (from: string, to: string): Promise<string[]> => {
  const files = await listFiles(from)
  for (const file of files) {
    await mkdir(path.dirname(path.join(to, file)), { recursive: true })
    await copyFile(path.join(from, file), path.join(to, file))
  }
  return files
}

export const writeManifest = (dir: string, manifest: BackupManifest): Promise<void> =>
  writeFile(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`)

/**
 * The backup's manifest once every file it lists is there with its size and checksum, and no file is there
 * that it does not list. Throws a message naming what is wrong (in Chinese and English) otherwise.
 */
export const readVerifiedManifest = async (dir: string): Promise<BackupManifest> => {
  const text = await readFile(path.join(dir, MANIFEST), 'utf8').catch(() => {
    throw new Error(`找不到备份清单 ${MANIFEST}：这不是一个完整的备份 / No ${MANIFEST} in ${dir}: not a complete backup`)
  })
  const manifest = JSON.parse(text) as BackupManifest
  if (manifest.format !== FORMAT) throw new Error(`备份格式 ${manifest.format} 不受支持 / Unsupported backup format ${manifest.format}`)
  const listed = new Set(manifest.files.map((file) => file.path))
  const problems: string[] = []
  for (const expected of manifest.files) {
    const found = await describeFile(dir, expected.path).catch(() => null)
    if (!found) problems.push(`缺少 missing: ${expected.path}`)
    else if (found.bytes !== expected.bytes || found.sha256 !== expected.sha256) problems.push(`校验和不符 checksum mismatch: ${expected.path}`)
  }
  for (const extra of await listFiles(dir)) if (extra !== MANIFEST && !listed.has(extra)) problems.push(`清单外的文件 not in the manifest: ${extra}`)
  if (problems.length) {
    throw new Error(`备份已损坏，未做任何更改 / The backup is damaged; nothing was changed:\n  ${problems.slice(0, 20).join('\n  ')}`)
  }
  return manifest
}
