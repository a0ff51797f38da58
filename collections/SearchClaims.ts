import type { CollectionConfig } from 'payload'

import { adminsOnly } from '@/access/contentAccess'
import { INTERNAL } from '@/admin/internalCollections'
import { label } from '@/utilities/labels'

/**
 * One row per search-outbox change an app process is sending to the engine (src/search/claims.ts): its unique
 * `key` is how several processes split the outbox without sending a change twice.
 */
export const SearchClaims: CollectionConfig<'search-claims'> = {
  slug: 'search-claims',
  access: { create: () => false, delete: adminsOnly, read: adminsOnly, update: () => false },
  admin: { group: label('设置', 'Settings'), useAsTitle: 'key' },
  custom: INTERNAL,
  fields: [
    { name: 'key', type: 'text', index: true, label: label('条目', 'Item'), required: true, unique: true },
    { name: 'holder', type: 'text', index: true, label: label('处理者', 'Holder'), required: true },
  ],
  labels: { plural: label('搜索同步认领', 'Search sync claims'), singular: label('认领', 'Claim') },
}
