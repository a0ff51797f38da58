/** 大/中/小 and 简/繁: a plain form post sets the cookie and returns to the page it came from. */
import { generateCookie } from 'payload/shared'

import { backPath, forbidden, formText, isSameOrigin, redirectTo } from '@/site/forms'
import { isScript, isTextSize, PREF_MAX_AGE, SCRIPT_COOKIE, SIZE_COOKIE } from '@/site/prefs'

const cookie = (name: string, value: string) =>
  generateCookie<false>({ maxAge: PREF_MAX_AGE, name, path: '/', returnCookieAsObject: false, sameSite: 'Lax', value })

export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return forbidden()
  const form = await request.formData()
  const size = formText(form, 'size')
  const script = formText(form, 'script')
  const cookies = [...(isTextSize(size) ? [cookie(SIZE_COOKIE, size)] : []), ...(isScript(script) ? [cookie(SCRIPT_COOKIE, script)] : [])]
  return redirectTo(request, backPath(request, form), cookies)
}
