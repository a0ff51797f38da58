/**
 * Turns `/api/search` query parameters into a typed `SearchQuery`, or a clear 400. Nothing a user types
 * reaches an engine as anything but a checked value.
 */
import type { FacetName, SearchFilters, SearchQuery, SearchSort } from './engine'
import type { SearchKind, Visibility } from './types'

import { termCode } from '@/fields/terms'
import { AUDIENCES, FORMATS, type Term } from '@/fields/vocabulary'
import { VISIBILITIES } from '@/fields/ownership'

import { FACET_NAMES, MAX_PER_PAGE } from './engine'
import { SEARCH_KINDS } from './types'

export class SearchParamError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`)
  }
}

/** every parameter `/api/search` takes */
export const SEARCH_PARAMETERS = new Set(['q', 'kind', 'theme', 'audience', 'format', 'jurisdiction', 'visibility', 'year', 'near', 'radiusKm', 'sort', 'page', 'perPage'])
const SORTS: SearchSort[] = ['relevance', 'newest', 'nearest']
const DEFAULT_RADIUS_KM = 15
const MAX_RADIUS_KM = 500
const MAX_QUERY_LENGTH = 200

/** `kind=lesson&kind=video` and `kind=lesson,video` both mean two values. */
const listOf = (params: URLSearchParams, name: string): string[] =>
  params.getAll(name).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean)

const oneOf = <T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T[] | undefined => {
  const values = listOf(params, name)
  const unknown = values.find((value) => !allowed.includes(value as T))
  if (unknown !== undefined) {
    throw new SearchParamError(`参数 ${name} 的值「${unknown}」无效`, `Unknown value "${unknown}" for ${name}`)
  }
  return values.length ? (values as T[]) : undefined
}

/** Glossary filters accept the code (`rural`) or the word in either script (农村党员, 農村黨員). */
const termsOf = (params: URLSearchParams, name: string, terms: readonly Term[]): string[] | undefined => {
  const values = listOf(params, name)
  const codes = values.map((value) => termCode(terms, value))
  const unknown = values.find((_, index) => codes[index] === null)
  if (unknown !== undefined) {
    throw new SearchParamError(`参数 ${name} 的值「${unknown}」无效`, `Unknown value "${unknown}" for ${name}`)
  }
  return codes.length ? (codes as string[]) : undefined
}

const integer = (params: URLSearchParams, name: string, min: number, max: number): number | undefined => {
  const raw = params.get(name)
  if (raw === null || raw === '') return undefined
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SearchParamError(`参数 ${name} 应为 ${min}–${max} 之间的整数`, `${name} must be a whole number from ${min} to ${max}`)
  }
  return value
}

const parseNear = (params: URLSearchParams): SearchQuery['near'] => {
  const raw = params.get('near')
  const radius = params.get('radiusKm')
  if (raw === null) {
    if (radius !== null) throw new SearchParamError('radiusKm 需要与 near 一起使用', 'radiusKm needs near')
    return undefined
  }
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(raw)
  const [lat, lng] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN]
  if (!(Math.abs(lat) <= 90 && Math.abs(lng) <= 180)) {
    throw new SearchParamError('near 应为「纬度,经度」，例如 36.43,117.95', 'near must be "lat,lng", e.g. 36.43,117.95')
  }
  const radiusKm = radius === null ? DEFAULT_RADIUS_KM : Number(radius)
  if (!(radiusKm > 0 && radiusKm <= MAX_RADIUS_KM)) {
    throw new SearchParamError(`radiusKm 应在 0–${MAX_RADIUS_KM} 公里之间`, `radiusKm must be above 0 and at most ${MAX_RADIUS_KM}`)
  }
  return { lat, lng, radiusKm }
}

const parseSort = (params: URLSearchParams, hasNear: boolean): SearchSort | undefined => {
  const [sort, ...rest] = oneOf(params, 'sort', SORTS) ?? []
  if (rest.length) throw new SearchParamError('sort 只能取一个值', 'sort takes one value')
  if (sort === 'nearest' && !hasNear) throw new SearchParamError('按距离排序需要 near 参数', 'sort=nearest needs near')
  return sort
}

const parseJurisdiction = (params: URLSearchParams): string | undefined => {
  const value = params.get('jurisdiction')
  if (value === null || value === '') return undefined
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(value)) {
    throw new SearchParamError('jurisdiction 应为辖区编号', 'jurisdiction must be a jurisdiction id')
  }
  return value
}

export type ParsedSearch = Omit<SearchQuery, 'scope'>

export const parseSearchParams = (params: URLSearchParams): ParsedSearch => {
  const unknown = [...params.keys()].find((key) => !SEARCH_PARAMETERS.has(key))
  if (unknown !== undefined) {
    throw new SearchParamError(`不支持的参数「${unknown}」`, `Unknown parameter "${unknown}"`)
  }
  const q = params.get('q') ?? ''
  if (q.length > MAX_QUERY_LENGTH) {
    throw new SearchParamError(`搜索词不能超过 ${MAX_QUERY_LENGTH} 个字`, `The query must be at most ${MAX_QUERY_LENGTH} characters`)
  }
  const near = parseNear(params)
  const year = integer(params, 'year', 1921, 2100)
  const filters: SearchFilters = {
    audiences: termsOf(params, 'audience', AUDIENCES),
    formats: termsOf(params, 'format', FORMATS),
    jurisdictionId: parseJurisdiction(params),
    kinds: oneOf<SearchKind>(params, 'kind', SEARCH_KINDS),
    themes: listOf(params, 'theme').length ? listOf(params, 'theme') : undefined,
    visibility: oneOf<Visibility>(params, 'visibility', VISIBILITIES),
    year,
  }
  return {
    facets: [...FACET_NAMES] as FacetName[],
    filters,
    near,
    page: integer(params, 'page', 1, 10_000),
    perPage: integer(params, 'perPage', 1, MAX_PER_PAGE),
    q,
    sort: parseSort(params, Boolean(near)),
  }
}
