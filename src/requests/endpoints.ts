import type { Endpoint, PayloadRequest } from 'payload'

import type { CourseRequest, User } from '@/payload-types'

import { apiError } from '@/utilities/errors'
import { isIdShaped } from '@/utilities/relationId'

import { actorsOf } from './access'
import { type MoveInput, moveRequest } from './moves'
import { suggestLecturers } from './suggest'
import { REQUEST_ACTIONS, type RequestAction } from './transitions'

const json = (body: unknown, status = 200) => Response.json(body, { headers: { 'Cache-Control': 'private, no-store' }, status })

const notFound = () => apiError(404, '课程申请不存在或您无权查看', 'No such course request, or it is not yours to see')

/** The request, as the signed-in user may read it: a party to it, or a 404 that does not say whether it exists. */
const readableRequest = async (req: PayloadRequest): Promise<CourseRequest> => {
  const id = String(req.routeParams?.id ?? '')
  if (!req.user) throw apiError(401, '请先登录', 'Please sign in')
  if (!isIdShaped(req.payload, id)) throw notFound()
  const found = await req.payload.find({ collection: 'course-requests', depth: 0, limit: 1, overrideAccess: false, pagination: false, user: req.user, where: { id: { equals: id } } })
  const request = found.docs[0]
  if (!request) throw notFound()
  return request
}

const readMoveInput = async (req: PayloadRequest): Promise<MoveInput> => {
  const body = (await req.json?.().catch(() => null)) as null | Record<string, unknown>
  const action = body?.action
  if (typeof action !== 'string' || !(REQUEST_ACTIONS as readonly string[]).includes(action)) {
    throw apiError(400, `未知操作，可用：${REQUEST_ACTIONS.join('、')}`, `Unknown action; one of ${REQUEST_ACTIONS.join(', ')}`)
  }
  const list = body?.lecturers
  if (list !== undefined && (!Array.isArray(list) || list.some((id) => typeof id !== 'string' && typeof id !== 'number'))) {
    throw apiError(400, 'lecturers 应为讲师编号列表', 'lecturers must be a list of lecturer ids')
  }
  const reason = typeof body?.reason === 'string' ? body.reason.slice(0, 500) : undefined
  const lecturer = typeof body?.lecturer === 'string' || typeof body?.lecturer === 'number' ? body.lecturer : undefined
  return { action: action as RequestAction, lecturer, lecturers: list as MoveInput['lecturers'], reason }
}

/** POST /api/course-requests/:id/move `{ action, lecturers?, lecturer?, reason? }`: one move of the state machine. */
const moveEndpoint: Endpoint = {
  handler: async (req) => {
    const request = await readableRequest(req)
    const input = await readMoveInput(req)
    return json({ doc: await moveRequest(req.payload, req.user as User, request, input) })
  },
  method: 'post',
  path: '/:id/move',
}

/** GET /api/course-requests/:id/lecturers: the pool ranked for this request, for its dispatchers. */
const suggestEndpoint: Endpoint = {
  handler: async (req) => {
    const request = await readableRequest(req)
    if (!actorsOf(req.user as User, request).includes('dispatcher')) {
      throw apiError(403, '只有派单的组织部门可以查看推荐讲师', 'Only the dispatching organizers see suggested lecturers')
    }
    return json({ lecturers: await suggestLecturers(req.payload, req.user as User, request) })
  },
  method: 'get',
  path: '/:id/lecturers',
}

export const requestEndpoints: Endpoint[] = [moveEndpoint, suggestEndpoint]
