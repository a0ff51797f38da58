import type { Payload, PayloadRequest } from 'payload'

import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { createLocalReq, ValidationError } from 'payload'

import { sha256OfBytes } from '../checksum'
import { duplicateAfterWriteError } from '../hooks/duplicateRace'
import { COLLECTION_OF_KIND, type FileCandidate, type Inspection, RowInspector } from './inspect'
import { type ImportRow, type Manifest, type ManifestDefaults, readManifest } from './manifest'
import { NameResolver } from './resolve'
import { BatchStore, rowKey } from './store'
import { type DoneRecord, type FailedRow, ImportState, writeErrorReport } from './state'

type Id = number | string

export interface ImportProgress {
  processed: number
  total: number
  failed: number
}

export interface ImportOptions extends ManifestDefaults {
  /** A CSV manifest or a folder. */
  source: string
  /** Files read and checked at the same time. */
  concurrency?: number
  /** Rows stored together (one transaction). */
  batchSize?: number
  /** A batch stops taking rows once it holds this many bytes of file content (default 128 MiB). */
  maxBatchBytes?: number
  /** Stop after this many rows in this run (a deliberate interruption, for tests and trial runs). */
  limit?: number
  signal?: AbortSignal
  draft?: boolean
  onProgress?: (progress: ImportProgress) => void
}

export interface ImportSummary {
  total: number
  created: number
  existing: number
  alreadyDone: number
  failed: number
  interrupted: boolean
  elapsedMs: number
  statePath: string
  errorReportPath: string
}

/** Marks the writes of a bulk import, so hooks can tell them from a person's upload. */
export const IMPORT_CONTEXT = { bulkImport: true, deferSearchDrain: true } as const

export const DEFAULT_BATCH_SIZE = 200
export const DEFAULT_CONCURRENCY = 8
const DEFAULT_MAX_BATCH_BYTES = 128 * 1024 * 1024

/** One line of the error report: Payload's validation errors name each field; everything else carries its own message. */
export function describeError(error: unknown): string {
  if (error instanceof ValidationError) {
    const fields = error.data.errors.map((detail) => `${detail.path}: ${detail.message}`).join('; ')
    return `数据校验未通过 / validation failed: ${fields}`
  }
  if (!(error instanceof Error)) return String(error)
  const details = (error as { data?: { errors?: { message?: string; path?: string }[] } }).data?.errors
  const fieldErrors = details?.map((detail) => `${detail.path}: ${detail.message}`).join('; ')
  return fieldErrors ? `${error.message} (${fieldErrors})` : error.message
}

type Inspected = { error: unknown; row: ImportRow } | { inspection: Inspection; row: ImportRow }

const heldBytes = (inspected: Inspected): number => ('inspection' in inspected && inspected.inspection.kind === 'file' ? inspected.inspection.candidate.bytes.length : 0)

/**
 * Inspects rows from the front of `rows` with `concurrency` readers until all are taken or the batch holds
 * `maxBytes` of file content; returns the results of the rows taken, in manifest order.
 */
async function inspectBatch(rows: readonly ImportRow[], inspect: (row: ImportRow) => Promise<Inspected>, concurrency: number, maxBytes: number): Promise<Inspected[]> {
  const results: Inspected[] = []
  let next = 0
  let held = 0
  const reader = async () => {
    while (next < rows.length && held < maxBytes) {
      const index = next++
      const result = await inspect(rows[index]!)
      held += heldBytes(result)
      results[index] = result
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, reader))
  return results
}

class Importer {
  private readonly inspector: RowInspector
  private readonly store: BatchStore
  readonly failures: FailedRow[] = []
  readonly counts = { alreadyDone: 0, created: 0, existing: 0 }

  constructor(
    private readonly payload: Payload,
    req: PayloadRequest,
    private readonly manifest: Manifest,
    private readonly state: ImportState,
    private readonly options: ImportOptions,
  ) {
    this.inspector = new RowInspector(payload, new NameResolver(payload), manifest.baseDir, Boolean(options.draft))
    this.store = new BatchStore(payload, req, Boolean(options.draft))
  }

  isDone(row: ImportRow): boolean {
    return this.state.done.has(rowKey(row))
  }

  /** Imports rows that are not done yet; returns how many it took (a batch may stop early at its byte budget). */
  async importBatch(rows: readonly ImportRow[]): Promise<number> {
    const inspected = await inspectBatch(rows, (row) => this.inspect(row), this.options.concurrency ?? DEFAULT_CONCURRENCY, this.options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES)
    const done: DoneRecord[] = []
    const viaPayload: { metadata: Record<string, unknown>; row: ImportRow }[] = []
    const candidates: FileCandidate[] = []
    for (const item of inspected) {
      if ('error' in item) this.fail(item.row, item.error)
      else if (item.inspection.kind === 'file') candidates.push(item.inspection.candidate)
      else viaPayload.push(item.inspection)
    }
    for (const outcome of await this.store.store(candidates)) {
      if ('done' in outcome) done.push(outcome.done)
      else if ('error' in outcome) this.fail(outcome.row, outcome.error)
      else viaPayload.push({ metadata: outcome.candidate.metadata, row: outcome.row })
    }
    for (const { metadata, row } of viaPayload) {
      try {
        done.push(await this.importViaPayload(row, metadata))
      } catch (error) {
        this.fail(row, error)
      }
    }
    for (const record of done) this.counts[record.outcome] += 1
    await this.state.recordAll(done)
    return inspected.length
  }

