/**
 * What the embedded engine writes for one search document: the `docs` row (positional values) and the
 * FTS5 texts. Pure and free of SQLite, so it runs in the preparation worker as well as in-thread.
 */
import type { SearchDocument } from '../types'

import { boundedPages, type IndexText, normalizeFields, toIndexText } from '../prepare'

export type Display = {
  title: string
  summary: string
  body: string
  pages?: string[]
  jurisdiction: { id: string; name: string }
  themes: string[]
  audiences: string[]
  formats: string[]
  publishedAt: null | string
  updatedAt: string
  geo: null | { lat: number; lng: number }
}

/** `docs` columns written by an upsert, in bind order; `seq` is added at write time */
export const DOC_COLUMNS = [
  'id', 'kind', 'doc_id', 'visibility', 'owner_id', 'path', 'themes', 'audiences', 'formats',
  'year', 'featured', 'lat', 'lng', 'newest_ms', 'updated_at', 'display',
] as const

export type RowParams = {
  /** one value per `DOC_COLUMNS` entry (positional binding: libsql binds named parameters far slower) */
  values: Array<null | number | string>
  text: IndexText
}

const toMs = (iso: null | string): number => (iso ? Date.parse(iso) || 0 : 0)

const toDisplay = (doc: SearchDocument): Display => ({
  audiences: doc.audiences,
  body: doc.body,
  formats: doc.formats,
  geo: doc.geo,
  jurisdiction: doc.jurisdiction,
  pages: doc.fileText ? boundedPages(doc.fileText.pages) : undefined,
  publishedAt: doc.publishedAt,
  summary: doc.summary,
  themes: doc.themes,
  title: doc.title,
  updatedAt: doc.updatedAt,
})

/** everything an upsert writes for `doc`: the script normalisation and segmentation happen here */
export const toRowParams = (doc: SearchDocument): RowParams => ({
  text: toIndexText(normalizeFields(doc)),
  values: [
    doc.id,
    doc.kind,
    doc.docId,
    doc.visibility,
    doc.jurisdiction.id,
    doc.jurisdictionPath,
    JSON.stringify(doc.themes),
    JSON.stringify(doc.audiences),
    JSON.stringify(doc.formats),
    doc.year,
    doc.featured ? 1 : 0,
    doc.geo?.lat ?? null,
    doc.geo?.lng ?? null,
    toMs(doc.publishedAt) || toMs(doc.updatedAt),
    doc.updatedAt,
    JSON.stringify(toDisplay(doc)),
  ],
})
