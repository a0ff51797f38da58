import type { Endpoint, Payload } from 'payload'

import type { ScopeReader } from '@/access/visibilityScope'

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
    try {
      return json(await searchAs(req.payload, req.user ?? null, new URL(req.url ?? 'http://localhost/').searchParams))
    } catch (error) {
      if (error instanceof SearchParamError) return json({ errors: [{ message: error.message }] }, 400)
      throw error
    }
  },
  method: 'get',
  path: '/search',
}

/**
 * What `/api/search` answers for these parameters and this reader; the member site calls it directly on the server.
 * Throws SearchParamError for bad parameters.
 */
export const searchAs = async (payload: Payload, reader: ScopeReader, params: URLSearchParams) => {
  const parsed = await withJurisdictionDepth(payload, parseSearchParams(params))
  const engine = await getSearchEngine()
  const result = await engine.search({ ...parsed, scope: getVisibilityScope(reader) })
  return { ...result, hits: result.hits.map((hit) => ({ ...hit, url: memberUrl(hit.kind, hit.docId) })) }
}

export type SearchAnswer = Awaited<ReturnType<typeof searchAs>>

/**
 * The filtered jurisdiction must exist; its depth tells the engine which level the jurisdiction facet
 * lists (its children). Jurisdictions are public, so naming one that does not exist is all a 400 says.
 */
const withJurisdictionDepth = async (payload: Payload, parsed: ParsedSearch): Promise<ParsedSearch> => {
  const id = parsed.filters?.jurisdictionId
  if (id === undefined) return parsed
  const numericIds = payload.db.defaultIDType === 'number'
  const found =
    numericIds && !/^\d+$/.test(id)
      ? null
      : await payload.find({
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