  private async inspect(row: ImportRow): Promise<Inspected> {
    try {
      return { inspection: await this.inspector.inspect(row), row }
    } catch (error) {
      return { error, row }
    }
  }

  private fail(row: ImportRow, error: unknown): void {
    this.failures.push({ error: describeError(error), file: row.file, row: row.row, title: row.title })
  }

  private async findExisting(collection: 'courseware' | 'videos', where: Record<string, unknown>): Promise<Id | undefined> {
    const { docs } = await this.payload.find({ collection, depth: 0, limit: 1, overrideAccess: true, pagination: false, select: {}, where: where as never })
    return docs[0]?.id
  }

  /** Links, pictures and name clashes: one `payload.create` each, with every hook, as an upload would be. */
  private async importViaPayload(row: ImportRow, metadata: Record<string, unknown>): Promise<DoneRecord> {
    const key = rowKey(row)
    // A request of its own per write: hooks note things in its context (which stored file a refused write left).
    const req = await createLocalReq({ context: { ...IMPORT_CONTEXT } }, this.payload)
    if (/^https?:\/\//i.test(row.file)) {
      const existing = await this.findExisting('videos', { and: [{ externalUrl: { equals: row.file } }, { title: { equals: row.title } }] })
      if (existing !== undefined) return { id: existing, key, outcome: 'existing' }
      const created = await this.payload.create({ collection: 'videos', data: { ...metadata, externalUrl: row.file } as never, depth: 0, overrideAccess: true, req })
      return { id: created.id, key, outcome: 'created' }
    }
    const collection = COLLECTION_OF_KIND[row.kind]
    const bytes = new Uint8Array(await readFile(path.resolve(this.manifest.baseDir, row.file)))
    const sameFile = { sha256: { equals: await sha256OfBytes(bytes) } }
    const existing = await this.findExisting(collection, sameFile)
    if (existing !== undefined) return { id: existing, key, outcome: 'existing' }
    const file = { data: Buffer.from(bytes), mimetype: 'application/octet-stream', name: path.basename(row.file), size: bytes.length }
    try {
      const created = await this.payload.create({ collection, data: metadata as never, depth: 0, draft: Boolean(this.options.draft), file, overrideAccess: true, req })
      return { id: created.id, key, outcome: 'created' }
    } catch (error) {
      // Another process (an upload, a second import) stored the same file in the meantime; its stray file goes.
      const duplicate = await duplicateAfterWriteError({ collection, error, payload: this.payload, req, sha256: sameFile.sha256.equals })
      const existingId = duplicate?.data.existingId ?? (duplicate ? await this.findExisting(collection, sameFile) : undefined)
      if (existingId !== undefined) return { id: existingId, key, outcome: 'existing' }
      throw error
    }
  }
}

/**
 * `npm run import`: imports a CSV manifest or a folder, in batches written with a few statements each
 * (src/database/bulkInsert.ts). Every file passes the same content checks as an upload, and each stored item is
 * what `payload.create` would have stored: a version, its extraction job, its search-outbox row.
 * Resumable and idempotent: finished rows are recorded in a state file next to the manifest, and a file the
 * library already holds (same SHA-256) is never stored twice. Failed rows go to an error report (CSV) and are
 * tried again on the next run.
 */
function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} 须为正整数 / --${name} must be a positive whole number (got ${value})`)
  return value
}

export async function runImport(payload: Payload, options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now()
  const batchSize = positiveInteger('batch', options.batchSize, DEFAULT_BATCH_SIZE)
  const concurrency = positiveInteger('concurrency', options.concurrency, DEFAULT_CONCURRENCY)
  const limit = options.limit === undefined ? undefined : positiveInteger('limit', options.limit, 0)
  const maxBatchBytes = positiveInteger('max-batch-bytes', options.maxBatchBytes, DEFAULT_MAX_BATCH_BYTES)
  const manifest = await readManifest(options.source, options)
  const state = await ImportState.open(manifest.statePath)
  const req = await createLocalReq({ context: { ...IMPORT_CONTEXT } }, payload)
  const importer = new Importer(payload, req, manifest, state, { ...options, concurrency, maxBatchBytes })
  const rows = manifest.rows
  const budget = Math.min(rows.length, limit ?? Number.POSITIVE_INFINITY)
  let cursor = 0
  let processed = 0
  while (cursor < budget && !options.signal?.aborted) {
    // Rows done in an earlier run are skipped without being read.
    const pending: number[] = []
    for (let scan = cursor; scan < budget && pending.length < batchSize; scan++) if (!importer.isDone(rows[scan]!)) pending.push(scan)
    const taken = pending.length ? await importer.importBatch(pending.map((index) => rows[index]!)) : 0
    // A batch may stop early at its byte budget; the rows it did not take come first in the next one.
    const next = taken < pending.length ? pending[taken]! : pending.length < batchSize ? budget : pending[pending.length - 1]! + 1
    importer.counts.alreadyDone += next - cursor - taken
    for (; cursor < next; cursor++) {
      processed += 1
      options.onProgress?.({ failed: importer.failures.length, processed, total: rows.length })
    }
  }
  await writeErrorReport(manifest.errorReportPath, importer.failures)
  return {
    ...importer.counts,
    elapsedMs: performance.now() - started,
    errorReportPath: manifest.errorReportPath,
    failed: importer.failures.length,
    interrupted: cursor < rows.length,
    statePath: manifest.statePath,
    total: rows.length,
  }
}
