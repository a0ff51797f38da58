import type { CollectionSlug, Payload, Where } from 'payload'

import { pathSegment } from '@/access/jurisdictionScope'
import { getPathIds } from '@/access/visibilityScope'
import { localMonth, monthsBetween, monthSpan } from '@/utilities/localTime'
import { relationId } from '@/utilities/relationId'
import { BUNDLE_ITEM_COLLECTIONS } from '@collections/Bundles'

/** What counts as the library a jurisdiction contributes: every kind of published item (bundles too). */
export const LIBRARY_COLLECTIONS = [...BUNDLE_ITEM_COLLECTIONS, 'field-sites', 'bundles'] as const satisfies readonly CollectionSlug[]

/** Units whose coverage is counted: villages and communities (村/社区). */
export const COVERED_LEVEL = 'village'

export type MonthFigures = {
  month: string
  /** published items of the subtree created this month */
  contributed: number
  /** times items of the subtree were placed in (or forked into) bundles of other jurisdictions created this month */
  reuses: number
  sessions: number
  /** 参训人次: the sum of the sessions' headcounts */
  attendance: number
  /** villages and communities of the subtree that held at least one session this month */
  coveredUnits: number
  ratings: number
  /** mean score of this month's sessions' ratings, null when none */
  satisfaction: null | number
  /** lecturers who taught at least one session this month */
  lecturers: number
}

export type LecturerLoad = { id: string; name: string; sessions: number }

export type JurisdictionStats = {
  jurisdiction: { id: number | string; name: string }
  from: string
  to: string
  months: MonthFigures[]
  totals: Omit<MonthFigures, 'month'> & { units: number; reusedItems: number }
  lecturerLoad: LecturerLoad[]
  /** whether bundle forks (forkRoot / forkedFrom) exist in this schema and were counted as reuse */
  forksCounted: boolean
}

const inSubtree = (jurisdiction: number | string): Where => ({ jurisdictionPath: { contains: pathSegment(jurisdiction) } })
const isOurs = (path: null | string | undefined, jurisdiction: number | string) => String(path ?? '').includes(pathSegment(jurisdiction))

type Bucket = Map<string, number>
const add = (bucket: Bucket, month: string, value = 1) => bucket.set(month, (bucket.get(month) ?? 0) + value)

const periodWhere = (field: string, from: string, to: string): Where => ({
  and: [{ [field]: { greater_than_equal: monthSpan(from).start.toISOString() } }, { [field]: { less_than: monthSpan(to).end.toISOString() } }],
})

/** Published items of the subtree, by the local month they were created in. */
const contributedByMonth = async (payload: Payload, jurisdiction: number | string, from: string, to: string): Promise<Bucket> => {
  const bucket: Bucket = new Map()
  for (const collection of LIBRARY_COLLECTIONS) {
    const published: Where[] = payload.collections[collection].config.versions?.drafts ? [{ _status: { equals: 'published' } }] : []
    const found = await payload.find({
      collection,
      depth: 0,
      pagination: false,
      select: { createdAt: true },
      where: { and: [inSubtree(jurisdiction), periodWhere('createdAt', from, to), ...published] },
    })
    for (const doc of found.docs) add(bucket, localMonth(doc.createdAt))
  }
  return bucket
}

const hasField = (payload: Payload, collection: CollectionSlug, name: string) =>
  payload.collections[collection].config.flattenedFields.some((field) => field.name === name)

type Placement = { collection: string; id: string; month: string }

/**
 * Reuse: an item of the subtree placed in a published bundle of another jurisdiction, and, where the schema has
 * bundle forks, a bundle of the subtree forked into another jurisdiction. Read with simple queries (no joins, so
 * MongoDB wire without $lookup serves it too).
 */
const reusesByMonth = async (payload: Payload, jurisdiction: number | string, from: string, to: string) => {
  const forkFields = ['forkRoot', 'forkedFrom'].filter((name) => hasField(payload, 'bundles', name))
  const bundles = await payload.find({
    collection: 'bundles',
    depth: 0,
    draft: false,
    pagination: false,
    // no `select`: with one, Payload 3.90 on SQLite leaves out the polymorphic `item` of each row
    where: { and: [{ _status: { equals: 'published' } }, periodWhere('createdAt', from, to)] },
  })
  const placements: Placement[] = []
  for (const bundle of bundles.docs) {
    if (isOurs(bundle.jurisdictionPath, jurisdiction)) continue
    const month = localMonth(bundle.createdAt)
    for (const row of bundle.items ?? []) {
      const id = relationId(row.item?.value)
      if (id !== null) placements.push({ collection: row.item.relationTo, id: String(id), month })
    }
    // a fork counts once, for its root (or the bundle it was copied from when no root is kept)
    const origin = forkFields.map((name) => relationId((bundle as unknown as Record<string, unknown>)[name])).find((id) => id !== null)
    if (origin !== undefined && origin !== null) placements.push({ collection: 'bundles', id: String(origin), month })
  }
  const ours = new Set<string>()
  for (const collection of new Set(placements.map((placement) => placement.collection))) {
    const ids = [...new Set(placements.filter((placement) => placement.collection === collection).map((placement) => placement.id))]
    const found = await payload.find({ collection: collection as CollectionSlug, depth: 0, pagination: false, select: {}, where: { and: [{ id: { in: ids } }, inSubtree(jurisdiction)] } })
    for (const doc of found.docs) ours.add(`${collection}:${doc.id}`)
  }
  const bucket: Bucket = new Map()
  const reused = placements.filter((placement) => ours.has(`${placement.collection}:${placement.id}`))
  for (const placement of reused) add(bucket, placement.month)
  return { bucket, forksCounted: forkFields.length > 0, reusedItems: new Set(reused.map((placement) => `${placement.collection}:${placement.id}`)).size }
}

