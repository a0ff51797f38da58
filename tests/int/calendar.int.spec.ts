/**
 * The 月训 calendar (issue 11): a jurisdiction's public .ics feed shows only what anonymous readers may see; a
 * lecturer's private feed (an unguessable, revocable token) shows their own teaching and nobody else's; both parse
 * back with node-ical, with stable UIDs, the right moments and escaped text.
 */
import type { Payload } from 'payload'

import ical, { type VEvent } from 'node-ical'
import { handleEndpoints } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'

import { jurisdictionCalendar, monthPeriod } from '@/calendar/entries'

import { createJurisdictionTree, TEST_PASSWORD, type Tree } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'
import { createMenuScenario, type MenuScenario, orderBody } from '../helpers/requests'
import { RestClient } from '../helpers/rest'

let payload: Payload
let stop: () => Promise<void>
let tree: Tree
let scenario: MenuScenario
let rest: RestClient
const tokens: Record<string, string> = {}
const ids: Record<string, number | string> = {}

/** A GET as a calendar app makes it: no cookie, maybe a JWT for the signed-in cases. */
const get = async (path: string, token?: string) => {
  const headers = new Headers()
  if (token) headers.set('Authorization', `JWT ${token}`)
  const response = await handleEndpoints({ config: payload.config, request: new Request(`http://localhost:3000/api${path}`, { headers }) })
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') }
}

const eventsOf = (text: string): VEvent[] => Object.values(ical.sync.parseICS(text)).filter((entry): entry is VEvent => entry?.type === 'VEVENT')
const uids = (text: string) => eventsOf(text).map((event) => event.uid).sort()

const TRICKY_TITLE = '月训：学习“三扛”精神, 分两段; 第二段\n现场教学'

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  tree = await createJurisdictionTree(payload)
  scenario = await createMenuScenario(payload, tree, 'cal')
  rest = new RestClient(payload)
  for (const [role, person] of Object.entries(scenario.people)) tokens[role] = await rest.login(person.email, TEST_PASSWORD)
  const bundle = (title: string, data: Record<string, unknown>) =>
    payload.create({ collection: 'bundles', data: { _status: 'published', jurisdiction: tree.town.id, kind: 'monthly', targetMonth: '2026-12', title, visibility: 'public', ...data } as never })
  ids.publicBundle = (await bundle('公开月训：十二月', {})).id
  ids.localBundle = (await bundle('本辖区月训：LOCALSECRET', { visibility: 'local' })).id
  ids.sharedBundle = (await bundle('共享月训：SHAREDSECRET', { visibility: 'shared' })).id
  ids.draftBundle = (await payload.create({ collection: 'bundles', data: { _status: 'draft', jurisdiction: tree.town.id, kind: 'monthly', targetMonth: '2026-12', title: '草稿月训：DRAFTSECRET', visibility: 'public' } as never, draft: true })).id
  ids.otherTownBundle = (await payload.create({ collection: 'bundles', data: { _status: 'published', jurisdiction: tree.otherTown.id, kind: 'monthly', targetMonth: '2026-12', title: '池上镇月训', visibility: 'public' } as never })).id

  const order = async (startsAt: string, endsAt: string) => (await rest.create('course-requests', orderBody(tree, scenario, { endsAt, startsAt }), tokens.villageOrganizer)).body.doc.id
  const move = async (id: number | string, token: string, body: object) => {
    const { body: answer, status } = await rest.request('POST', `/course-requests/${id}/move`, { body, token })
    expect(status, JSON.stringify(answer)).toBe(200)
  }
  ids.mine = await order('2026-12-10T02:00:00.000Z', '2026-12-10T04:00:00.000Z')
  await move(ids.mine, tokens.districtOrganizer!, { action: 'dispatch', lecturers: [scenario.lecturers.linked.id] })
  await move(ids.mine, tokens.lecturerAccount!, { action: 'accept' })
  ids.theirs = await order('2026-12-11T02:00:00.000Z', '2026-12-11T04:00:00.000Z')
  await move(ids.theirs, tokens.districtOrganizer!, { action: 'dispatch', lecturers: [scenario.lecturers.other.id] })
  await move(ids.theirs, tokens.otherLecturerAccount!, { action: 'accept' })
  ids.declined = await order('2026-12-12T02:00:00.000Z', '2026-12-12T04:00:00.000Z')
  await move(ids.declined, tokens.districtOrganizer!, { action: 'dispatch', lecturers: [scenario.lecturers.linked.id, scenario.lecturers.other.id] })
  await move(ids.declined, tokens.lecturerAccount!, { action: 'decline', reason: '外出学习' })
  const session = await rest.create(
    'training-sessions',
    { attendance: { count: 28 }, endsAt: '2026-12-20T03:30:00.000Z', jurisdiction: tree.town.id, kind: '月训', lecturers: [scenario.lecturers.linked.id], placeText: '源泉镇党校, 二楼', startsAt: '2026-12-20T01:00:00.000Z', title: TRICKY_TITLE },
    tokens.townOrganizer,
  )
  expect(session.status, JSON.stringify(session.body)).toBe(201)
  ids.session = session.body.doc.id
})
afterAll(async () => stop?.())

