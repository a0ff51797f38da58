import type { Jurisdiction } from '@/payload-types'

import { getUserJurisdictionId, pathSegment, type ScopedUser } from '@/access/jurisdictionScope'
import { isAdmin, isOrganizer } from '@/access/roles'
import { apiError } from '@/utilities/errors'
import { localMonth, MONTH_SHAPE, monthsBetween, nextMonth } from '@/utilities/localTime'

/** The statistics of a subtree are its organizers' and those above it: admins, and organizers of it or an ancestor. */
export const mayReadStats = (user: null | ScopedUser | undefined, jurisdiction: Pick<Jurisdiction, 'ancestorPath' | 'id'>): boolean => {
  if (!user) return false
  if (isAdmin(user)) return true
  const unit = getUserJurisdictionId(user)
  return isOrganizer(user) && unit !== null && `${jurisdiction.ancestorPath || '/'}${jurisdiction.id}/`.includes(pathSegment(unit))
}

export const MAX_MONTHS = 120

/** `from`/`to` as YYYY-MM; by default the twelve months up to this one. */
export const readPeriod = (query: { from?: unknown; to?: unknown }, now = new Date()): { from: string; to: string } => {
  const to = typeof query.to === 'string' && query.to ? query.to : localMonth(now)
  const [year, month] = to.split('-')
  const from = typeof query.from === 'string' && query.from ? query.from : nextMonth(`${Number(year) - 1}-${month}`)
  if (!MONTH_SHAPE.test(from) || !MONTH_SHAPE.test(to)) throw apiError(400, '月份格式应为 YYYY-MM，例如 2026-07', 'Months look like 2026-07')
  if (from > to) throw apiError(400, '起始月份不能晚于截止月份', 'The first month cannot come after the last')
  if (monthsBetween(from, to).length > MAX_MONTHS) throw apiError(400, `一次最多统计 ${MAX_MONTHS} 个月`, `At most ${MAX_MONTHS} months at a time`)
  return { from, to }
}
