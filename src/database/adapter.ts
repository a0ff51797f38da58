import type { DatabaseAdapterObj } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import path from 'node:path'

import { committedMigrations, MIGRATION_DIR, withPushedSchemaAdoption } from './migrations'

export const DEFAULT_SQLITE_URL = 'file:./data/commons.db'

/**
 * FerretDB v1 speaks the MongoDB wire protocol but has no transactions, `$lookup` or index hints.
 * Only the CI's Mongo-wire run sets MONGODB_COMPAT=ferretdb; real MongoDB keeps Payload's defaults.
 */
const ferretdbCompatibility = {
  disableIndexHints: true,
  ensureIndexes: false,
  transactionOptions: false,
  useJoinAggregations: false,
  usePipelineInSortLookup: false,
} as const

export const isMongoUri = (uri: string | undefined): uri is string =>
  Boolean(uri && /^mongodb(\+srv)?:\/\//.test(uri))

/** The SQLite database file a `file:` URI (or the default) names, as an absolute path. */
export const sqliteFile = (uri = process.env.DATABASE_URI): string =>
  path.resolve((uri || DEFAULT_SQLITE_URL).replace(/^file:/, '').split('?')[0]!)

/**
 * The database seam: MongoDB for production, an SQLite file under data/ everywhere else. SQLite gets its tables
 * from `next dev`'s push while developing and from the committed migrations in production (`next start`,
 * `npm run migrate`); MongoDB needs none.
 */
export const databaseAdapter = (uri = process.env.DATABASE_URI): DatabaseAdapterObj => {
  if (isMongoUri(uri)) {
    const compatibility = process.env.MONGODB_COMPAT === 'ferretdb' ? ferretdbCompatibility : {}
    return mongooseAdapter({ url: uri, ...compatibility })
  }
  return withPushedSchemaAdoption(
    sqliteAdapter({
      busyTimeout: 10_000,
      client: { url: uri || DEFAULT_SQLITE_URL },
      migrationDir: MIGRATION_DIR,
      prodMigrations: committedMigrations,
      wal: true,
    }),
  )
}
