/**
 * The one interface both search engines implement (DESIGN.md §4). Callers pass typed values only;
 * the reader's `scope` is required and applied inside the engine query, so hidden items never show up
 * in hits, totals or facet counts.
 */
import type { VisibilityScope } from '@/access/visibilityScope'

import type { SearchDocument, SearchKind, Visibility } from './types'

export const MAX_PER_PAGE = 100
export const DEFAULT_PER_PAGE = 20

export const FACET_NAMES = ['kind', 'theme', 'audience', 'format', 'jurisdiction'] as const
/** a facet lists at most this many values, the most frequent ones */
export const MAX_FACET_VALUES = 100
/** jurisdiction trees deeper than this (province > city > county > town > village is 5) get no facet below it */
export const MAX_JURISDICTION_DEPTH = 8
export type FacetName = (typeof FACET_NAMES)[number]
export type FacetCounts = Record<FacetName, Record<string, number>>

export type SearchSort = 'nearest' | 'newest' | 'relevance'

export type SearchFilters = {
  kinds?: SearchKind[]
  themes?: string[]
  audiences?: string[]
  formats?: string[]
  /** the owner is this jurisdiction or anywhere below it */
  jurisdictionId?: string
  /** how deep `jurisdictionId` sits (0 = a top-level jurisdiction), when the caller knows it: spares a lookup */
  jurisdictionDepth?: number
  visibility?: Visibility[]
  /** one year, or an inclusive range */
  year?: number | { max?: number; min?: number }
  featured?: boolean
}

export type NearPoint = { lat: number; lng: number; radiusKm: number }

export type SearchQuery = {
  q: string
  filters?: SearchFilters
  scope: VisibilityScope
  near?: NearPoint
  /** default: relevance when there is text, newest otherwise; nearest needs `near` */
  sort?: SearchSort
  /** 1-based */
  page?: number
  /** ≤ 100 */
  perPage?: number
  facets?: FacetName[]
}

export type SearchHit = {
  id: string
  kind: SearchKind
  docId: string
  /** display fields below carry the original script; `highlights` are HTML-escaped with `<mark>` */
  title: string
  summary: string
  highlights: {
    title: string
    summary: string
    /** a snippet of the body or file text around the first match, '' when the match is elsewhere */
    body: string
  }
  /** courseware: 1-based page/slide numbers whose text matches the query */
  pages?: number[]
  jurisdiction: { id: string; name: string }
  visibility: Visibility
  themes: string[]
  audiences: string[]
  formats: string[]
  year: null | number
  publishedAt: null | string
  updatedAt: string
  featured: boolean
  geo: null | { lat: number; lng: number }
  distanceMeters?: number
}

export type SearchResult = {
  hits: SearchHit[]
  total: number
  page: number
  perPage: number
  /**
   * Only the requested facets are filled; counts cover visible matching items only, at most
   * MAX_FACET_VALUES values each. `jurisdiction` drills down: one count per child of the filtered
   * jurisdiction (per top-level jurisdiction without that filter), covering the child's whole subtree,
   * so choosing a value gives that many hits. Items owned by the filtered jurisdiction itself are in
   * the total but under no child.
   */
  facets: FacetCounts
  tookMs: number
}

export type IndexedEntry = { id: string; updatedAt: string }

export interface SearchEngine {
  readonly name: 'embedded' | 'meilisearch'
  /** creates the index and its settings when missing; idempotent */
  init(): Promise<void>
  /** insert or replace by `id` */
  upsert(docs: SearchDocument[]): Promise<void>
  remove(ids: string[]): Promise<void>
  search(query: SearchQuery): Promise<SearchResult>
  /** every indexed id with its `updatedAt`, for the reindex reconciliation, in id order */
  listIds(): AsyncIterable<IndexedEntry>
  /** how many entries it holds (checked at every server start: one cheap lookup, not a listing) */
  count(): Promise<number>
  /** holds entries written in an older document layout, which a full reindex rewrites (checked at server start) */
  holdsOutdatedEntries(): Promise<boolean>
  clear(): Promise<void>
  close(): Promise<void>
}

export const emptyFacets = (): FacetCounts => ({ audience: {}, format: {}, jurisdiction: {}, kind: {}, theme: {} })

/** most frequent first, at most MAX_FACET_VALUES of them */
export const topFacetValues = (counts: Record<string, number>): Record<string, number> => {
  const entries = Object.entries(counts)
  if (entries.length <= MAX_FACET_VALUES) return counts
  return Object.fromEntries(entries.sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).slice(0, MAX_FACET_VALUES))
}

export const clampPaging = (query: Pick<SearchQuery, 'page' | 'perPage'>): { page: number; perPage: number } => ({
  page: Math.max(1, Math.floor(query.page ?? 1)),
  perPage: Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(query.perPage ?? DEFAULT_PER_PAGE))),
})

export const resolveSort = (query: Pick<SearchQuery, 'near' | 'q' | 'sort'>): SearchSort => {
  if (query.sort === 'nearest') return query.near ? 'nearest' : 'relevance'
  return query.sort ?? (query.q.trim() ? 'relevance' : 'newest')
}
