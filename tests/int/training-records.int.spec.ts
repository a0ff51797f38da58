/**
 * Training records and satisfaction (issue 11): a delivered order recorded with attendance, sessions held without
 * an order, one-time rating codes that vote once (also when pressed at the same moment), ratings anonymous and
 * hidden from the lecturer, who sees only the averages. REST and GraphQL.
 */
import type { Payload } from 'payload'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { relationId } from '@/utilities/relationId'

import { createJurisdictionTree, createUser, TEST_PASSWORD, type Tree } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'
import { createMenuScenario, type MenuScenario, orderBody } from '../helpers/requests'
import { RestClient } from '../helpers/rest'
import { downloadViaRest } from '../helpers/upload'

let payload: Payload
let stop: () => Promise<void>
let tree: Tree
let scenario: MenuScenario
let rest: RestClient
const tokens: Record<string, string> = {}
let graphql: (query: string, token?: string) => Promise<any>
let requestId: number | string
let sessionId: number | string

const BILINGUAL = /[\u4e00-\u9fff].* \/ [A-Za-z]/

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  tree = await createJurisdictionTree(payload)
  scenario = await createMenuScenario(payload, tree, 't')
  const otherDistrict = await payload.create({ collection: 'jurisdictions', data: { level: 'county', name: '淄川区', parent: tree.city.id } })
  const outsider = await createUser(payload, { email: 'outsider@rec.local', jurisdiction: otherDistrict.id, role: 'organizer' })
  rest = new RestClient(payload)
  for (const [role, person] of Object.entries({ ...scenario.people, outsider })) tokens[role] = await rest.login(person.email, TEST_PASSWORD)
  const post = GRAPHQL_POST(Promise.resolve(payload.config))
  graphql = async (query, token) => {
    const headers = new Headers({ 'Content-Type': 'application/json' })
    if (token) headers.set('Authorization', `JWT ${token}`)
    return (await post(new Request('http://localhost:3000/api/graphql', { body: JSON.stringify({ query }), headers, method: 'POST' }))).json()
  }
  requestId = (await rest.create('course-requests', orderBody(tree, scenario), tokens.villageOrganizer)).body.doc.id
  const move = (token: string, body: object) => rest.request('POST', `/course-requests/${requestId}/move`, { body, token })
  expect((await move(tokens.districtOrganizer!, { action: 'dispatch', lecturers: [scenario.lecturers.linked.id] })).status).toBe(200)
  expect((await move(tokens.lecturerAccount!, { action: 'accept' })).status).toBe(200)
})
afterAll(async () => stop?.())

const codesFor = async (token: string | undefined, count: unknown) => rest.request('POST', `/training-sessions/${sessionId}/codes`, { body: { count }, token })
const rate = (code: string, body: object) => rest.request('POST', `/rate/${code}`, { body })

