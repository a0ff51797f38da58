import type { Payload } from 'payload'

import type { CourseRequest, Lecturer, User } from '@/payload-types'

import { apiError } from '@/utilities/errors'
import { relationId, sameId } from '@/utilities/relationId'

import type { HistoryEntry } from './order'
import type { Actor, DispatchState, RequestAction, RequestState } from './transitions'

import { actorsOf } from './access'
import { withRequestLock } from './locks'
import { MOVE_CONTEXT } from './order'
import { claimSlots, releaseSlots } from './slots'
import { ACTION_WORDS, STATE_WORDS } from './terms'
import { findMove, HOLDS_TIME, mayMove, settleByAnswers } from './transitions'

const COLLECTION = 'course-requests'

export type MoveInput = { action: RequestAction; lecturer?: number | string; lecturers?: Array<number | string>; reason?: string }

type Row = NonNullable<CourseRequest['dispatches']>[number]
type Outcome = { dispatches: Row[]; note?: string; state: RequestState }
type MoveContext = { actors: Actor[]; input: MoveInput; now: Date; payload: Payload; request: CourseRequest; user: null | User }


/** Hours a lecturer has to answer a dispatch before it goes back to the organizer; `COMMONS_DISPATCH_ANSWER_HOURS`, default 48. */
export const answerHours = (): number => {
  const configured = Number(process.env.COMMONS_DISPATCH_ANSWER_HOURS)
  return Number.isFinite(configured) && configured > 0 ? configured : 48
}

const rowsOf = (request: CourseRequest): Row[] => (request.dispatches ?? []).map((row) => ({ ...row, lecturer: relationId(row.lecturer)! as number, lecturerUser: relationId(row.lecturerUser) as null | number }))

const settle = (rows: Row[]): RequestState => settleByAnswers(rows.map((row) => row.status as DispatchState))

const loadDispatchable = async ({ input, payload, request, user }: MoveContext): Promise<Lecturer[]> => {
  const ids = [...new Set((input.lecturers ?? []).map(String))]
  if (ids.length === 0) throw apiError(400, '请选择至少一位讲师', 'Choose at least one lecturer', 'lecturers_required')
  const holding = rowsOf(request).filter((row) => HOLDS_TIME.includes(row.status as DispatchState))
  if (holding.some((row) => ids.includes(String(row.lecturer)))) {
    throw apiError(409, '该讲师已在本申请中派单', 'That lecturer is already dispatched on this request', 'already_dispatched')
  }
  const found = await payload.find({ collection: 'lecturers', depth: 0, limit: ids.length, overrideAccess: false, pagination: false, user, where: { id: { in: ids } } })
  if (found.docs.length !== ids.length) {
    throw apiError(400, '所选讲师不存在或不在您可派单的师资库中', 'A chosen lecturer does not exist or is not in a pool you may dispatch from', 'unknown_lecturer')
  }
  // In the order the dispatcher chose them.
  return [...found.docs].sort((a, b) => ids.indexOf(String(a.id)) - ids.indexOf(String(b.id)))
}

/** 派单: claims each lecturer's time (all or nothing), then adds their dispatches. */
const dispatch = async (context: MoveContext): Promise<Outcome> => {
  const { now, payload, request } = context
  const lecturers = await loadDispatchable(context)
  const claimed: Lecturer[] = []
  try {
    for (const lecturer of lecturers) {
      await claimSlots(payload, { endsAt: new Date(request.endsAt), lecturer, requestId: request.id, startsAt: new Date(request.startsAt) })
      claimed.push(lecturer)
    }
  } catch (error) {
    for (const lecturer of claimed) await releaseSlots(payload, request.id, lecturer.id)
    throw error
  }
  const added: Row[] = lecturers.map((lecturer) => ({
    dispatchedAt: now.toISOString(),
    lecturer: lecturer.id,
    lecturerUser: relationId(lecturer.user) as null | number,
    status: 'pending',
  }))
  return { dispatches: [...rowsOf(request), ...added], state: 'dispatched' }
}

/**
 * The pending dispatch this user answers: their own; or, for a dispatcher, that of a lecturer without an account
 * (the one named by `lecturer`, or the only one).
 */
const answeredRow = ({ actors, input, user }: MoveContext, rows: Row[]): Row => {
  const pending = rows.filter((row) => row.status === 'pending')
  const own = pending.find((row) => sameId(row.lecturerUser, user?.id))
  if (own) return own
  const proxied = actors.includes('proxy') ? pending.filter((row) => !row.lecturerUser) : []
  const named = input.lecturer === undefined ? (proxied.length === 1 ? proxied[0] : undefined) : proxied.find((row) => sameId(row.lecturer, input.lecturer))
  if (!named) throw apiError(400, '请指明答复的是哪位讲师的派单', 'Say which lecturer’s dispatch you answer', 'lecturer_required')
  return named
}

