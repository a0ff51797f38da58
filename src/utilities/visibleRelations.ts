/** Populated relations only: what the reader may not see stays an id at depth 1 and is left out, as are drafts. */
export const visibleRelations = <T extends object>(value: unknown): T[] =>
  (Array.isArray(value) ? value : value ? [value] : []).filter(
    (item): item is T => Boolean(item) && typeof item === 'object' && (item as { _status?: string })._status !== 'draft',
  )

export const visibleRelation = <T extends object>(value: unknown): null | T => visibleRelations<T>(value)[0] ?? null
