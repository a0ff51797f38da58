import type { Field } from 'payload'

import { label } from '@/utilities/labels'
import { relationId } from '@/utilities/relationId'

export const VISIBILITIES = ['public', 'shared', 'local'] as const

/** 共享范围: who may see a published item (DESIGN.md §3). */
export const visibilityField = (): Field => ({
  name: 'visibility',
  type: 'select',
  admin: { position: 'sidebar' },
  defaultValue: 'shared',
  label: label('共享范围', 'Sharing scope'),
  options: [
    { label: label('公开', 'Public'), value: 'public' },
    { label: label('系统内共享', 'Shared with signed-in users'), value: 'shared' },
    { label: label('本辖区', 'Own jurisdiction line only'), value: 'local' },
  ],
  required: true,
})

/** The owner J, its ancestor path (kept by hooks), the visibility and the creator: the same on every owned collection. */
export const ownershipFields = ({ visibility = true }: { visibility?: boolean } = {}): Field[] => [
  {
    name: 'jurisdiction',
    type: 'relationship',
    admin: { position: 'sidebar' },
    // Over REST the signed-in user arrives populated; the default must be the id.
    defaultValue: ({ user }) => relationId(user?.jurisdiction) ?? undefined,
    label: label('所属辖区', 'Owning jurisdiction'),
    relationTo: 'jurisdictions',
    required: true,
  },
  ...(visibility ? [visibilityField()] : []),
  {
    name: 'jurisdictionPath',
    type: 'text',
    admin: { hidden: true },
    index: true,
    label: label('辖区路径', 'Jurisdiction path'),
  },
  {
    name: 'createdBy',
    type: 'relationship',
    // shown by name (src/admin/CreatorName), whoever the reader may look up
    admin: { components: { Field: '/admin/CreatorName#CreatorName' }, position: 'sidebar', readOnly: true },
    label: label('创建人', 'Created by'),
    relationTo: 'users',
  },
]