describe('the public feed of a jurisdiction', () => {
  it('holds the public 月训 bundles of the subtree and nothing that is not public', async () => {
    const anonymous = await get(`/jurisdictions/${tree.town.id}/calendar.ics`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.type).toMatch(/^text\/calendar; charset=utf-8/)
    expect(uids(anonymous.text)).toEqual([`bundle-${ids.publicBundle}@kejian.commons`])
    for (const secret of ['LOCALSECRET', 'SHAREDSECRET', 'DRAFTSECRET', '池上镇', 'calZ博山区菜单', '东高村', '三扛']) expect(anonymous.text).not.toContain(secret)
    // the address is public: whoever asks, signed in or not, gets the anonymous view
    const signedIn = await get(`/jurisdictions/${tree.town.id}/calendar.ics`, tokens.districtOrganizer)
    expect(uids(signedIn.text)).toEqual(uids(anonymous.text))
  })

  it('covers the whole subtree: the district’s feed has both towns’ public bundles', async () => {
    expect(uids((await get(`/jurisdictions/${tree.district.id}/calendar.ics`)).text)).toEqual(
      [`bundle-${ids.publicBundle}@kejian.commons`, `bundle-${ids.otherTownBundle}@kejian.commons`].sort(),
    )
  })

  it('writes a month bundle as whole local days and keeps its UID from one read to the next', async () => {
    const first = await get(`/jurisdictions/${tree.town.id}/calendar.ics`)
    const [event] = eventsOf(first.text)
    expect(first.text).toContain('DTSTART;VALUE=DATE:20261201')
    expect(first.text).toContain('DTEND;VALUE=DATE:20270101')
    expect(event!.summary).toBe('公开月训：十二月')
    expect(uids((await get(`/jurisdictions/${tree.town.id}/calendar.ics`)).text)).toEqual(uids(first.text))
  })

  it('answers 404 for a jurisdiction that does not exist', async () => {
    expect((await get('/jurisdictions/999999/calendar.ics')).status).toBe(404)
    expect((await get('/jurisdictions/not-an-id/calendar.ics')).status).toBe(404)
  })
})

