import type { CollectionBeforeOperationHook, CollectionConfig, CollectionSlug } from 'payload'

import { NotFound } from 'payload'

import { refuseHiddenQueryPaths } from './queryPaths'

/**
 * Restoring asks only for update rights on the item, after looking the version up: a version the caller may
 * not read would answer 403 where a made-up id answers 404. It answers 404 alike.
 */
export const hideUnreadableVersionOnRestore: CollectionBeforeOperationHook = async ({ args, collection, operation, overrideAccess, req }) => {
  if (operation !== 'restoreVersion' || overrideAccess) return args
  const { id } = args as { id?: number | string }
  if (id === undefined) return args
  const version = await req.payload.findVersionByID({
    id: id as string,
    collection: collection.slug as CollectionSlug,
    depth: 0,
    disableErrors: true,
    overrideAccess: false,
    req,
  })
  if (!version) throw new NotFound(req.t)
  return args
}

/** Adds the read guards every collection needs (query paths; version restores) without replacing its own hooks. */
export const addReadGuards = (config: CollectionConfig): CollectionConfig => ({
  ...config,
  hooks: {
    ...config.hooks,
    beforeOperation: [
      refuseHiddenQueryPaths,
      ...(config.versions ? [hideUnreadableVersionOnRestore] : []),
      ...(config.hooks?.beforeOperation ?? []),
    ],
  },
})
