/**
 * Member sign-in from the site's form: Payload's own login (its hooks, lockout and limits run), then Payload's
 * cookie, the same one the admin and the API read. A failed sign-in returns to the form with one message that
 * does not tell whether the account exists.
 */
import { generatePayloadCookie } from 'payload/shared'

import { forbidden, formText, isSameOrigin, redirectTo } from '@/site/forms'
import { localPath } from '@/site/safeHref'
import { getSitePayload } from '@/site/session'

const status = (error: unknown): number => (error && typeof error === 'object' && 'status' in error ? Number(error.status) : 500)

export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return forbidden()
  const form = await request.formData()
  const back = localPath(formText(form, 'back'))
  const payload = await getSitePayload()
  try {
    const { token } = await payload.login({
      collection: 'users',
      data: { email: formText(form, 'email').trim(), password: formText(form, 'password') },
      // the client's headers (address, user agent) reach login hooks such as rate limits
      req: { headers: request.headers },
    })
    if (!token) throw Object.assign(new Error('no token'), { status: 401 })
    const cookie = generatePayloadCookie<{ collectionAuthConfig: never; cookiePrefix: string; returnCookieAsObject: false; token: string }>({
      collectionAuthConfig: payload.collections.users.config.auth as never,
      cookiePrefix: payload.config.cookiePrefix,
      returnCookieAsObject: false,
      token,
    })
    return redirectTo(request, back, [cookie])
  } catch (error) {
    const code = status(error)
    if (code >= 500) console.error('[site] sign-in failed', error)
    const problem = code === 429 || code === 423 ? 'wait' : code >= 500 ? 'down' : 'wrong'
    return redirectTo(request, `/signin?problem=${problem}&back=${encodeURIComponent(back)}`)
  }
}
