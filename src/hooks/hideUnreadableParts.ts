import type { CollectionAfterReadHook, CollectionSlug, PayloadRequest } from 'payload'

import { relationId } from '@/utilities/relationId'

type Row = Record<string, unknown>

/**
 * A part inside an array of the document: its relationship `field` (polymorphic ones carry `relationTo`).
 * `row`: a row stands for its part (a route's stop, a bundle's item) and goes with it; otherwise only the
 * value is emptied (a stop's lecturer).
 */
export type PartSpec = { array: string; field: string; row: boolean } & ({ polymorphic: true } | { relationTo: CollectionSlug })

type PartRef = { collection: CollectionSlug; id: number | string }

const refOf = (row: Row, spec: PartSpec): null | PartRef => {
  const value = row[spec.field] as { relationTo?: CollectionSlug; value?: unknown } | null | undefined
  const collection = 'polymorphic' in spec ? value?.relationTo : spec.relationTo
  const id = relationId('polymorphic' in spec ? value?.value : value)
  return collection && id !== null ? { collection, id } : null
}

const keyOf = (ref: PartRef) => `${ref.collection}:${ref.id}`

/** The parts this reader may read, as `collection:id` keys, under the reader's own read rule. */
const readableParts = async (req: PayloadRequest, refs: PartRef[]): Promise<Set<string>> => {
  const readable = new Set<string>()
  for (const collection of new Set(refs.map((ref) => ref.collection))) {
    const ids = [...new Set(refs.filter((ref) => ref.collection === collection).map((ref) => ref.id))]
    const found = await req.payload.find({ collection, depth: 0, limit: ids.length, overrideAccess: false, pagination: false, req, select: {}, where: { id: { in: ids } } })
    for (const doc of found.docs) readable.add(keyOf({ collection, id: doc.id }))
  }
  return readable
}

/**
 * afterRead on routes and bundles: a part that narrowed, was unpublished or deleted after it was added must not
 * show its id or title to a reader who may not read it, at any depth and through GraphQL alike. Its row goes;
 * the totals are then those of what the reader sees (`totalsOf`).
 */
export const hideUnreadableParts =
  (specs: PartSpec[], totalsOf?: (req: PayloadRequest, doc: Row) => Promise<Row>): CollectionAfterReadHook =>
  async ({ doc, overrideAccess, req }) => {
    if (overrideAccess) return doc
    const refs = specs.flatMap((spec) => ((doc[spec.array] as Row[] | undefined) ?? []).map((row) => refOf(row, spec))).filter((ref) => ref !== null)
    if (refs.length === 0) return doc
    const readable = await readableParts(req, refs)
    let removedRows = false
    for (const spec of specs) {
      const rows = doc[spec.array] as Row[] | undefined
      if (!rows) continue
      const kept = rows.filter((row) => {
        const ref = refOf(row, spec)
        if (!ref || readable.has(keyOf(ref))) return true
        if (!spec.row) row[spec.field] = null
        return !spec.row
      })
      removedRows ||= kept.length !== rows.length
      doc[spec.array] = kept
    }
    return removedRows && totalsOf ? Object.assign(doc, await totalsOf(req, doc)) : doc
  }
