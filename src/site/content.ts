/**
 * Reads for the item pages: the Local API as the signed-in reader (`overrideAccess: false`), depth 1, once per
 * request (React `cache`). A hidden, draft-only, missing or malformed id gives null, which pages turn into the
 * same 404: nothing tells a hidden item from one that does not exist.
 */
import type { PopulateType, Where } from 'payload'

import { cache } from 'react'

import type { Config } from '@/payload-types'
import type { IndexedCollection } from '@/search/documents'

import { getReader, getSitePayload } from './session'

type Docs = Config['collections']

const idLooksRight = (id: string, numeric: boolean): boolean => (numeric ? /^\d{1,15}$/.test(id) : /^[a-f\d]{24}$/i.test(id))

/**
 * `populate`: only these fields of related documents (a module constant, so the per-request memo holds), when a
 * page shows little of them: a bundle's items were whole lessons and courseware, their plans and texts included.
 */
export const readItem = cache(async <C extends IndexedCollection>(collection: C, id: string, populate?: PopulateType): Promise<Docs[C] | null> => {
  const payload = await getSitePayload()
  if (!idLooksRight(id, payload.db.defaultIDType === 'number')) return null
  const { docs } = await payload.find({
    collection,
    depth: 1,
    limit: 1,
    overrideAccess: false,
    pagination: false,
    ...(populate ? { populate } : {}),
    user: await getReader(),
    where: { id: { equals: id } },
  })
  const doc = docs[0] as (Docs[C] & { _status?: string }) | undefined
  // the site shows published items only; organizers see drafts in the admin
  return doc && doc._status !== 'draft' ? doc : null
})

/** Related items a reader may see, for lists on a page (a lecturer's lessons). */
export const listVisible = cache(async <C extends IndexedCollection>(collection: C, field: string, id: string, limit = 50) => {
  const payload = await getSitePayload()
  const where: Where = { [field]: { equals: id } }
  const drafts = payload.collections[collection].config.versions?.drafts
  const { docs } = await payload.find({
    collection,
    depth: 0,
    limit,
    overrideAccess: false,
    pagination: false,
    sort: '-updatedAt',
    user: await getReader(),
    where: drafts ? { and: [where, { _status: { equals: 'published' } }] } : where,
  })
  return docs as Array<Docs[C]>
})

export { visibleRelation, visibleRelations } from '@/utilities/visibleRelations'

/** A courseware's extracted text, page by page (slides of a PPTX, pages of a PDF or DOCX). */
export const textPages = (fileText: unknown): string[] => {
  const pages = fileText && typeof fileText === 'object' ? (fileText as { pages?: unknown }).pages : null
  return Array.isArray(pages) ? pages.map((page) => (typeof page === 'string' ? page : '')) : []
}
