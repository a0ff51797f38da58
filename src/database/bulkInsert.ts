/**
 * The database seam for bulk writes: many new documents in a few statements instead of one Payload operation
 * each. The caller hands over documents exactly as Payload's own field pipeline would store them (see
 * src/ingest/bulk/documents.ts); this module only knows how each adapter lays them out.
 *
 * - SQLite (`@payloadcms/db-sqlite`): multi-row INSERTs into the tables described by `payload.db.tables`
 *   (main rows, hasMany relationship `_rels` and hasMany select tables), on a connection of its own inside one
 *   `BEGIN IMMEDIATE` transaction.
 * - MongoDB (`@payloadcms/db-mongodb`): the adapter's own write transform, then `insertMany` / `bulkWrite` on
 *   its Mongoose models, in a transaction where the server has them. Where it has none (FerretDB v1, a
 *   standalone server), a failed batch deletes what it had inserted, so no half-written batch stays behind.
 */
import type { CollectionSlug, JsonObject, Payload } from 'payload'

import { withMongoBulkWriter } from './bulkInsertMongo'
import { withSqliteBulkWriter } from './bulkInsertSqlite'

export type DocumentId = number | string

/** A version row for a document that was just inserted: Payload's `_<slug>_v` entry, marked latest. */
export interface NewVersion {
  parent: DocumentId
  /** The document as stored, without its id. */
  version: JsonObject
  createdAt: string
  updatedAt: string
}

export interface UpsertOptions {
  /** A field with a unique index: a row whose key exists already is updated instead of inserted. */
  key: string
  /** The fields an existing row takes from the new one. */
  update: readonly string[]
}

export interface BulkWriter {
  /** Inserts new documents; returns their ids in the order given. */
  insert(collection: CollectionSlug, docs: readonly JsonObject[]): Promise<DocumentId[]>
  /** Inserts the first version of new documents of a collection with versions (drafts). */
  insertVersions(collection: CollectionSlug, versions: readonly NewVersion[]): Promise<void>
  /** Inserts rows, or updates `update` fields of the row that already holds the same `key`. */
  upsert(collection: CollectionSlug, docs: readonly JsonObject[], options: UpsertOptions): Promise<void>
}

/**
 * Runs `work` as one unit: committed together, or — on any error — nothing of it stays (rolled back, or on a
 * MongoDB server without transactions, its inserted documents deleted again). The error is rethrown.
 */
export function withBulkWriter<T>(payload: Payload, work: (writer: BulkWriter) => Promise<T>): Promise<T> {
  switch (payload.db.name) {
    case 'sqlite':
      return withSqliteBulkWriter(payload, work)
    case 'mongoose':
      return withMongoBulkWriter(payload, work)
    default:
      throw new Error(`批量写入不支持该数据库适配器 / bulk writes do not support the database adapter "${payload.db.name}"`)
  }
}
