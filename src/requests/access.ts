import type { Access, Where } from 'payload'

import type { ScopedUser } from '@/access/jurisdictionScope'

import { getUserJurisdictionId } from '@/access/jurisdictionScope'
import { hasRole, isAdmin, isOrganizer } from '@/access/roles'
import { sameId } from '@/utilities/relationId'

import type { Actor } from './transitions'

/** Who orders: organizers and instructors, for their own unit. */
export const ORDERING_ROLES = ['organizer', 'instructor'] as const

/** Units that order from a menu: villages and communities, agencies, enterprises and 两新 organisations. */
export const ORDERING_LEVELS = ['village', 'agency', 'enterprise', 'new_org'] as const

const toIdValue = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id)

/**
 * A request is read by its unit's users, by the organizers of the menu's owner who dispatch it and by the
 * lecturers it was dispatched to; nobody else (admins excepted).
 */
export const readCourseRequests: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdmin(user)) return true
  const unit = getUserJurisdictionId(user)
  const readable: Where[] = [{ lecturerUsers: { in: [user.id] } }]
  if (unit) readable.push({ jurisdiction: { equals: toIdValue(unit) } })
  if (unit && isOrganizer(user)) readable.push({ dispatchedFrom: { equals: toIdValue(unit) } })
  return { or: readable }
}

export const createCourseRequests: Access = ({ req: { user } }) => isAdmin(user) || hasRole(user, ORDERING_ROLES)

export type RequestParties = {
  dispatchedFrom?: unknown
  dispatches?: null | Array<{ lecturerUser?: unknown; status?: null | string }>
  jurisdiction?: unknown
}

/** The roles a user plays on one request, for the state machine. */
export const actorsOf = (user: null | (ScopedUser & { id: number | string }), request: RequestParties): Actor[] => {
  if (!user) return []
  if (isAdmin(user)) return ['unit', 'dispatcher', 'proxy']
  const unit = getUserJurisdictionId(user)
  const actors: Actor[] = []
  if (hasRole(user, ORDERING_ROLES) && sameId(unit, request.jurisdiction)) actors.push('unit')
  const dispatcher = isOrganizer(user) && sameId(unit, request.dispatchedFrom)
  if (dispatcher) actors.push('dispatcher')
  const pending = (request.dispatches ?? []).filter((row) => row.status === 'pending')
  if (pending.some((row) => sameId(row.lecturerUser, user.id))) actors.push('lecturer')
  if (dispatcher && pending.some((row) => !row.lecturerUser)) actors.push('proxy')
  return actors
}
