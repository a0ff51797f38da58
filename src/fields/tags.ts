import type { TextField, TextFieldManyValidation } from 'payload'

import { text as payloadTextValidation } from 'payload/shared'

import { bilingual, label } from '@/utilities/labels'

export const TAG_LIMITS = { maxLength: 40, maxTags: 30 } as const

/** At most `maxTags` tags of at most `maxLength` characters each, then Payload's own text validation. */
export const validateTags: TextFieldManyValidation = (value, options) => {
  const tags = Array.isArray(value) ? value : []
  if (tags.length > TAG_LIMITS.maxTags) return bilingual(`标签最多 ${TAG_LIMITS.maxTags} 个`, `At most ${TAG_LIMITS.maxTags} tags`)
  const long = tags.find((tag) => typeof tag === 'string' && tag.length > TAG_LIMITS.maxLength)
  if (long !== undefined) return bilingual(`每个标签最多 ${TAG_LIMITS.maxLength} 字`, `A tag may have at most ${TAG_LIMITS.maxLength} characters`)
  return payloadTextValidation(value as never, options as never)
}

/** Free keywords (`tags`), bounded in number and length. */
export const tagsField = (): TextField => ({
  name: 'tags',
  type: 'text',
  admin: { position: 'sidebar' },
  hasMany: true,
  label: label('标签', 'Tags'),
  maxRows: TAG_LIMITS.maxTags,
  validate: validateTags,
})