describe('recording a session (培训记录)', () => {
  it('the unit records the delivered order: time, place and lecturers come from the request, which becomes delivered', async () => {
    const { body, status } = await rest.create(
      'training-sessions',
      { attendance: { count: 35, members: [scenario.people.villageMember.id] }, notes: '学习乡村振兴政策', ratingAverage: 5, request: requestId },
      tokens.villageOrganizer,
    )
    expect(status, JSON.stringify(body)).toBe(201)
    sessionId = body.doc.id
    const stored = await payload.findByID({ id: sessionId, collection: 'training-sessions', depth: 0 })
    expect(stored).toMatchObject({ kind: 'ordered', placeText: '东高村党群服务中心', startsAt: '2026-12-10T02:00:00.000Z' })
    expect(stored.lecturers!.map(String)).toEqual([String(scenario.lecturers.linked.id)])
    expect(stored.ratingAverage ?? null).toBeNull()
    expect((await payload.findByID({ id: requestId, collection: 'course-requests' })).status).toBe('delivered')
  })

  it('a 送学上门 visit without an order is recorded too', async () => {
    const { body, status } = await rest.create(
      'training-sessions',
      { attendance: { count: 3 }, kind: '送学上门', placeText: '王大爷家', startsAt: '2026-12-12T07:00:00.000Z', title: '送学上门：学习党的二十届四中全会精神' },
      tokens.villageInstructor,
    )
    expect(status, JSON.stringify(body)).toBe(201)
    expect(body.doc.kind).toBe('doorstep')
  })

  it.each([
    ['fewer people than members listed', { attendance: { count: 0, members: [scenario?.people.villageMember.id] } }, /参训人数不能少于/],
    ['a request of another unit', { attendance: { count: 5 }, request: 'other' }, /.+/],
    ['no time', { attendance: { count: 5 }, placeText: '村委会', title: '无时间' }, /请填写培训时间/],
  ])('refuses %s with a bilingual 400', async (_name, data: any, message) => {
    if (data.request === 'other') {
      const other = await payload.create({ collection: 'jurisdictions', data: { level: 'village', name: '另一村', parent: tree.otherTown.id } })
      const request = await payload.create({ collection: 'course-requests', data: orderBody(tree, scenario, { jurisdiction: other.id }) as never })
      data = { ...data, request: request.id }
    }
    if (data.attendance.members) data.attendance.members = [scenario.people.villageMember.id]
    const { body, status } = await rest.create('training-sessions', { startsAt: '2026-12-12T07:00:00.000Z', title: '记录', ...data, ...(data.title === '无时间' ? { startsAt: undefined } : {}) }, tokens.villageOrganizer)
    expect(status).toBeGreaterThanOrEqual(400)
    expect(status).toBeLessThan(500)
    expect(JSON.stringify(body)).toMatch(message)
    expect(JSON.stringify(body)).toMatch(BILINGUAL)
  })
})

describe('who reads training records', () => {
  const READERS = ['villageOrganizer', 'villageMember', 'townOrganizer', 'districtOrganizer', 'lecturerAccount']
  const NOT_READERS = ['otherTownOrganizer', 'outsider', 'otherLecturerAccount']

  it('REST and GraphQL: the unit, organizers above it and its lecturer; nobody else', async () => {
    for (const who of READERS) {
      expect((await rest.findByID('training-sessions', sessionId, tokens[who])).status, who).toBe(200)
      const gq = await graphql('{ TrainingSessions(limit: 50) { docs { id } } }', tokens[who])
      expect(gq.data.TrainingSessions.docs.map((doc: any) => String(doc.id)), who).toContain(String(sessionId))
    }
    for (const who of NOT_READERS) {
      expect((await rest.findByID('training-sessions', sessionId, tokens[who])).status, who).toBe(404)
      const gq = await graphql('{ TrainingSessions(limit: 50) { docs { id } } }', tokens[who])
      expect(gq.data.TrainingSessions.docs.map((doc: any) => String(doc.id)), who).not.toContain(String(sessionId))
    }
    expect((await rest.findByID('training-sessions', sessionId)).status).toBe(403)
  })
})

