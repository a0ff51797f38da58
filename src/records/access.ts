import type { Access, Where } from 'payload'

import { getUserJurisdictionId, ownedInSubtreeOf, pathSegment } from '@/access/jurisdictionScope'
import { isAdmin, isOrganizer } from '@/access/roles'

const toIdValue = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id)

/**
 * A training record is read by the users of the unit that held it, by organizers above it (their subtree) and by
 * the lecturers who taught it (who see its rating averages, never the ratings).
 */
export const readTrainingSessions: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdmin(user)) return true
  const unit = getUserJurisdictionId(user)
  const readable: Where[] = [{ lecturerUsers: { in: [user.id] } }]
  if (unit) readable.push({ jurisdiction: { equals: toIdValue(unit) } })
  if (isOrganizer(user)) readable.push(ownedInSubtreeOf(user))
  return { or: readable }
}

/** Ratings and rating codes: the organizers of the session's unit or above it, never the lecturer. */
export const organizersOfSession: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdmin(user)) return true
  if (!isOrganizer(user)) return false
  return { 'session.jurisdictionPath': { contains: pathSegment(getUserJurisdictionId(user) ?? 'none') } }
}
