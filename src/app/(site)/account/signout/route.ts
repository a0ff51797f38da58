/**
 * Sign-out: Payload's logout (ends the session server-side), an expired cookie, and the browser told to drop
 * this site's storage (the member's saved offline copies), whether or not the service worker saw the post.
 */
import { createLocalReq, logoutOperation } from 'payload'
import { generateExpiredPayloadCookie } from 'payload/shared'

import { backPath, forbidden, isSameOrigin, redirectTo } from '@/site/forms'
import { getSitePayload } from '@/site/session'

export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return forbidden()
  const form = await request.formData()
  const payload = await getSitePayload()
  const { user } = await payload.auth({ headers: request.headers })
  if (user) {
    try {
      const req = await createLocalReq({ user }, payload)
      await logoutOperation({ collection: payload.collections.users, req })
    } catch (error) {
      console.error('[site] sign-out could not end the session', error)
    }
  }
  const cookie = generateExpiredPayloadCookie<{ collectionAuthConfig: never; cookiePrefix: string; returnCookieAsObject: false }>({
    collectionAuthConfig: payload.collections.users.config.auth as never,
    cookiePrefix: payload.config.cookiePrefix,
    returnCookieAsObject: false,
  })
  const response = redirectTo(request, backPath(request, form), [cookie])
  response.headers.set('Clear-Site-Data', '"storage"')
  return response
}
