import type { CollectionAfterOperationHook, CollectionBeforeOperationHook, CollectionSlug, PayloadRequest, SanitizedCollectionConfig } from 'payload'

import { rm } from 'node:fs/promises'

import { freeStoredFileName } from '@/storage/storedFiles'

import { sha256OfBytes, sha256OfFile } from '../checksum'
import { toDisplayName, toStoredFileName } from '../filenames'
import type { UploadPolicyName } from '../policy'
import { sniffUpload, sniffUploadFile, type SniffResult } from '../sniff'
import { getCollectionPolicy } from './collectionPolicy'
import { assertNotDuplicate } from './duplicates'
import { assertMayWriteUpload } from './uploadAccess'

type UploadFile = NonNullable<PayloadRequest['file']>
type Data = Record<string, unknown>

export interface CheckUploadOptions {
  policy: UploadPolicyName
  /** Refuse a file whose SHA-256 the collection already holds (courseware, videos; not pictures). */
  dedupe: boolean
  /** Field that takes the display name when the uploader left it empty (`title`, `alt`). */
  nameField?: string
  /** Fields only this hook (with a file) or a job (with `context.trustedFileFacts`) may write. */
  derivedFields?: readonly string[]
  /** Values the derived fields take when a new file arrives (e.g. `extractionStatus: 'pending'`). */
  onNewFile?: Data
}

export interface UploadFacts {
  sniffed: SniffResult
  sha256: string
  displayName: string
}

/**
 * Type and hash of the upload. A large one arrives in a temp file (`useTempFiles`): it is sniffed and hashed
 * from disk, so a 2 GB video is never held in memory (only documents are read whole, as their checks need).
 */
export async function inspectUpload(file: UploadFile, policy: UploadPolicyName): Promise<UploadFacts> {
  const displayName = toDisplayName(file.name)
  if (file.tempFilePath && (!file.data || file.data.length === 0)) {
    const sniffed = await sniffUploadFile(file.tempFilePath, file.name, getCollectionPolicy(policy))
    return { displayName, sha256: await sha256OfFile(file.tempFilePath), sniffed }
  }
  const bytes = new Uint8Array(file.data)
  const sniffed = await sniffUpload(bytes, file.name, getCollectionPolicy(policy))
  return { displayName, sha256: await sha256OfBytes(bytes), sniffed }
}

const displayStem = (displayName: string): string => displayName.replace(/\.[^.]{1,8}$/, '') || displayName

/** The fields an accepted file sets on its document: display name (and title when empty), hash, `onNewFile` values. */
export function withFileFacts(data: Data, facts: UploadFacts, options: CheckUploadOptions): Data {
  const named = options.nameField && !data[options.nameField] ? { [options.nameField]: displayStem(facts.displayName) } : {}
  return { ...data, ...named, ...options.onNewFile, originalFilename: facts.displayName, sha256: facts.sha256 }
}

function withoutDerivedFields(data: Data, options: CheckUploadOptions): Data {
  const kept = { ...data }
  for (const field of ['originalFilename', 'sha256', ...(options.derivedFields ?? [])]) delete kept[field]
  return kept
}

const isWrite = (operation: string): boolean => operation === 'create' || operation === 'update'

/** The safe name Payload is handed for storing an accepted file. */
export const storedFileNameOf = (originalName: string, facts: UploadFacts): string =>
  toStoredFileName(originalName, { ext: facts.sniffed.ext, sha256: facts.sha256 })

const UPLOAD_TEMP_FILE = 'uploadTempFile'

/**
 * Removes the upload's temp file once the write is done. Payload removes it only while `req.file` still names it,
 * and the Local API writes our hooks make with the same `req` (jobs, search outbox rows) reset `req.file`, which
 * left every accepted upload's temp file behind. (A refused upload's is removed by Payload, before those writes.)
 */
export const removeUploadTempFile =
  <S extends CollectionSlug>(): CollectionAfterOperationHook<S> =>
  async ({ operation, req, result }) => {
    // Only the write the file came with: the upload check's own reads (the duplicate check) share the request.
    if (!['create', 'update', 'updateByID'].includes(operation)) return result
    const tempFile = req.context[UPLOAD_TEMP_FILE]
    if (typeof tempFile !== 'string') return result
    delete req.context[UPLOAD_TEMP_FILE]
    await rm(tempFile, { force: true })
    return result
  }

const optionsOfHook = new WeakMap<object, CheckUploadOptions>()

/** The options a collection's upload check was configured with (the bulk importer applies the same ones). */
export const getCheckUploadOptions = (collection: SanitizedCollectionConfig): CheckUploadOptions | undefined =>
  (collection.hooks.beforeOperation ?? []).map((hook) => optionsOfHook.get(hook)).find((options) => options !== undefined)

/**
 * Runs before Payload touches the file (REST, admin and Local API alike): decides the type from the content,
 * refuses bad or duplicate files with a 4xx before anything is written, records the display name and hash,
 * and hands Payload a safe stored name (Payload still adds `-1` on a collision).
 */
export const checkUpload = <S extends CollectionSlug>(options: CheckUploadOptions): CollectionBeforeOperationHook<S> => {
  const hook: CollectionBeforeOperationHook<S> = async ({ args, collection, operation, overrideAccess, req }) => {
    if (!isWrite(operation)) return args
    const writeArgs = args as { data?: Data; id?: number | string }
    const data = writeArgs.data ?? {}
    const file = req.file
    if (!file) {
      writeArgs.data = req.context.trustedFileFacts ? data : withoutDerivedFields(data, options)
      return args
    }
    if (file.tempFilePath) req.context[UPLOAD_TEMP_FILE] = file.tempFilePath
    if (!overrideAccess) await assertMayWriteUpload(req, collection, { data, id: writeArgs.id, operation: operation as 'create' | 'update' })
    const facts = await inspectUpload(file, options.policy)
    if (options.dedupe) await assertNotDuplicate(req, collection.slug as CollectionSlug, facts.sha256, writeArgs.id)
    req.file = { ...file, mimetype: facts.sniffed.mime, name: await freeStoredFileName(req.payload, collection.slug as CollectionSlug, storedFileNameOf(file.name, facts)) }
    writeArgs.data = withFileFacts(data, facts, options)
    return args
  }
  optionsOfHook.set(hook, options)
  return hook
}
