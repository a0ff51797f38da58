/**
 * SQLite: `VACUUM INTO` writes a consistent copy of the database from one read transaction, while the app keeps
 * writing (WAL mode). Restoring puts that file in place before anything opens it.
 */
import Database from 'libsql'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, rename } from 'node:fs/promises'
import path from 'node:path'

const BUSY_TIMEOUT_MS = 10_000

const open = (file: string, readonly = false) => {
  const db = new Database(file, { readonly })
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
  return db
}

/** Rows per table (Payload's tables, not SQLite's own). */
export const tableCounts = (file: string): Record<string, number> => {
  const db = open(file, true)
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>
    return Object.fromEntries(
      tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n]),
    )
  } finally {
    db.close()
  }
}

/** Copies the live database `from` into the new file `to`; returns its rows per table. */
export const snapshotSqlite = async (from: string, to: string): Promise<Record<string, number>> => {
  if (!existsSync(from)) throw new Error(`找不到数据库文件 / No database file at ${from}`)
  await mkdir(path.dirname(to), { recursive: true })
  const db = open(from)
  try {
    db.prepare('VACUUM INTO ?').run(to)
  } finally {
    db.close()
  }
  return tableCounts(to)
}

/** Rows in the target database; 0 when the file does not exist. */
export const sqliteRows = (file: string): number =>
  existsSync(file) ? Object.values(tableCounts(file)).reduce((sum, rows) => sum + rows, 0) : 0

/**
 * Puts the backup's database file at `target`. An existing file (only with --force) and its WAL are moved aside
 * to `<file>.replaced-<stamp>`, never deleted. Returns where they went, if anywhere.
 */
export const restoreSqlite = async (backupFile: string, target: string, stamp: string): Promise<null | string> => {
  await mkdir(path.dirname(target), { recursive: true })
  let keptAs: null | string = null
  for (const suffix of ['', '-wal', '-shm']) {
    if (!existsSync(target + suffix)) continue
    keptAs ??= `${target}.replaced-${stamp}`
    await rename(target + suffix, keptAs + suffix)
  }
  const partial = `${target}.restoring`
  await copyFile(backupFile, partial)
  await rename(partial, target)
  return keptAs
}
