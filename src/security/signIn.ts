import type { CollectionBeforeOperationHook, PayloadRequest, SanitizedCollectionConfig } from 'payload'

import { AuthenticationError } from 'payload'

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
 * Payload's lockout, counted here: an expired lock starts the count again, the last allowed failure locks the
 * account for `lockTime`. (Payload's own counter reads its update back with a projection, which FerretDB v1's
 * findAndModify refuses, so a wrong password answered 500 there.)
 */
const countFailedAttempt = async (req: PayloadRequest, collection: SanitizedCollectionConfig, user: LoginCandidate) => {
  const { lockTime, maxLoginAttempts } = collection.auth
  if (!(maxLoginAttempts > 0)) return
  const restart = Boolean(user.lockUntil) && !isLocked(user)
  const attempts = restart ? 1 : (user.loginAttempts ?? 0) + 1
  const lockUntil = attempts >= maxLoginAttempts ? new Date(Date.now() + lockTime).toISOString() : restart ? null : undefined
  await req.payload.db.updateOne({
    id: user.id,
    collection: collection.slug,
    data: { loginAttempts: restart ? 1 : { $inc: 1 }, ...(lockUntil === undefined ? {} : { lockUntil }) },
    returning: false,
  })
}

/**
 * Unknown accounts, locked accounts and wrong passwords are answered here, before Payload's login, all alike:
 * same status, same message, same time spent (Payload answers a locked account with its own `LockedAuth`).
 * Only the right password for an unlocked account goes on to Payload's login.
 */
const refuseFailedSignIn = async (req: PayloadRequest, collection: SanitizedCollectionConfig, email: string, password: string) => {
  const user = await req.payload.db.findOne<LoginCandidate>({ collection: collection.slug, req, where: { email: { equals: email } } })
  if (!user || isLocked(user)) {
    await spendPasswordCheckTime(password)
    throw new AuthenticationError(req.t)
  }
  if (!(await verifyPassword(user, password))) {
    await countFailedAttempt(req, collection, user)
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
    await refuseFailedSignIn(req, collection, account, password)
  }
  return args
}
