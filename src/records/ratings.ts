import type { CollectionBeforeDeleteHook, Payload } from 'payload'

import { randomBytes } from 'node:crypto'
import { ValidationError } from 'payload'

import type { TrainingSession } from '@/payload-types'

import { uniqueIndexReady } from '@/utilities/indexReady'
import { apiError } from '@/utilities/errors'
import { relationId } from '@/utilities/relationId'

/**
 * Satisfaction ratings: each attendee gets a slip whose QR code opens /rate/<code>; a code casts one rating. The
 * vote is claimed by inserting the rating under a unique index on its code (no transactions needed), so a code
 * pressed twice, or on two phones at once, counts once. Ratings carry no person, and lecturers never read them.
 */
export const CODES = 'rating-codes'
export const RATINGS = 'ratings'
export const MAX_CODES_PER_REQUEST = 500
const COMMENT_MAX = 500

// No 0/O, 1/I/L: codes may be typed from a printed slip.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const CODE_LENGTH = 10

export const newCode = (): string => Array.from(randomBytes(CODE_LENGTH), (byte) => ALPHABET[byte % ALPHABET.length]).join('')

export const ratingPath = (code: string): string => `/rate/${code}`


const CODE_SHAPE = new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`)
export const normalizeCode = (value: unknown): null | string => {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : ''
  return CODE_SHAPE.test(code) ? code : null
}

/** Issues `count` fresh codes for a session. */
export const issueCodes = async (payload: Payload, sessionId: number | string, count: number): Promise<string[]> => {
  if (!Number.isInteger(count) || count < 1 || count > MAX_CODES_PER_REQUEST) {
    throw apiError(400, `一次可生成 1–${MAX_CODES_PER_REQUEST} 个评价码`, `Issue between 1 and ${MAX_CODES_PER_REQUEST} codes at a time`, 'bad_count')
  }
  const codes: string[] = []
  await uniqueIndexReady(payload, CODES)
  for (let draws = 0; codes.length < count; draws++) {
    const code = newCode()
    try {
      await payload.create({ collection: CODES, data: { code, session: sessionId as never }, depth: 0 })
      codes.push(code)
    } catch (error) {
      // A clash of two random codes (50 bits each: rare): draw again, a few times at most.
      if (!(error instanceof ValidationError) || draws > count + 10) throw error
    }
  }
  return codes
}

export type CodeView = { session: Pick<TrainingSession, 'id' | 'placeText' | 'startsAt' | 'title'>; used: boolean }

const findCode = async (payload: Payload, value: unknown) => {
  const code = normalizeCode(value)
  const found = code
    ? await payload.find({ collection: CODES, depth: 0, limit: 1, pagination: false, where: { code: { equals: code } } })
    : null
  const row = found?.docs[0]
  if (!row || !code) throw apiError(404, '评价码无效，请核对纸条上的码', 'This rating code does not exist; check the slip', 'unknown_code')
  return { code, row }
}

/** What a rating page shows for a code: the session's title, time and place, and whether the code was used. */
export const describeCode = async (payload: Payload, value: unknown): Promise<CodeView> => {
  const { row } = await findCode(payload, value)
  const session = await payload.findByID({ id: relationId(row.session)!, collection: 'training-sessions', depth: 0 })
  return { session: { id: session.id, placeText: session.placeText, startsAt: session.startsAt, title: session.title }, used: Boolean(row.usedAt) }
}

const checkScore = (score: unknown): number => {
  const value = typeof score === 'string' ? Number(score) : score
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) {
    throw apiError(400, '请打 1 到 5 分', 'Give a score from 1 to 5', 'bad_score')
  }
  return value
}

const cleanComment = (comment: unknown): string | undefined => {
  if (comment == null || comment === '') return undefined
  if (typeof comment !== 'string') throw apiError(400, '意见应为文字', 'The comment must be text', 'bad_comment')
  // eslint-disable-next-line no-control-regex
  const text = comment.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').trim()
  if (text.length > COMMENT_MAX) throw apiError(400, `意见不超过 ${COMMENT_MAX} 字`, `Keep the comment under ${COMMENT_MAX} characters`, 'comment_too_long')
  return text || undefined
}

const alreadyUsed = () => apiError(409, '此评价码已使用过，感谢您的评价', 'This code has already been used; thank you for rating', 'code_used')

/** Keeps the session's count and average equal to its ratings. */
export const refreshRatingSummary = async (payload: Payload, sessionId: number | string): Promise<void> => {
  const { docs } = await payload.find({ collection: RATINGS, depth: 0, pagination: false, select: { score: true }, where: { session: { equals: sessionId } } })
  const total = docs.reduce((sum, doc) => sum + doc.score, 0)
  await payload.update({
    id: sessionId,
    collection: 'training-sessions',
    data: { ratingAverage: docs.length ? Math.round((total / docs.length) * 100) / 100 : null, ratingCount: docs.length },
    depth: 0,
  })
}

/** Casts the one rating a code allows. */
export const submitRating = async (payload: Payload, value: unknown, input: { comment?: unknown; score?: unknown }): Promise<void> => {
  const score = checkScore(input.score)
  const comment = cleanComment(input.comment)
  const { code, row } = await findCode(payload, value)
  if (row.usedAt) throw alreadyUsed()
  const session = relationId(row.session)!
  await uniqueIndexReady(payload, RATINGS)
  try {
    await payload.create({ collection: RATINGS, data: { code, comment, score, session: session as never }, depth: 0 })
  } catch (error) {
    // The unique index on `code` refused a second vote (worded differently by each database): look, don't parse.
    if (!(error instanceof ValidationError)) throw error
    const taken = await payload.count({ collection: RATINGS, where: { code: { equals: code } } })
    if (taken.totalDocs > 0) throw alreadyUsed()
    throw error
  }
  await payload.update({ id: row.id, collection: CODES, data: { usedAt: new Date().toISOString() }, depth: 0 })
  await refreshRatingSummary(payload, session)
}

/** A deleted session takes its codes and ratings with it (first: they refer to it). */
export const removeSessionRatings: CollectionBeforeDeleteHook = async ({ id, req }) => {
  for (const collection of [RATINGS, CODES] as const) await req.payload.delete({ collection, req, where: { session: { equals: id } } })
}