describe('satisfaction (满意度): one-time codes', () => {
  let codes: string[]

  it('only someone who manages the session issues codes, 1–500 at a time', async () => {
    expect((await codesFor(tokens.villageMember, 3)).status).toBe(404)
    expect((await codesFor(tokens.lecturerAccount, 3)).status).toBe(404)
    expect((await codesFor(undefined, 3)).status).toBe(404)
    const tooMany = await codesFor(tokens.villageOrganizer, 1000)
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.errors[0].message).toMatch(BILINGUAL)
    const { body, status } = await codesFor(tokens.villageOrganizer, 4)
    expect(status).toBe(201)
    codes = body.codes.map((entry: any) => entry.code)
    expect(new Set(codes).size).toBe(4)
    expect(body.codes[0].url).toMatch(new RegExp(`/rate/${codes[0]}$`))
  })

  it('a member rates from the slip without signing in; the code then refuses a second vote', async () => {
    const view = await rest.request('GET', `/rate/${codes[0]}`)
    expect(view.status).toBe(200)
    expect(view.body).toMatchObject({ used: false })
    expect(view.body.session.title).toContain('乡村振兴第一课')
    expect((await rate(codes[0]!, { comment: '讲得很实在', score: 5 })).status).toBe(201)
    const again = await rate(codes[0]!, { score: 1 })
    expect(again.status).toBe(409)
    expect(again.body.errors[0].message).toMatch(/此评价码已使用过.* \/ This code has already been used/)
    expect((await rest.request('GET', `/rate/${codes[0]}`)).body.used).toBe(true)
  })

  it('one code pressed ten times at once still votes once', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => rate(codes[1]!, { score: 3 })))
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1)
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(9)
  })

  it.each([
    ['a score of 6', () => rate(codes[2]!, { score: 6 }), 400],
    ['a score of 2.5', () => rate(codes[2]!, { score: 2.5 }), 400],
    ['a comment that is not text', () => rate(codes[2]!, { comment: { a: 1 }, score: 4 }), 400],
    ['an unknown code', () => rate('ZZZZZZZZZZ', { score: 4 }), 404],
    ['a malformed code', () => rate('x', { score: 4 }), 404],
  ])('refuses %s with a bilingual 4xx and stores nothing', async (_name, call, status) => {
    const before = (await payload.count({ collection: 'ratings' })).totalDocs
    const answer = await call()
    expect(answer.status).toBe(status)
    expect(answer.body.errors[0].message).toMatch(BILINGUAL)
    expect((await payload.count({ collection: 'ratings' })).totalDocs).toBe(before)
  })

  it('the lecturer sees the average and count, never the ratings; organizers see ratings with no person attached', async () => {
    const session = await rest.findByID('training-sessions', sessionId, tokens.lecturerAccount)
    expect(session.body).toMatchObject({ ratingAverage: 4, ratingCount: 2 })
    expect((await rest.find('ratings', tokens.lecturerAccount)).status).toBe(403)
    expect((await graphql('{ Ratings { docs { score comment } } }', tokens.lecturerAccount)).errors?.[0]?.message).toBeTruthy()
    expect((await rest.find('rating-codes', tokens.lecturerAccount)).status).toBe(403)
    const seen = await rest.find('ratings', tokens.districtOrganizer)
    expect(seen.body.docs.map((doc: any) => doc.score).sort()).toEqual([3, 5])
    for (const doc of seen.body.docs) expect(Object.keys(doc)).not.toEqual(expect.arrayContaining(['createdBy']))
    expect((await rest.find('ratings', tokens.outsider)).body.docs).toEqual([])
  })

  it('nobody writes ratings or codes directly, or sets a session’s average', async () => {
    expect((await rest.create('ratings', { code: 'AAAAAAAAAA', score: 5, session: sessionId }, tokens.districtOrganizer)).status).toBe(403)
    expect((await rest.create('rating-codes', { code: 'AAAAAAAAAA', session: sessionId }, tokens.districtOrganizer)).status).toBe(403)
    await rest.update('training-sessions', sessionId, { ratingAverage: 1, ratingCount: 99 }, tokens.villageOrganizer)
    const stored = await payload.findByID({ id: sessionId, collection: 'training-sessions' })
    expect(stored).toMatchObject({ ratingAverage: 4, ratingCount: 2 })
    expect(String(relationId(stored.request))).toBe(String(requestId))
  })

  it('the slips page prints a QR code and the code of every unused code, for those who manage the session only', async () => {
    const slips = (token?: string) => downloadViaRest(payload, `/training-sessions/${sessionId}/slips`, { token })
    expect((await slips(tokens.lecturerAccount)).status).toBe(404)
    expect((await slips(tokens.villageMember)).status).toBe(404)
    const page = await slips(tokens.villageOrganizer)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html; charset=utf-8/)
    const html = new TextDecoder().decode(page.bytes)
    expect(html).toContain('乡村振兴第一课')
    for (const code of codes.slice(2)) expect(html).toContain(`<code>${code}</code>`)
    for (const code of codes.slice(0, 2)) expect(html).not.toContain(code) // used
    expect(html.match(/<svg /g)).toHaveLength(codes.length - 2)
  })

  it('a deleted session takes its codes and ratings with it', async () => {
    await payload.delete({ id: sessionId, collection: 'training-sessions' })
    for (const collection of ['ratings', 'rating-codes'] as const) {
      expect((await payload.count({ collection, where: { session: { equals: sessionId } } })).totalDocs).toBe(0)
    }
  })
})
