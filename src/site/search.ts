/**
 * The search page's data: the same search `/api/search` runs (searchAs), for the signed-in reader, plus the
 * names people read for facet values and the jurisdiction being drilled into.
 */
import type { FacetName } from '@/search/engine'

import { getPathIds } from '@/access/visibilityScope'
import { searchAs, type SearchAnswer } from '@/search/endpoint'
import { SEARCH_PARAMETERS, SearchParamError } from '@/search/params'
import { FACET_NAMES } from '@/search/engine'

import { getReader, getSitePayload } from './session'
import { facetValueName } from './words'

export type PageParams = Record<string, string | string[] | undefined>

export const SITE_PER_PAGE = 10

/** Only the API's own parameters, so links with extra tags (WeChat adds `from=…`) still search. */
export const toSearchParams = (params: PageParams): URLSearchParams => {
  const out = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (!SEARCH_PARAMETERS.has(key) || key === 'perPage') continue
    for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined && one !== '') out.append(key, one)
  }
  return out
}

/** The same search with one parameter changed (page back to 1 unless the page itself changes). */
export const withParam = (params: URLSearchParams, name: string, value: null | string): string => {
  const next = new URLSearchParams(params)
  next.delete(name)
  if (name !== 'page') next.delete('page')
  if (value !== null && value !== '') next.set(name, value)
  const query = next.toString()
  return query ? `/search?${query}` : '/search'
}

export type NamedFacet = { name: FacetName; values: Array<{ value: string; label: string; count: number; chosen: boolean }> }

export type SiteSearch =
  | { kind: 'empty' }
  | { kind: 'error'; message: string }
  | {
      kind: 'result'
      answer: SearchAnswer
      facets: NamedFacet[]
      /** the filtered jurisdiction and its ancestors, top first, for going back up */
      jurisdictionTrail: Array<{ id: string; name: string }>
    }

const jurisdictionNames = async (ids: string[]): Promise<Map<string, { name: string; ancestorPath: string }>> => {
  if (!ids.length) return new Map()
  const payload = await getSitePayload()
  const numeric = payload.db.defaultIDType === 'number'
  const wanted = numeric ? ids.filter((id) => /^\d+$/.test(id)) : ids
  if (!wanted.length) return new Map()
  const { docs } = await payload.find({
    collection: 'jurisdictions',
    depth: 0,
    limit: wanted.length,
    overrideAccess: false,
    pagination: false,
    select: { ancestorPath: true, name: true },
    user: await getReader(),
    where: { id: { in: wanted } },
  })
  return new Map(docs.map((doc) => [String(doc.id), { ancestorPath: doc.ancestorPath ?? '', name: doc.name }]))
}

const chosenValues = (params: URLSearchParams, facet: FacetName): string[] =>
  params.getAll(facet).flatMap((value) => value.split(','))

export const runSiteSearch = async (params: URLSearchParams): Promise<SiteSearch> => {
  const hasQuery = [...params.keys()].some((key) => key !== 'page')
  if (!hasQuery) return { kind: 'empty' }
  let answer: SearchAnswer
  try {
    const payload = await getSitePayload()
    const withPaging = new URLSearchParams(params)
    withPaging.set('perPage', String(SITE_PER_PAGE))
    answer = await searchAs(payload, await getReader(), withPaging)
  } catch (error) {
    if (error instanceof SearchParamError) return { kind: 'error', message: error.zh }
    console.error('[site] search failed', error)
    return { kind: 'error', message: '搜索暂时不可用，请稍后再试。' }
  }
  const filtered = params.get('jurisdiction')
  const first = filtered ? await jurisdictionNames([filtered]) : new Map()
  const trailIds = filtered ? [...getPathIds(first.get(filtered)?.ancestorPath), filtered] : []
  const names = await jurisdictionNames([...new Set([...Object.keys(answer.facets.jurisdiction), ...trailIds])])
  const nameOf = Object.fromEntries([...names].map(([id, { name }]) => [id, name]))
  const facets = FACET_NAMES.map((name) => {
    const chosen = chosenValues(params, name)
    return {
      name,
      values: Object.entries(answer.facets[name] ?? {})
        .sort(([, a], [, b]) => b - a)
        .map(([value, count]) => ({ chosen: chosen.includes(value), count, label: facetValueName(name, value, nameOf), value })),
    }
  })
  return {
    answer,
    facets,
    jurisdictionTrail: trailIds.filter((id) => nameOf[id]).map((id) => ({ id, name: nameOf[id]! })),
    kind: 'result',
  }
}
