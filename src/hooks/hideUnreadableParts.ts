import type { CollectionAfterReadHook, CollectionSlug, PayloadRequest } from 'payload'

import { isAdmin } from '@/access/roles'
import { relationId } from '@/utilities/relationId'

type Row = Record<string, unknown>

/**
 * A part shown inside a document: a relationship `field` of the document, or of each row of an `array`
 * (polymorphic ones carry `relationTo`). With `row`, a row stands for its part (a route's stop, a bundle's
 * item) and goes with it; otherwise only the value goes (a stop's lecturer, a lesson's courseware).
 */
export type PartSpec = { array?: string; field: string; row?: boolean } & ({ polymorphic: true } | { relationTo: CollectionSlug })

type PartRef = { collection: CollectionSlug; id: number | string }

const refOf = (value: unknown, spec: PartSpec): null | PartRef => {
  const polymorphic = value as { relationTo?: CollectionSlug; value?: unknown } | null | undefined
  const collection = 'polymorphic' in spec ? polymorphic?.relationTo : spec.relationTo
  const id = relationId('polymorphic' in spec ? polymorphic?.value : value)
  return collection && id !== null ? { collection, id } : null
}

/**
 * The part to ask about, or null. A part Payload populated (depth ≥ 1) was read for this reader under their own
 * rule in this same request: readable, no need to ask again. An id left unpopulated is asked about.
 */
const partToAsk = (value: unknown, spec: PartSpec): null | PartRef => {
  const inner = 'polymorphic' in spec ? (value as { value?: unknown } | null | undefined)?.value : value
  return typeof inner === 'object' && inner !== null ? null : refOf(value, spec)
}

const keyOf = (ref: PartRef) => `${ref.collection}:${ref.id}`
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value == null ? [] : [value])

/** The rows (or the document itself) that hold this spec's field. */
const holdersOf = (doc: Row, spec: PartSpec): Row[] => (spec.array ? ((doc[spec.array] as Row[] | undefined) ?? []) : [doc])

/** Which of these parts may the reader read, under their own read rule? Answers are kept for the request. */
const readableParts = async (req: PayloadRequest, refs: PartRef[]): Promise<Map<string, boolean>> => {
  const known = ((req.context.readableParts as Map<string, boolean> | undefined) ??= new Map<string, boolean>())
  const unknown = refs.filter((ref) => !known.has(keyOf(ref)))
  for (const collection of new Set(unknown.map((ref) => ref.collection))) {
    const ids = [...new Set(unknown.filter((ref) => ref.collection === collection).map((ref) => ref.id))]
    const found = await req.payload.find({ collection, depth: 0, limit: ids.length, overrideAccess: false, pagination: false, req, select: {}, where: { id: { in: ids } } })
    const seen = new Set(found.docs.map((doc) => String(doc.id)))
    for (const id of ids) known.set(keyOf({ collection, id }), seen.has(String(id)))
  }
  return known
}

/**
 * afterRead: a part that narrowed, was unpublished or deleted after it was added must not show its id or title
 * to a reader who may not read it, at any depth and through GraphQL alike. When rows went, the totals are
 * those of what the reader sees (`totalsOf`).
 */
export const hideUnreadableParts =
  (specs: PartSpec[], totalsOf?: (req: PayloadRequest, doc: Row) => Promise<Row>): CollectionAfterReadHook =>
  async ({ doc, overrideAccess, req }) => {
    if (overrideAccess || isAdmin(req.user)) return doc
    const refs = specs.flatMap((spec) => holdersOf(doc, spec).flatMap((holder) => asList(holder[spec.field]).map((value) => partToAsk(value, spec))))
    const present = refs.filter((ref) => ref !== null)
    if (present.length === 0) return doc
    const readable = await readableParts(req, present)
    const isHidden = (value: unknown, spec: PartSpec) => {
      const ref = partToAsk(value, spec)
      return ref !== null && !readable.get(keyOf(ref))
    }
    let removedRows = false
    for (const spec of specs) {
      if (spec.array && spec.row) {
        const rows = holdersOf(doc, spec)
        const kept = rows.filter((row) => !isHidden(row[spec.field], spec))
        removedRows ||= kept.length !== rows.length
        if (doc[spec.array]) doc[spec.array] = kept
        continue
      }
      for (const holder of holdersOf(doc, spec)) {
        const value = holder[spec.field]
        if (Array.isArray(value)) holder[spec.field] = value.filter((item) => !isHidden(item, spec))
        else if (isHidden(value, spec)) holder[spec.field] = null
      }
    }
    return removedRows && totalsOf ? Object.assign(doc, await totalsOf(req, doc)) : doc
  }
