import type { CollectionConfig } from 'payload'

import { adminsOnly } from '@/access/contentAccess'
import { organizersOfSession } from '@/records/access'
import { label } from '@/utilities/labels'

/** 满意度评价: one per rating code, with no person attached; written only through /api/rate/:code. */
export const Ratings: CollectionConfig<'ratings'> = {
  slug: 'ratings',
  access: { create: () => false, delete: adminsOnly, read: organizersOfSession, update: () => false },
  admin: { defaultColumns: ['session', 'score', 'comment', 'createdAt'], group: label('点单派单', 'Orders'), useAsTitle: 'comment' },
  fields: [
    { name: 'session', type: 'relationship', index: true, label: label('培训', 'Session'), relationTo: 'training-sessions', required: true },
    { name: 'score', type: 'number', label: label('满意度', 'Score'), max: 5, min: 1, required: true },
    { name: 'comment', type: 'text', label: label('意见', 'Comment'), maxLength: 500 },
    // The code that cast it: unique, so a code votes once.
    { name: 'code', type: 'text', admin: { hidden: true }, index: true, required: true, unique: true },
  ],
  labels: { plural: label('满意度评价', 'Ratings'), singular: label('满意度评价', 'Rating') },
}
