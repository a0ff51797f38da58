/**
 * How far the search index lags behind the database, for health checks: changes waiting in the search
 * outbox, those parked after repeated failures (they wait for `npm run reindex`), and the oldest waiting one.
 */
import type { Payload, Where } from 'payload'

export type SearchOutboxStatus = {
  /** changes still to be sent (parked ones not counted) */
  pending: number
  /** changes that failed too often and wait for `npm run reindex` */
  parked: number
  /** when the oldest pending change was queued, and how long ago in seconds; null when none waits */
  oldestPendingAt: null | string
  oldestPendingAgeSeconds: null | number
}

export const PARKED: Where = { status: { equals: 'parked' } }
// rows the bulk importer wrote carry no status
export const NOT_PARKED: Where = { or: [{ status: { exists: false } }, { status: { not_equals: 'parked' } }] }

/** After a full reindex: parked changes queued before it began are covered by it. Returns how many were cleared. */
export const clearParkedChanges = async (payload: Payload, queuedBefore: string): Promise<number> => {
  const { docs } = await payload.delete({
    collection: 'search-outbox',
    depth: 0,
    overrideAccess: true,
    where: { and: [PARKED, { queuedAt: { less_than: queuedBefore } }] },
  })
  return docs.length
}

export const getSearchOutboxStatus = async (payload: Payload, now = new Date()): Promise<SearchOutboxStatus> => {
  const [pending, parked, oldest] = await Promise.all([
    payload.count({ collection: 'search-outbox', overrideAccess: true, where: NOT_PARKED }),
    payload.count({ collection: 'search-outbox', overrideAccess: true, where: PARKED }),
    payload.find({ collection: 'search-outbox', depth: 0, limit: 1, overrideAccess: true, pagination: false, select: { queuedAt: true }, sort: 'queuedAt', where: NOT_PARKED }),
  ])
  const oldestPendingAt = oldest.docs[0]?.queuedAt ?? null
  return {
    oldestPendingAgeSeconds: oldestPendingAt ? Math.max(0, Math.round((now.getTime() - Date.parse(oldestPendingAt)) / 1000)) : null,
    oldestPendingAt,
    parked: parked.totalDocs,
    pending: pending.totalDocs,
  }
}
