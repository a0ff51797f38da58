/**
 * Menus, orders and dispatch (issue 11): who may order what, the moves of the state machine through
 * POST /api/course-requests/:id/move, and who may read a request over REST and GraphQL.
 */
import type { Payload } from 'payload'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { expireUnansweredDispatches } from '@/requests/expiry'
import { relationId } from '@/utilities/relationId'

import { createJurisdictionTree, createUser, TEST_PASSWORD, type Tree } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'
import { createMenuScenario, type MenuScenario, orderBody } from '../helpers/requests'
import { RestClient } from '../helpers/rest'

let payload: Payload
let stop: () => Promise<void>
let tree: Tree
let scenario: MenuScenario
let rest: RestClient
let outsider: { email: string }
const tokens: Record<string, string> = {}
let graphql: (query: string, token?: string) => Promise<any>

const BILINGUAL = /[\u4e00-\u9fff].* \/ [A-Za-z]/

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  tree = await createJurisdictionTree(payload)
  scenario = await createMenuScenario(payload, tree, 'r')
  const otherDistrict = await payload.create({ collection: 'jurisdictions', data: { level: 'county', name: '淄川区', parent: tree.city.id } })
  outsider = await createUser(payload, { email: 'outsider@req.local', jurisdiction: otherDistrict.id, role: 'organizer' })
  rest = new RestClient(payload)
  for (const [role, person] of Object.entries({ ...scenario.people, outsider })) tokens[role] = await rest.login(person.email, TEST_PASSWORD)
  const post = GRAPHQL_POST(Promise.resolve(payload.config))
  graphql = async (query, token) => {
    const headers = new Headers({ 'Content-Type': 'application/json' })
    if (token) headers.set('Authorization', `JWT ${token}`)
    return (await post(new Request('http://localhost:3000/api/graphql', { body: JSON.stringify({ query }), headers, method: 'POST' }))).json()
  }
})
afterAll(async () => stop?.())

const order = async (token: string, overrides: Record<string, unknown> = {}) => rest.create('course-requests', orderBody(tree, scenario, overrides), token)
const move = (id: number | string, token: string | undefined, body: Record<string, unknown>) =>
  rest.request('POST', `/course-requests/${id}/move`, { body, token })
const slotsOf = async (lecturer: number | string) =>
  (await payload.count({ collection: 'lecturer-slots', where: { lecturer: { equals: lecturer } } })).totalDocs

describe('menu (菜单)', () => {
  it('a local menu is seen by users of its owner’s subtree, not by a user elsewhere (REST and GraphQL)', async () => {
    const ids = async (token: string) => (await rest.find('bundles', token, { kind: { equals: 'menu' } })).body.docs.map((doc: any) => doc.id)
    expect(await ids(tokens.villageMember!)).toContain(scenario.menu.id)
    expect(await ids(tokens.districtOrganizer!)).toContain(scenario.menu.id)
    expect(await ids(tokens.outsider!)).not.toContain(scenario.menu.id)
    const gq = await graphql('{ Bundles(where: { kind: { equals: menu } }) { docs { id } } }', tokens.outsider)
    expect(gq.data.Bundles.docs).toEqual([])
  })

  it('the period cannot end before it starts (bilingual 400)', async () => {
    const body = { items: [], jurisdiction: tree.district.id, kind: 'menu', orderableFrom: '2027-01-10', orderableUntil: '2027-01-01', title: '倒置菜单', visibility: 'local' }
    const { body: answer, status } = await rest.create('bundles', body, tokens.districtOrganizer)
    expect(status).toBe(400)
    expect(JSON.stringify(answer)).toMatch(/截止日期不能早于开始日期 \/ The period cannot end/)
  })
})

