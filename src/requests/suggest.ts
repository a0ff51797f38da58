import type { Payload } from 'payload'

import type { CourseRequest, Lecturer, User } from '@/payload-types'

import { haversineKm, type LatLng, roundTo } from '@/utilities/geo'
import { relationId } from '@/utilities/relationId'

import { slotKey, slotRange, SLOTS } from './slots'

export type Suggestion = {
  available: boolean
  distanceKm: null | number
  id: number | string
  name: string
  sessionsThisMonth: number
  topicMatch: number
}

const ids = (values: unknown): string[] => (Array.isArray(values) ? values : []).map((value) => String(relationId(value)))

/** Free first, then the most shared themes, the fewest sessions this month, the nearest. */
export const rankSuggestions = (suggestions: Suggestion[]): Suggestion[] =>
  [...suggestions].sort(
    (a, b) =>
      Number(b.available) - Number(a.available) ||
      b.topicMatch - a.topicMatch ||
      a.sessionsThisMonth - b.sessionsThisMonth ||
      (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity),
  )

const monthOf = (date: Date) => {
  const start = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1))
  const end = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1))
  return { end: end.toISOString(), start: start.toISOString() }
}

/** Themes the request is about: its item's and its menu's. */
const wantedThemes = async (payload: Payload, request: CourseRequest): Promise<Set<string>> => {
  const item = request.item as { relationTo: string; value: unknown }
  const doc = (await payload.findByID({ id: relationId(item.value)!, collection: item.relationTo as 'lessons', depth: 0, disableErrors: true })) as { themes?: unknown } | null
  const menu = await payload.findByID({ id: relationId(request.menu)!, collection: 'bundles', depth: 0, disableErrors: true })
  return new Set([...ids(doc?.themes), ...(menu?.theme ? [String(relationId(menu.theme))] : [])])
}

const placeOf = async (payload: Payload, request: CourseRequest): Promise<LatLng | null> => {
  const siteId = relationId(request.fieldSite)
  if (siteId === null) return null
  const site = await payload.findByID({ id: siteId, collection: 'field-sites', depth: 0, disableErrors: true })
  return site ? { lat: site.lat, lng: site.lng } : null
}

/** Sessions each lecturer holds (dispatched, accepted or delivered) in the month of the request. */
const sessionsInMonth = async (payload: Payload, request: CourseRequest, lecturerIds: string[]): Promise<Map<string, number>> => {
  const { end, start } = monthOf(new Date(request.startsAt))
  const found = await payload.find({
    collection: 'course-requests',
    depth: 0,
    pagination: false,
    select: { activeLecturers: true },
    where: { and: [{ activeLecturers: { in: lecturerIds } }, { startsAt: { greater_than_equal: start } }, { startsAt: { less_than: end } }] },
  })
  const counts = new Map<string, number>()
  for (const doc of found.docs) for (const id of ids(doc.activeLecturers)) counts.set(id, (counts.get(id) ?? 0) + 1)
  return counts
}

/** Lecturers whose time the request needs is already held by another request. */
const busyLecturers = async (payload: Payload, request: CourseRequest, lecturerIds: string[]): Promise<Set<string>> => {
  const slots = slotRange(new Date(request.startsAt), new Date(request.endsAt))
  const keys = lecturerIds.flatMap((id) => slots.map((slot) => slotKey(id, slot)))
  const held = await payload.find({ collection: SLOTS, depth: 0, pagination: false, select: { lecturer: true, request: true }, where: { key: { in: keys } } })
  return new Set(held.docs.filter((slot) => String(relationId(slot.request)) !== String(request.id)).map((slot) => String(relationId(slot.lecturer))))
}

/** Lecturers of the pool the dispatcher may see, scored for this request. */
export const suggestLecturers = async (payload: Payload, user: User, request: CourseRequest): Promise<Suggestion[]> => {
  const pool = await payload.find({ collection: 'lecturers', depth: 0, limit: 500, overrideAccess: false, user })
  const lecturers = pool.docs as Lecturer[]
  const lecturerIds = lecturers.map((lecturer) => String(lecturer.id))
  if (lecturerIds.length === 0) return []
  const [themes, place, sessions, busy] = await Promise.all([
    wantedThemes(payload, request),
    placeOf(payload, request),
    sessionsInMonth(payload, request, lecturerIds),
    busyLecturers(payload, request, lecturerIds),
  ])
  return rankSuggestions(
    lecturers.map((lecturer) => ({
      available: !busy.has(String(lecturer.id)),
      distanceKm: place && lecturer.lat != null && lecturer.lng != null ? roundTo(haversineKm(place, { lat: lecturer.lat, lng: lecturer.lng }), 1) : null,
      id: lecturer.id,
      name: lecturer.name,
      sessionsThisMonth: sessions.get(String(lecturer.id)) ?? 0,
      topicMatch: ids(lecturer.themes).filter((id) => themes.has(id)).length,
    })),
  )
}
