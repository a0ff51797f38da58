import type { Endpoint, PayloadRequest } from 'payload'

import { forkBundle, pullUpstream, reuseOf, upstreamStatus } from './fork'

const json = (body: unknown, status = 200) => Response.json(body, { headers: { 'Cache-Control': 'private, no-store' }, status })

/** An empty body is no choice made; src/http already answers malformed JSON and non-objects with a 400. */
const readBody = async (req: PayloadRequest): Promise<Record<string, unknown>> => {
  const body = (await req.json?.().catch(() => null)) as unknown
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
}

const idOf = (req: PayloadRequest) => req.routeParams?.id

/** Forks (src/bundles/fork.ts): copy, pull, and what changed upstream or downstream. */
export const bundleEndpoints: Endpoint[] = [
  { handler: async (req) => json(await forkBundle(req, idOf(req), await readBody(req)), 201), method: 'post', path: '/:id/fork' },
  { handler: async (req) => json(await pullUpstream(req, idOf(req))), method: 'post', path: '/:id/pull-upstream' },
  { handler: async (req) => json(await upstreamStatus(req, idOf(req))), method: 'get', path: '/:id/upstream' },
  { handler: async (req) => json(await reuseOf(req, idOf(req))), method: 'get', path: '/:id/reuse' },
]