describe('ordering (点单)', () => {
  it('a village instructor orders an item of the district menu; state, title and first history entry are the server’s', async () => {
    const { body, status } = await order(tokens.villageInstructor!, { history: [{ action: 'deliver', at: '2020-01-01', state: 'delivered' }], status: 'accepted' })
    expect(status).toBe(201)
    expect(body.doc.status).toBe('requested')
    expect(String(relationId(body.doc.dispatchedFrom))).toBe(String(tree.district.id))
    expect(body.doc.title).toContain('乡村振兴第一课')
    expect(body.doc.history).toHaveLength(1)
    expect(body.doc.history[0]).toMatchObject({ action: 'order', state: 'requested' })
    expect(String(relationId(body.doc.history[0].by))).toBe(String(scenario.people.villageInstructor.id))
  })

  it.each([
    ['an item not on the menu', () => ({ item: { relationTo: 'lessons', value: scenario.offMenu.id } }), /不在该菜单上/],
    ['a session that ends before it starts', () => ({ endsAt: '2026-12-10T01:00:00.000Z' }), /结束时间应晚于开始时间 \/ The session must end/],
    ['a date outside the menu’s period', () => ({ endsAt: '2027-06-01T04:00:00.000Z', startsAt: '2027-06-01T02:00:00.000Z' }), /预约期/],
    ['no place at all', () => ({ placeText: '' }), /请选择现场教学点或填写地点/],
    ['another unit', () => ({ jurisdiction: tree.otherTown.id }), /本单位|本辖区/],
    ['a headcount of zero', () => ({ headcount: 0 }), /headcount/],
  ])('refuses %s with a 400', async (_name, overrides, message) => {
    const before = (await payload.count({ collection: 'course-requests' })).totalDocs
    const { body, status } = await order(tokens.villageInstructor!, overrides())
    expect(status).toBe(400)
    expect(JSON.stringify(body)).toMatch(message)
    expect((await payload.count({ collection: 'course-requests' })).totalDocs).toBe(before)
  })

  it('a monthly bundle is not a menu', async () => {
    const monthly = await payload.create({
      collection: 'bundles',
      data: { _status: 'published', items: [{ item: { relationTo: 'lessons', value: scenario.lesson.id } }], jurisdiction: tree.district.id, kind: 'monthly', title: '月训', visibility: 'local' },
    })
    const { body, status } = await order(tokens.villageInstructor!, { menu: monthly.id })
    expect(status).toBe(400)
    expect(body.errors[0].data.errors[0].message).toMatch(BILINGUAL)
  })

  it('a town is not an ordering unit, members cannot order, and nobody orders from a menu they cannot see', async () => {
    expect((await order(tokens.townOrganizer!, { jurisdiction: tree.town.id })).status).toBe(400)
    expect((await order(tokens.villageMember!)).status).toBe(403)
    expect((await order(tokens.outsider!, { jurisdiction: (outsider as any).jurisdiction })).status).toBe(400)
  })
})

