/**
 * Meilisearch filter expressions from typed values only. Every string value is quoted and escaped and every
 * number checked, so user text can never change the shape of a filter.
 */
import type { VisibilityScope } from '@/access/visibilityScope'

import type { NearPoint, SearchFilters } from './engine'

import { MEILI_FIELDS as F } from './settings'

export const quoteFilterValue = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`

const finite = (value: number, what: string): number => {
  if (!Number.isFinite(value)) throw new TypeError(`${what} must be a finite number`)
  return value
}

const inList = (field: string, values: readonly string[]): string => `${field} IN [${values.map(quoteFilterValue).join(', ')}]`

/** items owned by the jurisdiction or anywhere below it (each lists its owner's path, the owner included) */
export const inSubtreeFilter = (jurisdictionId: string): string => `${F.jurisdictionAncestors} = ${quoteFilterValue(jurisdictionId)}`

/** matches nothing: no document has this visibility */
const NOTHING = `${F.visibility} = ${quoteFilterValue('__none__')}`

const anyOf = (clauses: string[]): string =>
  clauses.length === 0 ? NOTHING : clauses.length === 1 ? clauses[0]! : `(${clauses.join(' OR ')})`

/** §3 as a filter; null when the reader sees everything */
export const scopeFilter = (scope: VisibilityScope): null | string => {
  if (scope.kind === 'everything') return null
  const clauses = scope.visibilities.length ? [inList(F.visibility, scope.visibilities)] : []
  const localReach = scope.localOwnerIds.length ? [inList(F.jurisdictionId, scope.localOwnerIds)] : []
  if (scope.localSubtreeRootId !== null) localReach.push(inSubtreeFilter(scope.localSubtreeRootId))
  if (localReach.length) clauses.push(`(${F.visibility} = ${quoteFilterValue('local')} AND ${anyOf(localReach)})`)
  return anyOf(clauses)
}

const yearFilter = (year: NonNullable<SearchFilters['year']>): string[] => {
  if (typeof year === 'number') return [`${F.year} = ${finite(year, 'year')}`]
  return [
    ...(year.min !== undefined ? [`${F.year} >= ${finite(year.min, 'year.min')}`] : []),
    ...(year.max !== undefined ? [`${F.year} <= ${finite(year.max, 'year.max')}`] : []),
  ]
}

export const filterClauses = (filters: SearchFilters = {}): string[] => [
  ...(filters.kinds?.length ? [inList(F.kind, filters.kinds)] : []),
  ...(filters.themes?.length ? [inList(F.themes, filters.themes)] : []),
  ...(filters.audiences?.length ? [inList(F.audiences, filters.audiences)] : []),
  ...(filters.formats?.length ? [inList(F.formats, filters.formats)] : []),
  ...(filters.visibility?.length ? [inList(F.visibility, filters.visibility)] : []),
  ...(filters.jurisdictionId !== undefined ? [inSubtreeFilter(filters.jurisdictionId)] : []),
  ...(filters.year !== undefined ? yearFilter(filters.year) : []),
  ...(filters.featured !== undefined ? [`${F.featured} = ${filters.featured ? 'true' : 'false'}`] : []),
]

export const geoRadiusFilter = (near: NearPoint): string =>
  `_geoRadius(${finite(near.lat, 'lat')}, ${finite(near.lng, 'lng')}, ${Math.round(finite(near.radiusKm, 'radiusKm') * 1000)})`

/** the whole filter: scope AND every typed filter AND the radius */
export const buildMeiliFilter = (input: { scope: VisibilityScope; filters?: SearchFilters; near?: NearPoint }): string | undefined => {
  const scope = scopeFilter(input.scope)
  const clauses = [...(scope ? [scope] : []), ...filterClauses(input.filters), ...(input.near ? [geoRadiusFilter(input.near)] : [])]
  if (!clauses.length) return undefined
  return clauses.map((clause) => (clause.startsWith('(') || clauses.length === 1 ? clause : `(${clause})`)).join(' AND ')
}
