/**
 * The member site's reader: Payload (once per process) and the signed-in user from Payload's cookie, read once
 * per request (React `cache`). Every content read goes through the Local API with `overrideAccess: false` and
 * this user, so the site shows exactly what the §3 rule lets the reader see.
 */
import config from '@payload-config'
import { headers } from 'next/headers'
import { executeAuthStrategies, getPayload } from 'payload'
import { cache } from 'react'

import type { User } from '@/payload-types'

export const getSitePayload = cache(() => getPayload({ config }))

/**
 * Payload's own strategies (the session cookie, an API key), without `payload.auth`'s permission map of every
 * collection: the site never reads it, and on a small page it cost as much as the page's own reads.
 */
export const getReader = cache(async (): Promise<null | User> => {
  const payload = await getSitePayload()
  const { user } = await executeAuthStrategies({ canSetHeaders: false, headers: await headers(), payload })
  return user && user.collection === 'users' ? (user as User) : null
})
