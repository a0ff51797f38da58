/**
 * The address a request came from, for per-address limits. Next.js fills `X-Forwarded-For` with the socket's
 * address only when the request has none, and route handlers see nothing else. So:
 * - behind `trustedProxies` reverse proxies that each append to `X-Forwarded-For` (nginx's
 *   `$proxy_add_x_forwarded_for`), the client is the entry that many places from the right; whatever the client
 *   wrote itself sits further left and is ignored;
 * - with none, the rightmost entry: the socket's address, unless a client talking to Next directly sent its own
 *   header, which per-address limits then cannot see through (per-account limits and lockout still hold).
 * No header at all (the Local API, server-side calls) means no address: per-address limits do not apply.
 */
export const clientAddress = (headers: Headers, trustedProxies: number): null | string => {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean)
  if (hops.length === 0) return null
  return hops[Math.max(hops.length - Math.max(trustedProxies, 1), 0)] ?? null
}
