/**
 * Pure functions from Payload documents (read at depth 1) to search documents. No engine, no I/O:
 * the sync and reindex code feed these, the engines index what comes out.
 */
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { CollectionSlug } from 'payload'

import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'

import { isSeenByReadersOf } from '@/access/parts'
import { termWord } from '@/fields/terms'
import {
  BUNDLE_KINDS,
  FIELD_SITE_SERVICES,
  FIELD_SITE_TYPES,
  LECTURER_KINDS,
  LECTURER_LEVELS,
  LESSON_KINDS,
  VIDEO_KINDS,
} from '@/fields/vocabulary'

import type { SearchDocument, SearchKind, Visibility } from './types'

export const KIND_BY_COLLECTION = {
  bundles: 'bundle',
  courseware: 'courseware',
  'field-routes': 'field-route',
  'field-sites': 'field-site',
  lecturers: 'lecturer',
  lessons: 'lesson',
  textbooks: 'textbook',
  videos: 'video',
} as const satisfies Partial<Record<CollectionSlug, SearchKind>>

export type IndexedCollection = keyof typeof KIND_BY_COLLECTION
export const INDEXED_COLLECTIONS = Object.keys(KIND_BY_COLLECTION) as IndexedCollection[]

export const COLLECTION_BY_KIND = Object.fromEntries(
  Object.entries(KIND_BY_COLLECTION).map(([collection, kind]) => [kind, collection]),
) as Record<SearchKind, IndexedCollection>

/** Member-site pages that hits link to (DESIGN.md §4). */
const URL_PREFIX: Record<SearchKind, string> = {
  bundle: '/bundles',
  courseware: '/courseware',
  'field-route': '/routes',
  'field-site': '/sites',
  lecturer: '/lecturers',
  lesson: '/lessons',
  textbook: '/textbooks',
  video: '/videos',
}

export const isIndexedCollection = (slug: string): slug is IndexedCollection => slug in KIND_BY_COLLECTION

export const searchDocumentId = (collection: IndexedCollection, id: number | string): string =>
  `${KIND_BY_COLLECTION[collection]}-${id}`

export const memberUrl = (kind: SearchKind, docId: string): string => `${URL_PREFIX[kind]}/${docId}`

type Doc = Record<string, any>

const text = (value: unknown): string => (typeof value === 'string' ? value : '')
const words = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item !== '') : []
const joinLines = (...parts: Array<string | undefined>): string => parts.filter(Boolean).join('\n')

export const richTextToPlain = (value: unknown): string =>
  value && typeof value === 'object' && 'root' in value
    ? convertLexicalToPlaintext({ data: value as SerializedEditorState })
    : ''

/** Names of populated relationships; unpopulated ids (not visible at depth 1) contribute nothing. */
const namesOf = (value: unknown, field: 'name' | 'title'): string[] =>
  (Array.isArray(value) ? value : value ? [value] : [])
    .map((item) => (item && typeof item === 'object' ? text((item as Doc)[field]) : ''))
    .filter(Boolean)

const yearOf = (doc: Doc): null | number => {
  const stamp = doc.publishedAt ?? doc.createdAt
  const year = stamp ? new Date(stamp).getFullYear() : NaN
  return Number.isFinite(year) ? year : null
}

/** The linked lecturers every reader of the item may see (a local lecturer's name stays out of a public item). */
const seenLecturers = (doc: Doc): Doc[] =>
  (Array.isArray(doc.lecturers) ? doc.lecturers : []).filter((lecturer: unknown) => lecturer && typeof lecturer === 'object' && isSeenByReadersOf(doc, lecturer as Doc))

