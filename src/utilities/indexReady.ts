import type { CollectionSlug, Payload } from 'payload'

type Model = { init?: () => Promise<unknown> }

const ready = new WeakMap<Payload, Map<string, Promise<unknown>>>()

/**
 * On MongoDB, Payload's models build their indexes in the background when they start (`ensureIndexes` is off),
 * so a claim that relies on a unique index must wait until that index exists. Mongoose's `init()` is that wait
 * (one promise per model); SQLite creates its indexes with the tables, so there is nothing to wait for.
 */
export const uniqueIndexReady = (payload: Payload, collection: CollectionSlug): Promise<unknown> => {
  const model = (payload.db as unknown as { collections?: Record<string, Model> }).collections?.[collection]
  if (!model?.init) return Promise.resolve()
  const byCollection = ready.get(payload) ?? new Map<string, Promise<unknown>>()
  ready.set(payload, byCollection)
  if (!byCollection.has(collection)) byCollection.set(collection, model.init())
  return byCollection.get(collection)!
}
