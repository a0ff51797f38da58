import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import type { CourseRequest, User } from '@/payload-types'

import { actorsOf } from '@/requests/access'
import { moveRequest } from '@/requests/moves'
import { mayMove } from '@/requests/transitions'
import { fieldError } from '@/utilities/errors'
import { relationId, sameId } from '@/utilities/relationId'

const COLLECTION = 'training-sessions'

type SessionData = {
  attendance?: { count?: null | number; members?: unknown[] | null } | null
  endsAt?: null | string
  fieldSite?: unknown
  item?: unknown
  jurisdiction?: unknown
  kind?: null | string
  lecturerUsers?: unknown[]
  lecturers?: unknown[] | null
  placeText?: null | string
  request?: unknown
  startsAt?: null | string
  title?: null | string
}

/** The accepted lecturers of a request. */
const acceptedLecturers = (request: CourseRequest) =>
  (request.dispatches ?? []).filter((row) => row.status === 'accepted').map((row) => relationId(row.lecturer))

/** A session held on an order takes what it leaves empty from the request: time, place, item, lecturers. */
const fillFromRequest = async (req: PayloadRequest, data: SessionData) => {
  const request = await req.payload.findByID({ id: relationId(data.request)!, collection: 'course-requests', depth: 0, disableErrors: true, req })
  if (!request || !sameId(request.jurisdiction, data.jurisdiction) || !['accepted', 'delivered'].includes(request.status ?? '')) {
    throw fieldError(req, COLLECTION, 'request', '只能为本单位已接单或已授课的申请记录培训', 'Record sessions only for your unit’s accepted or delivered requests')
  }
  data.kind ??= 'ordered'
  data.startsAt ||= request.startsAt
  data.endsAt ||= request.endsAt
  if (!relationId(data.fieldSite) && !data.placeText) Object.assign(data, { fieldSite: relationId(request.fieldSite), placeText: request.placeText })
  data.item ??= request.item
  if (!data.lecturers?.length) data.lecturers = acceptedLecturers(request)
  data.title ||= request.title
}

const checkAttendance = (req: PayloadRequest, data: SessionData) => {
  const members = data.attendance?.members?.length ?? 0
  if (data.attendance && (data.attendance.count ?? 0) < members) {
    throw fieldError(req, COLLECTION, 'attendance.count', '参训人数不能少于已登记的党员人数', 'The headcount cannot be lower than the members listed')
  }
}

/** The accounts of the session's lecturers, so they can read it (and its averages). */
const lecturerAccounts = async (req: PayloadRequest, lecturers: unknown[]) => {
  const ids = lecturers.map(relationId).filter((id) => id !== null)
  if (ids.length === 0) return []
  const found = await req.payload.find({ collection: 'lecturers', depth: 0, limit: ids.length, pagination: false, req, select: { user: true }, where: { id: { in: ids } } })
  return found.docs.map((doc) => relationId(doc.user)).filter((id) => id !== null)
}

export const prepareSession: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const session = data as SessionData
  if (operation === 'create' && relationId(session.request) !== null) await fillFromRequest(req, session)
  if (operation === 'create') session.kind ||= 'other'
  if (!session.startsAt && operation === 'create') throw fieldError(req, COLLECTION, 'startsAt', '请填写培训时间', 'When was the session held?')
  if (session.endsAt && session.startsAt && new Date(session.endsAt) <= new Date(session.startsAt)) {
    throw fieldError(req, COLLECTION, 'endsAt', '结束时间应晚于开始时间', 'The session must end after it starts')
  }
  checkAttendance(req, session)
  if (!session.title?.trim() && operation === 'create') throw fieldError(req, COLLECTION, 'title', '请填写培训名称', 'A title is required')
  if (session.lecturers !== undefined || operation === 'create') {
    session.lecturerUsers = await lecturerAccounts(req, session.lecturers ?? originalDoc?.lecturers ?? [])
  }
  return data
}

/** Recording the session of an accepted request marks the request delivered, when the recorder may make that move. */
export const deliverRequest: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  const requestId = relationId(doc.request)
  if (operation !== 'create' || requestId === null || !req.user) return doc
  const request = await req.payload.findByID({ id: requestId, collection: 'course-requests', depth: 0, req })
  const user = req.user as User
  if (request.status === 'accepted' && mayMove('accepted', 'deliver', actorsOf(user, request))) {
    await moveRequest(req.payload, user, request, { action: 'deliver' })
  }
  return doc
}
