/**
 * A search document as both engines index it: every text normalised (Simplified, folded, same length as
 * the original), plus the word and character-pair strings the embedded engine feeds to FTS5.
 */
import type { SearchDocument } from './types'

import { charBigrams, indexWordText, normalizeText } from './text'

/** bounds what one document adds to the index (a 500-page PDF must not dominate) */
export const MAX_INDEXED_FILE_CHARS = 100_000
export const MAX_GRAM_CHARS = 20_000

export type NormalizedFields = {
  title: string
  summary: string
  body: string
  pages: string[]
  /** themes, audiences, formats, tags, lecturers, owner name: one line each */
  meta: string
}

export const metaText = (doc: SearchDocument): string =>
  [...doc.themes, ...doc.audiences, ...doc.formats, ...doc.tags, ...doc.lecturerNames, doc.jurisdiction.name].join('\n')

/** pages cut so that together they stay within the bound */
export const boundedPages = (pages: string[] | undefined, limit = MAX_INDEXED_FILE_CHARS): string[] => {
  const kept: string[] = []
  let room = limit
  for (const page of pages ?? []) {
    if (room <= 0) break
    kept.push(page.slice(0, room))
    room -= page.length
  }
  return kept
}

export const normalizeFields = (doc: SearchDocument): NormalizedFields => ({
  body: normalizeText(doc.body),
  meta: normalizeText(metaText(doc)),
  pages: boundedPages(doc.fileText?.pages).map(normalizeText),
  summary: normalizeText(doc.summary),
  title: normalizeText(doc.title),
})

export type IndexText = { title: string; meta: string; body: string; grams: string }

export const toIndexText = (fields: NormalizedFields): IndexText => {
  const body = [fields.summary, fields.body, ...fields.pages].join('\n')
  const everything = [fields.title, fields.meta, body].join('\n')
  return {
    body: indexWordText(body),
    grams: [...new Set(charBigrams(everything.slice(0, MAX_GRAM_CHARS)))].join(' '),
    meta: indexWordText(fields.meta),
    title: indexWordText(fields.title),
  }
}
