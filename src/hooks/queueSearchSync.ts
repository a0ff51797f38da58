import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { kickSearchDrain, queueSearchChange } from '@/search/sync'

/** Every create, update, publish, unpublish and visibility change is queued for the search engine. */
export const queueSearchSyncAfterChange: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
  await queueSearchChange(req.payload, collection.slug, doc.id, req)
  if (!req.context.deferSearchDrain) kickSearchDrain(req.payload)
  return doc
}

export const queueSearchSyncAfterDelete: CollectionAfterDeleteHook = async ({ collection, id, req }) => {
  await queueSearchChange(req.payload, collection.slug, id, req)
  if (!req.context.deferSearchDrain) kickSearchDrain(req.payload)
}

/** Adds the search hooks to a collection without replacing its own. */
export const addSearchSync = <T extends { hooks?: { afterChange?: unknown[]; afterDelete?: unknown[] } }>(config: T): T => ({
  ...config,
  hooks: {
    ...config.hooks,
    afterChange: [...(config.hooks?.afterChange ?? []), queueSearchSyncAfterChange],
    afterDelete: [...(config.hooks?.afterDelete ?? []), queueSearchSyncAfterDelete],
  },
})