describe('dispatch, answers and history (派单 · 接单)', () => {
  let requestId: number | string

  beforeAll(async () => {
    requestId = (await order(tokens.villageOrganizer!)).body.doc.id
  })

  it('only the menu owner’s organizer dispatches', async () => {
    for (const who of ['villageOrganizer', 'villageInstructor', 'villageMember']) {
      const { body, status } = await move(requestId, tokens[who], { action: 'dispatch', lecturers: [scenario.lecturers.linked.id] })
      expect(status, who).toBe(403)
      expect(body.errors[0].message).toMatch(BILINGUAL)
    }
    for (const who of ['townOrganizer', 'otherTownOrganizer', 'outsider', 'lecturerAccount']) {
      expect((await move(requestId, tokens[who], { action: 'dispatch', lecturers: [scenario.lecturers.linked.id] })).status, who).toBe(404)
    }
    expect((await move(requestId, undefined, { action: 'dispatch' })).status).toBe(401)
  })

  it('a lecturer reads the request only once dispatched to them', async () => {
    expect((await rest.findByID('course-requests', requestId, tokens.lecturerAccount)).status).toBe(404)
    const { body, status } = await move(requestId, tokens.districtOrganizer, {
      action: 'dispatch',
      lecturers: [scenario.lecturers.linked.id, scenario.lecturers.unlinked.id],
    })
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body.doc.status).toBe('dispatched')
    expect(body.doc.dispatches.map((row: any) => row.status)).toEqual(['pending', 'pending'])
    expect((await rest.findByID('course-requests', requestId, tokens.lecturerAccount)).status).toBe(200)
    expect(await slotsOf(scenario.lecturers.linked.id)).toBeGreaterThan(0)
  })

  it('refuses bad move input with a bilingual 400', async () => {
    expect((await move(requestId, tokens.districtOrganizer, { action: 'teleport' })).body.errors[0].message).toMatch(/^未知操作.* \/ Unknown action/)
    expect((await move(requestId, tokens.districtOrganizer, { action: 'dispatch', lecturers: 'all' })).status).toBe(400)
    expect((await move('not-an-id', tokens.districtOrganizer, { action: 'cancel' })).status).toBe(404)
  })

  it('each lecturer answers for themself; a decline needs a reason and frees the time', async () => {
    expect((await move(requestId, tokens.otherLecturerAccount, { action: 'accept' })).status).toBe(404)
    const accepted = await move(requestId, tokens.lecturerAccount, { action: 'accept' })
    expect(accepted.status).toBe(200)
    expect(accepted.body.doc.status).toBe('dispatched') // 李老师 has not answered yet
    expect((await move(requestId, tokens.lecturerAccount, { action: 'accept' })).status).toBe(403) // answered already
    const noReason = await move(requestId, tokens.districtOrganizer, { action: 'decline', lecturer: scenario.lecturers.unlinked.id })
    expect(noReason.status).toBe(400)
    expect(noReason.body.errors[0].message).toMatch(/婉拒时请说明理由 \/ Give a reason/)
    const declined = await move(requestId, tokens.districtOrganizer, { action: 'decline', lecturer: scenario.lecturers.unlinked.id, reason: '当天外出授课' })
    expect(declined.status).toBe(200)
    expect(declined.body.doc.status).toBe('accepted')
    expect(await slotsOf(scenario.lecturers.unlinked.id)).toBe(0)
    expect(await slotsOf(scenario.lecturers.linked.id)).toBeGreaterThan(0)
  })

  it('nobody edits a request by hand: REST PATCH and GraphQL update are refused, the history stays', async () => {
    expect((await rest.update('course-requests', requestId, { status: 'delivered' }, tokens.districtOrganizer)).status).toBe(403)
    const gq = await graphql(`mutation { updateCourseRequest(id: ${JSON.stringify(requestId)}, data: { headcount: 1 }) { id } }`, tokens.districtOrganizer)
    expect(gq.errors?.[0]?.message).toBeTruthy()
    const stored = await payload.findByID({ id: requestId, collection: 'course-requests' })
    expect(stored.status).toBe('accepted')
    expect(stored.headcount).toBe(40)
  })

  it('the unit marks it delivered; a delivered request cannot be cancelled; every move is in the history with who and when', async () => {
    expect((await move(requestId, tokens.villageMember, { action: 'deliver' })).status).toBe(403)
    expect((await move(requestId, tokens.villageOrganizer, { action: 'deliver' })).body.doc.status).toBe('delivered')
    const late = await move(requestId, tokens.villageOrganizer, { action: 'cancel' })
    expect(late.status).toBe(409)
    expect(late.body.errors[0].message).toMatch(/已授课.* \/ /)
    const stored = await payload.findByID({ id: requestId, collection: 'course-requests', depth: 0 })
    const history = stored.history!.map((entry) => [entry.action, entry.state, String(entry.by)])
    expect(history).toEqual([
      ['order', 'requested', String(scenario.people.villageOrganizer.id)],
      ['dispatch', 'dispatched', String(scenario.people.districtOrganizer.id)],
      ['accept', 'dispatched', String(scenario.people.lecturerAccount.id)],
      ['decline', 'accepted', String(scenario.people.districtOrganizer.id)],
      ['deliver', 'delivered', String(scenario.people.villageOrganizer.id)],
    ])
    expect(stored.history!.every((entry) => !Number.isNaN(Date.parse(entry.at)))).toBe(true)
  })
})

