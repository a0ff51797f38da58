import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook, TextField } from 'payload'

import { pbkdf2, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

import { fieldError } from '@/utilities/errors'
import { label } from '@/utilities/labels'
import { sameId } from '@/utilities/relationId'

export const MIN_PASSWORD_LENGTH = 10

const pbkdf2Async = promisify(pbkdf2)

/**
 * Payload's stored password format (payload/dist/auth/strategies/local/generatePasswordSaltHash.js, 3.90):
 * current hashes carry a prefix and 600 000 rounds, older ones 25 000 rounds and 512 bytes.
 */
const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'
const hashParameters = (hash: string) =>
  hash.startsWith(CURRENT_PREFIX)
    ? { hex: hash.slice(CURRENT_PREFIX.length), iterations: 600_000, keyLength: 32 }
    : { hex: hash, iterations: 25_000, keyLength: 512 }

export type StoredPassword = { hash?: null | string; salt?: null | string }

/** Does this password match the stored hash? Constant time in the comparison. */
export const verifyPassword = async ({ hash, salt }: StoredPassword, password: string): Promise<boolean> => {
  if (typeof hash !== 'string' || typeof salt !== 'string') return false
  const { hex, iterations, keyLength } = hashParameters(hash)
  const computed = await pbkdf2Async(password, salt, iterations, keyLength, 'sha256')
  const stored = Buffer.from(hex, 'hex')
  return stored.length === computed.length && timingSafeEqual(stored, computed)
}

const UNUSED_HASH: StoredPassword = { hash: `${CURRENT_PREFIX}${'0'.repeat(64)}`, salt: '0'.repeat(64) }

/** As long as checking a real password, so an unknown or locked account answers as slowly as a wrong password. */
export const spendPasswordCheckTime = async (password: string): Promise<void> => {
  await verifyPassword(UNUSED_HASH, password)
}

/** Every way a password is set (create, update, reset by token) goes through one of these operations. */
const PASSWORD_OPERATIONS = new Set(['create', 'resetPassword', 'update'])

export const checkPasswordLength: CollectionBeforeOperationHook<'users'> = ({ args, operation, req }) => {
  const password: unknown = (args as { data?: { password?: unknown } }).data?.password
  if (PASSWORD_OPERATIONS.has(operation) && typeof password === 'string' && password.length < MIN_PASSWORD_LENGTH) {
    throw fieldError(
      req,
      'users',
      'password',
      `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符`,
      `A password needs at least ${MIN_PASSWORD_LENGTH} characters`,
    )
  }
  return args
}

/** Asked when you change your own email or password; checked by `requireCurrentPassword`, never stored. */
export const currentPasswordField: TextField = {
  name: 'currentPassword',
  type: 'text',
  admin: {
    components: { Field: { clientProps: { autoComplete: 'current-password' }, path: '@payloadcms/ui#PasswordField' } },
    condition: (data, _siblingData, { user }) => Boolean(user && data?.id && sameId(user.id, data.id)),
    description: label('修改自己的邮箱或密码时填写', 'Needed to change your own email or password'),
  },
  label: label('当前密码', 'Current password'),
  virtual: true,
}

const normalizedEmail = (email: unknown) => (typeof email === 'string' ? email.trim().toLowerCase() : null)

/**
 * A stolen session must not become a stolen account: changing one's own email or password needs the
 * current password.
 */
export const requireCurrentPassword: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  const given: unknown = data.currentPassword
  delete data.currentPassword
  if (operation !== 'update' || !req.user || !sameId(req.user.id, originalDoc?.id)) return data
  const changesEmail = data.email !== undefined && normalizedEmail(data.email) !== normalizedEmail(originalDoc?.email)
  const changesPassword = typeof data.password === 'string' && data.password !== ''
  if (!changesEmail && !changesPassword) return data
  const stored = await req.payload.db.findOne<StoredPassword & { id: number | string }>({ collection: collection.slug, req, where: { id: { equals: originalDoc.id } } })
  if (typeof given !== 'string' || !stored || !(await verifyPassword(stored, given))) {
    throw fieldError(
      req,
      collection.slug,
      'currentPassword',
      '修改自己的邮箱或密码需要填写正确的当前密码',
      'Changing your own email or password needs your correct current password',
    )
  }
  return data
}
