import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/roles'

/**
 * Collections only the app itself writes (the search queue, lecturers' time slots, request locks, rating codes)
 * say so with `custom: { internal: true }`; this keeps each of them out of the admin's navigation and dashboard
 * for everyone but admins. Payload's own (jobs, preferences, locks, migrations) are hidden already.
 */
export const INTERNAL = { internal: true } as const

export const isInternalCollection = (collection: Pick<CollectionConfig, 'custom'>): boolean => collection.custom?.internal === true

export const hideInternalCollection = <C extends CollectionConfig>(collection: C): C =>
  isInternalCollection(collection) ? { ...collection, admin: { ...collection.admin, hidden: ({ user }) => !isAdmin(user as { role?: string }) } } : collection
