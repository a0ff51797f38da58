import type { Access, Where } from 'payload'

import type { Role } from './roles'

import { ownedInSubtreeOf } from './jurisdictionScope'
import { hasRole, isAdmin, isInstructor, isOrganizer } from './roles'
import { getVisibilityScope, visibilityWhere } from './visibilityScope'
import { prefixWhere } from './wherePaths'

const published: Where = { _status: { equals: 'published' } }

const andAll = (...wheres: Array<null | Where>): Where => {
  const parts = wheres.filter((where): where is Where => where !== null)
  return parts.length === 1 ? parts[0]! : { and: parts }
}

type Reader = Parameters<Access>[0]['req']['user']

/** Who may read an item's drafts besides admins: its creator, and organizers of the owner or an ancestor. */
export const draftReadersWhere = (user: NonNullable<Reader>): Where => {
  const readers: Where[] = [{ createdBy: { equals: user.id } }]
  if (isOrganizer(user)) readers.push(ownedInSubtreeOf(user))
  return readers.length === 1 ? readers[0]! : { or: readers }
}

/** What a reader may see of published items (DESIGN.md §3), as a Where on the item's own fields. */
export const publishedReadWhere = (user: Reader, { drafts }: { drafts: boolean }): Where =>
  andAll(drafts ? published : null, visibilityWhere(getVisibilityScope(user ?? null)))

/**
 * Read rule for owned content (DESIGN.md §3): published items by visibility, plus drafts for
 * their creator and for organizers of the owner or an ancestor.
 */
export const readOwnedContent =
  ({ drafts }: { drafts: boolean }): Access =>
  ({ req: { user } }) => {
    if (isAdmin(user)) return true
    const visiblePublished = publishedReadWhere(user, { drafts })
    if (!user) return visiblePublished
    return { or: [visiblePublished, draftReadersWhere(user)] }
  }

/**
 * Versions are drafts' history: readable exactly by those who may read the item's drafts. A version keeps the
 * owner path of its day, so an organizer's reach is judged on the version and on the item as it is now (after a
 * jurisdiction moved away, its old organizers read none of the item's versions).
 */
export const readOwnedVersions: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdmin(user)) return true
  const own: Where = { 'version.createdBy': { equals: user.id } }
  if (!isOrganizer(user)) return own
  const reach = ownedInSubtreeOf(user)
  return { or: [own, { and: [prefixWhere('version', reach), prefixWhere('parent', reach)] }] }
}

/**
 * Pictures are readable by anyone (they illustrate public pages), except a courseware item's first-page preview,
 * which is exactly as visible as the item it shows: its published state by the §3 rule, its drafts to their
 * readers. A preview of a pending draft's new file (`previewOfDraft`) waits for the draft to be published.
 */
export const readPictures: Access = ({ req: { user } }) => {
  if (isAdmin(user)) return true
  const readers: Where[] = [
    { previewOf: { exists: false } },
    andAll({ previewOfDraft: { not_equals: true } }, prefixWhere('previewOf', publishedReadWhere(user, { drafts: true }))),
  ]
  if (user) readers.push(prefixWhere('previewOf', draftReadersWhere(user)))
  return { or: readers }
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

/** The rules of an owned collection, from who may create it and whether it has drafts (and so versions). */
export const ownedContentAccess = ({ creators, drafts }: { creators: readonly Role[]; drafts: boolean }) => ({
  create: createOwnedContent(creators),
  delete: manageOwnedContent,
  read: readOwnedContent({ drafts }),
  ...(drafts ? { readVersions: readOwnedVersions } : {}),
  update: manageOwnedContent,
})
