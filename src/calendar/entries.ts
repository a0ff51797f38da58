import type { Payload, Where } from 'payload'

import type { Bundle, CourseRequest, TrainingSession, User } from '@/payload-types'

import { pathSegment } from '@/access/jurisdictionScope'
import { termWord } from '@/fields/terms'
import { SESSION_KINDS } from '@/records/terms'
import { toSimplified } from '@/search/text'
import { STATE_WORDS } from '@/requests/terms'
import { HOLDS_TIME } from '@/requests/transitions'
import { localDate, localDayStart, localMonth, monthSpan, nextMonth } from '@/utilities/localTime'
import { relationId, sameId } from '@/utilities/relationId'

/** One thing on the 月训 calendar: a month's bundle or a menu's period (whole days), a session, an accepted order. */
export type CalendarEntry = {
  /** stable across reads and feeds: `<kind>-<id>` */
  uid: string
  kind: 'bundle' | 'request' | 'session'
  title: string
  start: Date
  end: Date
  /** whole local days from `start` (local midnight) to `end` (exclusive) */
  allDay: boolean
  place?: string
  note?: string
  /** on the member site, when the entry has a page there */
  path?: string
  /** a dispatched order is not yet confirmed */
  tentative?: boolean
}

/** A period of whole local months, [from, until). */
export type Period = { from: Date; until: Date }

export const monthPeriod = (month: string): Period => {
  const { end, start } = monthSpan(month)
  return { from: start, until: end }
}

/** Who is reading: nobody (public feeds), a signed-in user (the site), or a lecturer's private feed. */
export type CalendarReader = { lecturerOnly?: boolean; user: null | User }

/** Bookings shown before their session is recorded; a delivered order shows through its training record. */
const BOOKED_STATES: readonly CourseRequest['status'][] = ['dispatched', 'accepted', 'delivered']

const inSubtree = (jurisdiction: number | string): Where => ({ jurisdictionPath: { contains: pathSegment(jurisdiction) } })

const access = (reader: CalendarReader) => ({ overrideAccess: false, user: reader.user ?? undefined }) as const

const placeOf = (doc: { fieldSite?: unknown; placeText?: null | string }): string | undefined => {
  const site = doc.fieldSite as { title?: string } | null | undefined
  return (typeof site === 'object' && site?.title) || doc.placeText || undefined
}

/** '月训：<title>', unless the title already says so (in either script). */
const withWord = (word: string, title: string): string => (toSimplified(title).includes(word) ? title : `${word}：${title}`)

const bundleEntry = (bundle: Bundle): CalendarEntry | null => {
  const path = `/bundles/${bundle.id}`
  if (bundle.kind === 'monthly' && bundle.targetMonth) {
    const { end, start } = monthSpan(bundle.targetMonth)
    return { allDay: true, end, kind: 'bundle', note: bundle.description ?? undefined, path, start, title: withWord('月训', bundle.title), uid: `bundle-${bundle.id}` }
  }
  if (bundle.kind === 'menu' && bundle.orderableFrom && bundle.orderableUntil) {
    // whole local days: the first day of the period to the day after its last
    const start = localDayStart(localDate(bundle.orderableFrom))
    const end = new Date(localDayStart(localDate(bundle.orderableUntil)).getTime() + 86_400_000)
    return { allDay: true, end, kind: 'bundle', note: bundle.description ?? undefined, path, start, title: withWord('菜单', bundle.title), uid: `bundle-${bundle.id}` }
  }
  return null
}

const overlaps = (entry: CalendarEntry, period: Period) => entry.start < period.until && entry.end > period.from

/** The published 月训 bundles and menus of the subtree the reader may see, that fall in the period. */
const bundleEntries = async (payload: Payload, jurisdiction: number | string, period: Period, reader: CalendarReader) => {
  const months: string[] = []
  for (let month = localMonth(period.from); monthSpan(month).start < period.until; month = nextMonth(month)) months.push(month)
  const found = await payload.find({
    collection: 'bundles',
    ...access(reader),
    depth: 0,
    draft: false,
    pagination: false,
    select: { description: true, kind: true, orderableFrom: true, orderableUntil: true, targetMonth: true, title: true },
    where: {
      and: [
        inSubtree(jurisdiction),
        { _status: { equals: 'published' } },
        { or: [{ and: [{ kind: { equals: 'monthly' } }, { targetMonth: { in: months } }] }, { kind: { equals: 'menu' } }] },
      ],
    },
  })
  return found.docs.map((doc) => bundleEntry(doc as Bundle)).filter((entry): entry is CalendarEntry => entry !== null && overlaps(entry, period))
}

