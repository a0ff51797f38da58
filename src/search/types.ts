/**
 * The search seam (DESIGN.md §4). Both engines implement `SearchEngine`; nothing outside
 * `src/search/engines/<name>.ts` imports an engine's client.
 */
import type { VisibilityScope } from '@/access/visibilityScope'

export const SEARCH_KINDS = [
  'lesson',
  'courseware',
  'video',
  'textbook',
  'field-site',
  'field-route',
  'lecturer',
  'bundle',
] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

export type Visibility = 'local' | 'public' | 'shared'

/** One indexable, published item. Built by pure functions in `documents.ts` from Payload documents. */
export type SearchDocument = {
  /** `<kind>-<docId>` */
  id: string
  kind: SearchKind
  docId: string
  title: string
  summary: string
  /** plain text of rich text fields (lesson plan, textbook chapters …) */
  body: string
  /** text extracted from an uploaded file, bounded; `pages[i]` is the text of page/slide i+1 */
  fileText?: { pages: string[] }
  themes: string[]
  audiences: string[]
  formats: string[]
  tags: string[]
  lecturerNames: string[]
  jurisdiction: { id: string; name: string }
  /** owner's ancestor path including itself, '/1/5/9/' */
  jurisdictionPath: string
  visibility: Visibility
  year: null | number
  publishedAt: null | string
  updatedAt: string
  durationMinutes: null | number
  featured: boolean
  /** field sites and routes (a route: its first stop) */
  geo: null | { lat: number; lng: number }
}
