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

/** The collections a path, read on these fields, steps into through relationships (past their ids). */
const collectionsReached = (payload: Payload, fields: FieldLike[], segments: string[]): string[] => {
  const [head, ...rest] = segments
  const field = fields.find((candidate) => candidate.name === head)
  if (!field || rest.length === 0) return []
  if (field.type === 'relationship' || field.type === 'upload') {
    const polymorphic = Array.isArray(field.relationTo)
    if (polymorphic && rest[0] !== 'value') return []
    const inside = polymorphic ? rest.slice(1) : rest
    if (inside.length === 0 || (inside.length === 1 && inside[0] === 'id')) return []
    return [field.relationTo ?? []].flat().flatMap((slug) => [slug, ...collectionsReached(payload, fieldsOf(payload, slug), inside)])
  }
  return field.flattenedFields ? collectionsReached(payload, field.flattenedFields, rest) : []
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value)

/**
 * Every field path a where names, as `__` or `.` separated segments: inside and/or, and inside a nested where
 * (`{ lecturers: { contains: { name: … } } }` names `lecturers.name`).
 */
const wherePaths = (where: unknown): string[] =>
  isPlainObject(where)
    ? Object.entries(where).flatMap(([key, constraint]) => {
        if (key === 'and' || key === 'or') return Array.isArray(constraint) ? constraint.flatMap(wherePaths) : []
        const nested = isPlainObject(constraint) ? Object.values(constraint).filter(isPlainObject).flatMap(wherePaths) : []
        return [key, ...nested.map((path) => `${key}.${path}`)]
      })
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

/** What a path names: accounts' sign-in fields, and the collections it steps into. */
const describePath = (payload: Payload, collection: CollectionSlug, path: string) => {
  const segments = segmentsOf(path)
  const fields = fieldsOf(payload, collection)
  const isVersionParent = segments[0] === 'parent' && !fields.some((field) => field.name === 'parent')
  return {
    reached: collectionsReached(payload, fields, isVersionParent ? segments.slice(1) : segments),
    signInField: collection === 'users' && AUTH_INTERNAL_FIELDS.has(segments[0]!),
  }
}

const isHiddenFilter = (payload: Payload, collection: CollectionSlug, path: string): boolean => {
  const { reached, signInField } = describePath(payload, collection, path)
  return signInField || reached.includes('users')
}

const isHiddenOrder = (payload: Payload, collection: CollectionSlug, path: string): boolean => {
  const { reached, signInField } = describePath(payload, collection, path)
  return signInField || reached.length > 0
}

/**
 * A filter or an order is an oracle: "lessons whose creator's email is x" tells whether x has an account.
 * Payload checks field read access along a path and narrows a filter through a relationship to the related
 * documents the reader may read, but accounts' sign-in fields (sessions) slip through it, and an order keeps
 * no such narrowing. So, for everyone but admins: no filter names accounts' sign-in fields or steps into
 * accounts, and no order steps through a relationship at all (ordering by the relationship's own id is fine).
 */
export const refuseHiddenQueryPaths: CollectionBeforeOperationHook = ({ args, collection, overrideAccess, req }) => {
  if (overrideAccess || isAdmin(req.user)) return args
  const { sort, where } = args as { sort?: Sort; where?: Where }
  const slug = collection.slug as CollectionSlug
  const hidden =
    wherePaths(where).find((path) => isHiddenFilter(req.payload, slug, path)) ??
    sortPaths(sort).find((path) => isHiddenOrder(req.payload, slug, path))
  if (hidden) {
    throw badRequest(`不能按您无权查看的字段筛选或排序：${hidden}`, `You may not filter or sort on a field you may not read: ${hidden}`)
  }
  return args
}