/** Fields every kind shares: ownership, visibility, dates. */
const common = (collection: IndexedCollection, doc: Doc) => {
  const owner = doc.jurisdiction && typeof doc.jurisdiction === 'object' ? doc.jurisdiction : null
  return {
    audiences: words(doc.audiences),
    docId: String(doc.id),
    featured: Boolean(doc.featured),
    formats: words(doc.formats),
    geo: null,
    id: searchDocumentId(collection, doc.id),
    jurisdiction: { id: String(owner?.id ?? doc.jurisdiction ?? ''), name: text(owner?.name) },
    jurisdictionPath: text(doc.jurisdictionPath),
    kind: KIND_BY_COLLECTION[collection],
    lecturerNames: namesOf(seenLecturers(doc), 'name'),
    publishedAt: doc.publishedAt ?? doc.createdAt ?? null,
    tags: words(doc.tags),
    themes: namesOf(doc.themes, 'name'),
    updatedAt: String(doc.updatedAt ?? doc.createdAt ?? new Date(0).toISOString()),
    visibility: doc.visibility as Visibility,
    year: yearOf(doc),
  }
}

const pointOf = (site: unknown): SearchDocument['geo'] =>
  site && typeof site === 'object' && typeof (site as Doc).lat === 'number' && typeof (site as Doc).lng === 'number'
    ? { lat: (site as Doc).lat, lng: (site as Doc).lng }
    : null

/**
 * The rows of a route or bundle whose part every reader of the whole may see (DESIGN.md §3): a part that
 * narrowed, was unpublished or deleted since leaves no name, place or time in the whole's search document.
 */
const rowsWithSeenParts = (whole: Doc, rows: Doc[] | undefined, partOf: (row: Doc) => unknown): Doc[] =>
  (rows ?? []).filter((row) => {
    const part = partOf(row)
    return Boolean(part && typeof part === 'object' && isSeenByReadersOf(whole, part as Doc))
  })

/** A stop's lecturer, when every reader of the route may see them. */
const seenLecturer = (route: Doc, stop: Doc): unknown =>
  stop.lecturer && typeof stop.lecturer === 'object' && isSeenByReadersOf(route, stop.lecturer) ? stop.lecturer : null

type Builder = (doc: Doc) => Partial<SearchDocument> & Pick<SearchDocument, 'body' | 'summary' | 'title'>

const BUILDERS: Record<IndexedCollection, Builder> = {
  bundles: (doc) => {
    const items = rowsWithSeenParts(doc, doc.items, (row) => row.item?.value)
    // the stored total counts every item; with one hidden it would tell that item's length
    const complete = items.length === (doc.items ?? []).length
    return {
      body: items.map((row) => namesOf(row.item?.value, 'title')[0] ?? '').filter(Boolean).join('\n'),
      durationMinutes: complete && typeof doc.totalHours === 'number' ? Math.round(doc.totalHours * 60) : null,
      summary: text(doc.description),
      tags: [termWord(BUNDLE_KINDS, doc.kind), text(doc.targetMonth)].filter(Boolean),
      themes: namesOf(doc.theme, 'name'),
      title: text(doc.title),
    }
  },
  courseware: (doc) => ({
    body: '',
    fileText: Array.isArray(doc.fileText?.pages) ? { pages: words(doc.fileText.pages) } : undefined,
    summary: text(doc.description),
    title: text(doc.title),
  }),
  'field-routes': (doc) => {
    const stops = rowsWithSeenParts(doc, doc.stops, (stop) => stop.site)
    const complete = stops.length === (doc.stops ?? []).length
    return {
      body: stops.map((stop) => joinLines(namesOf(stop.site, 'title')[0], text(stop.topic), text(stop.speaker))).join('\n'),
      durationMinutes: complete ? (doc.totalMinutes ?? null) : stops.reduce((total, stop) => total + (Number(stop.minutes) || 0), 0),
      geo: pointOf(stops[0]?.site),
      lecturerNames: [...stops.map((stop) => text(stop.speaker)), ...stops.flatMap((stop) => namesOf(seenLecturer(doc, stop), 'name'))].filter(Boolean),
      summary: text(doc.summary),
      title: text(doc.title),
    }
  },
  'field-sites': (doc) => ({
    body: joinLines(text(doc.address), text(doc.openHours)),
    geo: pointOf(doc),
    summary: text(doc.description),
    tags: [termWord(FIELD_SITE_TYPES, doc.type), ...words(doc.services).map((code) => termWord(FIELD_SITE_SERVICES, code))].filter(Boolean),
    title: text(doc.title),
  }),
  lecturers: (doc) => ({
    body: text(doc.title),
    lecturerNames: [text(doc.name)],
    summary: text(doc.bio),
    tags: [termWord(LECTURER_KINDS, doc.kind), termWord(LECTURER_LEVELS, doc.level), ...words(doc.topics)].filter(Boolean),
    title: text(doc.name),
  }),
  lessons: (doc) => ({
    body: richTextToPlain(doc.plan),
    durationMinutes: doc.durationMinutes ?? null,
    summary: text(doc.summary),
    tags: [termWord(LESSON_KINDS, doc.kind), ...words(doc.tags)].filter(Boolean),
    title: text(doc.title),
  }),
  textbooks: (doc) => {
    const chapters: Doc[] = doc.chapters ?? []
    return {
      body: chapters.map((chapter) => joinLines(text(chapter.title), richTextToPlain(chapter.content))).join('\n'),
      summary: text(doc.summary),
      tags: (doc.editors ?? []).map((editor: Doc) => text(editor.name)).filter(Boolean),
      title: text(doc.title),
      year: typeof doc.publishYear === 'number' ? doc.publishYear : null,
    }
  },
  videos: (doc) => ({
    body: '',
    durationMinutes: typeof doc.durationSeconds === 'number' ? Math.round(doc.durationSeconds / 60) : null,
    summary: text(doc.description),
    tags: [termWord(VIDEO_KINDS, doc.kind)].filter(Boolean),
    title: text(doc.title),
  }),
}

