import type { CollectionBeforeChangeHook, CollectionSlug, PayloadRequest } from 'payload'

import { fieldError } from '@/utilities/errors'
import { relationId } from '@/utilities/relationId'

/**
 * Where a collection points at other documents: a top-level relationship (`field`), or one inside an
 * array (`array` + `field`). Polymorphic ones carry `{ relationTo, value }`.
 */
export type ReferenceSpec =
  | { array?: string; field: string; polymorphic: true }
  | { array?: string; field: string; relationTo: CollectionSlug }

type Reference = { collection: CollectionSlug; id: number | string; path: string }

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value == null ? [] : [value])

const referencesAt = (data: Record<string, unknown>, spec: ReferenceSpec): Reference[] => {
  const holders = spec.array
    ? asList(data[spec.array]).map((row, index) => ({ path: `${spec.array}.${index}.${spec.field}`, row }))
    : [{ path: spec.field, row: data }]
  return holders.flatMap(({ path, row }) =>
    asList((row as Record<string, unknown>)?.[spec.field]).flatMap((value): Reference[] => {
      const collection = 'polymorphic' in spec ? (value as { relationTo?: CollectionSlug })?.relationTo : spec.relationTo
      const id = relationId(value)
      return collection && id !== null ? [{ collection, id, path }] : []
    }),
  )
}

/** Which of these references does the acting user not see (or do not exist at all)? */
const findUnseen = async (req: PayloadRequest, references: Reference[]): Promise<Reference[]> => {
  const unseen: Reference[] = []
  const byCollection = new Map<CollectionSlug, Reference[]>()
  for (const ref of references) byCollection.set(ref.collection, [...(byCollection.get(ref.collection) ?? []), ref])
  for (const [collection, refs] of byCollection) {
    const ids = [...new Set(refs.map((ref) => ref.id))]
    const found = await req.payload.find({
      collection,
      depth: 0,
      limit: ids.length,
      overrideAccess: !req.user,
      pagination: false,
      req,
      select: {},
      user: req.user,
      where: { id: { in: ids } },
    })
    const seen = new Set(found.docs.map((doc) => String(doc.id)))
    unseen.push(...refs.filter((ref) => !seen.has(String(ref.id))))
  }
  return unseen
}

/**
 * Refuses links to documents that do not exist or that the editor cannot see: a bundle or a route
 * must not leak, or break on, what its editor has no right to.
 */
export const checkReferencesVisible =
  (specs: ReferenceSpec[]): CollectionBeforeChangeHook =>
  async ({ collection, data, req }) => {
    const references = specs.flatMap((spec) => referencesAt(data, spec))
    if (references.length === 0) return data
    const [first] = await findUnseen(req, references)
    if (first) {
      throw fieldError(
        req,
        collection.slug,
        first.path,
        `引用的内容不存在或您无权查看（${first.collection} #${first.id}）`,
        `The linked item does not exist or is not visible to you (${first.collection} #${first.id})`,
      )
    }
    return data
  }
