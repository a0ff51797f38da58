import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeDeleteHook } from 'payload'

import { changesCopiedFields } from '@/search/dependents'
import { isIndexedCollection } from '@/search/documents'
import { kickSearchDrain, queueDependents, queueSearchChange } from '@/search/sync'

/**
 * Every create, update, publish, unpublish and visibility change of an indexed item is queued for the search
 * engine; a change to a field that other items' search documents copy (a theme's or lecturer's name, a
 * site's place, a jurisdiction's name or position) queues those items too, through the drain.
 */
export const queueSearchSyncAfterChange: CollectionAfterChangeHook = async ({ collection, doc, operation, previousDoc, req }) => {
  const dependents = operation === 'update' && changesCopiedFields(req.payload, collection.slug, doc, previousDoc)
  if (!dependents && !isIndexedCollection(collection.slug)) return doc
  await queueSearchChange(req.payload, collection.slug, doc.id, req, { dependents })
  if (!req.context.deferSearchDrain) kickSearchDrain(req.payload)
  return doc
}

/** Before the document goes: afterwards a database may have dropped the references that lead to its dependents. */
export const queueSearchDependentsBeforeDelete: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  await queueDependents(req.payload, collection.slug, id, req)
}

export const queueSearchSyncAfterDelete: CollectionAfterDeleteHook = async ({ collection, id, req }) => {
  if (isIndexedCollection(collection.slug)) await queueSearchChange(req.payload, collection.slug, id, req)
  if (!req.context.deferSearchDrain) kickSearchDrain(req.payload)
}

type Hooks = { afterChange?: unknown[]; afterDelete?: unknown[]; beforeDelete?: unknown[] }

/** Adds the search hooks to a collection without replacing its own. */
export const addSearchSync = <T extends { hooks?: Hooks }>(config: T): T => ({
  ...config,
  hooks: {
    ...config.hooks,
    afterChange: [...(config.hooks?.afterChange ?? []), queueSearchSyncAfterChange],
    afterDelete: [...(config.hooks?.afterDelete ?? []), queueSearchSyncAfterDelete],
    beforeDelete: [...(config.hooks?.beforeDelete ?? []), queueSearchDependentsBeforeDelete],
  },
})
