/**
 * What the dashboard puts first for each user: the work waiting for them. Lecturers see dispatches awaiting
 * their answer, organizers the orders waiting to be dispatched and what their jurisdiction holds, admins the
 * search changes that stopped being retried. Every read is the user's own (`overrideAccess: false`), except the
 * admin-only search queue.
 */
import type { CollectionSlug, Payload, Where } from 'payload'

import type { CourseRequest, User } from '@/payload-types'

import { getUserJurisdictionId, ownedInSubtreeOf } from '@/access/jurisdictionScope'
import { isAdmin, isInstructor, isOrganizer } from '@/access/roles'
import { getSearchOutboxStatus } from '@/search/outboxStatus'
import { chineseDateTime } from '@/utilities/localTime'
import { sameId } from '@/utilities/relationId'

export type Words = { en: string; zh: string }

export interface DashboardLink {
  href: string
  meta?: string
  title: string
}

export interface DashboardPanel {
  count: number
  empty: Words
  key: 'answers' | 'library' | 'orders' | 'searchQueue'
  links: DashboardLink[]
  more?: { href: string; words: Words }
  title: Words
}

const SHOWN = 5

const LIBRARY: Array<{ collection: CollectionSlug; words: Words }> = [
  { collection: 'lessons', words: { en: 'Lessons', zh: '课程' } },
  { collection: 'courseware', words: { en: 'Courseware', zh: '课件' } },
  { collection: 'videos', words: { en: 'Videos', zh: '音像资料' } },
  { collection: 'bundles', words: { en: 'Bundles', zh: '专题课程包' } },
  { collection: 'training-sessions', words: { en: 'Training sessions', zh: '培训记录' } },
]

const requestLink = (admin: string, request: CourseRequest): DashboardLink => ({
  href: `${admin}/collections/course-requests/${request.id}`,
  meta: chineseDateTime(request.startsAt),
  title: request.title ?? `#${request.id}`,
})

const findRequests = (payload: Payload, user: User, where: Where) =>
  payload.find({ collection: 'course-requests', depth: 0, limit: 50, overrideAccess: false, pagination: false, sort: 'startsAt', user, where })

/** Dispatches to the user's lecturer record that nobody has answered yet. */
async function answersPanel(payload: Payload, user: User, admin: string): Promise<DashboardPanel> {
  const { docs } = await findRequests(payload, user, { and: [{ status: { equals: 'dispatched' } }, { lecturerUsers: { in: [user.id] } }] })
  const waiting = docs.filter((request) => (request.dispatches ?? []).some((row) => row.status === 'pending' && sameId(row.lecturerUser, user.id)))
  return {
    count: waiting.length,
    empty: { en: 'No dispatch awaits your answer.', zh: '暂无待答复的派单。' },
    key: 'answers',
    links: waiting.slice(0, SHOWN).map((request) => requestLink(admin, request)),
    more: { href: `${admin}/collections/course-requests?where[status][equals]=dispatched`, words: { en: 'All dispatched requests', zh: '全部已派单的申请' } },
    title: { en: 'Dispatches awaiting your answer', zh: '待我答复的派单' },
  }
}

/** Orders of the units below that the user's jurisdiction dispatches: new ones and those every lecturer declined. */
async function ordersPanel(payload: Payload, user: User, admin: string): Promise<DashboardPanel> {
  const unit = getUserJurisdictionId(user)
  const open: Where = { status: { in: ['requested', 'declined'] } }
  const where: Where = isAdmin(user) || !unit ? open : { and: [open, { dispatchedFrom: { equals: /^\d+$/.test(unit) ? Number(unit) : unit } }] }
  const { docs } = await findRequests(payload, user, where)
  return {
    count: docs.length,
    empty: { en: 'No order waits to be dispatched.', zh: '暂无待派单的点单。' },
    key: 'orders',
    links: docs.slice(0, SHOWN).map((request) => requestLink(admin, request)),
    more: { href: `${admin}/collections/course-requests?where[status][in]=requested,declined`, words: { en: 'All orders to dispatch', zh: '全部待派单' } },
    title: { en: 'New orders to dispatch', zh: '待派单的点单' },
  }
}

/** What the organizer's jurisdiction and those below it hold, kind by kind. */
async function libraryPanel(payload: Payload, user: User, admin: string): Promise<DashboardPanel> {
  const scope = isAdmin(user) ? undefined : ownedInSubtreeOf(user)
  const counts = await Promise.all(LIBRARY.map(({ collection }) => payload.count({ collection, overrideAccess: false, user, where: scope })))
  return {
    count: counts.reduce((sum, { totalDocs }) => sum + totalDocs, 0),
    empty: { en: 'Nothing yet.', zh: '暂无内容。' },
    key: 'library',
    links: LIBRARY.map(({ collection, words }, index) => ({ href: `${admin}/collections/${collection}`, meta: String(counts[index]!.totalDocs), title: words.zh })),
    title: isAdmin(user) ? { en: 'The whole library', zh: '全库内容' } : { en: 'Your jurisdiction and below', zh: '本辖区及下级内容' },
  }
}

/** Search changes that failed too often and wait for `npm run reindex`. */
async function searchQueuePanel(payload: Payload, admin: string): Promise<DashboardPanel> {
  const status = await getSearchOutboxStatus(payload)
  const href = `${admin}/collections/search-outbox?where[status][equals]=parked`
  return {
    count: status.parked,
    empty: { en: `No parked change; ${status.pending} pending.`, zh: `没有搁置的搜索同步；待同步 ${status.pending} 项。` },
    key: 'searchQueue',
    links: status.parked ? [{ href, meta: `待同步 ${status.pending} 项`, title: `已搁置 ${status.parked} 项：运行 npm run reindex` }] : [],
    more: { href: `${admin}/collections/search-outbox`, words: { en: 'Search sync queue', zh: '搜索同步队列' } },
    title: { en: 'Parked search changes', zh: '已搁置的搜索同步' },
  }
}

export async function dashboardPanels(payload: Payload, user: null | User | undefined): Promise<DashboardPanel[]> {
  if (!user) return []
  const admin = payload.config.routes.admin
  const panels: Array<Promise<DashboardPanel | null>> = []
  const answers = answersPanel(payload, user, admin)
  panels.push(isInstructor(user) ? answers : answers.then((panel) => (panel.count ? panel : null)))
  if (isOrganizer(user) || isAdmin(user)) panels.push(ordersPanel(payload, user, admin), libraryPanel(payload, user, admin))
  if (isAdmin(user)) panels.push(searchQueuePanel(payload, admin))
  return (await Promise.all(panels)).filter((panel): panel is DashboardPanel => panel !== null)
}