const timeRange = (period: Period): Where => ({ and: [{ startsAt: { less_than: period.until.toISOString() } }, { startsAt: { greater_than_equal: period.from.toISOString() } }] })

const sessionEntry = (session: TrainingSession): CalendarEntry => {
  const start = new Date(session.startsAt!)
  const end = session.endsAt ? new Date(session.endsAt) : new Date(start.getTime() + 2 * 3_600_000)
  const count = session.attendance?.count
  return {
    allDay: false,
    end,
    kind: 'session',
    note: [termWord(SESSION_KINDS, session.kind), count ? `参训 ${count} 人` : ''].filter(Boolean).join(' · '),
    place: placeOf(session),
    start,
    title: session.title ?? '',
    uid: `session-${session.id}`,
  }
}

const requestEntry = (request: CourseRequest): CalendarEntry => ({
  allDay: false,
  end: new Date(request.endsAt),
  kind: 'request',
  note: `${STATE_WORDS[request.status ?? 'requested'][0]} · ${request.headcount} 人`,
  place: placeOf(request),
  start: new Date(request.startsAt),
  tentative: request.status === 'dispatched',
  title: request.title ?? '',
  uid: `request-${request.id}`,
})

/** Sessions and booked orders: only ever for a signed-in reader, read with their access. */
const teachingEntries = async (payload: Payload, scope: Where, period: Period, reader: CalendarReader, keep: (request: CourseRequest) => boolean = () => true) => {
  const fieldSite = { title: true } as const
  const [sessions, requests] = await Promise.all([
    payload.find({
      collection: 'training-sessions',
      ...access(reader),
      depth: 1,
      pagination: false,
      populate: { 'field-sites': fieldSite },
      select: { attendance: { count: true }, endsAt: true, fieldSite: true, kind: true, placeText: true, request: true, startsAt: true, title: true },
      where: { and: [scope, timeRange(period)] },
    }),
    payload.find({
      collection: 'course-requests',
      ...access(reader),
      depth: 1,
      pagination: false,
      populate: { 'field-sites': fieldSite },
      select: { dispatches: true, endsAt: true, fieldSite: true, headcount: true, placeText: true, startsAt: true, status: true, title: true },
      where: { and: [scope, timeRange(period), { status: { in: [...BOOKED_STATES] } }] },
    }),
  ])
  const recorded = new Set(sessions.docs.map((session) => String(relationId(session.request))))
  return [
    ...sessions.docs.map((doc) => sessionEntry(doc as TrainingSession)),
    ...requests.docs.filter((doc) => !recorded.has(String(doc.id)) && keep(doc as CourseRequest)).map((doc) => requestEntry(doc as CourseRequest)),
  ]
}

const byStart = (a: CalendarEntry, b: CalendarEntry) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid)

/**
 * The 月训 calendar of a jurisdiction's subtree: what the reader may see of its bundles, and, for a signed-in
 * reader, the sessions and booked orders they may read. Anonymous readers get public bundles only.
 */
export const jurisdictionCalendar = async (payload: Payload, jurisdiction: number | string, period: Period, reader: CalendarReader): Promise<CalendarEntry[]> => {
  const bundles = await bundleEntries(payload, jurisdiction, period, reader)
  const teaching = reader.user ? await teachingEntries(payload, inSubtree(jurisdiction), period, reader) : []
  return [...bundles, ...teaching].sort(byStart)
}

/** An order still holds this lecturer's time: dispatched to them and not declined, or accepted by them. */
const holdsTimeOf = (user: User) => (request: CourseRequest) =>
  (request.dispatches ?? []).some((row) => sameId(row.lecturerUser, user.id) && (HOLDS_TIME as readonly string[]).includes(row.status))

/** A lecturer's own teaching: sessions they taught and orders that hold their time, nothing else. */
export const lecturerCalendar = async (payload: Payload, user: User, period: Period): Promise<CalendarEntry[]> =>
  (await teachingEntries(payload, { lecturerUsers: { in: [user.id] } }, period, { user }, holdsTimeOf(user))).sort(byStart)
