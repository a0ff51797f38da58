import type { CollectionBeforeOperationHook, CollectionSlug, Payload, Sort, Where } from 'payload'

import { badRequest } from '@/utilities/errors'

import { isAdmin } from './roles'

/** Sign-in secrets and counters of accounts: never a condition or an order for anyone but an admin. */
const AUTH_INTERNAL_FIELDS = new Set([
  '_verificationToken',
  '_verified',
  'apiKey',
  'apiKeyIndex',
  'enableAPIKey',
  'hash',
  'lockUntil',
  'loginAttempts',
  'resetPasswordExpiration',
  'resetPasswordToken',
  'salt',
  'sessions',
])

type FieldLike = { flattenedFields?: FieldLike[]; name?: string; relationTo?: string | string[]; type: string }

const fieldsOf = (payload: Payload, slug: string): FieldLike[] =>
  (payload.collections[slug as CollectionSlug]?.config.flattenedFields ?? []) as FieldLike[]

/** Does a path, read on these fields, step through a relationship into accounts (past their id)? */
const reachesUsers = (payload: Payload, fields: FieldLike[], segments: string[]): boolean => {
  const [head, ...rest] = segments
  const field = fields.find((candidate) => candidate.name === head)
  if (!field || rest.length === 0) return false
  if (field.type === 'relationship' || field.type === 'upload') {
    const polymorphic = Array.isArray(field.relationTo)
    if (polymorphic && rest[0] !== 'value') return false
    const inside = polymorphic ? rest.slice(1) : rest
    if (inside.length === 0 || (inside.length === 1 && inside[0] === 'id')) return false
    return [field.relationTo ?? []].flat().some((slug) => slug === 'users' || reachesUsers(payload, fieldsOf(payload, slug), inside))
  }
  return field.flattenedFields ? reachesUsers(payload, field.flattenedFields, rest) : false
}

/** Every field path a where names (and/or nested), as `__` or `.` separated segments. */
const wherePaths = (where: unknown): string[] =>
  where && typeof where === 'object'
    ? Object.entries(where as Where).flatMap(([key, value]) =>
        key === 'and' || key === 'or' ? (Array.isArray(value) ? value.flatMap(wherePaths) : []) : [key],
      )
    : []

const sortPaths = (sort: unknown): string[] =>
  (Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : [])
    .filter((entry): entry is string => typeof entry === 'string')
    .map((entry) => entry.trim().replace(/^-/, ''))

/** A versions query names the item's fields under `version.`, and the item itself as `parent`. */
const segmentsOf = (path: string): string[] => {
  const segments = path.replace(/__/g, '.').split('.')
  return segments[0] === 'version' ? segments.slice(1) : segments
}

const isHiddenPath = (payload: Payload, collection: CollectionSlug, path: string): boolean => {
  const segments = segmentsOf(path)
  if (collection === 'users' && AUTH_INTERNAL_FIELDS.has(segments[0]!)) return true
  const fields = fieldsOf(payload, collection)
  const isVersionParent = segments[0] === 'parent' && !fields.some((field) => field.name === 'parent')
  return reachesUsers(payload, fields, isVersionParent ? segments.slice(1) : segments)
}

/**
 * A filter or an order is an oracle: "lessons whose creator's email is x" tells whether x has an account.
 * Payload checks field read access along a path, but accounts' sign-in fields (sessions) slip through it and
 * an order ignores the row scope it adds. So, for everyone but admins, no where or sort may name accounts'
 * sign-in fields or step through a relationship into accounts (its id alone is the item's own field).
 */
export const refuseHiddenQueryPaths: CollectionBeforeOperationHook = ({ args, collection, overrideAccess, req }) => {
  if (overrideAccess || isAdmin(req.user)) return args
  const { sort, where } = args as { sort?: Sort; where?: Where }
  const hidden = [...wherePaths(where), ...sortPaths(sort)].find((path) => isHiddenPath(req.payload, collection.slug as CollectionSlug, path))
  if (hidden) {
    throw badRequest(`不能按您无权查看的字段筛选或排序：${hidden}`, `You may not filter or sort on a field you may not read: ${hidden}`)
  }
  return args
}
