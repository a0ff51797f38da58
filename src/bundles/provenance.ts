import type { CollectionBeforeChangeHook, Field, PayloadRequest } from 'payload'

import type { ItemRow } from './merge'

import { label } from '@/utilities/labels'

/** Where a fork came from: written only by the fork and pull endpoints (src/bundles/fork.ts), never by a client. */
export type Provenance = {
  forkBase?: { items: ItemRow[]; updatedAt: null | string; version: null | string }
  forkedAt?: string
  forkedFrom?: number | string
  forkPath?: string
  forkRoot?: number | string
}

export const PROVENANCE_FIELDS = ['forkedFrom', 'forkRoot', 'forkPath', 'forkedAt', 'forkBase'] as const

const PROVENANCE_CONTEXT = 'bundleProvenance'

/** Runs a write that sets provenance: the only door to these fields. */
export const withProvenance = async <T>(req: PayloadRequest, provenance: Provenance, write: () => Promise<T>): Promise<T> => {
  req.context[PROVENANCE_CONTEXT] = provenance
  try {
    return await write()
  } finally {
    delete req.context[PROVENANCE_CONTEXT]
  }
}

const serverOnly = { access: { create: () => false, update: () => false } }

export const provenanceFields = (): Field[] => [
  {
    name: 'forkedFrom',
    type: 'relationship',
    ...serverOnly,
    admin: { position: 'sidebar', readOnly: true },
    index: true,
    label: label('复制自', 'Forked from'),
    relationTo: 'bundles',
  },
  {
    name: 'forkRoot',
    type: 'relationship',
    ...serverOnly,
    admin: { position: 'sidebar', readOnly: true },
    index: true,
    label: label('最初来源', 'Original bundle'),
    relationTo: 'bundles',
  },
  {
    name: 'forkedAt',
    type: 'date',
    ...serverOnly,
    admin: { date: { pickerAppearance: 'dayAndTime' }, position: 'sidebar', readOnly: true },
    label: label('复制时间', 'Forked at'),
  },
  // '/root/…/parent/': every bundle this one descends from, so "forks of X" is one query
  { name: 'forkPath', type: 'text', ...serverOnly, hidden: true, index: true },
  // the upstream as it was copied or last pulled: the base of the three-way merge
  {
    name: 'forkBase',
    type: 'group',
    ...serverOnly,
    fields: [
      { name: 'version', type: 'text', hidden: true },
      { name: 'updatedAt', type: 'date', hidden: true },
      { name: 'items', type: 'json', hidden: true },
    ],
    hidden: true,
  },
]

/**
 * Provenance is what the fork and pull endpoints say it is: on create nothing unless they say so (a duplicate is
 * no fork), on update what was stored, whatever the client, the Local API or a restored version sends.
 */
export const keepProvenance: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  const given = req.context[PROVENANCE_CONTEXT] as Provenance | undefined
  for (const name of PROVENANCE_FIELDS) {
    if (given && name in given) data[name] = given[name]
    else data[name] = (operation === 'update' ? originalDoc?.[name] : undefined) ?? (name === 'forkBase' ? {} : null)
  }
  return data
}
