/** Helpers for the site's plain HTML form posts (they work without JavaScript). */
import { localPath } from './safeHref'

/** A post from a page of another site is refused: forms here change the session and preferences. */
export const isSameOrigin = (request: Request): boolean => {
  const origin = request.headers.get('origin')
  if (!origin || origin === 'null') return request.headers.get('sec-fetch-site') !== 'cross-site'
  try {
    return new URL(origin).host === request.headers.get('host')
  } catch {
    return false
  }
}

export const formText = (form: FormData, name: string): string => {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

/** Where a form should return to: its `back` field, else the page it was posted from (same host only). */
export const backPath = (request: Request, form: FormData): string => {
  const back = formText(form, 'back')
  if (back) return localPath(back)
  try {
    const referer = new URL(request.headers.get('referer') ?? '')
    return referer.host === request.headers.get('host') ? localPath(referer.pathname + referer.search) : '/'
  } catch {
    return '/'
  }
}

/** 303: the browser follows with a GET to a path on this site. */
export const redirectTo = (request: Request, path: string, cookies: string[] = []): Response => {
  const headers = new Headers({ 'Cache-Control': 'no-store', Location: localPath(path) })
  for (const cookie of cookies) headers.append('Set-Cookie', cookie)
  return new Response(null, { headers, status: 303 })
}

export const forbidden = (): Response =>
  new Response('来源不明的请求被拒绝 / Cross-site request refused', { headers: { 'Content-Type': 'text/plain; charset=utf-8' }, status: 403 })
