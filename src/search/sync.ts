/**
 * Getting every change into the search engine. Collection hooks only write an outbox row (same database
 * as the change, so nothing is lost when the engine is down); `drainSearchOutbox` moves rows into the
 * engine and deletes them only once the engine has taken them.
 */
import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import type { SearchDocument } from './types'

import { isIndexedCollection, INDEXED_COLLECTIONS, type IndexedCollection, searchDocumentId, toSearchDocument } from './documents'
import { getSearchEngine } from './index'
import { reindexIfNeeded } from './reindex'

const OUTBOX = 'search-outbox'
const DRAIN_BATCH = 200

type Dependents = (id: number | string) => Array<{ collection: IndexedCollection; where: Where }>

/** Bundles show their items' titles, so a change of an item (its title, its sharing scope) reaches them. */
const holdingBundles: Dependents = (id) => [{ collection: 'bundles', where: { 'items.item.value': { equals: id } } }]

/**
 * Changes to these reach other items' search documents (owner names and paths, lecturer and site names, the
 * parts a route or bundle may show).
 */
const DEPENDENTS: Partial<Record<CollectionSlug, Dependents>> = {
  courseware: holdingBundles,
  'field-routes': holdingBundles,
  'field-sites': (id) => [{ collection: 'field-routes', where: { 'stops.site': { equals: id } } }],
  jurisdictions: (id) =>
    INDEXED_COLLECTIONS.map((collection) => ({ collection, where: { jurisdictionPath: { contains: `/${id}/` } } })),
  lecturers: (id) => [
    ...(['lessons', 'courseware', 'videos'] as const).map((collection) => ({
      collection,
      where: { lecturers: { contains: id } },
    })),
    { collection: 'field-routes', where: { 'stops.lecturer': { equals: id } } },
  ],
  lessons: holdingBundles,
  textbooks: holdingBundles,
  videos: holdingBundles,
}

/** One pending row per document: what the outbox's unique `key` holds. */
export const searchOutboxKey = (collection: CollectionSlug, id: number | string): string => `${collection}:${id}`

const findQueued = async (payload: Payload, key: string, req?: PayloadRequest) =>
  (await payload.find({ collection: OUTBOX, depth: 0, limit: 1, pagination: false, req, where: { key: { equals: key } } })).docs[0]

/** Marks one document (or a jurisdiction/lecturer/site whose dependents must follow) as needing a sync. */
export const queueSearchChange = async (
  payload: Payload,
  collection: CollectionSlug,
  id: number | string,
  req?: PayloadRequest,
): Promise<void> => {
  const key = searchOutboxKey(collection, id)
  const queuedAt = new Date().toISOString()
  // every field, not only queuedAt: while a version is restored, Payload fills no missing field from the stored row.
  // By key, not by a looked-up id: the drain may delete the row in between, and then nothing is updated.
  const data = { docId: String(id), key, queuedAt, sourceCollection: collection }
  const updated = await payload.update({ collection: OUTBOX, data, depth: 0, req, where: { key: { equals: key } } })
  if (updated.docs.length > 0) return
  try {
    await payload.create({ collection: OUTBOX, data, depth: 0, req })
  } catch (error) {
    // Another writer (often the drain expanding a jurisdiction's dependents) queued the same key a moment
    // ago, and the unique index refused ours: the change is covered. Adapters word that refusal
    // differently (FerretDB's carries no field name), so look for the row rather than parse the error.
    if (!(await findQueued(payload, key, req))) throw error
  }
}

/** The published, depth-1 document as the search engine should see it, or null when it must not be found. */
export const loadSearchDocument = async (
  payload: Payload,
  collection: IndexedCollection,
  id: number | string,
): Promise<null | SearchDocument> => {
  const doc = await payload.findByID({ id, collection, depth: 1, disableErrors: true, draft: false, overrideAccess: true })
  return doc ? toSearchDocument(collection, doc as unknown as Record<string, unknown>) : null
}

