import type { DatabaseAdapterObj, Migration, Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import { sql } from '@payloadcms/db-sqlite'

import { migrations } from '../migrations'

/** Committed SQLite migrations (`npm run migrate:create`); production start and `npm run migrate` apply them. */
export const MIGRATION_DIR = path.resolve(process.cwd(), 'src/migrations')
export const committedMigrations = migrations
/** The same list as the adapter's generic `migrate()` takes it. */
export const committedMigrationsForMigrate = migrations as unknown as Migration[]

type Snapshot = { tables: Record<string, { columns: Record<string, unknown>; indexes: Record<string, unknown> }>; version: string }
type SqliteDb = {
  drizzle: { all: (query: unknown) => Promise<unknown[]> }
  payload: Payload
  requireDrizzleKit: () => { generateDrizzleJson: (schema: unknown) => Promise<Snapshot> | Snapshot }
  schema: unknown
}

export const isSqliteDb = (db: unknown): db is SqliteDb => (db as { name?: string }).name === 'sqlite'

/** Tables, columns and indexes of a drizzle snapshot, as `table.column` / `index:name` strings. */
const snapshotShape = (snapshot: Snapshot): string[] =>
  Object.entries(snapshot.tables).flatMap(([table, { columns, indexes }]) => [
    `table:${table}`,
    ...Object.keys(columns).map((column) => `${table}.${column}`),
    ...Object.keys(indexes).map((index) => `index:${index}`),
  ])

const databaseShape = async (db: SqliteDb): Promise<string[]> => {
  const tables = (await db.drizzle.all(
    sql`SELECT m.name AS name, c.name AS column FROM sqlite_master m JOIN pragma_table_info(m.name) c
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`,
  )) as Array<{ column: string; name: string }>
  const indexes = (await db.drizzle.all(
    sql`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'`,
  )) as Array<{ name: string }>
  return [
    ...new Set(tables.map(({ name }) => `table:${name}`)),
    ...tables.map(({ column, name }) => `${name}.${column}`),
    ...indexes.map(({ name }) => `index:${name}`),
  ]
}

const latestSnapshot = (): Snapshot | undefined => {
  const file = fs.readdirSync(MIGRATION_DIR).filter((name) => name.endsWith('.json')).sort().at(-1)
  return file ? (JSON.parse(fs.readFileSync(path.join(MIGRATION_DIR, file), 'utf8')) as Snapshot) : undefined
}

/**
 * Tables whose definition in the Payload config differs from the latest committed migration snapshot (the
 * comparison `payload migrate:create` makes, without its interactive rename questions). Empty: no drift.
 */
export const schemaDrift = async (db: SqliteDb): Promise<string[]> => {
  const current = (await db.requireDrizzleKit().generateDrizzleJson(db.schema)).tables
  const committed = latestSnapshot()?.tables ?? {}
  const same = (name: string) => JSON.stringify(current[name]) === JSON.stringify(committed[name])
  return [...new Set([...Object.keys(current), ...Object.keys(committed)])].filter((name) => !same(name)).sort()
}

const sameShape = (a: string[], b: string[]): boolean => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n')

/**
 * A database made by `npm run dev` has its tables pushed, not migrated, and Payload's migrate would then stop
 * at an interactive prompt. When its tables, columns and indexes are exactly those of the committed
 * migrations, it is adopted: the migrations are recorded as applied. Otherwise start refuses with the reason.
 */
export const adoptPushedSchema = async (db: SqliteDb): Promise<void> => {
  const marker = (await db.drizzle.all(
    sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'payload_migrations'`,
  )) as unknown[]
  if (!marker.length) return
  const pushed = (await db.drizzle.all(sql`SELECT id FROM payload_migrations WHERE batch = -1`)) as unknown[]
  if (!pushed.length) return
  const snapshot = latestSnapshot()
  if (!snapshot || !sameShape(await databaseShape(db), snapshotShape(snapshot))) {
    throw new Error(
      '数据库的表结构由 npm run dev 推送，且与已提交的迁移不一致；请备份后换用新的数据库文件 / ' +
        'This database was set up by `npm run dev` (schema push) and its tables differ from the committed ' +
        'migrations: back it up and start production on a fresh DATABASE_URI file, or regenerate the migrations.',
    )
  }
  const applied = new Set(
    ((await db.drizzle.all(sql`SELECT name FROM payload_migrations WHERE batch > 0`)) as Array<{ name: string }>).map(({ name }) => name),
  )
  for (const { name } of committedMigrations.filter(({ name }) => !applied.has(name))) {
    await db.drizzle.all(sql`INSERT INTO payload_migrations (name, batch, updated_at, created_at)
      VALUES (${name}, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) RETURNING id`)
  }
  await db.drizzle.all(sql`DELETE FROM payload_migrations WHERE batch = -1 RETURNING id`)
  db.payload.logger.info('开发模式创建的数据库与迁移一致，已记为已迁移 / Adopted a database made by `npm run dev`: its schema matches the committed migrations')
}

/** Wraps the SQLite adapter so that migrating first adopts a schema pushed by `next dev` (see adoptPushedSchema). */
export const withPushedSchemaAdoption = (adapter: DatabaseAdapterObj): DatabaseAdapterObj => ({
  ...adapter,
  init: (args) => {
    const db = adapter.init(args)
    const migrate = db.migrate.bind(db)
    db.migrate = async (options) => {
      await adoptPushedSchema(db as unknown as SqliteDb)
      return migrate(options)
    }
    return db
  },
})
