import { headers } from 'next/headers'

/** This site's origin as the reader reached it, for absolute links (QR codes, Open Graph pictures). */
export const siteOrigin = async (): Promise<string> => {
  const list = await headers()
  const host = list.get('x-forwarded-host') ?? list.get('host') ?? 'localhost:3000'
  const protocol = list.get('x-forwarded-proto') ?? (/^(localhost|127\.|\[::1\])/.test(host) ? 'http' : 'https')
  return `${protocol}://${host}`
}