const expandDependents = async (payload: Payload, collection: CollectionSlug, id: string): Promise<void> => {
  for (const { collection: dependent, where } of DEPENDENTS[collection]?.(id) ?? []) {
    const found = await payload.find({ collection: dependent, depth: 0, limit: 0, pagination: false, select: {}, where })
    for (const doc of found.docs) await queueSearchChange(payload, dependent, doc.id)
  }
}

type OutboxRow = { docId: string; id: number | string; queuedAt: string; sourceCollection: string }

/** Sends a batch of pending changes to the engine. Returns how many rows were cleared. */
const drainBatch = async (payload: Payload): Promise<number> => {
  const { docs } = await payload.find({ collection: OUTBOX, depth: 0, limit: DRAIN_BATCH, sort: 'queuedAt' })
  const rows = docs as unknown as OutboxRow[]
  if (rows.length === 0) return 0
  const upserts: SearchDocument[] = []
  const removals: string[] = []
  for (const row of rows) {
    const source = row.sourceCollection as CollectionSlug
    if (DEPENDENTS[source]) await expandDependents(payload, source, row.docId)
    if (!isIndexedCollection(source)) continue
    const document = await loadSearchDocument(payload, source, row.docId)
    if (document) upserts.push(document)
    else removals.push(searchDocumentId(source, row.docId))
  }
  const engine = await getSearchEngine()
  try {
    if (upserts.length) await engine.upsert(upserts)
    if (removals.length) await engine.remove(removals)
  } catch (error) {
    await recordFailure(payload, rows, error)
    throw error
  }
  // A row queued again while we worked keeps its newer queuedAt and stays for the next round.
  for (const row of rows) {
    await payload.delete({ collection: OUTBOX, where: { and: [{ id: { equals: row.id } }, { queuedAt: { equals: row.queuedAt } }] } })
  }
  return rows.length
}

const recordFailure = async (payload: Payload, rows: OutboxRow[], error: unknown) => {
  const lastError = String((error as Error)?.message ?? error).slice(0, 500)
  for (const row of rows) {
    const current = await payload.findByID({ id: row.id, collection: OUTBOX, depth: 0, disableErrors: true })
    if (current) await payload.update({ id: row.id, collection: OUTBOX, data: { attempts: (current.attempts ?? 0) + 1, lastError }, depth: 0 })
  }
}

let draining: null | Promise<number> = null

/** Drains the whole outbox; concurrent callers in one process share one run. Throws when the engine is unreachable. */
export const drainSearchOutbox = (payload: Payload): Promise<number> => {
  draining ??= (async () => {
    let total = 0
    try {
      for (let cleared = await drainBatch(payload); cleared > 0; cleared = await drainBatch(payload)) total += cleared
      return total
    } finally {
      draining = null
    }
  })()
  return draining
}

/** After a change: drain soon, off the request path; failures stay in the outbox for the next tick. */
export const kickSearchDrain = (payload: Payload): void => {
  setImmediate(() => {
    drainSearchOutbox(payload).catch((error) =>
      payload.logger.warn({ err: error, msg: '搜索同步失败，变更已留在同步队列 / Search sync failed; changes stay queued' }),
    )
  })
}

/** A safety net for outages and crashes: every few seconds, drain whatever is still queued. */
export const startSearchDrainTimer = (payload: Payload, intervalMs = 3000): NodeJS.Timeout => {
  const timer = setInterval(() => kickSearchDrain(payload), intervalMs)
  timer.unref()
  return timer
}

/** At server start: an engine that does not match the database is rebuilt in the background (see reindexIfNeeded); an unreachable one is left to the drain's retries. */
export const refillSearchIndexIfNeeded = async (payload: Payload): Promise<void> => {
  try {
    await reindexIfNeeded(payload, await getSearchEngine())
  } catch (error) {
    payload.logger.warn(`搜索索引重建未完成 / Could not refill the search index: ${String((error as Error)?.message ?? error)}`)
  }
}
