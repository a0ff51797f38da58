import type { NextRequest } from 'next/server'

import { NextResponse } from 'next/server'

const LANGUAGE_COOKIE = 'payload-lng'

/**
 * The admin speaks Simplified Chinese unless someone picks another language in their account;
 * without this, a browser that asks for English would get English.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has(LANGUAGE_COOKIE)) return NextResponse.next()
  request.cookies.set(LANGUAGE_COOKIE, 'zh')
  const response = NextResponse.next({ request })
  response.cookies.set(LANGUAGE_COOKIE, 'zh', { maxAge: 60 * 60 * 24 * 365, path: '/' })
  return response
}

export const config = { matcher: ['/admin/:path*'] }
