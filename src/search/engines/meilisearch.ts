/**
 * The Meilisearch engine. Searchable fields hold normalised Simplified text (Meilisearch's own Chinese
 * normaliser maps Simplified → Traditional only partly, see notes/meilisearch.md); the original text is kept
 * in display-only fields and highlighted here with the same offsets. The reader's scope is part of the filter
 * of every query, built by `filters.ts` from typed values.
 */
import { Meilisearch, type Index, type SearchParams, type SearchResponse, type Task } from 'meilisearch'

import type { SearchDocument } from '../types'

import {
  clampPaging,
  emptyFacets,
  MAX_JURISDICTION_DEPTH,
  type FacetCounts,
  type FacetName,
  type IndexedEntry,
  resolveSort,
  type SearchEngine,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from '../engine'
import { buildMeiliFilter, inSubtreeFilter } from '../filters'
import { markAll, markSnippet, matchingPages } from '../highlight'
import { boundedPages, normalizeFields, type NormalizedFields } from '../prepare'
import { planQuery } from '../queryPlan'
import {
  buildMeiliSettings,
  depthOfField,
  driftedSettings,
  type JurisdictionDepthField,
  jurisdictionDepthField,
  MEILI_DOCUMENT_LAYOUT,
  MEILI_FACET_FIELDS,
  MEILI_FIELDS as F,
  MEILI_MAX_TOTAL_HITS,
  MEILI_TEXT_ATTRIBUTES,
} from '../settings'
import { SYNONYM_GROUPS } from '../synonyms'
import { normalizeText, queryWords } from '../text'
import { getPathIds } from '@/access/visibilityScope'
import { haversineMeters } from './embeddedFilter'
import { holdsGrams, MEILI_GRAM_FALLBACK_BELOW, toGramQuery, toGramWords } from './meilisearchGrams'

export type MeiliDocument = {
  /** MEILI_DOCUMENT_LAYOUT when written */
  layout: number
  id: string
  kind: SearchDocument['kind']
  docId: string
  visibility: SearchDocument['visibility']
  jurisdictionId: string
  jurisdictionName: string
  jurisdictionAncestors: string[]
  themes: string[]
  audiences: string[]
  formats: string[]
  year: null | number
  featured: boolean
  newestMs: number
  publishedAt: null | string
  updatedAt: string
  title: string
  summary: string
  body: string
  pages: string[]
  titleNorm: string
  summaryNorm: string
  bodyNorm: string
  pagesNorm: string[]
  /** one value per tag, lecturer or owner name: Meilisearch puts array values 8 positions apart, so the end
   * of one tag and the start of the next are not "close together" */
  metaNorm: string[]
  /** the text's character pairs, spelled as Latin words (meilisearchGrams.ts) */
  gramsNorm: string[]
  _geo?: { lat: number; lng: number }
} & Partial<Record<JurisdictionDepthField, string>>

/** the text the substring fallback reads: not the tags, which count only whole */
const gramTexts = (normalized: Pick<NormalizedFields, 'body' | 'pages' | 'summary' | 'title'>): string[] => [
  normalized.title,
  normalized.summary,
  normalized.body,
  ...normalized.pages,
]

const toMs = (iso: null | string): number => (iso ? Date.parse(iso) || 0 : 0)

/** blanks stand in for stray pinyin; collapsing them keeps Meilisearch's word positions tight */
const squeeze = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** jurisdictionDepth0 = the top-level ancestor, … down to the owner itself */
const toDepthFields = (pathIds: string[]): Partial<Record<JurisdictionDepthField, string>> =>
  Object.fromEntries(pathIds.slice(0, MAX_JURISDICTION_DEPTH).map((id, depth) => [jurisdictionDepthField(depth), id]))

export const toMeiliDocument = (doc: SearchDocument): MeiliDocument => {
  const normalized = normalizeFields(doc)
  const pathIds = getPathIds(doc.jurisdictionPath)
  return {
    ...toDepthFields(pathIds),
    audiences: doc.audiences,
    body: doc.body,
    bodyNorm: normalized.body,
    docId: doc.docId,
    featured: doc.featured,
    formats: doc.formats,
    id: doc.id,
    jurisdictionAncestors: pathIds,
    jurisdictionId: doc.jurisdiction.id,
    jurisdictionName: doc.jurisdiction.name,
    kind: doc.kind,
    layout: MEILI_DOCUMENT_LAYOUT,
    gramsNorm: toGramWords(gramTexts(normalized)),
    metaNorm: normalized.meta.split('\n').filter(Boolean),
    newestMs: toMs(doc.publishedAt) || toMs(doc.updatedAt),
    pages: boundedPages(doc.fileText?.pages),
    pagesNorm: normalized.pages,
    publishedAt: doc.publishedAt,
    summary: doc.summary,
    summaryNorm: normalized.summary,
    themes: doc.themes,
    title: doc.title,
    titleNorm: normalized.title,
    updatedAt: doc.updatedAt,
    visibility: doc.visibility,
    year: doc.year,
    ...(doc.geo ? { _geo: { lat: doc.geo.lat, lng: doc.geo.lng } } : {}),
  }
}

const assertSucceeded = (task: Task, what: string): void => {
  if (task.status !== 'succeeded') {
    throw new Error(`Meilisearch ${what} ${task.status}: ${task.error?.code ?? ''} ${task.error?.message ?? ''}`.trim())
  }
}

/**
 * Meilisearch looks synonyms up only for runs of at most three query words (milli's query graph builds
 * 2- and 3-grams, no longer ones), so a long member such as 非公企业和社会组织 (five words) is never
 * expanded. Such a member is sent as the group's shortest member instead, which the `synonyms` setting
 * expands to the whole group; members Meilisearch can look up are sent as typed.
 */
const MEILI_SYNONYM_MAX_WORDS = 3

type StandIns = { members: ReadonlyMap<string, string>; pattern: null | RegExp }
let standIns: null | StandIns = null

/** built on first use: counting words loads the segmenter */
const getStandIns = (): StandIns => {
  if (standIns) return standIns
  const wordCount = (member: string) => queryWords(normalizeText(member)).length
  const members = new Map(
    SYNONYM_GROUPS.flatMap((group) => {
      const shortest = [...group].sort((a, b) => wordCount(a) - wordCount(b) || a.length - b.length)[0]!
      if (wordCount(shortest) > MEILI_SYNONYM_MAX_WORDS) return []
      return group.filter((member) => wordCount(member) > MEILI_SYNONYM_MAX_WORDS).map((member): [string, string] => [member, shortest])
    }),
  )
  const escaped = [...members.keys()].sort((a, b) => b.length - a.length).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return (standIns = { members, pattern: escaped.length ? new RegExp(escaped.join('|'), 'g') : null })
}

/** the text Meilisearch receives: normalised, synonyms it cannot look up swapped, blanks collapsed */
export const toMeiliQuery = (q: string): string => {
  const normalized = normalizeText(q)
  const { members, pattern } = getStandIns()
  const swapped = pattern ? normalized.replace(pattern, (word) => ` ${members.get(word)!} `) : normalized
  return squeeze(swapped)
}

const isHan = (char: string | undefined): boolean => char !== undefined && /\p{Script=Han}/u.test(char)

/**
 * The query as written, as a Meilisearch phrase: normalised, punctuation dropped, Han words typed apart
 * joined (党员 教育 → "党员教育", as the text would hold them); null for a single word, which the phrase
 * would not rank any differently.
 */
export const toMeiliPhrase = (q: string): null | string => {
  const parts = normalizeText(q).match(/[\p{L}\p{N}]+/gu) ?? []
  const text = parts.reduce((joined, part) => (joined && !(isHan(joined.at(-1)) && isHan(part[0])) ? `${joined} ${part}` : joined + part), '')
  return queryWords(text).length > 1 ? `"${text}"` : null
}

export type MeilisearchOptions = { host: string; apiKey?: string; indexUid?: string; timeoutMs?: number }

export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch'
  private readonly client: Meilisearch
  private readonly index: Index<MeiliDocument>
  private readonly indexUid: string
  private readonly timeoutMs: number

  constructor(options: MeilisearchOptions) {
    // Uncompressed responses: with Node's fetch a gzip/br-encoded answer from Meilisearch arrives ~40 ms
    // later than the same answer uncompressed (measured on loopback: 57 ms vs 15 ms for a 60 KB page of
    // hits that the server computed in 11 ms). The engine runs next to the app, so the bytes cost nothing.
    this.client = new Meilisearch({
      apiKey: options.apiKey,
      host: options.host,
      requestInit: { headers: { 'Accept-Encoding': 'identity' } },
    })
    this.indexUid = options.indexUid ?? process.env.MEILI_INDEX ?? 'commons'
    this.index = this.client.index<MeiliDocument>(this.indexUid)
    this.timeoutMs = options.timeoutMs ?? 60_000
  }

  private async wait(promise: ReturnType<Index['addDocuments']>, what: string): Promise<void> {
    assertSucceeded(await promise.waitTask({ timeout: this.timeoutMs }), what)
  }

  /** creates the index when missing and brings any drifted setting back to what the code says */
  async init(): Promise<void> {
    const exists = await this.index.getRawInfo().then(
      () => true,
      () => false,
    )
    if (!exists) await this.wait(this.client.createIndex(this.indexUid, { primaryKey: F.id }), 'createIndex')
    const wanted = buildMeiliSettings()
    const drifted = driftedSettings(await this.index.getSettings(), wanted)
    if (drifted.length) await this.wait(this.index.updateSettings(wanted), `updateSettings(${drifted.join(', ')})`)
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    if (!docs.length) return
    await this.wait(this.index.addDocuments(docs.map(toMeiliDocument), { primaryKey: F.id }), 'addDocuments')
  }

  async remove(ids: string[]): Promise<void> {
    if (!ids.length) return
    await this.wait(this.index.deleteDocuments(ids), 'deleteDocuments')
  }

  async clear(): Promise<void> {
    await this.wait(this.index.deleteAllDocuments(), 'deleteAllDocuments')
  }

  async close(): Promise<void> {}

  /** for tests and full rebuilds */
  async dropIndex(): Promise<void> {
    await this.client.deleteIndexIfExists(this.indexUid)
  }

  async count(): Promise<number> {
    return (await this.index.getStats()).numberOfDocuments
  }

  async holdsOutdatedEntries(): Promise<boolean> {
    const outdated = await this.index.search('', { filter: `NOT ${F.layout} = ${MEILI_DOCUMENT_LAYOUT}`, limit: 0 })
    return outdated.estimatedTotalHits > 0
  }

  async *listIds(): AsyncIterable<IndexedEntry> {
    const limit = 1000
    const entries: IndexedEntry[] = []
    for (let offset = 0; ; offset += limit) {
      const page = await this.index.getDocuments<Pick<MeiliDocument, 'id' | 'updatedAt'>>({ fields: [F.id, F.updatedAt], limit, offset })
      entries.push(...page.results.map((doc) => ({ id: doc.id, updatedAt: doc.updatedAt })))
      if (page.results.length < limit) break
    }
    yield* entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const started = performance.now()
    const { page, perPage } = clampPaging(query)
    const sort = resolveSort(query)
    const plan = planQuery(query.q)
    const facetFields = await this.facetFields(query.facets ?? [], query)
    const params: SearchParams = {
      attributesToSearchOn: MEILI_TEXT_ATTRIBUTES,
      facets: Object.values(facetFields),
      filter: buildMeiliFilter(query),
      hitsPerPage: perPage,
      locales: ['cmn'],
      matchingStrategy: 'all',
      page,
      sort: toMeiliSort(sort, query),
    }
    const { literalFirst, words } = await this.searchWords(query, params)
    const found = (await this.withSubstrings(query, words, params)) ?? literalFirst ?? {
      distribution: words.facetDistribution,
      hits: words.hits,
      total: totalOf(words),
    }
    return {
      facets: toFacetCounts(found.distribution, facetFields),
      hits: found.hits.map((doc) => toHit(doc, plan.highlightTerms, query.near)),
      page,
      perPage,
      tookMs: Math.round((performance.now() - started) * 100) / 100,
      total: found.total,
    }
  }

  /**
   * The word matches; for a relevance query of several words also the phrase (the query as written,
   * consecutive words) in the same request, whose hits come first: Meilisearch's proximity rule ranks
   * after words/typo/exactness and counts on its own segmentation, so on a large index items holding the
   * words apart (or a synonym) filled the first page. Both lists are read from the top to the end of the
   * page: the phrase hits, then the word hits that are not among them. The word query matches every phrase
   * hit, so its total and facets stay the result's.
   */
  private async searchWords(query: SearchQuery, params: SearchParams): Promise<{ literalFirst: Found | null; words: SearchResponse<MeiliDocument> }> {
    const phrase = resolveSort(query) === 'relevance' ? toMeiliPhrase(query.q) : null
    if (!phrase) return { literalFirst: null, words: await this.index.search<MeiliDocument>(toMeiliQuery(query.q), params) }
    const { page, perPage } = clampPaging(query)
    const upTo = Math.min(page * perPage, MEILI_MAX_TOTAL_HITS)
    const { hitsPerPage: _hitsPerPage, page: _page, ...rest } = params
    const { results } = await this.client.multiSearch({
      queries: [
        { ...rest, facets: [], indexUid: this.indexUid, limit: upTo, offset: 0, q: phrase },
        { ...rest, hitsPerPage: upTo, indexUid: this.indexUid, page: 1, q: toMeiliQuery(query.q) },
      ],
    })
    const [literal, words] = results as unknown as [SearchResponse<MeiliDocument>, SearchResponse<MeiliDocument>]
    const literalIds = new Set(literal.hits.map((doc) => doc.id))
    const merged = [...literal.hits, ...words.hits.filter((doc) => !literalIds.has(doc.id))]
    return {
      literalFirst: { distribution: words.facetDistribution, hits: merged.slice((page - 1) * perPage, page * perPage), total: totalOf(words) },
      words,
    }
  }

  /**
   * The substring fallback, when the words find fewer than MEILI_GRAM_FALLBACK_BELOW items: the items
   * holding every character pair of the query, then the word matches that do not (found through a synonym
   * or a typo); null when the words found enough. Totals and facets add up the two disjoint sets.
   */
  private async withSubstrings(query: SearchQuery, words: SearchResponse<MeiliDocument>, params: SearchParams): Promise<Found | null> {
    const gramQuery = toGramQuery(query.q)
    const wordTotal = totalOf(words)
    if (!gramQuery || wordTotal >= MEILI_GRAM_FALLBACK_BELOW) return null
    const wordHits =
      words.hits.length === wordTotal
        ? words.hits
        : (await this.index.search<MeiliDocument>(toMeiliQuery(query.q), { ...params, facets: [], hitsPerPage: MEILI_GRAM_FALLBACK_BELOW, page: 1 })).hits
    const { page, perPage } = clampPaging(query)
    const grams = await this.index.search<MeiliDocument>(gramQuery, {
      ...params,
      attributesToSearchOn: [F.gramsNorm],
      hitsPerPage: Math.min(page * perPage, MEILI_MAX_TOTAL_HITS),
      page: 1,
    })
    const others = wordHits.filter((doc) => !holdsGrams(hitGramTexts(doc), gramQuery))
    const merged = mergeHits(grams.hits, others, resolveSort(query), query.near)
    return {
      distribution: addFacetValues(grams.facetDistribution ?? {}, others, params.facets ?? []),
      hits: merged.slice((page - 1) * perPage, page * perPage),
      total: totalOf(grams) + others.length,
    }
  }

  /** facet name → attribute; the jurisdiction facet reads the level below the filtered jurisdiction */
  private async facetFields(wanted: FacetName[], query: SearchQuery): Promise<Partial<Record<FacetName, string>>> {
    const fields: Partial<Record<FacetName, string>> = {}
    for (const name of wanted) if (name !== 'jurisdiction') fields[name] = MEILI_FACET_FIELDS[name]
    if (wanted.includes('jurisdiction')) {
      const depth = await this.jurisdictionFacetDepth(query.filters)
      if (depth !== null) fields.jurisdiction = jurisdictionDepthField(depth)
    }
    return fields
  }

  /** the depth the jurisdiction facet lists: the filtered jurisdiction's children; null when there is none */
  private async jurisdictionFacetDepth(filters: SearchQuery['filters']): Promise<null | number> {
    if (filters?.jurisdictionId === undefined) return 0
    const parentDepth = filters.jurisdictionDepth ?? (await this.lookUpJurisdictionDepth(filters.jurisdictionId))
    return parentDepth === null || parentDepth + 1 >= MAX_JURISDICTION_DEPTH ? null : parentDepth + 1
  }

  /** read from any item indexed below the jurisdiction; null when there is none */
  private async lookUpJurisdictionDepth(jurisdictionId: string): Promise<null | number> {
    const { hits } = await this.index.search<Pick<MeiliDocument, 'jurisdictionAncestors'>>('', {
      attributesToRetrieve: [F.jurisdictionAncestors],
      filter: inSubtreeFilter(jurisdictionId),
      limit: 1,
    })
    const depth = hits[0]?.jurisdictionAncestors.indexOf(jurisdictionId) ?? -1
    return depth >= 0 ? depth : null
  }
}

