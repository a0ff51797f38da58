/**
 * The re-sync derivation can only be as right as COPIED_RELATIONS. These tests feed every relationship of every
 * indexed collection, populated with marked values, through the document builders, and fail when a builder
 * copies a field that the declaration does not name: the next copied field cannot be forgotten.
 */
import type { FlattenedField, SanitizedCollectionConfig } from 'payload'

import configPromise from '@payload-config'
import { describe, expect, it } from 'vitest'

import { deriveDependents } from './dependents'
import { COPIED_RELATIONS, type CopiedRelation, INDEXED_COLLECTIONS, type IndexedCollection, toSearchDocument } from './documents'

type Doc = Record<string, unknown>
type Relation = { field: Extract<FlattenedField, { type: 'relationship' | 'upload' }>; path: string }

const relationsOf = (fields: FlattenedField[], prefix = ''): Relation[] =>
  fields.flatMap((field): Relation[] => {
    if (!('name' in field)) return []
    const path = `${prefix}${field.name}`
    if (field.type === 'relationship' || field.type === 'upload') return [{ field, path }]
    return 'flattenedFields' in field ? relationsOf(field.flattenedFields, `${path}.`) : []
  })

/** A part every reader of the whole may see, so the builders copy from it (src/access/parts.ts). */
const SEEN_BY_EVERY_READER: Doc = { _status: 'published', visibility: 'public' }

/** A document of `target` whose every other text, number and select field holds a value marked with its name. */
const markedDoc = (target: SanitizedCollectionConfig, marks: Map<string, string>): Doc =>
  Object.fromEntries([
    ['id', 'probe'],
    ...Object.entries(SEEN_BY_EVERY_READER),
    ...target.flattenedFields.flatMap((field) => {
      if (!['number', 'select', 'text', 'textarea'].includes(field.type) || !('name' in field)) return []
      if (field.name in SEEN_BY_EVERY_READER) return []
      const mark = field.type === 'number' ? String(1000 + marks.size + 0.125) : `‹${target.slug}.${field.name}›`
      marks.set(mark, field.name)
      return [[field.name, field.type === 'number' ? Number(mark) : mark]]
    }),
  ])

/** `{ stops: [{ site: value }] }` for 'stops.site', following arrays and groups of the schema. */
const placeAt = (fields: FlattenedField[], path: string, value: unknown): Doc => {
  const [head, ...rest] = path.split('.')
  const field = fields.find((candidate) => 'name' in candidate && candidate.name === head)!
  if (rest.length === 0) return { [head!]: value }
  const inner = placeAt((field as { flattenedFields: FlattenedField[] }).flattenedFields, rest.join('.'), value)
  return { [head!]: field.type === 'array' ? [inner] : inner }
}

/** Every field a builder copies through a relationship that `declared` does not name, as `kind: path → collection.field`. */
const undeclaredCopies = (collections: SanitizedCollectionConfig[], declared: Record<IndexedCollection, readonly CopiedRelation[]>): string[] => {
  const missing: string[] = []
  for (const collection of INDEXED_COLLECTIONS) {
    const config = collections.find((candidate) => candidate.slug === collection)!
    for (const { field, path } of relationsOf(config.flattenedFields)) {
      for (const slug of [field.relationTo].flat()) {
        const target = collections.find((candidate) => candidate.slug === slug)!
        const marks = new Map<string, string>()
        const populated = markedDoc(target, marks)
        const item = Array.isArray(field.relationTo) ? { relationTo: slug, value: populated } : populated
        const doc = { id: 1, _status: 'published', visibility: 'public', ...placeAt(config.flattenedFields, path, field.hasMany ? [item] : item) }
        const output = JSON.stringify(toSearchDocument(collection, doc))
        const copies = declared[collection].find((relation) => relation.field === path)?.copies ?? []
        for (const [mark, name] of marks) {
          if (output.includes(mark) && !copies.includes(name)) missing.push(`${collection}: ${path} → ${slug}.${name}`)
        }
      }
    }
  }
  return missing
}

describe('COPIED_RELATIONS', () => {
  it('names every field that a search document copies from another document', async () => {
    const { collections } = await configPromise
    expect(undeclaredCopies(collections, COPIED_RELATIONS)).toEqual([])
  })

  it('would catch a copied field left out of it', async () => {
    const { collections } = await configPromise
    const withoutLessons = { ...COPIED_RELATIONS, lessons: [] }
    expect(undeclaredCopies(collections, withoutLessons).sort()).toEqual([
      'lessons: jurisdiction → jurisdictions.name',
      'lessons: lecturers → lecturers.name',
      'lessons: themes → themes.name',
    ])
  })

  it('names relationships of the schema, from which the re-sync queries are derived', async () => {
    const { collections } = await configPromise
    const dependents = deriveDependents(collections)
    expect(dependents.get('lecturers')!.map(({ collection, where }) => [collection, where(7)])).toEqual([
      ['courseware', { lecturers: { equals: 7 } }],
      ['field-routes', { 'stops.lecturer': { equals: 7 } }],
      ['lessons', { lecturers: { equals: 7 } }],
      ['videos', { lecturers: { equals: 7 } }],
    ])
    expect(dependents.get('lessons')!.map(({ collection, where }) => [collection, where(7)])).toEqual([
      ['bundles', { and: [{ 'items.item.relationTo': { equals: 'lessons' } }, { 'items.item.value': { equals: 7 } }] }],
    ])
    expect(dependents.get('jurisdictions')!.map(({ collection }) => collection).sort()).toEqual([...INDEXED_COLLECTIONS].sort())
    expect(() => deriveDependents(collections.map((config) => (config.slug === 'lessons' ? { ...config, flattenedFields: [] } : config)))).toThrow(
      /lessons\.jurisdiction is not a relationship/,
    )
  })
})
