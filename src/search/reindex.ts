/**
 * Reconciles an engine with the database: every published item is (re)written, and entries whose item
 * is gone or no longer published are removed. Reads in batches, so memory stays flat at any size.
 */
import type { Payload, Where } from 'payload'

import type { SearchEngine } from './engine'
import type { SearchDocument } from './types'

import { INDEXED_COLLECTIONS, type IndexedCollection, toSearchDocument } from './documents'
import { clearParkedChanges } from './outboxStatus'

/** at least the embedded engine's WORKER_MIN_BATCH, so its preparation worker takes part */
const BATCH = 500

export type ReindexProgress = { collection: string; done: number; total: number }
/** `unparked`: parked search-outbox rows the reindex made needless (see sync.ts) */
export type ReindexSummary = { read: number; removed: number; unparked: number; written: number }

/** documents in every indexed collection, those matching `whereIn(collection)` */
const countInIndexedCollections = async (
  payload: Payload,
  whereIn: (collection: IndexedCollection) => Where = () => ({}),
): Promise<number> => {
  const counts = await Promise.all(
    INDEXED_COLLECTIONS.map((collection) => payload.count({ collection, overrideAccess: true, where: whereIn(collection) })),
  )
  return counts.reduce((sum, { totalDocs }) => sum + totalDocs, 0)
}

/** every document reindexAll reads, drafts included: the progress bar's total */
export const countIndexable = (payload: Payload): Promise<number> => countInIndexedCollections(payload)

export const reindexAll = async (
  payload: Payload,
  engine: SearchEngine,
  onProgress: (progress: ReindexProgress) => void = () => {},
): Promise<ReindexSummary> => {
  const startedAt = new Date().toISOString()
  const total = await countIndexable(payload)
  const keep = new Set<string>()
  let read = 0
  // the next page is read while the engine still writes the previous one
  let writing: Promise<void> = Promise.resolve()
  for (const collection of INDEXED_COLLECTIONS) {
    for (let page = 1, hasNext = true; hasNext; page++) {
      const result = await payload.find({ collection, depth: 1, draft: false, limit: BATCH, overrideAccess: true, page, sort: 'id' })
      const documents = result.docs
        .map((doc) => toSearchDocument(collection, doc as unknown as Record<string, unknown>))
        .filter((doc): doc is SearchDocument => doc !== null)
      const next = documents.length ? engine.upsert(documents) : Promise.resolve()
      next.catch(() => undefined) // awaited below; this keeps a failure while we wait from counting as unhandled
      await writing
      writing = next
      for (const doc of documents) keep.add(doc.id)
      read += result.docs.length
      hasNext = result.hasNextPage
      onProgress({ collection, done: read, total })
    }
  }
  await writing
  const orphans: string[] = []
  for await (const { id } of engine.listIds()) if (!keep.has(id)) orphans.push(id)
  for (let i = 0; i < orphans.length; i += 1000) await engine.remove(orphans.slice(i, i + 1000))
  // every document was just written from the database: what parked changes waited for is done
  const unparked = await clearParkedChanges(payload, startedAt)
  return { read, removed: orphans.length, unparked, written: keep.size }
}

/** what toSearchDocument keeps: published items (items of collections without drafts are always published) */
export const countSearchable = (payload: Payload): Promise<number> =>
  countInIndexedCollections(payload, (collection): Where =>
    payload.collections[collection].config.versions?.drafts ? { _status: { equals: 'published' } } : {},
  )

type RebuildReason = 'drifted' | 'empty' | 'outdated'

const REBUILD_MESSAGES: Record<RebuildReason, string> = {
  drifted: '搜索索引与数据库的条目数不一致，正在核对 / Search index and database disagree on the number of items: reconciling',
  empty: '搜索索引为空，正在从数据库重建 / Search index is empty: rebuilding it from the database',
  outdated: '搜索索引的文档格式已过时，正在从数据库重写 / Search index holds an older document layout: rewriting it from the database',
}

const rebuildReason = async (payload: Payload, engine: SearchEngine): Promise<null | RebuildReason> => {
  const [held, published] = await Promise.all([engine.count(), countSearchable(payload)])
  if (published === 0) return null
  if (held === 0) return 'empty'
  if (await engine.holdsOutdatedEntries()) return 'outdated'
  return held === published ? null : 'drifted'
}

/**
 * At server start, an engine that does not match the database is rebuilt from it, so search works without
 * anyone running `npm run reindex`: one that holds nothing (a new Meilisearch server, a deleted or outdated
 * search.db), entries of an older document layout, or another number of entries than there are published
 * items (a search.db kept while the database was restored or swapped). Returns the summary, or null when
 * there was nothing to do.
 */
export const reindexIfNeeded = async (payload: Payload, engine: SearchEngine): Promise<null | ReindexSummary> => {
  const reason = await rebuildReason(payload, engine)
  if (reason === null) return null
  payload.logger.info(REBUILD_MESSAGES[reason])
  const summary = await reindexAll(payload, engine)
  payload.logger.info(`搜索索引已重建：${summary.written} 项 / Search index rebuilt: ${summary.written} items`)
  return summary
}
