import type { Where } from 'payload'

/**
 * What a reader may see of published content, as data (DESIGN.md §3). One rule, two outputs:
 * `visibilityWhere` feeds Payload access, the search engines translate the same scope into their filters.
 */
export type VisibilityScope =
  | { kind: 'everything' }
  | {
      kind: 'restricted'
      /** visibilities every item of which this reader may see, wherever it is owned */
      visibilities: Array<'public' | 'shared'>
      /** `local` items are visible when owned by one of these jurisdictions (the reader's own and its ancestors) … */
      localOwnerIds: string[]
      /** … or when owned anywhere below this jurisdiction (its path contains `/<id>/`) */
      localSubtreeRootId: string | null
    }

export type ScopeReader = {
  id: number | string
  role?: null | string
  jurisdiction?: unknown
  jurisdictionPath?: null | string
} | null

/** '/1/5/9/' → ['1', '5', '9'] */
export const getPathIds = (path: null | string | undefined): string[] =>
  (path ?? '').split('/').filter(Boolean)

export const getVisibilityScope = (reader: ScopeReader | undefined): VisibilityScope => {
  if (!reader) {
    return { kind: 'restricted', localOwnerIds: [], localSubtreeRootId: null, visibilities: ['public'] }
  }
  if (reader.role === 'admin') return { kind: 'everything' }
  const pathIds = getPathIds(reader.jurisdictionPath)
  return {
    kind: 'restricted',
    localOwnerIds: pathIds,
    localSubtreeRootId: pathIds.at(-1) ?? null,
    visibilities: ['public', 'shared'],
  }
}

/** Relationship ids are numbers on SQLite and strings on MongoDB; paths store them as text. */
const toIdValue = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id)

export const visibilityWhere = (scope: VisibilityScope): null | Where => {
  if (scope.kind === 'everything') return null
  const visibleEverywhere: Where = { visibility: { in: scope.visibilities } }
  if (scope.localOwnerIds.length === 0) return visibleEverywhere
  const localReach: Where[] = [{ jurisdiction: { in: scope.localOwnerIds.map(toIdValue) } }]
  if (scope.localSubtreeRootId) {
    localReach.push({ jurisdictionPath: { contains: `/${scope.localSubtreeRootId}/` } })
  }
  return {
    or: [visibleEverywhere, { and: [{ visibility: { equals: 'local' } }, { or: localReach }] }],
  }
}
