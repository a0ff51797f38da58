import type { AfterErrorHook, CollectionBeforeOperationHook, CollectionBeforeValidateHook, CollectionConfig, PayloadRequest } from 'payload'

import { APIError, ValidationError } from 'payload'

import { bilingual } from '@/utilities/labels'

/** Whether an id can name a document at all: digits on SQLite, a 24-hex-digit ObjectId on MongoDB. */
export const isWellFormedId = (id: unknown, idType: 'number' | 'text'): boolean => {
  if (typeof id === 'number') return idType === 'number' && Number.isSafeInteger(id) && id > 0
  if (typeof id !== 'string') return false
  return idType === 'number' ? /^[1-9]\d{0,15}$/.test(id) : /^[0-9a-f]{24}$/i.test(id)
}

/**
 * A malformed id (`/api/lessons/abc`) is a 400 before the database sees it; SQLite would fail the query
 * with a 500 and MongoDB would fail to cast it.
 */
export const refuseMalformedId: CollectionBeforeOperationHook = ({ args, req }) => {
  const { id } = args as { id?: unknown }
  if (id === undefined || id === null) return args
  // REST turns the path's id into a number with parseFloat (`abc` → NaN, `12abc` → 12): judge what was sent.
  const sent = typeof req.routeParams?.id === 'string' ? req.routeParams.id : id
  if (!isWellFormedId(sent, req.payload.db.defaultIDType as 'number' | 'text')) {
    const shown = String(sent).slice(0, 40)
    throw new APIError(bilingual(`编号格式不正确：${shown}`, `Malformed id: ${shown}`), 400, null, true)
  }
  return args
}

/** The path (`stops.2.topic`) of the first string holding a NUL character, searched without recursion. */
export function findNulCharacter(value: unknown): string | undefined {
  const stack: Array<[unknown, string]> = [[value, '']]
  while (stack.length > 0) {
    const [current, path] = stack.pop()!
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return path
    } else if (current && typeof current === 'object' && !ArrayBuffer.isView(current)) {
      for (const [key, child] of Object.entries(current)) stack.push([child, path ? `${path}.${key}` : key])
    }
  }
  return undefined
}

/**
 * A NUL character in any text is refused with a 400 naming the field: SQLite would silently cut the text at it
 * and MongoDB would keep a value other tools choke on.
 */
export const refuseNulCharacters: CollectionBeforeValidateHook = ({ collection, data, req }) => {
  const path = findNulCharacter(data)
  if (path === undefined) return data
  throw new ValidationError({
    collection: collection.slug,
    errors: [{ message: bilingual('内容含有不允许的空字符（\\u0000）', 'The text contains a NUL character (\\u0000), which is not allowed'), path }],
    req: req as PayloadRequest,
  })
}

/**
 * What the multipart parser (busboy) throws for a body that is not well-formed multipart, and what Payload
 * throws (as a 500) for a multipart content type without a boundary.
 */
const MALFORMED_MULTIPART =
  /^(Unexpected end of (form|file)|Malformed part header|Malformed content type|Multipart: Boundary not found|Request is not eligible for file upload)$/

/**
 * A root `afterError` hook: a broken multipart body (cut off, no boundary) is the sender's fault, a bilingual
 * 400 instead of Payload's 500, which it gives to any error without a status.
 */
export const answerMalformedMultipart: AfterErrorHook = ({ error }) => {
  const status = (error as { status?: number }).status
  if ((status && status !== 500) || !MALFORMED_MULTIPART.test(error.message)) return
  return {
    response: { errors: [{ message: bilingual('上传内容格式不正确（multipart 数据不完整或缺少分隔符）', `Malformed multipart body: ${error.message}`) }] },
    status: 400,
  }
}

/** Adds the input guards every collection shares (malformed ids, NUL characters) to a collection. */
export const addInputGuards = (config: CollectionConfig): CollectionConfig => ({
  ...config,
  hooks: {
    ...config.hooks,
    beforeOperation: [refuseMalformedId, ...(config.hooks?.beforeOperation ?? [])],
    beforeValidate: [refuseNulCharacters, ...(config.hooks?.beforeValidate ?? [])],
  },
})