describe('who reads a request', () => {
  let requestId: number | string
  const READERS = ['villageOrganizer', 'villageInstructor', 'villageMember', 'districtOrganizer', 'lecturerAccount']
  const NOT_READERS = ['townOrganizer', 'otherTownOrganizer', 'outsider', 'otherLecturerAccount']

  beforeAll(async () => {
    requestId = (await order(tokens.villageInstructor!, { endsAt: '2026-12-20T04:00:00.000Z', startsAt: '2026-12-20T02:00:00.000Z' })).body.doc.id
    await move(requestId, tokens.districtOrganizer, { action: 'dispatch', lecturers: [scenario.lecturers.linked.id] })
  })

  it('REST: the unit’s users, the dispatching organizers and the dispatched lecturer; nobody else', async () => {
    for (const who of READERS) {
      expect((await rest.findByID('course-requests', requestId, tokens[who])).status, who).toBe(200)
      expect((await rest.find('course-requests', tokens[who])).body.docs.map((doc: any) => doc.id), who).toContain(requestId)
    }
    for (const who of NOT_READERS) {
      expect((await rest.findByID('course-requests', requestId, tokens[who])).status, who).toBe(404)
      expect((await rest.find('course-requests', tokens[who])).body.docs.map((doc: any) => doc.id), who).not.toContain(requestId)
    }
    expect((await rest.findByID('course-requests', requestId)).status).toBe(403) // anonymous: no access at all
  })

  it('GraphQL: the same', async () => {
    const query = `{ CourseRequests(limit: 100) { docs { id } } }`
    for (const who of READERS) {
      const body = await graphql(query, tokens[who])
      expect(body.data.CourseRequests.docs.map((doc: any) => String(doc.id)), who).toContain(String(requestId))
    }
    for (const who of NOT_READERS) {
      const body = await graphql(query, tokens[who])
      expect(body.data.CourseRequests.docs.map((doc: any) => String(doc.id)), who).not.toContain(String(requestId))
    }
    expect((await graphql(query)).errors?.[0]?.message ?? '').toBeTruthy()
  })
})

