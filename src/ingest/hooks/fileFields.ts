import type { Field } from 'payload'

import { label } from '@/utilities/labels'

/** Written by the upload check from the file itself; a client's value is ignored. */
export const originalFilenameField = (): Field => ({
  name: 'originalFilename',
  type: 'text',
  admin: { position: 'sidebar', readOnly: true },
  label: label('原文件名', 'Original file name'),
})

export const sha256Field = (): Field => ({
  name: 'sha256',
  type: 'text',
  admin: { readOnly: true },
  index: true,
  label: 'SHA-256',
})
