/**
 * Getting every change into the search engine. Collection hooks only write an outbox row (same database
 * as the change, so nothing is lost when the engine is down); `drainSearchOutbox` moves rows into the
 * engine and deletes them only once the engine has taken them. A row the engine refuses waits a growing
 * delay before its next try, without holding up the others, and is parked after MAX_SYNC_ATTEMPTS. Several app
 * processes may drain at once: each sends only the changes it claimed (see claims.ts).
 */
import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import type { SearchEngine } from './engine'
import type { SearchDocument } from './types'

import { claimKeys, heldKeys, newClaimHolder, releaseClaims, sweepExpiredClaims } from './claims'
import { dependentsOf } from './dependents'
import { isIndexedCollection, type IndexedCollection, searchDocumentId, toSearchDocument } from './documents'
import { getSearchEngine } from './index'
import { NOT_PARKED } from './outboxStatus'
import { reindexIfNeeded } from './reindex'

const OUTBOX = 'search-outbox'
const DRAIN_BATCH = 200

/** Changes one drain round claims and sends together (`COMMONS_SEARCH_BATCH`, default 200). */
const drainBatchSize = (): number => {
  const configured = Number(process.env.COMMONS_SEARCH_BATCH)
  return Number.isInteger(configured) && configured > 0 ? configured : DRAIN_BATCH
}

/** A row that failed this many times is parked: it waits for `npm run reindex` instead of being retried. */
export const MAX_SYNC_ATTEMPTS = 8
const FIRST_RETRY_MS = 2_000
const LONGEST_RETRY_MS = 10 * 60_000

/** 2 s, 4 s, 8 s … after each failure, at most 10 minutes. */
export const retryDelayMs = (attempts: number): number => Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS)

/** One pending row per document: what the outbox's unique `key` holds. */
export const searchOutboxKey = (collection: CollectionSlug, id: number | string): string => `${collection}:${id}`

const findQueued = async (payload: Payload, key: string, req?: PayloadRequest) =>
  (await payload.find({ collection: OUTBOX, depth: 0, limit: 1, pagination: false, req, where: { key: { equals: key } } })).docs[0]

/**
 * Marks one document as needing a sync; `dependents`: a field that other search documents copy changed (or
 * the document is gone), so the drain also queues those documents. A flag once set stays until drained.
 */
