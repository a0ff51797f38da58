import type { CollectionConfig } from 'payload'

import { INTERNAL } from '@/admin/internalCollections'
import { adminsOnly } from '@/access/contentAccess'
import { label } from '@/utilities/labels'

/**
 * Changes waiting to reach the search engine. A row is written in the same database as the change, so
 * an engine outage never loses one; the drain removes a row only after the engine took the change. A row
 * that keeps failing is retried with a growing delay and, after repeated failures, parked (状态 已搁置) until
 * `npm run reindex`; the list shows why (最近错误).
 */
export const SearchOutbox: CollectionConfig<'search-outbox'> = {
  slug: 'search-outbox',
  access: { create: () => false, delete: adminsOnly, read: adminsOnly, update: () => false },
  admin: {
    defaultColumns: ['key', 'status', 'attempts', 'lastError', 'nextAttemptAt', 'queuedAt'],
    group: label('设置', 'Settings'),
    useAsTitle: 'key',
  },
  fields: [
    { name: 'key', type: 'text', index: true, label: label('条目', 'Item'), required: true, unique: true },
    { name: 'sourceCollection', type: 'text', label: label('集合', 'Collection'), required: true },
    { name: 'docId', type: 'text', label: label('编号', 'ID'), required: true },
    {
      name: 'queuedAt',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' } },
      index: true,
      label: label('排队时间', 'Queued at'),
      required: true,
    },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'pending',
      index: true,
      label: label('状态', 'Status'),
      options: [
        { label: label('待同步', 'Pending'), value: 'pending' },
        { label: label('已搁置（运行 npm run reindex 清除）', 'Parked (npm run reindex clears it)'), value: 'parked' },
      ],
    },
    { name: 'attempts', type: 'number', defaultValue: 0, label: label('失败次数', 'Failed attempts') },
    {
      name: 'nextAttemptAt',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' } },
      index: true,
      label: label('下次重试', 'Next attempt'),
    },
    { name: 'lastError', type: 'text', label: label('最近错误', 'Last error') },
    {
      name: 'dependents',
      type: 'checkbox',
      admin: { description: label('引用它的条目也要重新同步', 'Items that copy from it are synced again too') },
      defaultValue: false,
      label: label('连带同步', 'With dependents'),
    },
  ],
  custom: INTERNAL,
  labels: { plural: label('搜索同步队列', 'Search sync queue'), singular: label('待同步项', 'Pending change') },
}
