import type { Payload } from 'payload'

import { ValidationError } from 'payload'

import { apiError } from '@/utilities/errors'
import { uniqueIndexReady } from '@/utilities/indexReady'

const LOCKS = 'request-locks'
const WAIT_MS = 50
const ATTEMPTS = 60
/** A lock older than this was left by a process that died mid-move. */
const STALE_MS = 30_000

const takeLock = async (payload: Payload, key: string): Promise<(number | string) | null> => {
  try {
    return (await payload.create({ collection: LOCKS, data: { key }, depth: 0 })).id
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    const held = await payload.find({ collection: LOCKS, depth: 0, limit: 1, pagination: false, where: { key: { equals: key } } })
    const lock = held.docs[0]
    if (lock && Date.now() - Date.parse(lock.createdAt) > STALE_MS) await payload.delete({ id: lock.id, collection: LOCKS })
    return null
  }
}

/**
 * Runs `work` while holding the request's lock row (unique `key`, no transactions needed): a move reads the request,
 * decides and writes it, and two moves on one request (two lecturers answering at once) must not overwrite each other.
 */
export const withRequestLock = async <T>(payload: Payload, requestId: number | string, work: () => Promise<T>): Promise<T> => {
  await uniqueIndexReady(payload, LOCKS)
  const key = String(requestId)
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const lockId = await takeLock(payload, key)
    if (lockId === null) {
      await new Promise((resolve) => setTimeout(resolve, WAIT_MS + Math.random() * WAIT_MS))
      continue
    }
    try {
      return await work()
    } finally {
      await payload.delete({ id: lockId, collection: LOCKS })
    }
  }
  throw apiError(409, '该申请正在办理中，请稍后再试', 'This request is being handled; please try again', 'request_busy')
}
