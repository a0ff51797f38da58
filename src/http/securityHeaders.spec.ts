import { describe, expect, it } from 'vitest'

import loadNextConfig from '../../next.config.mjs'
import { capPageSize, carriesCredentials, MAX_PAGE_SIZE, withResponseHeaders } from './apiRoute'
import { SECURITY_HEADERS } from './securityHeaders.mjs'

const headerMap = (headers: ReadonlyArray<{ key: string; value: string }>) => new Map(headers.map(({ key, value }) => [key, value]))

describe('security headers', () => {
  it('next.config.mjs sends them on every path and drops X-Powered-By', async () => {
    const nextConfig = await loadNextConfig('phase-production-server')
    expect(nextConfig.poweredByHeader).toBe(false)
    const routes = await nextConfig.headers!()
    const all = routes.filter((route) => route.source === '/:path*').flatMap((route) => route.headers)
    const sent = headerMap(all)
    for (const { key, value } of SECURITY_HEADERS) expect(sent.get(key)).toBe(value)
    expect(sent.get('Content-Security-Policy')).toContain("frame-ancestors 'self'")
    expect(sent.get('X-Content-Type-Options')).toBe('nosniff')
    expect(sent.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin')
    expect(sent.has('X-Powered-By')).toBe(false)
  })

  it('API answers get them; a policy an answer set itself keeps its directives and gains the missing ones', () => {
    const request = new Request('http://localhost/api/media/file/a.svg')
    const own = withResponseHeaders(request, new Response('x', { headers: { 'Content-Security-Policy': "script-src 'none'; object-src 'none'" } }))
    expect(own.headers.get('Content-Security-Policy')).toBe("script-src 'none'; object-src 'none'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'")
    expect(own.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(own.headers.get('Cache-Control')).toBeNull()
  })

  it('answers to a caller with a token or a session cookie are private, no-store; a language cookie alone is not a session', () => {
    const answer = (headers: Record<string, string>) => withResponseHeaders(new Request('http://localhost/api/lessons', { headers }), new Response('{}', { headers: { 'Cache-Control': 'public, max-age=60' } }))
    expect(answer({ Authorization: 'JWT abc' }).headers.get('Cache-Control')).toBe('private, no-store')
    expect(answer({ Cookie: 'payload-lng=zh; payload-token=abc' }).headers.get('Cache-Control')).toBe('private, no-store')
    expect(answer({ Cookie: 'payload-lng=zh' }).headers.get('Cache-Control')).toBe('public, max-age=60')
    expect(carriesCredentials(new Request('http://localhost/', { headers: { Cookie: 'a=b' } }))).toBe(false)
  })
})

describe('page size cap', () => {
  const limitOf = (query: string) => {
    const url = new URL(capPageSize(new Request(`http://localhost/api/lessons?${query}`)).url)
    return { limit: url.searchParams.get('limit'), pagination: url.searchParams.get('pagination') }
  }

  it('caps a large, zero or negative limit and pagination=false; keeps a normal limit and leaves a non-number to Payload', () => {
    for (const query of ['limit=5000', 'limit=0', 'limit=-1', 'pagination=false', 'limit=10&pagination=false']) {
      expect(limitOf(query), query).toEqual({ limit: String(MAX_PAGE_SIZE), pagination: null })
    }
    expect(limitOf('limit=25')).toEqual({ limit: '25', pagination: null })
    expect(limitOf('limit=abc')).toEqual({ limit: 'abc', pagination: null })
    expect(limitOf('depth=0')).toEqual({ limit: null, pagination: null })
  })
})
