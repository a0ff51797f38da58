/**
 * The Meilisearch index: document field names and settings, built from one set of constants so code and
 * live index cannot drift (`MeilisearchEngine.init` compares and fixes).
 */
import type { Settings } from 'meilisearch'

import { toSynonymMap } from './synonyms'

export const MEILI_FIELDS = {
  audiences: 'audiences',
  body: 'body',
  bodyNorm: 'bodyNorm',
  docId: 'docId',
  featured: 'featured',
  formats: 'formats',
  geo: '_geo',
  id: 'id',
  jurisdictionAncestors: 'jurisdictionAncestors',
  jurisdictionId: 'jurisdictionId',
  jurisdictionName: 'jurisdictionName',
  kind: 'kind',
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

/** facet name in the engine interface → Meilisearch attribute */
export const MEILI_FACET_FIELDS = {
  audience: F.audiences,
  format: F.formats,
  jurisdiction: F.jurisdictionId,
  kind: F.kind,
  theme: F.themes,
} as const

/** bounds exact totals with page/hitsPerPage; larger values make deep queries slow */
export const MEILI_MAX_TOTAL_HITS = 10_000

export const buildMeiliSettings = (): Settings => ({
  displayedAttributes: ['*'],
  faceting: { maxValuesPerFacet: 1000 },
  filterableAttributes: [
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
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', `${F.featured}:desc`],
  // normalised (Simplified) text only; the original script is display-only
  searchableAttributes: [F.titleNorm, F.metaNorm, F.summaryNorm, F.bodyNorm, F.pagesNorm],
  sortableAttributes: [F.newestMs, F.geo, F.featured],
  synonyms: toSynonymMap(),
})
