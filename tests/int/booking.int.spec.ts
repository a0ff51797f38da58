/**
 * Lecturer booking without double-booking (issue 11): time is claimed as slot rows under a unique index, so it
 * holds with no transactions (FerretDB) as on SQLite. 50 dispatches of one lecturer into overlapping times at once:
 * exactly one gets through, 49 are refused naming the request that holds the time, and no claim is left behind.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CourseRequest } from '@/payload-types'

import { slotRange } from '@/requests/slots'
import { relationId } from '@/utilities/relationId'

import { createJurisdictionTree, TEST_PASSWORD, type Tree } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'
import { createMenuScenario, type MenuScenario, orderBody } from '../helpers/requests'
import { RestClient } from '../helpers/rest'

let payload: Payload
let stop: () => Promise<void>
let tree: Tree
let scenario: MenuScenario
let rest: RestClient
let dispatcher: string

const RACERS = 50
const BASE = Date.parse('2026-12-15T01:00:00.000Z')
const MINUTE = 60_000

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  tree = await createJurisdictionTree(payload)
  scenario = await createMenuScenario(payload, tree, 'b')
  rest = new RestClient(payload)
  dispatcher = await rest.login(scenario.people.districtOrganizer.email, TEST_PASSWORD)
})
afterAll(async () => stop?.())

/** A request of the village, made as its organizer would (Local API, the same hooks). */
const request = async (startsAt: number, minutes: number, overrides: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'course-requests',
    data: orderBody(tree, scenario, { endsAt: new Date(startsAt + minutes * MINUTE).toISOString(), startsAt: new Date(startsAt).toISOString(), ...overrides }) as never,
  })

const dispatch = (id: number | string, lecturer: number | string) =>
  rest.request('POST', `/course-requests/${id}/move`, { body: { action: 'dispatch', lecturers: [lecturer] }, token: dispatcher })

const slotsHeldBy = async (requestId: number | string) =>
  (await payload.find({ collection: 'lecturer-slots', depth: 0, pagination: false, where: { request: { equals: requestId } } })).docs

describe('lecturer booking', () => {
  it(`${RACERS} simultaneous dispatches of one lecturer into overlapping times: one success, ${RACERS - 1} refusals naming the holder`, async () => {
    // Two-hour sessions starting 3 minutes apart: every pair overlaps, and they start in different slots.
    const requests: CourseRequest[] = []
    for (let index = 0; index < RACERS; index++) requests.push(await request(BASE + index * 3 * MINUTE, 120))
    const lecturer = scenario.lecturers.unlinked.id
    const answers = await Promise.all(requests.map((doc) => dispatch(doc.id, lecturer)))

    const winners = answers.flatMap((answer, index) => (answer.status === 200 ? [requests[index]!] : []))
    const refusals = answers.filter((answer) => answer.status !== 200)
    expect(winners).toHaveLength(1)
    expect(refusals).toHaveLength(RACERS - 1)
    const ids = new Set(requests.map((doc) => String(doc.id)))
    for (const refusal of refusals) {
      expect(refusal.status).toBe(409)
      const message: string = refusal.body.errors[0].message
      expect(message).toMatch(/^讲师b李老师在该时段（含路途时间）已有安排：课程申请 #\S+.* \/ Lecturer b李老师 is already booked at that time/)
      const named = String(refusal.body.errors[0].data.conflictingRequest)
      expect(ids.has(named)).toBe(true)
      expect(message).toContain(`#${named}`)
    }

    const winner = winners[0]!
    const held = await payload.find({ collection: 'lecturer-slots', depth: 0, pagination: false, where: { lecturer: { equals: lecturer } } })
    expect(held.docs.every((slot) => String(relationId(slot.request)) === String(winner.id))).toBe(true)
    expect(held.docs).toHaveLength(slotRange(new Date(winner.startsAt), new Date(winner.endsAt)).length)
    for (const doc of requests.filter((candidate) => candidate.id !== winner.id)) {
      expect((await payload.findByID({ id: doc.id, collection: 'course-requests' })).status).toBe('requested')
    }
  })

  it('needs the travel time between two sessions; a decline or a cancel frees the time for another request', async () => {
    const lecturer = scenario.lecturers.other.id
    const morning = await request(Date.parse('2026-12-16T01:00:00.000Z'), 120)
    const tooClose = await request(Date.parse('2026-12-16T03:30:00.000Z'), 60, { placeText: '另一个村' })
    const afterTravel = await request(Date.parse('2026-12-16T04:00:00.000Z'), 60, { placeText: '另一个村' })
    expect((await dispatch(morning.id, lecturer)).status).toBe(200)
    const refused = await dispatch(tooClose.id, lecturer)
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].data.conflictingRequest).toBe(morning.id)
    expect((await dispatch(afterTravel.id, lecturer)).status).toBe(200)

    const lecturerToken = await rest.login(scenario.people.otherLecturerAccount.email, TEST_PASSWORD)
    const declined = await rest.request('POST', `/course-requests/${morning.id}/move`, { body: { action: 'decline', reason: '身体不适' }, token: lecturerToken })
    expect(declined.status).toBe(200)
    expect(await slotsHeldBy(morning.id)).toHaveLength(0)
    expect((await dispatch(tooClose.id, lecturer)).status).toBe(409) // still too close to the 12:00 session
    const cancelled = await rest.request('POST', `/course-requests/${afterTravel.id}/move`, { body: { action: 'cancel' }, token: dispatcher })
    expect(cancelled.status).toBe(200)
    expect(await slotsHeldBy(afterTravel.id)).toHaveLength(0)
    expect((await dispatch(tooClose.id, lecturer)).status).toBe(200)
  })

  it('a dispatch of two lecturers is all or nothing: when the second is taken, the first keeps no claim', async () => {
    const first = await request(Date.parse('2026-12-17T01:00:00.000Z'), 60)
    const second = await request(Date.parse('2026-12-17T01:30:00.000Z'), 60)
    expect((await dispatch(first.id, scenario.lecturers.other.id)).status).toBe(200)
    const both = await rest.request('POST', `/course-requests/${second.id}/move`, {
      body: { action: 'dispatch', lecturers: [scenario.lecturers.linked.id, scenario.lecturers.other.id] },
      token: dispatcher,
    })
    expect(both.status).toBe(409)
    expect(await slotsHeldBy(second.id)).toHaveLength(0)
    expect((await payload.findByID({ id: second.id, collection: 'course-requests' })).status).toBe('requested')
    await payload.delete({ id: first.id, collection: 'course-requests' })
    expect(await slotsHeldBy(first.id)).toHaveLength(0) // a deleted request holds no time
    expect((await dispatch(second.id, scenario.lecturers.other.id)).status).toBe(200)
  })
})
