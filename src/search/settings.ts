/**
 * The Meilisearch index: document field names and settings, built from one set of constants so code and
 * live index cannot drift (`MeilisearchEngine.init` compares and fixes).
 */
import type { Settings } from 'meilisearch'

import { MAX_FACET_VALUES, MAX_JURISDICTION_DEPTH } from './engine'
import { toSynonymMap } from './synonyms'

export const MEILI_FIELDS = {
  audiences: 'audiences',
  body: 'body',
  bodyNorm: 'bodyNorm',
  docId: 'docId',
  featured: 'featured',
  formats: 'formats',
  geo: '_geo',
  gramsNorm: 'gramsNorm',
  id: 'id',
  jurisdictionAncestors: 'jurisdictionAncestors',
  jurisdictionId: 'jurisdictionId',
  jurisdictionName: 'jurisdictionName',
  kind: 'kind',
  layout: 'layout',
  metaNorm: 'metaNorm',
  newestMs: 'newestMs',
  pages: 'pages',
  pagesNorm: 'pagesNorm',
  publishedAt: 'publishedAt',
  summary: 'summary',
  summaryNorm: 'summaryNorm',
  themes: 'themes',
  title: 'title',
  titleNorm: 'titleNorm',
  updatedAt: 'updatedAt',
  visibility: 'visibility',
  year: 'year',
} as const

const F = MEILI_FIELDS

/**
 * Bumped when documents gain or change a field that settings or queries rely on: entries of another
 * layout are rewritten by the reindex the server starts (`holdsOutdatedEntries`).
 */
export const MEILI_DOCUMENT_LAYOUT = 3

/** the owner's ancestor (or the owner itself) at `depth`: what the drill-down jurisdiction facet counts */
export type JurisdictionDepthField = `jurisdictionDepth${number}`
export const jurisdictionDepthField = (depth: number): JurisdictionDepthField => `jurisdictionDepth${depth}`
/** the depth a jurisdiction depth field counts, null for any other attribute */
export const depthOfField = (field: string): null | number => {
  const depth = /^jurisdictionDepth(\d+)$/.exec(field)?.[1]
  return depth === undefined ? null : Number(depth)
}
const JURISDICTION_DEPTH_FIELDS = Array.from({ length: MAX_JURISDICTION_DEPTH }, (_, depth) => jurisdictionDepthField(depth))

/** facet name in the engine interface → Meilisearch attribute */
export const MEILI_FACET_FIELDS = {
  audience: F.audiences,
  format: F.formats,
  kind: F.kind,
  theme: F.themes,
} as const

/**
 * What a text query searches: normalised (Simplified) text only, the original script is display-only. Tags
 * (metaNorm) come last: Meilisearch cannot match a tag only whole, so a piece of a tag at least ranks after
 * the text. The character pairs (gramsNorm, meilisearchGrams.ts) are searched only by the substring fallback.
 */
export const MEILI_TEXT_ATTRIBUTES = [F.titleNorm, F.summaryNorm, F.bodyNorm, F.pagesNorm, F.metaNorm]

/** bounds exact totals with page/hitsPerPage; larger values make deep queries slow */
export const MEILI_MAX_TOTAL_HITS = 10_000

export const buildMeiliSettings = (): Settings => ({
  // what a hit shows; the normalised copies are for matching only and would double every answer
  displayedAttributes: [
    F.id, F.kind, F.docId, F.visibility, F.jurisdictionId, F.jurisdictionName, F.themes, F.audiences, F.formats,
    F.year, F.featured, F.publishedAt, F.updatedAt, F.title, F.summary, F.body, F.pages, F.geo,
    F.jurisdictionAncestors,
  ],
  // by count: Meilisearch then counts by intersecting each value's document set with the matches;
  // alphabetical order reads every matching document's values when there are fewer than 3,000 matches
  // (milli facet_distribution.rs), which cost 5-15 ms per query at 100,000 items
  faceting: { maxValuesPerFacet: MAX_FACET_VALUES, sortFacetValuesBy: { '*': 'count' } },
  filterableAttributes: [
    F.layout,
    ...JURISDICTION_DEPTH_FIELDS,
    F.kind,
    F.visibility,
    F.jurisdictionId,
    F.jurisdictionAncestors,
    F.themes,
    F.audiences,
    F.formats,
    F.year,
    F.featured,
    F.geo,
  ],
  localizedAttributes: [{ attributePatterns: ['*'], locales: ['cmn'] }],
  pagination: { maxTotalHits: MEILI_MAX_TOTAL_HITS },
  // how far apart the query words are, word by word: the `proximity` rule then puts the words as written
  // (next to each other) before the same words close together, and those before the words apart (issue 12)
  proximityPrecision: 'byWord',
  // `sort` first: a chosen order (nearest, newest) is strict, as in the embedded engine; without a `sort`
  // parameter the rule does nothing and relevance decides, then featured, then newest. `exactness` before
  // `proximity`: a word as typed beats its synonym (milli counts synonyms, prefixes and typos as not
  // exact) and a prefix; `attribute` after `proximity`: the phrase in the title, then in the text
  rankingRules: ['sort', 'words', 'typo', 'exactness', 'proximity', 'attribute', `${F.featured}:desc`, `${F.newestMs}:desc`],
  searchableAttributes: [...MEILI_TEXT_ATTRIBUTES, F.gramsNorm],
  sortableAttributes: [F.newestMs, F.geo, F.featured],
  synonyms: toSynonymMap(),
  // a spelled character pair one letter off is another pair, not a typo
  typoTolerance: { disableOnAttributes: [F.gramsNorm] },
})

/** settings whose value is a set: the server may list them in another order */
const UNORDERED_SETTINGS: ReadonlySet<string> = new Set(['displayedAttributes', 'filterableAttributes', 'sortableAttributes'])
/** settings whose value is an options object: the server fills in the options we leave out */
const OPTION_SETTINGS: ReadonlySet<string> = new Set(['faceting', 'pagination', 'typoTolerance'])

const byKey = ([a]: [string, unknown], [b]: [string, unknown]): number => (a < b ? -1 : a > b ? 1 : 0)

/** `value` in a form where equal settings serialise equally, keeping only what `wanted` sets for option objects */
const canonicalSetting = (key: string, value: unknown, wanted: unknown): string => {
  if (UNORDERED_SETTINGS.has(key) && Array.isArray(value)) return JSON.stringify(value.map((item) => JSON.stringify(item)).sort())
  if (key === 'synonyms' && value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, string[]>).map(([word, others]): [string, string[]] => [word, [...others].sort()])
    return JSON.stringify(entries.sort(byKey))
  }
  if (OPTION_SETTINGS.has(key) && value && typeof value === 'object' && wanted && typeof wanted === 'object') {
    const picked = Object.keys(wanted).map((option): [string, string] => [
      option,
      JSON.stringify((value as Record<string, unknown>)[option] ?? null),
    ])
    return JSON.stringify(picked.sort(byKey))
  }
  return JSON.stringify(value ?? null)
}

/**
 * The settings whose live value differs from the wanted one. Order only counts where it means something
 * (ranking rules, searchable attributes, localized attributes); defaults the server adds are ignored.
 */
export const driftedSettings = (live: Settings, wanted: Settings): Array<keyof Settings> =>
  (Object.keys(wanted) as Array<keyof Settings>).filter(
    (key) => canonicalSetting(key, live[key], wanted[key]) !== canonicalSetting(key, wanted[key], wanted[key]),
  )
