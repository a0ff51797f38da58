import type { CollectionBeforeOperationHook, PayloadRequest, SanitizedCollectionConfig } from 'payload'

import { AuthenticationError, incrementLoginAttempts } from 'payload'

import { bilingual, label } from '@/utilities/labels'

import { spendPasswordCheckTime, type StoredPassword, verifyPassword } from './passwords'
import { consumeRateLimits } from './rateLimits'

const signInFailed = label('邮箱或密码不正确', 'The email or password is incorrect.')
const signInFailedText = {
  en: bilingual(signInFailed.zh, signInFailed.en),
  zh: bilingual(signInFailed.zh, signInFailed.en),
  'zh-TW': bilingual(signInFailed['zh-TW'], signInFailed.en),
}

/**
 * Payload's messages for a wrong password and for a locked account, made one and the same (config
 * `i18n.translations`), so an answer never tells whether an account exists or is locked.
 */
export const signInTranslations = Object.fromEntries(
  Object.entries(signInFailedText).map(([language, text]) => [
    language,
    { error: { emailOrPasswordIncorrect: text, userLocked: text } },
  ]),
)

const accountOf = (data: unknown): null | string => {
  const email = (data as { email?: unknown } | undefined)?.email
  return typeof email === 'string' && email.trim() ? email.trim().toLowerCase() : null
}

type LoginCandidate = StoredPassword & { id: number | string; lockUntil?: null | string; loginAttempts?: null | number }

const isLocked = (user: LoginCandidate) => Boolean(user.lockUntil && new Date(user.lockUntil).getTime() > Date.now())

/**
 * Payload answers a locked account with its own error (`LockedAuth`), both when it was locked before and on the
 * failed attempt that locks it. Both are answered here, first, as any wrong password is: same status, same
 * message, same time spent. Payload's lockout itself (maxLoginAttempts, lockTime) is unchanged.
 */
const refuseLockedOrUnknown = async (req: PayloadRequest, collection: SanitizedCollectionConfig, email: string, password: string) => {
  const user = await req.payload.db.findOne<LoginCandidate>({ collection: collection.slug, req, where: { email: { equals: email } } })
  if (!user || isLocked(user)) {
    await spendPasswordCheckTime(password)
    throw new AuthenticationError(req.t)
  }
  const { maxLoginAttempts } = collection.auth
  const lastAttemptBeforeLock = maxLoginAttempts > 0 && (user.loginAttempts ?? 0) + 1 >= maxLoginAttempts
  if (lastAttemptBeforeLock && !(await verifyPassword(user, password))) {
    await incrementLoginAttempts({ collection, payload: req.payload, user: user as never })
    throw new AuthenticationError(req.t)
  }
}

/** Sign-in and password-reset requests: counted against the limits first, then answered uniformly. */
export const guardSignIn: CollectionBeforeOperationHook<'users'> = async ({ args, collection, operation, req }) => {
  if (operation !== 'login' && operation !== 'forgotPassword') return args
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data
  const account = accountOf(data)
  await consumeRateLimits(req, operation, account)
  const password = data?.password
  if (operation === 'login' && account && typeof password === 'string' && password.trim()) {
    await refuseLockedOrUnknown(req, collection, account, password)
  }
  return args
}
