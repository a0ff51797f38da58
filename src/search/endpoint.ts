import type { Endpoint } from 'payload'

import { getVisibilityScope } from '@/access/visibilityScope'

import { memberUrl } from './documents'
import { getSearchEngine } from './index'
import { parseSearchParams, SearchParamError } from './params'

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
      parsed = parseSearchParams(new URL(req.url ?? 'http://localhost/').searchParams)
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