describe("a lecturer's private feed", () => {
  let mine: string
  let theirs: string
  const feedPath = (url: string) => new URL(url).pathname.replace(/^\/api/, '')

  beforeAll(async () => {
    const created = await rest.create('calendar-feeds', { token: 'chosen-by-client', user: scenario.people.otherLecturerAccount.id }, tokens.lecturerAccount)
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    mine = created.body.doc.feedUrl
    ids.feed = created.body.doc.id
    theirs = (await rest.create('calendar-feeds', {}, tokens.otherLecturerAccount)).body.doc.feedUrl
  })

  it('is issued to the caller with a server-drawn token, whatever the client sends', async () => {
    expect(mine).toMatch(/\/api\/calendar-feeds\/[\w-]{32}\/feed\.ics$/)
    expect(mine).not.toContain('chosen-by-client')
    const row = await payload.findByID({ id: ids.feed!, collection: 'calendar-feeds', depth: 0 })
    expect(String(row.user)).toBe(String(scenario.people.lecturerAccount.id))
  })

  it('shows the sessions the lecturer teaches and the orders that hold their time, nothing else', async () => {
    const { status, text } = await get(feedPath(mine))
    expect(status).toBe(200)
    expect(uids(text)).toEqual([`request-${ids.mine}@kejian.commons`, `session-${ids.session}@kejian.commons`].sort())
    const other = await get(feedPath(theirs))
    expect(uids(other.text)).toEqual([`request-${ids.declined}@kejian.commons`, `request-${ids.theirs}@kejian.commons`].sort())
    expect(other.text).not.toContain(`session-${ids.session}`)
    expect(other.text).not.toContain(`request-${ids.mine}`)
  })

  it('keeps the exact moments (UTC), the place and the escaped text', async () => {
    const event = eventsOf((await get(feedPath(mine))).text).find((entry) => entry.uid === `session-${ids.session}@kejian.commons`)!
    expect(event.start.toISOString()).toBe('2026-12-20T01:00:00.000Z')
    expect(event.end?.toISOString()).toBe('2026-12-20T03:30:00.000Z')
    expect(event.summary).toBe(TRICKY_TITLE)
    expect(event.location).toBe('源泉镇党校, 二楼')
  })

  it('is read only by its owner', async () => {
    expect((await rest.find('calendar-feeds', tokens.otherLecturerAccount)).body.docs).toHaveLength(1)
    expect((await rest.findByID('calendar-feeds', ids.feed!, tokens.otherLecturerAccount)).status).toBe(404)
    expect((await rest.find('calendar-feeds', tokens.districtOrganizer)).body.docs).toHaveLength(0)
    expect((await rest.delete('calendar-feeds', ids.feed!, tokens.otherLecturerAccount)).status).not.toBe(200)
  })

  it('answers 404 to a wrong token and, once revoked, to the old one', async () => {
    const wrong = feedPath(mine).replace(/calendar-feeds\/[\w-]+/, `calendar-feeds/${'A'.repeat(32)}`)
    expect((await get(wrong)).status).toBe(404)
    expect((await get('/calendar-feeds/short/feed.ics')).status).toBe(404)
    expect((await rest.delete('calendar-feeds', ids.feed!, tokens.lecturerAccount)).status).toBe(200)
    expect((await get(feedPath(mine))).status).toBe(404)
    expect((await get(feedPath(theirs))).status).toBe(200)
  })
})

describe('the calendar page’s reader', () => {
  const read = (user: null | User, jurisdiction = tree.district.id) => jurisdictionCalendar(payload, jurisdiction, monthPeriod('2026-12'), { user })

  it('gives anonymous readers the public bundles only', async () => {
    expect((await read(null, tree.town.id)).map((entry) => entry.uid)).toEqual([`bundle-${ids.publicBundle}`])
  })

  it('gives the district organizer its subtree: bundles it may see, the menu, sessions and booked orders', async () => {
    const organizer = { ...scenario.people.districtOrganizer, collection: 'users' } as User
    const seen = (await read(organizer)).map((entry) => entry.uid)
    expect(seen).toEqual(expect.arrayContaining([`bundle-${ids.localBundle}`, `bundle-${scenario.menu.id}`, `session-${ids.session}`, `request-${ids.mine}`]))
    expect(seen).not.toContain(`bundle-${ids.draftBundle}`)
    expect(seen).toContain(`bundle-${ids.otherTownBundle}`)
  })

  it('shows another town’s organizer nothing of this subtree but its public bundles', async () => {
    const outsider = { ...scenario.people.otherTownOrganizer, collection: 'users' } as User
    const seen = (await read(outsider, tree.town.id)).map((entry) => entry.uid)
    expect(seen.filter((uid) => !uid.startsWith('bundle-'))).toEqual([])
    expect(seen).not.toContain(`bundle-${ids.localBundle}`)
  })
})
