import type { CollectionConfig } from 'payload'

import { adminsOnly } from '@/access/contentAccess'
import { label } from '@/utilities/labels'

/**
 * Changes waiting to reach the search engine. A row is written in the same database as the change, so
 * an engine outage never loses one; the drain removes a row only after the engine took the change.
 */
export const SearchOutbox: CollectionConfig<'search-outbox'> = {
  slug: 'search-outbox',
  access: { create: () => false, delete: adminsOnly, read: adminsOnly, update: () => false },
  admin: { group: label('设置', 'Settings'), hidden: ({ user }) => user?.role !== 'admin', useAsTitle: 'key' },
  fields: [
    { name: 'key', type: 'text', index: true, required: true, unique: true },
    { name: 'sourceCollection', type: 'text', required: true },
    { name: 'docId', type: 'text', required: true },
    { name: 'queuedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } }, index: true, required: true },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'lastError', type: 'text' },
  ],
  labels: { plural: label('搜索同步队列', 'Search sync queue'), singular: label('待同步项', 'Pending change') },
}
