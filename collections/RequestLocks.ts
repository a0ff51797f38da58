import type { CollectionConfig } from 'payload'

import { INTERNAL } from '@/admin/internalCollections'
import { adminsOnly } from '@/access/contentAccess'
import { label } from '@/utilities/labels'

/** One row while a move is being made on a course request (src/requests/locks.ts): moves on one request take turns. */
export const RequestLocks: CollectionConfig<'request-locks'> = {
  slug: 'request-locks',
  access: { create: () => false, delete: adminsOnly, read: adminsOnly, update: () => false },
  admin: { group: label('设置', 'Settings'), useAsTitle: 'key' },
  custom: INTERNAL,
  fields: [{ name: 'key', type: 'text', index: true, required: true, unique: true }],
  labels: { plural: label('申请办理锁', 'Request locks'), singular: label('办理锁', 'Request lock') },
}