export const queueSearchChange = async (
  payload: Payload,
  collection: CollectionSlug,
  id: number | string,
  req?: PayloadRequest,
  { dependents = false }: { dependents?: boolean } = {},
): Promise<void> => {
  const key = searchOutboxKey(collection, id)
  const queuedAt = new Date().toISOString()
  // Every field, not only queuedAt: while a version is restored, Payload fills no missing field from the stored row.
  // By key, not by a looked-up id: the drain may delete the row in between, and then nothing is updated.
  // A new change is tried at once, even if an earlier one of the same document was waiting or parked.
  const data = { attempts: 0, docId: String(id), key, queuedAt, sourceCollection: collection, status: 'pending' as const, ...(dependents ? { dependents } : {}) }
  const updated = await payload.update({ collection: OUTBOX, data: { ...data, nextAttemptAt: null }, depth: 0, req, where: { key: { equals: key } } })
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

/**
 * Queues many documents of one collection (a rename's dependents, thousands for a theme) the way
 * queueSearchChange queues one, but straight through the database adapter: rows already queued are renewed
 * with one update per batch, the others inserted without the Local API's per-document work.
 */
const queueSearchChanges = async (payload: Payload, collection: CollectionSlug, ids: Array<number | string>, req?: PayloadRequest): Promise<void> => {
  const queuedAt = new Date().toISOString()
  for (let start = 0; start < ids.length; start += DRAIN_BATCH) {
    const idOfKey = new Map(ids.slice(start, start + DRAIN_BATCH).map((id) => [searchOutboxKey(collection, id), id]))
    const where: Where = { key: { in: [...idOfKey.keys()] } }
    const queued = (await payload.find({ collection: OUTBOX, depth: 0, limit: 0, pagination: false, req, select: { key: true }, where })).docs
    if (queued.length) {
      const renewed = { attempts: 0, nextAttemptAt: null, queuedAt, status: 'pending', updatedAt: queuedAt }
      await payload.db.updateMany({ collection: OUTBOX, data: renewed, req, returning: false, where: { key: { in: queued.map((row) => row.key) } } })
    }
    for (const row of queued) idOfKey.delete(row.key)
    for (const [key, id] of idOfKey) {
      const row = { attempts: 0, createdAt: queuedAt, dependents: false, docId: String(id), key, queuedAt, sourceCollection: collection, status: 'pending', updatedAt: queuedAt }
      // a unique-key refusal means another writer queued it a moment ago (see queueSearchChange)
      await payload.db.create({ collection: OUTBOX, data: row, req, returning: false }).catch(async (error: unknown) => {
        if (!(await findQueued(payload, key, req))) throw error
      })
    }
  }
}

/** Queues every document whose search document copies from this one (see dependents.ts). */
export const queueDependents = async (payload: Payload, collection: CollectionSlug, id: number | string, req?: PayloadRequest): Promise<void> => {
  for (const { collection: dependent, where } of dependentsOf(payload, collection)) {
    const found = await payload.find({ collection: dependent, depth: 0, limit: 0, pagination: false, req, select: {}, where: where(id) })
    await queueSearchChanges(payload, dependent, found.docs.map((doc) => doc.id), req)
  }
}

type OutboxRow = {
  attempts?: null | number
  dependents?: boolean | null
  docId: string
  id: number | string
  key: string
  queuedAt: string
  sourceCollection: string
}

/** What one row asks of the engine, or why it could not be prepared. */
type Change = { error?: unknown; removal?: string; row: OutboxRow; upsert?: SearchDocument }

/** The row as it was read: a row queued again meanwhile has a newer queuedAt and is left for the next round. */
const sameQueuedRow = (row: OutboxRow): Where => ({ and: [{ id: { equals: row.id } }, { queuedAt: { equals: row.queuedAt } }] })

/** Rows whose turn has come: not parked, and past their backoff (none until a first failure). */
const readyRows = (now: string): Where => ({
  and: [
    NOT_PARKED,
    { or: [{ nextAttemptAt: { exists: false } }, { nextAttemptAt: { equals: null } }, { nextAttemptAt: { less_than_equal: now } }] },
  ],
})

/** The rows' documents, read in one query per collection; when that fails, one by one, so a bad one fails alone. */
const loadChanges = async (payload: Payload, collection: IndexedCollection, rows: OutboxRow[]): Promise<Change[]> => {
  const change = (row: OutboxRow, doc: unknown): Change => {
    try {
      const document = doc ? toSearchDocument(collection, doc as Record<string, unknown>) : null
      return document ? { row, upsert: document } : { removal: searchDocumentId(collection, row.docId), row }
    } catch (error) {
      return { error, row }
    }
  }
  try {
    const where: Where = { id: { in: rows.map((row) => row.docId) } }
    const { docs } = await payload.find({ collection, depth: 1, draft: false, limit: 0, overrideAccess: true, pagination: false, where })
    const byId = new Map(docs.map((doc) => [String(doc.id), doc]))
    return rows.map((row) => change(row, byId.get(row.docId)))
  } catch {
    const changes: Change[] = []
    for (const row of rows) {
      try {
        changes.push(change(row, await payload.findByID({ id: row.docId, collection, depth: 1, disableErrors: true, draft: false, overrideAccess: true })))
      } catch (error) {
        changes.push({ error, row })
      }
    }
    return changes
  }
}

/** Queues the row's dependents once: should the row itself fail, its retries do not queue them again. */
const expandDependents = async (payload: Payload, row: OutboxRow): Promise<undefined> => {
  await queueDependents(payload, row.sourceCollection as CollectionSlug, row.docId)
  await payload.db.updateMany({ collection: OUTBOX, data: { dependents: false }, returning: false, where: sameQueuedRow(row) })
  return undefined
}

/** What each row asks of the engine: its dependents queued first, then its own document read. */
const prepareChanges = async (payload: Payload, rows: OutboxRow[]): Promise<Change[]> => {
  const changes: Change[] = []
  const toLoad = new Map<IndexedCollection, OutboxRow[]>()
  for (const row of rows) {
    const source = row.sourceCollection as CollectionSlug
    const expanded = row.dependents ? await expandDependents(payload, row).catch((error: unknown) => ({ error })) : undefined
    if (expanded) changes.push({ error: expanded.error, row })
    else if (!isIndexedCollection(source)) changes.push({ row })
    else toLoad.set(source, [...(toLoad.get(source) ?? []), row])
  }
  for (const [collection, group] of toLoad) changes.push(...(await loadChanges(payload, collection, group)))
  return changes
}

const send = async (engine: SearchEngine, changes: Change[]): Promise<void> => {
  const upserts = changes.flatMap((change) => (change.upsert ? [change.upsert] : []))
  const removals = changes.flatMap((change) => (change.removal ? [change.removal] : []))
  if (upserts.length) await engine.upsert(upserts)
  if (removals.length) await engine.remove(removals)
}

/** The engine answers at all: a failed batch is then some document's fault, not an outage. */
const engineAnswers = (engine: SearchEngine): Promise<boolean> =>
  engine.count().then(
    () => true,
    () => false,
  )

/**
 * Sends the prepared changes; when the engine refuses the batch but still answers, each change goes alone,
 * so a document the engine cannot take fails by itself and the others get in. Returns the failed changes.
 * Throws when the engine is unreachable: then nothing is any row's fault and every row waits as it is.
 */
const sendIsolatingFailures = async (changes: Change[]): Promise<Change[]> => {
  const failed = changes.filter((change) => change.error !== undefined)
  const ready = changes.filter((change) => change.error === undefined)
  const engine = await getSearchEngine()
  try {
    await send(engine, ready)
    return failed
  } catch (error) {
    if (!(await engineAnswers(engine))) throw error
  }
  for (const change of ready) {
    await send(engine, [change]).catch((error: unknown) => failed.push({ ...change, error }))
  }
  return failed
}

/** Sends the claimed rows' changes; clears the rows the engine took, records a failure on the others. */
const sendRows = async (payload: Payload, rows: OutboxRow[]): Promise<void> => {
  const failed = await sendIsolatingFailures(await prepareChanges(payload, rows))
  const failedRows = new Set(failed.map((change) => change.row))
  // A row queued again while we worked keeps its newer queuedAt and stays for the next round.
  const sent = rows.filter((row) => !failedRows.has(row)).map(sameQueuedRow)
  if (sent.length) await payload.db.deleteMany({ collection: OUTBOX, where: { or: sent } })
  for (const { error, row } of failed) await recordFailure(payload, row, error)
}

/**
 * One round: reads ready rows no other process holds, claims their keys, and sends the rows it got, read again
 * under the claim (another process may have sent and cleared them in between). Returns how many rows it read:
 * 0 when nothing is left for this process.
 */
const drainBatch = async (payload: Payload): Promise<number> => {
  await sweepExpiredClaims(payload)
  const held = await heldKeys(payload)
  const ready = readyRows(new Date().toISOString())
  const where: Where = held.length ? { and: [ready, { key: { not_in: held } }] } : ready
  const { docs } = await payload.find({ collection: OUTBOX, depth: 0, limit: drainBatchSize(), select: { key: true }, sort: 'queuedAt', where })
  if (docs.length === 0) return 0
  const holder = newClaimHolder()
  try {
    const claimed = await claimKeys(payload, docs.map((row) => row.key), holder)
    if (claimed.size === 0) return docs.length
    const rows = await payload.find({ collection: OUTBOX, depth: 0, limit: 0, pagination: false, sort: 'queuedAt', where: { and: [ready, { key: { in: [...claimed] } }] } })
    if (rows.docs.length) await sendRows(payload, rows.docs as unknown as OutboxRow[])
  } finally {
    await releaseClaims(payload, holder)
  }
  return docs.length
}

/** One more failed attempt: retried after a growing delay, parked after MAX_SYNC_ATTEMPTS. */
const recordFailure = async (payload: Payload, row: OutboxRow, error: unknown): Promise<void> => {
  const attempts = (row.attempts ?? 0) + 1
  const parked = attempts >= MAX_SYNC_ATTEMPTS
  const lastError = String((error as Error)?.message ?? error).slice(0, 500)
  const nextAttemptAt = new Date(Date.now() + retryDelayMs(attempts)).toISOString()
  // only if nobody queued the document again meanwhile: a new change starts afresh
  await payload.update({
    collection: OUTBOX,
    data: { attempts, lastError, nextAttemptAt, status: parked ? 'parked' : 'pending' },
    depth: 0,
    where: sameQueuedRow(row),
  })
  const message = parked
    ? `搜索同步已搁置 ${row.sourceCollection}:${row.docId}（失败 ${attempts} 次），运行 npm run reindex 后清除 / Search sync parked after ${attempts} failures; npm run reindex clears it`
    : `搜索同步失败，稍后重试 ${row.sourceCollection}:${row.docId}（第 ${attempts} 次） / Search sync failed; retrying later`
  payload.logger.warn({ err: error, msg: message })
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
