/**
 * Response headers every page and API answer carries (next.config.mjs applies them to pages; the API route
 * wrapper adds the same list to API answers, where it can be tested). Plain JavaScript so next.config.mjs
 * can import it without a TypeScript loader.
 *
 * The CSP is limited to directives that do not need nonces: the admin's Next.js scripts and inline styles keep
 * working, while framing by other sites (click-jacking), `<base>` hijacking, plugins and form posts to other
 * origins are refused.
 */
export const CONTENT_SECURITY_POLICY = ["frame-ancestors 'self'", "base-uri 'self'", "form-action 'self'", "object-src 'none'"].join('; ')

/** @type {ReadonlyArray<{ key: string; value: string }>} */
export const SECURITY_HEADERS = [
  { key: 'Content-Security-Policy', value: CONTENT_SECURITY_POLICY },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
]

/** The `headers()` entry of next.config.mjs: every path. */
export const securityHeaderRoutes = async () => [{ headers: [...SECURITY_HEADERS], source: '/:path*' }]
