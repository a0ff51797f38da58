import type { CollectionBeforeChangeHook, CollectionSlug, PayloadRequest } from 'payload'

import { isSeenByReadersOf, type OwnedItem } from '@/access/parts'
import { fieldError } from '@/utilities/errors'
import { relationId } from '@/utilities/relationId'

/**
 * Where a collection points at other documents: a top-level relationship (`field`), or one inside an
 * array (`array` + `field`). Polymorphic ones carry `{ relationTo, value }`. A `part` is shown inside the
 * document (a route's stops, a bundle's items), so everyone who can see the document must see it too.
 */
export type ReferenceSpec = { array?: string; field: string; part?: boolean } & (
  | { polymorphic: true }
  | { relationTo: CollectionSlug }
)

type Reference = { collection: CollectionSlug; id: number | string; part: boolean; path: string }

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value == null ? [] : [value])

const referencesAt = (data: Record<string, unknown>, spec: ReferenceSpec): Reference[] => {
  const holders = spec.array
    ? asList(data[spec.array]).map((row, index) => ({ path: `${spec.array}.${index}.${spec.field}`, row }))
    : [{ path: spec.field, row: data }]
  return holders.flatMap(({ path, row }) =>
    asList((row as Record<string, unknown>)?.[spec.field]).flatMap((value): Reference[] => {
      const collection = 'polymorphic' in spec ? (value as { relationTo?: CollectionSlug })?.relationTo : spec.relationTo
      const id = relationId(value)
      return collection && id !== null ? [{ collection, id, part: Boolean(spec.part), path }] : []
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

/** Which parts would some reader of the whole not see (isSeenByReadersOf)? */
const findNarrowerParts = async (req: PayloadRequest, whole: OwnedItem, parts: Reference[]): Promise<Reference[]> => {
  const narrower: Reference[] = []
  for (const collection of new Set(parts.map((ref) => ref.collection))) {
    const refs = parts.filter((ref) => ref.collection === collection)
    const found = await req.payload.find({ collection, depth: 0, pagination: false, req, where: { id: { in: refs.map((ref) => ref.id) } } })
    const byId = new Map(found.docs.map((doc) => [String(doc.id), doc as OwnedItem]))
    narrower.push(...refs.filter((ref) => !isSeenByReadersOf(whole, byId.get(String(ref.id)) ?? {})))
  }
  return narrower
}

/**
 * Refuses links to documents that do not exist or that the editor cannot see: a bundle or a route
 * must not leak, or break on, what its editor has no right to. Parts must also be seen by everyone who sees
 * the document (a public route takes no local stop).
 */
export const checkReferencesVisible =
  (specs: ReferenceSpec[]): CollectionBeforeChangeHook =>
  async ({ collection, data, originalDoc, req }) => {
    const references = specs.flatMap((spec) => referencesAt(data, spec))
    const [unseen] = references.length ? await findUnseen(req, references) : []
    if (unseen) {
      throw fieldError(
        req,
        collection.slug,
        unseen.path,
        `引用的内容不存在或您无权查看（${unseen.collection} #${unseen.id}）`,
        `The linked item does not exist or is not visible to you (${unseen.collection} #${unseen.id})`,
      )
    }
    // the parts the document will hold, also unchanged ones: widening or publishing the document is checked too
    const whole = { ...originalDoc, ...data }
    const parts = specs.filter((spec) => spec.part).flatMap((spec) => referencesAt(whole, spec))
    const [narrower] = parts.length ? await findNarrowerParts(req, whole as OwnedItem, parts) : []
    if (narrower) {
      throw fieldError(
        req,
        collection.slug,
        narrower.path,
        `部分内容的共享范围比本条目窄，能看到本条目的人看不到它（${narrower.collection} #${narrower.id}）：请放宽它的共享范围或收窄本条目`,
        `A part is shared more narrowly than this item, so some of its readers would not see it (${narrower.collection} #${narrower.id}): widen the part's sharing scope or narrow this item`,
      )
    }
    return data
  }