type Found = { distribution: SearchResponse['facetDistribution']; hits: MeiliDocument[]; total: number }

const totalOf = (response: SearchResponse<MeiliDocument>): number =>
  'totalHits' in response && typeof response.totalHits === 'number' ? response.totalHits : response.hits.length

/** a hit's text as the pair index read it (the hit carries the original script) */
const hitGramTexts = (doc: MeiliDocument): string[] => [doc.title, doc.summary, doc.body, ...(doc.pages ?? [])].map(normalizeText)

const newestOf = (doc: MeiliDocument): number => toMs(doc.publishedAt) || toMs(doc.updatedAt)

/** the pair matches (in Meilisearch's order) and the other word matches, in the order the query asks for */
const mergeHits = (grams: MeiliDocument[], others: MeiliDocument[], sort: ReturnType<typeof resolveSort>, near: SearchQuery['near']): MeiliDocument[] => {
  const all = [...grams, ...others]
  if (sort === 'newest') return all.sort((a, b) => newestOf(b) - newestOf(a))
  if (sort === 'nearest' && near) {
    const distance = (doc: MeiliDocument) => (doc._geo ? haversineMeters(near.lat, near.lng, Number(doc._geo.lat), Number(doc._geo.lng)) : Infinity)
    return all.sort((a, b) => distance(a) - distance(b))
  }
  return all
}