/**
 * What each kind's document copies from the documents it points at (the builders above read them at depth 1):
 * `field` is the relationship, as a query path, `copies` the fields of the document pointed at. When one of
 * those fields changes, the documents that copy it are synced again: src/search/dependents.ts derives which
 * from this list and the collections' schema, and documents.spec.ts fails when a builder copies anything
 * not declared here. `storedPath`: the document also keeps its owner's ancestor path in that field, so a
 * move of the owner or of any jurisdiction above it reaches it too.
 */
export type CopiedRelation = { copies: readonly string[]; field: string; storedPath?: string }

const OWNER: CopiedRelation = { copies: ['name', 'ancestorPath'], field: 'jurisdiction', storedPath: 'jurisdictionPath' }
const THEMES: CopiedRelation = { copies: ['name'], field: 'themes' }
/**
 * A part's fields that decide whether every reader of the whole may see it (isSeenByReadersOf): the builders
 * copy a part only while they allow it, so a part that narrows, moves or is unpublished re-syncs the whole.
 */
const PART_SCOPE = ['visibility', 'jurisdiction', '_status'] as const
const LECTURERS: CopiedRelation = { copies: ['name', ...PART_SCOPE], field: 'lecturers' }

export const COPIED_RELATIONS: Record<IndexedCollection, readonly CopiedRelation[]> = {
  bundles: [OWNER, { copies: ['name'], field: 'theme' }, { copies: ['title', ...PART_SCOPE], field: 'items.item' }],
  courseware: [OWNER, THEMES, LECTURERS],
  'field-routes': [
    OWNER,
    THEMES,
    { copies: ['title', 'lat', 'lng', ...PART_SCOPE], field: 'stops.site' },
    { copies: ['name', ...PART_SCOPE], field: 'stops.lecturer' },
  ],
  'field-sites': [OWNER, THEMES],
  lecturers: [OWNER, THEMES],
  lessons: [OWNER, THEMES, LECTURERS],
  textbooks: [OWNER, THEMES],
  videos: [OWNER, THEMES, LECTURERS],
}

/** Only published items are searchable: a draft-only document, or one without a visibility, has no search document. */
export const isSearchable = (doc: Doc): boolean =>
  (doc._status === undefined || doc._status === 'published') && typeof doc.visibility === 'string'

export const toSearchDocument = (collection: IndexedCollection, doc: Doc): null | SearchDocument => {
  if (!isSearchable(doc)) return null
  return { durationMinutes: null, ...common(collection, doc), ...BUILDERS[collection](doc) } as SearchDocument
}
