import type { Where } from 'payload'

import { getPathIds } from './visibilityScope'

export type ScopedUser = { id: number | string; jurisdictionPath?: null | string; role?: null | string }

/** The jurisdiction a user belongs to (U), as text. */
export const getUserJurisdictionId = (user: ScopedUser): null | string =>
  getPathIds(user.jurisdictionPath).at(-1) ?? null

export const pathSegment = (id: number | string): string => `/${id}/`

/** Items owned by U or anywhere below it: an organizer's reach. */
export const ownedInSubtreeOf = (user: ScopedUser): Where => {
  const root = getUserJurisdictionId(user)
  // A user with no jurisdiction reaches nothing; the impossible path keeps this a query, not an exception.
  return { jurisdictionPath: { contains: pathSegment(root ?? 'none') } }
}

/** Is a path ('/1/5/9/') inside the subtree of the user's jurisdiction? */
export const isPathInSubtreeOf = (path: null | string | undefined, user: ScopedUser): boolean => {
  const root = getUserJurisdictionId(user)
  return Boolean(root && path?.includes(pathSegment(root)))
}
