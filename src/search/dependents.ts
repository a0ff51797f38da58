/**
 * What re-syncs what, derived from what search documents copy (COPIED_RELATIONS in documents.ts) and from the
 * collections' schema: for a changed document, the queries that find every document whose search document
 * copies one of its fields. Nothing here names a collection: a new copied field needs only its declaration.
 */
import type { CollectionSlug, FlattenedField, Payload, SanitizedCollectionConfig, Where } from 'payload'

import { pathSegment } from '@/access/jurisdictionScope'

import { COPIED_RELATIONS, type CopiedRelation, INDEXED_COLLECTIONS, type IndexedCollection } from './documents'

/** Documents of `collection` that copy `copies` from a changed document, found by `where(id)`. */
export type Dependent = { collection: IndexedCollection; copies: readonly string[]; where: (id: number | string) => Where }

const fieldAt = (fields: FlattenedField[], path: string): FlattenedField | undefined => {
  const [head, ...rest] = path.split('.')
  const field = fields.find((candidate) => 'name' in candidate && candidate.name === head)
  if (!field || rest.length === 0) return field
  return 'flattenedFields' in field ? fieldAt(field.flattenedFields, rest.join('.')) : undefined
}

const dependentQuery = (relation: CopiedRelation, source: CollectionSlug, polymorphic: boolean) => (id: number | string): Where => {
  if (relation.storedPath) return { [relation.storedPath]: { contains: pathSegment(id) } }
  if (!polymorphic) return { [relation.field]: { equals: id } }
  return { and: [{ [`${relation.field}.relationTo`]: { equals: source } }, { [`${relation.field}.value`]: { equals: id } }] }
}

/** Every copied relation of every indexed collection, keyed by the collection it copies from. */
export const deriveDependents = (collections: readonly SanitizedCollectionConfig[]): Map<CollectionSlug, Dependent[]> => {
  const bySource = new Map<CollectionSlug, Dependent[]>()
  for (const collection of INDEXED_COLLECTIONS) {
    const config = collections.find((candidate) => candidate.slug === collection)
    for (const relation of COPIED_RELATIONS[collection]) {
      const field = config && fieldAt(config.flattenedFields, relation.field)
      if (!field || (field.type !== 'relationship' && field.type !== 'upload')) {
        throw new Error(`COPIED_RELATIONS: ${collection}.${relation.field} is not a relationship`)
      }
      const sources = [field.relationTo].flat() as CollectionSlug[]
      for (const source of sources) {
        const dependent = { collection, copies: relation.copies, where: dependentQuery(relation, source, Array.isArray(field.relationTo)) }
        bySource.set(source, [...(bySource.get(source) ?? []), dependent])
      }
    }
  }
  return bySource
}

const derived = new WeakMap<Payload, Map<CollectionSlug, Dependent[]>>()

/** The documents that copy from a document of `collection` (derived once per Payload instance). */
export const dependentsOf = (payload: Payload, collection: CollectionSlug): Dependent[] => {
  let bySource = derived.get(payload)
  if (!bySource) {
    bySource = deriveDependents(payload.config.collections)
    derived.set(payload, bySource)
  }
  return bySource.get(collection) ?? []
}

/** The collections whose documents other search documents copy from: each must queue its changes. */
export const copiedCollections = (payload: Payload): CollectionSlug[] =>
  payload.config.collections.map((config) => config.slug).filter((slug) => dependentsOf(payload, slug).length > 0)

type Doc = Record<string, unknown>

/**
 * Whether a save changed something that other search documents copy. Payload's previousDoc is the latest
 * version, a draft included, not what other documents copied, so only a save between two published (or
 * draft-less) states is judged by its fields; any other save is taken to change them.
 */
export const changesCopiedFields = (payload: Payload, collection: CollectionSlug, doc: Doc, previousDoc: Doc | undefined): boolean => {
  const dependents = dependentsOf(payload, collection)
  if (dependents.length === 0) return false
  if (!previousDoc || doc._status !== previousDoc._status || previousDoc._status === 'draft') return true
  const copied = new Set(dependents.flatMap((dependent) => dependent.copies))
  return [...copied].some((field) => JSON.stringify(doc[field] ?? null) !== JSON.stringify(previousDoc[field] ?? null))
}
