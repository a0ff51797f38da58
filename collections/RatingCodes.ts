import type { CollectionConfig } from 'payload'

import { INTERNAL } from '@/admin/internalCollections'
import { adminsOnly } from '@/access/contentAccess'
import { organizersOfSession } from '@/records/access'
import { label } from '@/utilities/labels'

/** One-time rating codes, printed as QR slips; issued through POST /api/training-sessions/:id/codes. */
export const RatingCodes: CollectionConfig<'rating-codes'> = {
  slug: 'rating-codes',
  access: { create: () => false, delete: adminsOnly, read: organizersOfSession, update: () => false },
  admin: { defaultColumns: ['code', 'session', 'usedAt'], group: label('点单派单', 'Orders'), useAsTitle: 'code' },
  custom: INTERNAL,
  fields: [
    { name: 'code', type: 'text', index: true, label: label('评价码', 'Code'), required: true, unique: true },
    { name: 'session', type: 'relationship', index: true, label: label('培训', 'Session'), relationTo: 'training-sessions', required: true },
    { name: 'usedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } }, label: label('使用时间', 'Used at') },
  ],
  labels: { plural: label('评价码', 'Rating codes'), singular: label('评价码', 'Rating code') },
}
