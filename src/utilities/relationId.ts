/** A relationship value is an id, or a populated document, or empty. */
export const relationId = (value: unknown): null | number | string => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') {
    const id = (value as { id?: unknown; value?: unknown }).id ?? (value as { value?: unknown }).value
    return relationId(id)
  }
  return value as number | string
}

export const sameId = (a: unknown, b: unknown): boolean => {
  const left = relationId(a)
  const right = relationId(b)
  return left !== null && right !== null && String(left) === String(right)
}

/** Could this be a document id on this database (a number on SQLite, 24 hex digits on MongoDB)? A lookup by an id of the wrong shape throws on MongoDB. */
export const isIdShaped = (payload: { db: { defaultIDType: unknown } }, id: string): boolean =>
  payload.db.defaultIDType === 'number' ? /^\d+$/.test(id) : /^[0-9a-f]{24}$/i.test(id)
