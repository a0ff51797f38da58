import type { CollectionAfterErrorHook, CollectionBeforeChangeHook, CollectionSlug, Payload, PayloadRequest } from 'payload'

import { createLocalReq, formatErrors, ValidationError } from 'payload'

import { removeStoredFile } from '@/storage/storedFiles'

import { describeDuplicate, DuplicateFileError, findFileBySha256 } from './duplicates'

/**
 * Two uploads of one file that arrive together both pass checkUpload's look-up before either is written. The
 * unique index on `sha256` (courseware, videos) lets only one row in; the other write fails inside the database
 * adapter, which Payload reports as a ValidationError (SQLite: on `sha256` or on `filename`, when both uploads
 * picked the same stored name; MongoDB: on the index's field; FerretDB: with no field at all). Rather than parse
 * those, the loser looks for the row that won and, when there is one, answers as checkUpload would have: 409 with
 * the existing item. It also removes the file Payload wrote for it just before the failed insert (local disk; the S3
 * plugin uploads only after the insert, so there the removal finds nothing).
 */

interface PendingUpload {
  collection: string
  sha256: string
  /** The name Payload chose for the stored file (after its own `-1` suffixes). */
  filename: string
  id?: number | string
}

const PENDING_KEY = 'pendingUpload'

/** beforeChange runs after Payload chose the stored name and before it writes the file: note what is coming. */
export const rememberPendingUpload: CollectionBeforeChangeHook = ({ collection, data, originalDoc, req }) => {
  if (req.file && typeof data.sha256 === 'string' && typeof data.filename === 'string') {
    const pending: PendingUpload = { collection: collection.slug, filename: data.filename, id: originalDoc?.id, sha256: data.sha256 }
    req.context[PENDING_KEY] = pending
  }
  return data
}

const pendingUploadOf = (req: PayloadRequest, collection: string): PendingUpload | undefined => {
  const pending = req.context?.[PENDING_KEY] as PendingUpload | undefined
  return pending?.collection === collection ? pending : undefined
}

const LOOKUPS = 10
const LOOKUP_PAUSE_MS = 50

/** The winner may still be committing when the loser's insert fails: look a few times. */
async function findWinner(req: PayloadRequest, collection: CollectionSlug, pending: PendingUpload) {
  for (let attempt = 0; attempt < LOOKUPS; attempt++) {
    const existing = await findFileBySha256(req, collection, pending.sha256, pending.id)
    if (existing) return existing
    await new Promise((resolve) => setTimeout(resolve, LOOKUP_PAUSE_MS))
  }
  return undefined
}

async function isReferenced(req: PayloadRequest, collection: CollectionSlug, filename: string): Promise<boolean> {
  const where = { filename: { equals: filename } }
  const drafts = Boolean(req.payload.collections[collection]?.config.versions)
  for (const draft of drafts ? [false, true] : [false]) {
    const { totalDocs } = await req.payload.count({ collection, overrideAccess: true, where, ...(draft ? { draft } : {}) } as never)
    if (totalDocs > 0) return true
  }
  return false
}

/** Removes the file Payload wrote for the refused upload, unless it is the winner's own (same name, same bytes). */
async function removeLoserFile(req: PayloadRequest, collection: CollectionSlug, pending: PendingUpload, winnerFilename: null | string | undefined) {
  if (pending.filename === winnerFilename || (await isReferenced(req, collection, pending.filename))) return
  await removeStoredFile(req.payload, collection, { filename: pending.filename }).catch((error: unknown) => {
    req.payload.logger.warn({ err: error, msg: `could not remove ${pending.filename} after a refused duplicate upload` })
  })
}

/** The 409 a refused simultaneous duplicate stands for, once the winner is found; the loser's file goes. */
async function resolveRace(req: PayloadRequest, collection: CollectionSlug, pending: PendingUpload): Promise<DuplicateFileError | undefined> {
  const existing = await findWinner(req, collection, pending)
  if (!existing) return undefined
  if (pending.filename) await removeLoserFile(req, collection, pending, existing.filename)
  return new DuplicateFileError(await describeDuplicate(req, collection, existing))
}

export interface WriteFailure {
  payload: Payload
  collection: CollectionSlug
  /** SHA-256 of the file that was being written. */
  sha256: string
  error: unknown
  /**
   * The `req` given to the failed `payload.create`/`update` (e.g. from `createLocalReq`): it notes which stored
   * file the refused write left behind, so that file is removed. Without it the file stays.
   */
  req?: PayloadRequest
  /** The item being updated, when the write was an update. */
  excludeId?: number | string
}

/**
 * For writes through the Local API, where afterError hooks do not run (bulk import, scripts): the
 * DuplicateFileError a failed write of a file stands for, or undefined when the failure was something else.
 */
export async function duplicateAfterWriteError(failure: WriteFailure): Promise<DuplicateFileError | undefined> {
  if (failure.error instanceof DuplicateFileError) return failure.error
  if (!(failure.error instanceof ValidationError)) return undefined
  const req = failure.req ?? (await createLocalReq({}, failure.payload))
  const noted = failure.req ? pendingUploadOf(failure.req, failure.collection) : undefined
  const pending: PendingUpload =
    noted?.sha256 === failure.sha256 ? noted : { collection: failure.collection, filename: '', id: failure.excludeId, sha256: failure.sha256 }
  return resolveRace(req, failure.collection, pending)
}

/** REST and admin: turns the unique-index refusal of a simultaneous duplicate into the usual 409. */
export const answerDuplicateRace: CollectionAfterErrorHook = async ({ collection, error, req }) => {
  if (!(error instanceof ValidationError)) return
  const slug = collection.slug as CollectionSlug
  const pending = pendingUploadOf(req, slug)
  if (!pending) return
  const duplicate = await resolveRace(req, slug, pending)
  if (!duplicate) return
  return { response: formatErrors(duplicate as unknown as Parameters<typeof formatErrors>[0]), status: duplicate.status }
}