type SessionRow = { attendance?: { count?: null | number } | null; id: number | string; jurisdictionPath?: null | string; lecturers?: unknown[] | null; startsAt?: null | string }

const villagesOf = async (payload: Payload, jurisdiction: number | string): Promise<Set<string>> => {
  const found = await payload.find({
    collection: 'jurisdictions',
    depth: 0,
    pagination: false,
    select: {},
    where: { and: [{ level: { equals: COVERED_LEVEL } }, { or: [{ ancestorPath: { contains: pathSegment(jurisdiction) } }, { id: { equals: jurisdiction } }] }] },
  })
  return new Set(found.docs.map((doc) => String(doc.id)))
}

const ratingsOf = async (payload: Payload, sessionIds: Array<number | string>) => {
  const scores = new Map<string, number[]>()
  for (let start = 0; start < sessionIds.length; start += 500) {
    const found = await payload.find({ collection: 'ratings', depth: 0, pagination: false, select: { score: true, session: true }, where: { session: { in: sessionIds.slice(start, start + 500) } } })
    for (const rating of found.docs) {
      const key = String(relationId(rating.session))
      scores.set(key, [...(scores.get(key) ?? []), rating.score])
    }
  }
  return scores
}

const lecturerNames = async (payload: Payload, ids: string[]) => {
  if (ids.length === 0) return new Map<string, string>()
  const found = await payload.find({ collection: 'lecturers', depth: 0, pagination: false, select: { name: true }, where: { id: { in: ids } } })
  return new Map(found.docs.map((doc) => [String(doc.id), doc.name]))
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits

/**
 * The statistics of a jurisdiction's subtree over whole local months `from`–`to`. Every figure counts only
 * documents owned inside the subtree (their jurisdictionPath holds the jurisdiction), so nothing from outside it
 * enters. Callers check who may see them (`mayReadStats`).
 */
export const jurisdictionStats = async (payload: Payload, jurisdictionId: number | string, from: string, to: string): Promise<JurisdictionStats> => {
  const jurisdiction = await payload.findByID({ id: jurisdictionId, collection: 'jurisdictions', depth: 0 })
  const [contributed, reuse, villages] = await Promise.all([
    contributedByMonth(payload, jurisdiction.id, from, to),
    reusesByMonth(payload, jurisdiction.id, from, to),
    villagesOf(payload, jurisdiction.id),
  ])
  const sessions = (
    await payload.find({
      collection: 'training-sessions',
      depth: 0,
      pagination: false,
      select: { attendance: { count: true }, jurisdictionPath: true, lecturers: true, startsAt: true },
      where: { and: [inSubtree(jurisdiction.id), periodWhere('startsAt', from, to)] },
    })
  ).docs as SessionRow[]
  const scores = await ratingsOf(payload, sessions.map((session) => session.id))
  const loads = new Map<string, number>()
  const perMonth = new Map<string, { attendance: number; covered: Set<string>; lecturers: Set<string>; scores: number[]; sessions: number }>()
  const coveredAll = new Set<string>()
  const lecturersAll = new Set<string>()
  for (const session of sessions) {
    const month = localMonth(session.startsAt!)
    const figures = perMonth.get(month) ?? { attendance: 0, covered: new Set(), lecturers: new Set(), scores: [], sessions: 0 }
    figures.sessions += 1
    figures.attendance += session.attendance?.count ?? 0
    for (const id of getPathIds(session.jurisdictionPath)) if (villages.has(id)) (figures.covered.add(id), coveredAll.add(id))
    for (const lecturer of session.lecturers ?? []) {
      const id = String(relationId(lecturer))
      figures.lecturers.add(id)
      lecturersAll.add(id)
      loads.set(id, (loads.get(id) ?? 0) + 1)
    }
    figures.scores.push(...(scores.get(String(session.id)) ?? []))
    perMonth.set(month, figures)
  }
  const mean = (values: number[]) => (values.length ? round(values.reduce((sum, value) => sum + value, 0) / values.length) : null)
  const months: MonthFigures[] = monthsBetween(from, to).map((month) => {
    const figures = perMonth.get(month)
    return {
      attendance: figures?.attendance ?? 0,
      contributed: contributed.get(month) ?? 0,
      coveredUnits: figures?.covered.size ?? 0,
      lecturers: figures?.lecturers.size ?? 0,
      month,
      ratings: figures?.scores.length ?? 0,
      reuses: reuse.bucket.get(month) ?? 0,
      satisfaction: mean(figures?.scores ?? []),
      sessions: figures?.sessions ?? 0,
    }
  })
  const allScores = [...perMonth.values()].flatMap((figures) => figures.scores)
  const names = await lecturerNames(payload, [...loads.keys()])
  const sum = (key: 'attendance' | 'contributed' | 'reuses' | 'sessions') => months.reduce((total, month) => total + month[key], 0)
  return {
    forksCounted: reuse.forksCounted,
    from,
    jurisdiction: { id: jurisdiction.id, name: jurisdiction.name },
    lecturerLoad: [...loads].map(([id, count]) => ({ id, name: names.get(id) ?? `#${id}`, sessions: count })).sort((a, b) => b.sessions - a.sessions || a.name.localeCompare(b.name)),
    months,
    to,
    totals: {
      attendance: sum('attendance'),
      contributed: sum('contributed'),
      coveredUnits: coveredAll.size,
      lecturers: lecturersAll.size,
      ratings: allScores.length,
      reusedItems: reuse.reusedItems,
      reuses: sum('reuses'),
      satisfaction: mean(allScores),
      sessions: sum('sessions'),
      units: villages.size,
    },
  }
}
