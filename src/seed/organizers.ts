import type { Payload } from 'payload'

import type { CourseRequest, User } from '@/payload-types'

import { CODES, issueCodes, RATINGS, refreshRatingSummary } from '@/records/ratings'
import { moveRequest } from '@/requests/moves'

import type { RequestSeed } from './data/organizers'

type Id = number | string
type Account = User & { collection?: 'users' }

const asUser = (account: Account): User => ({ ...account, collection: 'users' }) as User

/**
 * The scores members gave on the day: one-time codes issued for the session, each used once, then the session's
 * average, exactly as `/rate/<code>` leaves them.
 */
export const seedScores = async (payload: Payload, sessionId: Id, scores: number[]): Promise<void> => {
  if (scores.length === 0) return
  const codes = await issueCodes(payload, sessionId, scores.length)
  const usedAt = new Date().toISOString()
  for (const [index, code] of codes.entries()) {
    await payload.create({ collection: RATINGS, data: { code, score: scores[index]!, session: sessionId as number }, depth: 0 })
    await payload.update({ collection: CODES, data: { usedAt }, depth: 0, where: { code: { equals: code } } })
  }
  await refreshRatingSummary(payload, sessionId)
}

type RequestRefs = { item: Id; lecturers: Id[]; menu: Id; unit: Id }

const endOf = (order: RequestSeed) => new Date(new Date(order.startsAt).getTime() + order.minutes * 60_000).toISOString()

/**
 * One order of the unit, taken to its state through the moves the real roles make (order → dispatch → accept /
 * decline → deliver by recording the session, or cancel). Found by its unit and time, so a second run adds nothing.
 */
export const seedRequest = async (payload: Payload, people: { dispatcher: Account; unit: Account }, order: RequestSeed, refs: RequestRefs): Promise<'created' | 'existing'> => {
  const startsAt = new Date(order.startsAt).toISOString()
  const found = await payload.find({ collection: 'course-requests', depth: 0, limit: 1, pagination: false, where: { and: [{ jurisdiction: { equals: refs.unit } }, { startsAt: { equals: startsAt } }] } })
  if (found.docs[0]) return 'existing'
  const unit = asUser(people.unit)
  const dispatcher = asUser(people.dispatcher)
  let request: CourseRequest = await payload.create({
    collection: 'course-requests',
    data: { endsAt: endOf(order), headcount: order.headcount, item: { relationTo: 'lessons', value: refs.item as number }, jurisdiction: refs.unit as number, menu: refs.menu as number, placeText: order.place, startsAt },
    depth: 0,
    overrideAccess: false,
    user: unit,
  })
  if (order.state === 'cancelled') {
    await moveRequest(payload, unit, request, { action: 'cancel', reason: '社区临时安排换届工作' })
    return 'created'
  }
  if (order.state === 'requested') return 'created'
  request = await moveRequest(payload, dispatcher, request, { action: 'dispatch', lecturers: refs.lecturers })
  if (order.state === 'dispatched') return 'created'
  const [lecturer] = refs.lecturers
  const lecturerAccount = request.dispatches?.[0]?.lecturerUser
  // a lecturer with an account answers themself; for one without, the dispatcher answers on their behalf
  const answerer = lecturerAccount ? asUser(await payload.findByID({ id: lecturerAccount as Id, collection: 'users', depth: 0 })) : dispatcher
  const answer = order.state === 'declined' ? { action: 'decline' as const, reason: order.reason } : { action: 'accept' as const }
  request = await moveRequest(payload, answerer, request, { ...answer, lecturer: lecturerAccount ? undefined : lecturer })
  if (order.state !== 'delivered' || !order.delivered) return 'created'
  const session = await payload.create({
    collection: 'training-sessions',
    data: { attendance: { count: order.delivered.attendance }, jurisdiction: refs.unit as number, kind: 'ordered', notes: order.delivered.notes, request: request.id as number },
    depth: 0,
    user: unit,
  })
  await seedScores(payload, session.id, order.delivered.scores)
  return 'created'
}
