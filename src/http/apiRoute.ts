import { fileTooLarge } from '@/ingest/errors'
import { largestLimitOf, UPLOAD_POLICIES } from '@/ingest/hooks/collectionPolicy'
import type { UploadPolicyName } from '@/ingest/policy'

import { bilingual } from '@/utilities/labels'

import { SECURITY_HEADERS } from './securityHeaders.mjs'

/** A Next route handler; the context (route params) is passed through untouched. */
export type RouteHandler<Context> = (request: Request, context: Context) => Promise<Response>

const KiB = 1024

/** JSON bodies (REST writes, GraphQL) are forms and queries, never files: 1 MiB is far above any real one. */
export const MAX_JSON_BODY_BYTES = 1024 * KiB

/** The most documents one REST page may hold; `limit=0` and `pagination=false` (everything at once) get this too. */
export const MAX_PAGE_SIZE = 100

/**
 * REST lists are paged at most MAX_PAGE_SIZE at a time, for every caller: a larger `limit`, `limit=0` or
 * `pagination=false` would hand out a whole collection in one answer. Done here, at the HTTP edge, because
 * hooks cannot tell an HTTP caller from the app's own Local API reads made with the same request.
 */
export function capPageSize(request: Request): Request {
  const url = new URL(request.url)
  const { searchParams } = url
  if (!searchParams.has('limit') && !searchParams.has('pagination')) return request
  // A limit that is not a number is ignored by Payload (its default page of 10 applies).
  const limit = Number(searchParams.get('limit') ?? Number.NaN)
  const uncapped = searchParams.get('pagination') === 'false' || (Number.isFinite(limit) && (limit < 1 || limit > MAX_PAGE_SIZE))
  if (!uncapped) return request
  searchParams.delete('pagination')
  searchParams.set('limit', String(MAX_PAGE_SIZE))
  return new Request(url, request)
}

const jsonError = (status: number, zh: string, en: string): Response => Response.json({ errors: [{ message: bilingual(zh, en) }] }, { status })

const contentTypeOf = (request: Request): string => (request.headers.get('Content-Type') ?? '').split(';', 1)[0]!.trim().toLowerCase()

const hasBody = (request: Request): boolean => request.body !== null && !['GET', 'HEAD'].includes(request.method.toUpperCase())

/** Reads at most `limit` bytes; `undefined` when the body is larger (the rest is never read). */
async function readBounded(request: Request, limit: number): Promise<string | undefined> {
  const declared = Number(request.headers.get('Content-Length'))
  if (Number.isFinite(declared) && declared > limit) return undefined
  const reader = request.body!.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      void reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
  return new TextDecoder().decode(Buffer.concat(chunks))
}

const isPlainObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * A JSON body Payload must not see is answered here: too large (413), not JSON (400), or JSON that is not an
 * object (`null`, a list, a string: 400); Payload itself answers those with a 500 or an English-only message.
 * Otherwise the request goes on with the body already read.
 */
export async function screenJsonBody(request: Request): Promise<Request | Response> {
  if (!hasBody(request) || contentTypeOf(request) !== 'application/json') return request
  const text = await readBounded(request, MAX_JSON_BODY_BYTES)
  if (text === undefined) {
    const megabytes = MAX_JSON_BODY_BYTES / KiB / KiB
    return jsonError(413, `请求内容超过 ${megabytes} MB 上限`, `The request body is larger than ${megabytes} MB`)
  }
  if (text.trim() !== '') {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      return jsonError(400, '请求内容不是有效的 JSON', 'The request body is not valid JSON')
    }
    if (!isPlainObject(parsed)) return jsonError(400, '请求内容必须是 JSON 对象', 'The request body must be a JSON object')
  }
  return new Request(request.url, { body: text, headers: request.headers, method: request.method, signal: request.signal })
}

/** Room for the multipart framing and the `_payload` JSON of the other fields around the file. */
const MULTIPART_OVERHEAD_BYTES = 2 * KiB * KiB

/**
 * An upload whose declared size is already above everything its collection accepts is refused before a byte
 * of it is read (413 `file_too_large`, as the upload check answers), rather than streamed to disk first: the
 * request parser's own limit is the largest of all collections (a video's 2 GB), not this collection's.
 */
