import type { Field, FieldHook, SelectField } from 'payload'

import type { Label } from '@/utilities/labels'

import { toSimplified, toTraditional } from '@/utilities/chineseScript'

import type { Term } from './vocabulary'

export const termLabel = (term: Term): Label => ({ en: term.en, zh: term.zh, 'zh-TW': toTraditional(term.zh) })

export const termOptions = (terms: readonly Term[]) => terms.map((term) => ({ label: termLabel(term), value: term.code }))

/** The code for a code, or for the glossary word in either script; null when it is neither. */
export const termCode = (terms: readonly Term[], value: unknown): null | string => {
  if (typeof value !== 'string') return null
  const word = toSimplified(value.trim())
  return terms.find((term) => term.code === value || term.zh === word)?.code ?? null
}

/** The Simplified word for a stored code (search text, CSV exports); '' when empty, the code itself when unknown. */
export const termWord = (terms: readonly Term[], code: unknown): string =>
  code == null || code === '' ? '' : (terms.find((term) => term.code === code)?.zh ?? String(code))

/** Lets API clients, imports and seeds send 农村党员 or 農村黨員 as well as `rural`. Unknown words stay, so validation names them. */
const normalizeTerms =
  (terms: readonly Term[]): FieldHook =>
  ({ value }) =>
    Array.isArray(value) ? value.map((item) => termCode(terms, item) ?? item) : (termCode(terms, value) ?? value)

type TermFieldArgs = { hasMany?: boolean; label: Label; name: string; overrides?: Partial<SelectField>; required?: boolean; terms: readonly Term[] }

/** A select over glossary words, stored as codes. */
export const termField = ({ hasMany = false, label, name, overrides, required, terms }: TermFieldArgs): Field =>
  ({
    name,
    type: 'select',
    hasMany,
    hooks: { beforeValidate: [normalizeTerms(terms)] },
    label,
    options: termOptions(terms),
    required,
    ...overrides,
  }) as Field
