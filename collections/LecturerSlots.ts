import type { CollectionConfig } from 'payload'

import { INTERNAL } from '@/admin/internalCollections'
import { adminsOnly } from '@/access/contentAccess'
import { label } from '@/utilities/labels'

/**
 * 15-minute slots of lecturers' time held by course requests (src/requests/slots.ts). The unique `key`
 * (`<lecturer>:<slot>`) is what keeps a lecturer from being booked twice; only the booking code writes here.
 */
export const LecturerSlots: CollectionConfig<'lecturer-slots'> = {
  slug: 'lecturer-slots',
  access: { create: () => false, delete: () => false, read: adminsOnly, update: () => false },
  admin: { group: label('设置', 'Settings'), useAsTitle: 'key' },
  custom: INTERNAL,
  fields: [
    { name: 'key', type: 'text', index: true, required: true, unique: true },
    { name: 'lecturer', type: 'relationship', index: true, relationTo: 'lecturers', required: true },
    { name: 'request', type: 'relationship', index: true, relationTo: 'course-requests', required: true },
    { name: 'slot', type: 'number', required: true },
  ],
  labels: { plural: label('讲师时段占用', 'Lecturer time slots'), singular: label('时段占用', 'Time slot') },
}
