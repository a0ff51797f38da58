import type { Access, CollectionBeforeChangeHook, Endpoint, FieldHook, PayloadRequest } from 'payload'

import { randomBytes } from 'node:crypto'

import type { User } from '@/payload-types'

import { isAdmin } from '@/access/roles'
import { apiError } from '@/utilities/errors'
import { relationId } from '@/utilities/relationId'

import type { Period } from './entries'

import { jurisdictionCalendar, lecturerCalendar } from './entries'
import { toICalendar } from './ics'
import { siteUrlOf } from './siteUrl'

export const FEEDS = 'calendar-feeds'

/** 192 random bits, URL-safe: a feed address cannot be guessed, only handed out. */
export const newFeedToken = (): string => randomBytes(24).toString('base64url')

const TOKEN_SHAPE = /^[\w-]{32}$/

/** What a feed covers: a year back (recent sessions stay visible) and a year ahead (bookings). */
export const feedPeriod = (now = new Date()): Period => ({
  from: new Date(now.getTime() - 366 * 86_400_000),
  until: new Date(now.getTime() + 366 * 86_400_000),
})

export const feedPath = (token: string): string => `/api/${FEEDS}/${token}/feed.ics`

/** A feed belongs to one account: its owner reads (and revokes) it; nobody reads another's token. */
export const ownFeeds: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdmin(user)) return true
  return { user: { equals: user.id } }
}

/** The token and owner are set here, never by the client: a new feed is always the caller's, with a fresh token. */
export const issueFeedToken: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create') return data
  if (!req.user) throw apiError(401, '请先登录', 'Please sign in')
  return { ...data, token: newFeedToken(), user: isAdmin(req.user) && data.user ? relationId(data.user) : req.user.id }
}

/** The address to give a calendar app, shown to the feed's owner. */
export const feedUrlOf: FieldHook = ({ req, siblingData }) => (siblingData?.token ? `${siteUrlOf(req)}${feedPath(String(siblingData.token))}` : undefined)

const icsResponse = (text: string, filename: string) =>
  new Response(text, {
    headers: {
      'Cache-Control': 'private, max-age=300',
      'Content-Disposition': `inline; filename="${filename}"`,
      'Content-Type': 'text/calendar; charset=utf-8',
    },
  })

const noFeed = () => apiError(404, '没有这个日历订阅（可能已被撤销）', 'No such calendar feed (it may have been revoked)')

/**
 * GET /api/calendar-feeds/:token/feed.ics: a lecturer's own teaching for calendar apps, which cannot send cookies.
 * The token stands for its owner, read-only, for this feed alone; a wrong or revoked token is a 404.
 */
export const privateFeedEndpoint: Endpoint = {
  handler: async (req: PayloadRequest) => {
    const token = String(req.routeParams?.token ?? '')
    if (!TOKEN_SHAPE.test(token)) throw noFeed()
    const found = await req.payload.find({ collection: FEEDS, depth: 0, limit: 1, overrideAccess: true, pagination: false, where: { token: { equals: token } } })
    const ownerId = relationId(found.docs[0]?.user)
    const owner = ownerId === null ? null : await req.payload.findByID({ id: ownerId, collection: 'users', depth: 0, disableErrors: true, overrideAccess: true })
    if (!owner) throw noFeed()
    const user = { ...owner, collection: 'users' } as User & { collection: 'users' }
    const entries = await lecturerCalendar(req.payload, user, feedPeriod())
    return icsResponse(toICalendar(entries, `${owner.name || '我'}的授课安排`, siteUrlOf(req)), 'teaching.ics')
  },
  method: 'get',
  path: '/:token/feed.ics',
}

/**
 * GET /api/jurisdictions/:id/calendar.ics: the public 月训 calendar of a jurisdiction's subtree. It is read as an
 * anonymous visitor whoever asks, so the same address never shows more than anyone may see.
 */
export const publicFeedEndpoint: Endpoint = {
  handler: async (req: PayloadRequest) => {
    const id = String(req.routeParams?.id ?? '')
    const found = await req.payload.find({ collection: 'jurisdictions', depth: 0, limit: 1, pagination: false, where: { id: { equals: id } } }).catch(() => null)
    const jurisdiction = found?.docs[0]
    if (!jurisdiction) throw apiError(404, '没有这个辖区', 'No such jurisdiction')
    const entries = await jurisdictionCalendar(req.payload, jurisdiction.id, feedPeriod(), { user: null })
    return icsResponse(toICalendar(entries, `${jurisdiction.name} 月训日历`, siteUrlOf(req)), `jurisdiction-${jurisdiction.id}.ics`)
  },
  method: 'get',
  path: '/:id/calendar.ics',
}
