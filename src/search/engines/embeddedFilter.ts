/**
 * Scope, filters, geo and facets over `DocColumns`: compiled once per query into closures over
 * precomputed lookups, then run in one pass over the text-matching rowids.
 */
import type { VisibilityScope } from '@/access/visibilityScope'

import type { FacetCounts, FacetName, NearPoint, SearchFilters } from '../engine'

import { emptyFacets, topFacetValues } from '../engine'
import { SEARCH_KINDS } from '../types'
import { type DocColumns, VISIBILITIES } from './embeddedColumns'

const EARTH_RADIUS_M = 6_371_008.8
const toRadians = (degrees: number): number => (degrees * Math.PI) / 180

export const haversineMeters = (lat1: number, lng1: number, lat2: number, lng2: number): number => {
  const h =
    Math.sin(toRadians(lat2 - lat1) / 2) ** 2 +
    Math.cos(toRadians(lat1)) * Math.cos(toRadians(lat2)) * Math.sin(toRadians(lng2 - lng1) / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

type RowTest = (rowid: number) => boolean

/** memoised per interned path: does it contain `valueId`? */
const pathContains = (columns: DocColumns, valueId: number | undefined): ((pathId: number) => boolean) => {
  if (valueId === undefined) return () => false
  const memo = new Int8Array(columns.paths.values.length)
  return (pathId) => {
    if (memo[pathId] === 0) memo[pathId] = columns.paths.extra[pathId]!.includes(valueId) ? 1 : -1
    return memo[pathId] === 1
  }
}

/** memoised per interned list: does it share a value with `wanted`? */
const listMeets = (columns: DocColumns, wanted: string[]): ((listId: number) => boolean) => {
  const wantedIds = new Set(wanted.flatMap((value) => columns.values.ids.get(value) ?? []))
  const memo = new Int8Array(columns.lists.values.length)
  return (listId) => {
    if (memo[listId] === 0) memo[listId] = columns.lists.extra[listId]!.some((id) => wantedIds.has(id)) ? 1 : -1
    return memo[listId] === 1
  }
}

export const compileScope = (columns: DocColumns, scope: VisibilityScope): RowTest => {
  if (scope.kind === 'everything') return () => true
  const everywhere = new Uint8Array(VISIBILITIES.length)
  for (const visibility of scope.visibilities) everywhere[VISIBILITIES.indexOf(visibility)] = 1
  const local = VISIBILITIES.indexOf('local')
  const owners = new Set(scope.localOwnerIds.flatMap((id) => columns.values.ids.get(id) ?? []))
  const inSubtree = pathContains(columns, scope.localSubtreeRootId === null ? undefined : columns.values.ids.get(scope.localSubtreeRootId))
  return (r) => {
    const visibility = columns.visibility[r]!
    if (everywhere[visibility]) return true
    return visibility === local && (owners.has(columns.owner[r]!) || inSubtree(columns.path[r]!))
  }
}

const compileYear = (columns: DocColumns, year: NonNullable<SearchFilters['year']>): RowTest => {
  const min = typeof year === 'number' ? year : (year.min ?? -Infinity)
  const max = typeof year === 'number' ? year : (year.max ?? Infinity)
  return (r) => columns.year[r] !== 0 && columns.year[r]! >= min && columns.year[r]! <= max
}

export const compileFilters = (columns: DocColumns, filters: SearchFilters = {}): RowTest[] => {
  const tests: RowTest[] = []
  if (filters.kinds?.length) {
    const kinds = new Uint8Array(SEARCH_KINDS.length)
    for (const kind of filters.kinds) kinds[SEARCH_KINDS.indexOf(kind)] = 1
    tests.push((r) => kinds[columns.kind[r]!] === 1)
  }
  if (filters.visibility?.length) {
    const allowed = new Uint8Array(VISIBILITIES.length)
    for (const visibility of filters.visibility) allowed[VISIBILITIES.indexOf(visibility)] = 1
    tests.push((r) => allowed[columns.visibility[r]!] === 1)
  }
  for (const [wanted, column] of [
    [filters.themes, columns.themes],
    [filters.audiences, columns.audiences],
    [filters.formats, columns.formats],
  ] as const) {
    if (!wanted?.length) continue
    const meets = listMeets(columns, wanted)
    tests.push((r) => meets(column[r]!))
  }
  if (filters.jurisdictionId !== undefined) {
    const inSubtree = pathContains(columns, columns.values.ids.get(filters.jurisdictionId))
    tests.push((r) => inSubtree(columns.path[r]!))
  }
  if (filters.year !== undefined) tests.push(compileYear(columns, filters.year))
  if (filters.featured !== undefined) {
    const featured = filters.featured ? 1 : 0
    tests.push((r) => columns.featured[r] === featured)
  }
  return tests
}

/** bounding box first (cheap), then the exact distance; writes the distance for later sorting */
export const compileNear = (columns: DocColumns, near: NearPoint, distances: Map<number, number>): RowTest => {
  const radiusM = near.radiusKm * 1000
  const dLat = near.radiusKm / 111.32
  const dLng = near.radiusKm / (111.32 * Math.max(0.01, Math.cos(toRadians(near.lat))))
  return (r) => {
    const lat = columns.lat[r]!
    const lng = columns.lng[r]!
    if (!(Math.abs(lat - near.lat) <= dLat && Math.abs(lng - near.lng) <= dLng)) return false
    const meters = haversineMeters(near.lat, near.lng, lat, lng)
    if (meters > radiusM) return false
    distances.set(r, meters)
    return true
  }
}

/** lists repeat a lot: count each list once per row, spread the counts over its values at the end */
const spreadListCounts = (columns: DocColumns, listCounts: Int32Array): Record<string, number> => {
  const counts: Record<string, number> = {}
  for (let listId = 0; listId < listCounts.length; listId++) {
    const count = listCounts[listId]!
    if (!count) continue
    for (const id of columns.lists.extra[listId]!) {
      const value = columns.values.values[id]!
      counts[value] = (counts[value] ?? 0) + count
    }
  }
  return counts
}

/** counts per facet value over the given rows: typed-array tallies by interned id, no per-row map lookups */
export const countFacets = (
  columns: DocColumns,
  rows: Int32Array,
  wanted: FacetName[],
  filters: Pick<SearchFilters, 'jurisdictionId'> = {},
): FacetCounts => {
  const facets = emptyFacets()
  if (!wanted.length) return facets
  const want = new Set(wanted)
  const kinds = new Int32Array(SEARCH_KINDS.length)
  const listCount = columns.lists.values.length
  const themes = want.has('theme') ? new Int32Array(listCount) : null
  const audiences = want.has('audience') ? new Int32Array(listCount) : null
  const formats = want.has('format') ? new Int32Array(listCount) : null
  const paths = want.has('jurisdiction') ? new Int32Array(columns.paths.values.length) : null
  for (let index = 0; index < rows.length; index++) {
    const r = rows[index]!
    kinds[columns.kind[r]!]!++
    if (themes) themes[columns.themes[r]!]!++
    if (audiences) audiences[columns.audiences[r]!]!++
    if (formats) formats[columns.formats[r]!]!++
    if (paths) paths[columns.path[r]!]!++
  }
  if (want.has('kind')) SEARCH_KINDS.forEach((kind, index) => kinds[index] && (facets.kind[kind] = kinds[index]!))
  if (themes) facets.theme = topFacetValues(spreadListCounts(columns, themes))
  if (audiences) facets.audience = topFacetValues(spreadListCounts(columns, audiences))
  if (formats) facets.format = topFacetValues(spreadListCounts(columns, formats))
  if (paths) facets.jurisdiction = topFacetValues(countChildJurisdictions(columns, paths, filters.jurisdictionId))
  return facets
}

/**
 * Per-path counts folded into the children of `parentId` (of the top level without it): each child
 * counts its whole subtree, as the jurisdiction filter does.
 */
const countChildJurisdictions = (columns: DocColumns, pathCounts: Int32Array, parentId: string | undefined): Record<string, number> => {
  const parent = parentId === undefined ? undefined : columns.values.ids.get(parentId)
  const counts: Record<string, number> = {}
  if (parentId !== undefined && parent === undefined) return counts // nothing is indexed below it
  for (let pathId = 0; pathId < pathCounts.length; pathId++) {
    const count = pathCounts[pathId]!
    if (!count) continue
    const pathValues = columns.paths.extra[pathId]!
    const childDepth = parent === undefined ? 0 : pathValues.indexOf(parent) + 1
    if (childDepth === 0 && parent !== undefined) continue // not below the filtered jurisdiction
    const child = pathValues[childDepth]
    if (child === undefined) continue // owned by the filtered jurisdiction itself
    const value = columns.values.values[child]!
    counts[value] = (counts[value] ?? 0) + count
  }
  return counts
}