describe('unanswered dispatches and suggestions', () => {
  it('suggests lecturers by topic, load this month and distance, for dispatchers only', async () => {
    const site = await payload.create({
      collection: 'field-sites',
      data: { address: '源泉镇', jurisdiction: tree.district.id, lat: 36.41, lng: 117.91, title: '红色教育基地', type: 'red_heritage', visibility: 'shared' } as never,
    })
    const { id } = (await order(tokens.villageOrganizer!, { endsAt: '2026-12-20T04:30:00.000Z', fieldSite: site.id, placeText: '', startsAt: '2026-12-20T03:00:00.000Z' })).body.doc
    expect((await rest.request('GET', `/course-requests/${id}/lecturers`, { token: tokens.villageOrganizer })).status).toBe(403)
    const { body, status } = await rest.request('GET', `/course-requests/${id}/lecturers`, { token: tokens.districtOrganizer })
    expect(status).toBe(200)
    const byName = Object.fromEntries(body.lecturers.map((entry: any) => [entry.name, entry]))
    // 张老师 delivered the 10 December session and holds the overlapping 20 December one ("who reads a request").
    expect(byName['r张老师']).toMatchObject({ available: false, sessionsThisMonth: 2, topicMatch: 1 })
    expect(byName['r张老师'].distanceKm).toBeLessThan(3)
    expect(byName['r王老师']).toMatchObject({ available: true, distanceKm: null, topicMatch: 0 })
    expect(body.lecturers[body.lecturers.length - 1].name).toBe('r张老师')
  })

  it('a dispatch nobody answers goes back to the organizer after the set time, freeing the lecturer', async () => {
    const { id } = (await order(tokens.villageOrganizer!, { endsAt: '2026-12-22T04:00:00.000Z', startsAt: '2026-12-22T02:00:00.000Z' })).body.doc
    const dispatched = await move(id, tokens.districtOrganizer, { action: 'dispatch', lecturers: [scenario.lecturers.unlinked.id] })
    const dispatchedAt = new Date(dispatched.body.doc.dispatches[0].dispatchedAt)
    expect(await expireUnansweredDispatches(payload, new Date(dispatchedAt.getTime() + 47 * 3_600_000))).toBe(0)
    // Every dispatch of this suite still pending is that old by then; ours is among them.
    expect(await expireUnansweredDispatches(payload, new Date(dispatchedAt.getTime() + 49 * 3_600_000))).toBeGreaterThanOrEqual(1)
    const stored = await payload.findByID({ id, collection: 'course-requests' })
    expect(stored.status).toBe('requested')
    expect(stored.dispatches![0]!.status).toBe('expired')
    expect(stored.history!.at(-1)).toMatchObject({ action: 'expire', by: null, state: 'requested' })
    expect(await slotsOf(scenario.lecturers.unlinked.id)).toBe(0)
    expect((await move(id, tokens.districtOrganizer, { action: 'cancel', reason: '改期' })).body.doc.status).toBe('cancelled')
  })

  it('the expireDispatches job returns what nobody answered in COMMONS_DISPATCH_ANSWER_HOURS', async () => {
    const { id } = (await order(tokens.villageOrganizer!, { endsAt: '2026-12-24T04:00:00.000Z', startsAt: '2026-12-24T02:00:00.000Z' })).body.doc
    expect((await move(id, tokens.districtOrganizer, { action: 'dispatch', lecturers: [scenario.lecturers.unlinked.id] })).status).toBe(200)
    const hours = process.env.COMMONS_DISPATCH_ANSWER_HOURS
    process.env.COMMONS_DISPATCH_ANSWER_HOURS = String(0.2 / 3600) // 0.2 s
    try {
      await new Promise((resolve) => setTimeout(resolve, 300))
      await payload.jobs.queue({ input: {}, task: 'expireDispatches' })
      await payload.jobs.run()
    } finally {
      if (hours === undefined) delete process.env.COMMONS_DISPATCH_ANSWER_HOURS
      else process.env.COMMONS_DISPATCH_ANSWER_HOURS = hours
    }
    expect((await payload.findByID({ id, collection: 'course-requests' })).status).toBe('requested')
    expect(await slotsOf(scenario.lecturers.unlinked.id)).toBe(0)
  })
})

describe('simultaneous answers', () => {
  it('three lecturers answering one request at the same moment: every answer is kept', async () => {
    const { id } = (await order(tokens.villageOrganizer!, { endsAt: '2026-12-26T04:00:00.000Z', startsAt: '2026-12-26T02:00:00.000Z' })).body.doc
    const { linked, other, unlinked } = scenario.lecturers
    expect((await move(id, tokens.districtOrganizer, { action: 'dispatch', lecturers: [linked.id, other.id, unlinked.id] })).status).toBe(200)
    const answers = await Promise.all([
      move(id, tokens.lecturerAccount, { action: 'accept' }),
      move(id, tokens.otherLecturerAccount, { action: 'accept' }),
      move(id, tokens.districtOrganizer, { action: 'decline', lecturer: unlinked.id, reason: '外出' }),
    ])
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200])
    const stored = await payload.findByID({ id, collection: 'course-requests', depth: 0 })
    expect(stored.dispatches!.map((row) => row.status)).toEqual(['accepted', 'accepted', 'declined'])
    expect(stored.status).toBe('accepted')
    expect(stored.history!.map((entry) => entry.action).sort()).toEqual(['accept', 'accept', 'decline', 'dispatch', 'order'])
    expect(await payload.count({ collection: 'request-locks' })).toMatchObject({ totalDocs: 0 })
  })
})
