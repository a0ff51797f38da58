import type { Endpoint, PayloadRequest } from 'payload'

import type { Jurisdiction } from '@/payload-types'

import { apiError } from '@/utilities/errors'
import { isIdShaped } from '@/utilities/relationId'

import { mayReadStats, readPeriod } from './access'
import { monthsCsv, sessionsCsv } from './csv'
import { jurisdictionStats } from './figures'

/** The jurisdiction asked for, when the caller may read its statistics; 401/403/404 otherwise. */
const statsJurisdiction = async (req: PayloadRequest): Promise<Jurisdiction> => {
  if (!req.user) throw apiError(401, '请先登录', 'Please sign in')
  const id = String(req.routeParams?.id ?? '')
  const jurisdiction = isIdShaped(req.payload, id)
    ? await req.payload.findByID({ id, collection: 'jurisdictions', depth: 0, disableErrors: true })
    : null
  if (!jurisdiction) throw apiError(404, '没有这个辖区', 'No such jurisdiction')
  if (!mayReadStats(req.user, jurisdiction)) {
    throw apiError(403, '只有本辖区及上级的组织部门可以查看统计', 'Only organizers of this jurisdiction or above see its statistics')
  }
  return jurisdiction
}

/** GET /api/jurisdictions/:id/stats?from=YYYY-MM&to=YYYY-MM: the subtree's figures by month, as JSON. */
const statsEndpoint: Endpoint = {
  handler: async (req) => {
    const jurisdiction = await statsJurisdiction(req)
    const { from, to } = readPeriod(req.query)
    return Response.json(await jurisdictionStats(req.payload, jurisdiction.id, from, to), { headers: { 'Cache-Control': 'private, no-store' } })
  },
  method: 'get',
  path: '/:id/stats',
}

/** GET /api/jurisdictions/:id/stats.csv: the same by month, for Excel. */
const monthsCsvEndpoint: Endpoint = {
  handler: async (req) => {
    const jurisdiction = await statsJurisdiction(req)
    const { from, to } = readPeriod(req.query)
    return monthsCsv(await jurisdictionStats(req.payload, jurisdiction.id, from, to))
  },
  method: 'get',
  path: '/:id/stats.csv',
}

/** GET /api/jurisdictions/:id/sessions.csv: every training session of the subtree in the period, streamed. */
const sessionsCsvEndpoint: Endpoint = {
  handler: async (req) => {
    const jurisdiction = await statsJurisdiction(req)
    const { from, to } = readPeriod(req.query)
    return sessionsCsv(req.payload, jurisdiction, from, to)
  },
  method: 'get',
  path: '/:id/sessions.csv',
}

export const statsEndpoints: Endpoint[] = [statsEndpoint, monthsCsvEndpoint, sessionsCsvEndpoint]