export async function screenUploadSize(request: Request): Promise<Request | Response> {
  if (!hasBody(request) || !contentTypeOf(request).startsWith('multipart/')) return request
  const collection = /\/api\/([^/?]+)/.exec(new URL(request.url).pathname)?.[1] as UploadPolicyName | undefined
  if (!collection || !UPLOAD_POLICIES.includes(collection)) return request
  const declared = Number(request.headers.get('Content-Length'))
  const limit = largestLimitOf(collection)
  if (!Number.isFinite(declared) || declared <= limit + MULTIPART_OVERHEAD_BYTES) return request
  const error = fileTooLarge(collection, declared, limit)
  return Response.json({ errors: [{ data: error.data, message: error.message, name: error.name }] }, { status: error.status })
}

/** GraphQL takes a JSON object only; graphql-http answers other content types with an empty 415. */
async function screenGraphqlBody(request: Request): Promise<Request | Response> {
  if (hasBody(request) && contentTypeOf(request) !== 'application/json') {
    return jsonError(415, 'GraphQL 请求须为 application/json', 'GraphQL requests must be application/json')
  }
  return screenJsonBody(request)
}

/** A caller presenting credentials: an `Authorization` header or Payload's session cookie (`<prefix>-token`). */
export const carriesCredentials = (request: Request): boolean =>
  request.headers.has('Authorization') || /(?:^|;\s*)[^=;\s]+-token=/.test(request.headers.get('Cookie') ?? '')

const directiveName = (directive: string): string => directive.trim().split(/\s+/, 1)[0]!.toLowerCase()

/** An answer's own policy (Payload's `script-src 'none'` on SVG files) keeps its directives and gains ours it lacks. */
function withOurPolicy(own: string, ours: string): string {
  const named = new Set(own.split(';').map(directiveName))
  const added = ours.split(';').filter((directive) => !named.has(directiveName(directive)))
  return [own, ...added].map((directive) => directive.trim()).filter(Boolean).join('; ')
}

/**
 * Adds the security headers and keeps answers to signed-in callers out of every cache: they may hold what
 * anonymous visitors must not see, including files of non-public items. Answers to anonymous callers (public
 * items and files) keep their caching.
 */
export function withResponseHeaders(request: Request, response: Response): Response {
  const headers = new Headers(response.headers)
  for (const { key, value } of SECURITY_HEADERS) {
    const own = headers.get(key)
    headers.set(key, own && key === 'Content-Security-Policy' ? withOurPolicy(own, value) : (own ?? value))
  }
  if (carriesCredentials(request)) {
    headers.set('Cache-Control', 'private, no-store')
    headers.append('Vary', 'Authorization, Cookie')
  }
  return new Response(response.body, { headers, status: response.status, statusText: response.statusText })
}

/** A handler that threw instead of answering: its own 4xx status when it has one, never a stack. */
function answerThrown(error: unknown): Response {
  const status = (error as { status?: unknown })?.status
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return jsonError(status, '请求无效', `Bad request: ${error instanceof Error ? error.message : String(error)}`)
  }
  console.error(error)
  return jsonError(500, '服务器内部错误', 'Internal server error')
}

type Screen = (request: Request) => Promise<Request | Response>

/** Runs the screens in order: each passes the request on (possibly rewritten) or answers it. */
const screenAll = async (request: Request, screens: readonly Screen[]): Promise<Request | Response> => {
  let current: Request | Response = request
  for (const screen of screens) {
    if (current instanceof Response) break
    current = await screen(current)
  }
  return current
}

const guard =
  (...screens: Screen[]) =>
  <Context>(handler: RouteHandler<Context>): RouteHandler<Context> =>
  async (request, context) => {
    let response: Response
    try {
      const screened = await screenAll(capPageSize(request), screens)
      response = screened instanceof Response ? screened : await handler(screened, context)
    } catch (error) {
      response = answerThrown(error)
    }
    return withResponseHeaders(request, response)
  }

/** Wraps Payload's REST route handlers: page cap, upload size per collection, bounded well-formed JSON bodies, security and cache headers. */
export const guardRestRoute = guard(screenUploadSize, screenJsonBody)

/** Wraps Payload's GraphQL route handler likewise, and refuses non-JSON bodies with a bilingual 415. */
export const guardGraphqlRoute = guard(screenGraphqlBody)
