import type { Endpoint, PayloadRequest } from 'payload'

import { getPathIds, getVisibilityScope } from '@/access/visibilityScope'

import { memberUrl } from './documents'
import { getSearchEngine } from './index'
import { type ParsedSearch, parseSearchParams, SearchParamError } from './params'

const json = (body: unknown, status = 200) =>
  Response.json(body, { headers: { 'Cache-Control': 'private, no-store' }, status })

/**
 * GET /api/search: the shared library, as the signed-in user (Payload cookie or `Authorization: JWT …`)
 * or an anonymous visitor may see it.
 */
export const searchEndpoint: Endpoint = {
  handler: async (req) => {
    let parsed
    try {
      parsed = await withJurisdictionDepth(req, parseSearchParams(new URL(req.url ?? 'http://localhost/').searchParams))
    } catch (error) {
      if (error instanceof SearchParamError) return json({ errors: [{ message: error.message }] }, 400)
      throw error
    }
    const engine = await getSearchEngine()
    const result = await engine.search({ ...parsed, scope: getVisibilityScope(req.user ?? null) })
    return json({ ...result, hits: result.hits.map((hit) => ({ ...hit, url: memberUrl(hit.kind, hit.docId) })) })
  },
  method: 'get',
  path: '/search',
}

/**
 * The filtered jurisdiction must exist; its depth tells the engine which level the jurisdiction facet
 * lists (its children). Jurisdictions are public, so naming one that does not exist is all a 400 says.
 */
const withJurisdictionDepth = async (req: PayloadRequest, parsed: ParsedSearch): Promise<ParsedSearch> => {
  const id = parsed.filters?.jurisdictionId
  if (id === undefined) return parsed
  const numericIds = req.payload.db.defaultIDType === 'number'
  const found =
    numericIds && !/^\d+$/.test(id)
      ? null
      : await req.payload.find({
          collection: 'jurisdictions',
          depth: 0,
          limit: 1,
          overrideAccess: true,
          pagination: false,
          select: { ancestorPath: true },
          where: { id: { equals: id } },
        })
  const jurisdiction = found?.docs[0]
  if (!jurisdiction) throw new SearchParamError(`辖区「${id}」不存在`, `No jurisdiction with id "${id}"`)
  return { ...parsed, filters: { ...parsed.filters, jurisdictionDepth: getPathIds(jurisdiction.ancestorPath).length } }
}
