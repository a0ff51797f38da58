import type { Endpoint, PayloadRequest } from 'payload'

import type { TrainingSession } from '@/payload-types'

import { isPathInSubtreeOf } from '@/access/jurisdictionScope'
import { isAdmin, isInstructor, isOrganizer } from '@/access/roles'
import { apiError } from '@/utilities/errors'
import { bilingual } from '@/utilities/labels'
import { isIdShaped, sameId } from '@/utilities/relationId'

import { describeCode, issueCodes, ratingPath, submitRating } from './ratings'
import { renderSlips } from './slips'

const json = (body: unknown, status = 200) => Response.json(body, { headers: { 'Cache-Control': 'private, no-store' }, status })

const readBody = async (req: PayloadRequest): Promise<Record<string, unknown>> => {
  const body = await req.json?.().catch(() => null)
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw apiError(400, '请求内容应为 JSON 对象', 'The body must be a JSON object')
  return body as Record<string, unknown>
}

/** The same people who may edit the session: admins, organizers above it, the instructor who recorded it. */
const mayManage = (user: PayloadRequest['user'], session: TrainingSession): boolean =>
  Boolean(user) &&
  (isAdmin(user) || (isOrganizer(user) && isPathInSubtreeOf(session.jurisdictionPath, user!)) || (isInstructor(user) && sameId(session.createdBy, user!.id)))

/** The session, when the signed-in user may manage it; a 404 that does not say whether it exists otherwise. */
const managedSession = async (req: PayloadRequest): Promise<TrainingSession> => {
  const id = String(req.routeParams?.id ?? '')
  const found =
    req.user && isIdShaped(req.payload, id)
      ? await req.payload.find({ collection: 'training-sessions', depth: 0, limit: 1, overrideAccess: false, pagination: false, user: req.user, where: { id: { equals: id } } })
      : null
  const session = found?.docs[0]
  if (!session || !mayManage(req.user, session)) {
    throw apiError(404, '培训记录不存在或您无权管理评价码', 'No such training session, or you may not manage its rating codes')
  }
  return session
}

const originOf = (req: PayloadRequest): string => new URL(req.url ?? 'http://localhost').origin

/** POST /api/training-sessions/:id/codes `{ count }`: one-time rating codes and their links. */
export const issueCodesEndpoint: Endpoint = {
  handler: async (req) => {
    const session = await managedSession(req)
    const { count } = await readBody(req)
    const codes = await issueCodes(req.payload, session.id, Number(count))
    return json({ codes: codes.map((code) => ({ code, url: `${originOf(req)}${ratingPath(code)}` })) }, 201)
  },
  method: 'post',
  path: '/:id/codes',
}

/** GET /api/training-sessions/:id/slips: the unused codes as a printable page of QR slips. */
export const slipsEndpoint: Endpoint = {
  handler: async (req) => {
    const session = await managedSession(req)
    const html = await renderSlips(req.payload, session, originOf(req))
    return new Response(html, { headers: { 'Cache-Control': 'private, no-store', 'Content-Type': 'text/html; charset=utf-8' } })
  },
  method: 'get',
  path: '/:id/slips',
}

/** GET /api/rate/:code: what the code rates. POST `{ score, comment? }`: the one rating it allows. No sign-in needed. */
export const rateEndpoints: Endpoint[] = [
  { handler: async (req) => json(await describeCode(req.payload, req.routeParams?.code)), method: 'get', path: '/rate/:code' },
  {
    handler: async (req) => {
      const body = await readBody(req)
      await submitRating(req.payload, req.routeParams?.code, { comment: body.comment, score: body.score })
      return json({ message: bilingual('感谢您的评价', 'Thank you for rating') }, 201)
    },
    method: 'post',
    path: '/rate/:code',
  },
]
