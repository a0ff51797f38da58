import type { Access, CollectionBeforeChangeHook, PayloadRequest, Where } from 'payload'

import { isPathInSubtreeOf, ownedInSubtreeOf, type ScopedUser } from '@/access/jurisdictionScope'
import { isAdmin, isOrganizer, type Role } from '@/access/roles'
import { resolveOwnerPath } from '@/hooks/assignOwnership'
import { fieldError } from '@/utilities/errors'
import { sameId } from '@/utilities/relationId'

/** The roles an organizer hands out anywhere in its subtree; `organizer` only below its own jurisdiction. */
const ROLES_BELOW_ORGANIZER: readonly Role[] = ['member', 'instructor']

export type AccountState = { id?: number | string; jurisdictionPath?: null | string; role?: null | string }

/** Organizers' jurisdictions strictly below the actor's own: in its subtree, but not its own jurisdiction. */
const isStrictlyBelow = (path: null | string | undefined, actor: ScopedUser): boolean =>
  isPathInSubtreeOf(path, actor) && path !== actor.jurisdictionPath

/**
 * Who manages an account: admins every account; organizers the members and instructors of their subtree and
 * the organizers of strictly lower jurisdictions, never admins, peers or themselves.
 */
export const managesAccount = (actor: null | ScopedUser | undefined, target: AccountState): boolean => {
  if (!actor) return false
  if (isAdmin(actor)) return true
  if (!isOrganizer(actor) || sameId(actor.id, target.id)) return false
  if (ROLES_BELOW_ORGANIZER.includes(target.role as Role)) return isPathInSubtreeOf(target.jurisdictionPath, actor)
  return target.role === 'organizer' && isStrictlyBelow(target.jurisdictionPath, actor)
}

/** `managesAccount` as a query, for Payload access (update, delete, unlock). */
export const managedAccountsWhere = (actor: null | ScopedUser | undefined): boolean | Where => {
  if (!actor) return false
  if (isAdmin(actor)) return true
  if (!isOrganizer(actor)) return false
  return {
    and: [
      ownedInSubtreeOf(actor),
      { id: { not_equals: actor.id } },
      {
        or: [
          { role: { in: [...ROLES_BELOW_ORGANIZER] } },
          { and: [{ role: { equals: 'organizer' } }, { jurisdictionPath: { not_equals: actor.jurisdictionPath ?? '' } }] },
        ],
      },
    ],
  }
}

export const manageAccounts: Access = ({ req: { user } }) => managedAccountsWhere(user)

/** Everyone edits their own account (name, email, password); managers edit the accounts they manage. */
export const selfOrManagedAccounts: Access = ({ req: { user } }) => {
  const managed = managedAccountsWhere(user)
  if (!user || managed === true) return managed
  const self: Where = { id: { equals: user.id } }
  return managed === false ? self : { or: [self, managed] }
}

/** Why an organizer may not give an account this role and place, or null when it may. */
const refusal = (req: PayloadRequest, actor: ScopedUser, target: AccountState) => {
  if (target.role === 'admin') {
    return fieldError(req, 'users', 'role', '只有系统管理员可以授予管理员角色', 'Only administrators can grant the admin role')
  }
  if (!isPathInSubtreeOf(target.jurisdictionPath, actor)) {
    return fieldError(req, 'users', 'jurisdiction', '只能管理本辖区及下级辖区的用户', 'You can only manage users of your own jurisdiction or below it')
  }
  if (!managesAccount(actor, target)) {
    return fieldError(
      req,
      'users',
      'role',
      '组织部门角色只能授予下级辖区的用户',
      'The organizer role can only be given to users of a jurisdiction below yours',
    )
  }
  return null
}

/**
 * Role and jurisdiction decide what a user sees. Admins set them freely; organizers only to states they manage
 * (so nobody raises an account to their own level or above); everyone else, and anyone editing their own
 * account, keeps what they had.
 */
export const guardRoleAndJurisdiction: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const actor = req.user
  // The admin's "create first user" screen has no signed-in actor: that first account runs the library.
  if (!actor && operation === 'create' && req.url?.includes('/users/first-register')) {
    data.role = 'admin'
  }
  const editingSelf = operation === 'update' && actor && sameId(actor.id, originalDoc?.id)
  const mayManage = actor && (isAdmin(actor) || isOrganizer(actor))
  if (actor && !isAdmin(actor) && (editingSelf || !mayManage)) {
    data.role = originalDoc?.role ?? 'member'
    data.jurisdiction = originalDoc?.jurisdiction
  }
  data.jurisdictionPath = await resolveOwnerPath(req, 'users', data.jurisdiction ?? originalDoc?.jurisdiction)
  if (actor && !isAdmin(actor) && !editingSelf) {
    const problem = refusal(req, actor, { id: originalDoc?.id, jurisdictionPath: data.jurisdictionPath, role: data.role ?? originalDoc?.role ?? 'member' })
    if (problem) throw problem
  }
  return data
}
