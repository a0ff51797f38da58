import type { Payload } from 'payload'

import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { sha256OfBytes } from '../checksum'
import { DuplicateFileError, type DuplicateFileData } from '../hooks/duplicates'
import { type ImportRow, type Manifest, type ManifestDefaults, readManifest } from './manifest'
import { NameResolver } from './resolve'
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
  concurrency?: number
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

const COLLECTION_OF_KIND = { courseware: 'courseware', video: 'videos' } as const
const isUrl = (file: string): boolean => /^https?:\/\//i.test(file)
const rowKey = (row: ImportRow): string => `${row.kind}|${row.file}|${row.title}`

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const details = (error as { data?: { errors?: { message?: string; path?: string }[] } }).data?.errors
  const fieldErrors = details?.map((detail) => `${detail.path}: ${detail.message}`).join('; ')
  return fieldErrors ? `${error.message} (${fieldErrors})` : error.message
}

class Importer {
  private readonly resolver: NameResolver
  private readonly hashesInFlight = new Map<string, Promise<unknown>>()
  readonly failures: FailedRow[] = []
  readonly counts = { alreadyDone: 0, created: 0, existing: 0 }

  constructor(
    private readonly payload: Payload,
    private readonly manifest: Manifest,
    private readonly state: ImportState,
    private readonly options: ImportOptions,
  ) {
    this.resolver = new NameResolver(payload)
  }

  async process(row: ImportRow): Promise<void> {
    if (this.state.done.has(rowKey(row))) {
      this.counts.alreadyDone += 1
      return
    }
    try {
      const done = await this.importRow(row)
      this.counts[done.outcome] += 1
      await this.state.record(done)
    } catch (error) {
      this.failures.push({ error: describeError(error), file: row.file, row: row.row, title: row.title })
    }
  }

  private async importRow(row: ImportRow): Promise<DoneRecord> {
    if (!row.file) throw new Error('no file given (column "file") / 未指定文件')
    const data = await this.metadataOf(row)
    if (isUrl(row.file)) return this.importLink(row, data)
    const bytes = new Uint8Array(await readFile(path.resolve(this.manifest.baseDir, row.file)))
    const sha256 = await sha256OfBytes(bytes)
    return this.oncePerHash(sha256, () => this.importFile(row, data, bytes, sha256))
  }

  /** Two rows naming the same file run one after the other, so the second finds the first instead of racing it. */
  private async oncePerHash<T>(sha256: string, work: () => Promise<T>): Promise<T> {
    const previous = this.hashesInFlight.get(sha256) ?? Promise.resolve()
    const current = previous.then(work, work)
    this.hashesInFlight.set(sha256, current)
    try {
      return await current
    } finally {
      if (this.hashesInFlight.get(sha256) === current) this.hashesInFlight.delete(sha256)
    }
  }

  private async metadataOf(row: ImportRow): Promise<Record<string, unknown>> {
    const [jurisdiction, themes, lecturers] = await Promise.all([
      this.resolver.jurisdiction(row.jurisdiction),
      Promise.all(row.themes.map((name) => this.resolver.theme(name))),
      Promise.all(row.lecturers.map((name) => this.resolver.lecturer(name))),
    ])
    return {
      _status: row.kind === 'courseware' && this.options.draft ? 'draft' : 'published',
      audiences: row.audiences,
      jurisdiction,
      lecturers,
      themes,
      title: row.title,
      visibility: row.visibility,
    }
  }

  private async findExisting(collection: 'courseware' | 'videos', where: Record<string, unknown>): Promise<Id | undefined> {
    const { docs } = await this.payload.find({ collection, depth: 0, limit: 1, overrideAccess: true, pagination: false, select: {}, where: where as never })
    return docs[0]?.id
  }

  private async importFile(row: ImportRow, data: Record<string, unknown>, bytes: Uint8Array, sha256: string): Promise<DoneRecord> {
    const collection = COLLECTION_OF_KIND[row.kind]
    const existing = await this.findExisting(collection, { sha256: { equals: sha256 } })
    if (existing !== undefined) return { id: existing, key: rowKey(row), outcome: 'existing' }
    const file = { data: Buffer.from(bytes), mimetype: 'application/octet-stream', name: path.basename(row.file), size: bytes.length }
    try {
      const created = await this.payload.create({ collection, context: IMPORT_CONTEXT, data: data as never, depth: 0, draft: Boolean(this.options.draft), file, overrideAccess: true })
      return { id: created.id, key: rowKey(row), outcome: 'created' }
    } catch (error) {
      // Another process (an upload, a second import) stored the same file in the meantime.
      if (error instanceof DuplicateFileError) return { id: (error.data as DuplicateFileData).existingId!, key: rowKey(row), outcome: 'existing' }
      throw error
    }
  }

  private async importLink(row: ImportRow, data: Record<string, unknown>): Promise<DoneRecord> {
    if (row.kind !== 'video') throw new Error('only videos may be links; courseware needs a file / 课件须为文件，不能是链接')
    const existing = await this.findExisting('videos', { and: [{ externalUrl: { equals: row.file } }, { title: { equals: row.title } }] })
    if (existing !== undefined) return { id: existing, key: rowKey(row), outcome: 'existing' }
    const { _status: _unused, ...videoData } = data
    const created = await this.payload.create({ collection: 'videos', context: IMPORT_CONTEXT, data: { ...videoData, externalUrl: row.file } as never, depth: 0, overrideAccess: true })
    return { id: created.id, key: rowKey(row), outcome: 'created' }
  }
}

async function runPool(rows: ImportRow[], options: ImportOptions, work: (row: ImportRow) => Promise<void>, onDone: () => void): Promise<boolean> {
  let cursor = 0
  let interrupted = false
  const budget = options.limit ?? Number.POSITIVE_INFINITY
  const worker = async () => {
    while (cursor < rows.length) {
      if (options.signal?.aborted || cursor >= budget) {
        interrupted = true
        return
      }
      const row = rows[cursor++]!
      await work(row)
      onDone()
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker))
  return interrupted
}

/**
 * `npm run import`: imports a CSV manifest or a folder. Resumable and idempotent: finished rows are recorded in a
 * state file next to the manifest, and a file the library already holds (same SHA-256) is never stored twice.
 * Failed rows go to an error report (CSV) and are tried again on the next run.
 */
export async function runImport(payload: Payload, options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now()
  const manifest = await readManifest(options.source, options)
  const state = await ImportState.open(manifest.statePath)
  const importer = new Importer(payload, manifest, state, options)
  let processed = 0
  const interrupted = await runPool(manifest.rows, options, (row) => importer.process(row), () => {
    processed += 1
    options.onProgress?.({ failed: importer.failures.length, processed, total: manifest.rows.length })
  })
  await writeErrorReport(manifest.errorReportPath, importer.failures)
  return {
    ...importer.counts,
    elapsedMs: performance.now() - started,
    errorReportPath: manifest.errorReportPath,
    failed: importer.failures.length,
    interrupted,
    statePath: manifest.statePath,
    total: manifest.rows.length,
  }
}