/** a document's values of a facet attribute; the jurisdiction depth fields are read from the ancestors */
const facetValuesOf = (doc: MeiliDocument, field: string): string[] => {
  const depth = depthOfField(field)
  if (depth !== null) return doc.jurisdictionAncestors[depth] === undefined ? [] : [doc.jurisdictionAncestors[depth]!]
  const value = (doc as unknown as Record<string, unknown>)[field]
  return Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)]
}

const addFacetValues = (
  distribution: Record<string, Record<string, number>>,
  docs: MeiliDocument[],
  fields: string[],
): Record<string, Record<string, number>> => {
  const sums = Object.fromEntries(fields.map((field) => [field, { ...(distribution[field] ?? {}) }]))
  for (const doc of docs) for (const field of fields) for (const value of facetValuesOf(doc, field)) sums[field]![value] = (sums[field]![value] ?? 0) + 1
  return sums
}

const toMeiliSort = (sort: ReturnType<typeof resolveSort>, query: SearchQuery): string[] | undefined => {
  if (sort === 'nearest' && query.near) return [`_geoPoint(${query.near.lat}, ${query.near.lng}):asc`]
  if (sort === 'newest') return [`${F.newestMs}:desc`]
  return query.q.trim() ? undefined : [`${F.featured}:desc`, `${F.newestMs}:desc`]
}

