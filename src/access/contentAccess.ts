import type { Access, Where } from 'payload'

import type { Role } from './roles'

import { ownedInSubtreeOf } from './jurisdictionScope'
import { hasRole, isAdmin, isInstructor, isOrganizer } from './roles'
import { getVisibilityScope, visibilityWhere } from './visibilityScope'

const published: Where = { _status: { equals: 'published' } }

const andAll = (...wheres: Array<null | Where>): Where => {
  const parts = wheres.filter((where): where is Where => where !== null)
  return parts.length === 1 ? parts[0]! : { and: parts }
}

/**
 * Read rule for owned content (DESIGN.md §3): published items by visibility, plus drafts for
 * their creator and for organizers of the owner or an ancestor.
 */
export const readOwnedContent =
  ({ drafts }: { drafts: boolean }): Access =>
  ({ req: { user } }) => {
    if (isAdmin(user)) return true
    const visible = visibilityWhere(getVisibilityScope(user ?? null))
    const visiblePublished = drafts ? andAll(published, visible) : andAll(visible)
    if (!user) return visiblePublished
    const alsoReadable: Where[] = [{ createdBy: { equals: user.id } }]
    if (isOrganizer(user)) alsoReadable.push(ownedInSubtreeOf(user))
    return { or: [visiblePublished, ...alsoReadable] }
  }

/** Create: the roles that may add this kind of content. Where it goes is checked by `checkOwnerInReach`. */
export const createOwnedContent =
  (roles: readonly Role[]): Access =>
  ({ req: { user } }) =>
    isAdmin(user) || hasRole(user, roles)

/** Update and delete: admins anything, organizers their subtree, instructors what they created. */
export const manageOwnedContent: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdmin(user)) return true
  if (isOrganizer(user)) return ownedInSubtreeOf(user)
  if (isInstructor(user)) return { createdBy: { equals: user.id } }
  return false
}

export const anyone: Access = () => true
export const adminsOnly: Access = ({ req: { user } }) => isAdmin(user)
export const signedIn: Access = ({ req: { user } }) => Boolean(user)

/** The four rules of an owned collection, from who may create it and whether it has drafts. */
export const ownedContentAccess = ({ creators, drafts }: { creators: readonly Role[]; drafts: boolean }) => ({
  create: createOwnedContent(creators),
  delete: manageOwnedContent,
  read: readOwnedContent({ drafts }),
  update: manageOwnedContent,
})
