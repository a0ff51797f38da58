import type { DatabaseAdapterObj } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'

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

/** The database seam: MongoDB for production, an SQLite file under data/ everywhere else. */
export const databaseAdapter = (uri = process.env.DATABASE_URI): DatabaseAdapterObj => {
  if (isMongoUri(uri)) {
    const compatibility = process.env.MONGODB_COMPAT === 'ferretdb' ? ferretdbCompatibility : {}
    return mongooseAdapter({ url: uri, ...compatibility })
  }
  return sqliteAdapter({
    busyTimeout: 10_000,
    client: { url: uri || DEFAULT_SQLITE_URL },
    wal: true,
  })
}