const toFacetCounts = (
  distribution: Record<string, Record<string, number>> | undefined,
  fields: Partial<Record<FacetName, string>>,
): FacetCounts => {
  const facets = emptyFacets()
  for (const [name, field] of Object.entries(fields) as Array<[FacetName, string]>) facets[name] = { ...(distribution?.[field] ?? {}) }
  return facets
}

const toHit = (doc: MeiliDocument, terms: string[], near: SearchQuery['near']): SearchHit => {
  const pageNumbers = matchingPages(doc.pages ?? [], terms)
  const firstPage = pageNumbers[0]
  const body = terms.length === 0 ? '' : markSnippet(doc.body, terms) || (firstPage ? markSnippet(doc.pages[firstPage - 1]!, terms) : '')
  const geo = doc._geo ? { lat: Number(doc._geo.lat), lng: Number(doc._geo.lng) } : null
  return {
    audiences: doc.audiences,
    docId: doc.docId,
    featured: doc.featured,
    formats: doc.formats,
    geo,
    highlights: {
      body,
      summary: markAll(doc.summary, terms),
      title: markAll(doc.title, terms),
    },
    id: doc.id,
    jurisdiction: { id: doc.jurisdictionId, name: doc.jurisdictionName },
    kind: doc.kind,
    ...(doc.kind === 'courseware' ? { pages: pageNumbers } : {}),
    ...(near && geo ? { distanceMeters: Math.round(haversineMeters(near.lat, near.lng, geo.lat, geo.lng)) } : {}),
    publishedAt: doc.publishedAt,
    summary: doc.summary,
    themes: doc.themes,
    title: doc.title,
    updatedAt: doc.updatedAt,
    visibility: doc.visibility,
    year: doc.year,
  }
}