/** 接单 / 婉拒 by the lecturer (or for them). */
const answer = async (context: MoveContext, status: 'accepted' | 'declined'): Promise<Outcome> => {
  const reason = context.input.reason?.trim()
  if (status === 'declined' && !reason) throw apiError(400, '婉拒时请说明理由', 'Give a reason for declining', 'reason_required')
  const rows = rowsOf(context.request)
  const row = answeredRow(context, rows)
  Object.assign(row, { answeredAt: context.now.toISOString(), reason: reason || undefined, status })
  if (status === 'declined') await releaseSlots(context.payload, context.request.id, row.lecturer as number)
  return { dispatches: rows, note: reason, state: settle(rows) }
}

/** Ends the dispatches that still hold time, freeing it. */
const endHolding = async (context: MoveContext, rows: Row[], status: DispatchState, which: (row: Row) => boolean) => {
  for (const row of rows.filter((candidate) => HOLDS_TIME.includes(candidate.status as DispatchState) && which(candidate))) {
    row.status = status
    row.answeredAt = context.now.toISOString()
    await releaseSlots(context.payload, context.request.id, row.lecturer as number)
  }
}

const cancel = async (context: MoveContext): Promise<Outcome> => {
  const rows = rowsOf(context.request)
  await endHolding(context, rows, 'withdrawn', () => true)
  return { dispatches: rows, note: context.input.reason?.trim() || undefined, state: 'cancelled' }
}

/** Dispatches unanswered for `answerHours()` expire; the request goes back to the organizer unless someone accepted. */
const expire = async (context: MoveContext): Promise<Outcome> => {
  const deadline = context.now.getTime() - answerHours() * 3_600_000
  const rows = rowsOf(context.request)
  await endHolding(context, rows, 'expired', (row) => row.status === 'pending' && new Date(row.dispatchedAt ?? 0).getTime() <= deadline)
  return { dispatches: rows, state: settle(rows) }
}

const OUTCOMES: Record<RequestAction, (context: MoveContext) => Promise<Outcome>> = {
  accept: (context) => answer(context, 'accepted'),
  cancel,
  decline: (context) => answer(context, 'declined'),
  deliver: async ({ request }) => ({ dispatches: rowsOf(request), state: 'delivered' }),
  dispatch,
  expire,
}

/** Distinct ids, kept as the database gives them (numbers on SQLite). */
const unique = (values: Array<null | number | string | undefined>) =>
  [...new Map(values.filter((value) => value != null).map((value) => [String(value), value])).values()]

const save = async (context: MoveContext, outcome: Outcome): Promise<CourseRequest> => {
  const { dispatches } = outcome
  const entry: HistoryEntry = { action: context.input.action, at: context.now.toISOString(), by: context.user?.id ?? null, note: outcome.note, state: outcome.state }
  return context.payload.update({
    id: context.request.id,
    collection: COLLECTION,
    context: { [MOVE_CONTEXT]: entry },
    data: {
      activeLecturers: unique(dispatches.filter((row) => HOLDS_TIME.includes(row.status as DispatchState)).map((row) => relationId(row.lecturer))) as never,
      dispatches,
      lecturerUsers: unique(dispatches.map((row) => relationId(row.lecturerUser))) as never,
      status: outcome.state,
    },
    depth: 0,
  })
}

/**
 * Makes one move on a request as `user` (null: the system), if the table allows it in the request's state for
 * one of the roles the user plays on it; records it in the history. Refusals are bilingual 4xx. Moves on one
 * request take turns, each on the request as the previous one left it.
 */
export const moveRequest = (payload: Payload, user: null | User, request: CourseRequest, input: MoveInput, now = new Date()): Promise<CourseRequest> =>
  withRequestLock(payload, request.id, async () =>
    makeMove(payload, user, await payload.findByID({ id: request.id, collection: COLLECTION, depth: 0 }), input, now),
  )

const makeMove = async (payload: Payload, user: null | User, request: CourseRequest, input: MoveInput, now: Date): Promise<CourseRequest> => {
  const state = request.status as RequestState
  const [actionZh, actionEn] = ACTION_WORDS[input.action]
  if (!findMove(state, input.action)) {
    const [stateZh, stateEn] = STATE_WORDS[state]
    throw apiError(409, `申请当前为「${stateZh}」，不能${actionZh}`, `A request that is ${stateEn.toLowerCase()} cannot be moved by “${actionEn}”`, 'wrong_state')
  }
  const actors: Actor[] = user ? actorsOf(user, request) : ['system']
  if (!mayMove(state, input.action, actors)) {
    throw apiError(403, `您不能对该申请执行「${actionZh}」`, `You may not ${actionEn} this request`, 'not_your_move')
  }
  const context: MoveContext = { actors, input, now, payload, request, user }
  const outcome = await OUTCOMES[input.action](context)
  try {
    return await save(context, outcome)
  } catch (error) {
    if (input.action === 'dispatch') {
      const added = outcome.dispatches.slice(rowsOf(request).length)
      for (const row of added) await releaseSlots(payload, request.id, row.lecturer as number)
    }
    throw error
  }
}
