import type { Field } from 'payload'

import { label } from '@/utilities/labels'

/** Written by the upload check from the file itself; a client's value is ignored. */
export const originalFilenameField = (): Field => ({
  name: 'originalFilename',
  type: 'text',
  admin: { position: 'sidebar', readOnly: true },
  label: label('原文件名', 'Original file name'),
})

/**
 * `unique` where the collection refuses duplicates (courseware, videos): the database then lets only one of two
 * simultaneous uploads of a file in (see duplicateRace.ts). Items without a file (a video link) have no hash.
 */
export const sha256Field = (options: { unique?: boolean } = {}): Field => ({
  name: 'sha256',
  type: 'text',
  admin: { readOnly: true },
  index: true,
  label: 'SHA-256',
  unique: Boolean(options.unique),
})

/** The admin's early duplicate warning (DuplicateNotice): no data, shown above the other fields. */
export const duplicateNoticeField = (): Field => ({
  name: 'duplicateNotice',
  type: 'ui',
  admin: { components: { Field: '/ingest/admin/DuplicateNotice#DuplicateNotice' } },
})
