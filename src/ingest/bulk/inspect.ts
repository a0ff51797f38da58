import type { CollectionSlug, Payload } from 'payload'

import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'

import { unsupportedType } from '../errors'
import { getCheckUploadOptions, inspectUpload, type UploadFacts } from '../hooks/checkUpload'
import type { ImportRow } from './manifest'
import { NameResolver, RowError } from './resolve'

export const COLLECTION_OF_KIND = { courseware: 'courseware', video: 'videos' } as const satisfies Record<ImportRow['kind'], CollectionSlug>

/**
 * Stored in bulk: courseware documents (PDF, PPT/PPTX, DOC/DOCX). Pictures need Payload's image probing
 * (dimensions), recordings its ISO media validation, links no file at all: those go through `payload.create`.
 */
export type FileCollection = 'courseware'

/** Files above this size go through Payload one at a time, so a batch never holds several large files in memory. */
export const BULK_MAX_FILE_BYTES = 32 * 1024 * 1024

/** A row whose file passed the same content checks as an upload, ready to be stored in bulk. */
export interface FileCandidate {
  row: ImportRow
  collection: FileCollection
  /** The name the file had in the manifest; the display name and stored name derive from it. */
  originalName: string
  bytes: Uint8Array
  facts: UploadFacts
  /** Manifest metadata as field values (ids and codes), before the file's own fields. */
  metadata: Record<string, unknown>
  /** The owner's jurisdiction path, as `assignOwnership` would store it. */
  jurisdictionPath: string
}

export type Inspection =
  | { kind: 'file'; candidate: FileCandidate }
  /** Links, recordings, pictures and large files: stored one by one through `payload.create`. */
  | { kind: 'payload'; metadata: Record<string, unknown>; row: ImportRow }

const isUrl = (file: string): boolean => /^https?:\/\//i.test(file)

/** MIME types the collection's upload config allows (Payload checks this list after our content sniffing). */
function assertMimeAllowed(payload: Payload, collection: FileCollection, facts: UploadFacts): void {
  const upload = payload.collections[collection].config.upload
  const allowed = typeof upload === 'object' && Array.isArray(upload.mimeTypes) ? upload.mimeTypes : []
  const mime = facts.sniffed.mime
  const ok = allowed.length === 0 || allowed.some((type) => type === mime || (type.endsWith('/*') && mime.startsWith(type.slice(0, -1))))
  if (!ok) throw unsupportedType(facts.sniffed.ext)
}

async function readSource(filePath: string, displayPath: string): Promise<{ bytes?: Uint8Array; size: number }> {
  const info = await stat(filePath).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new RowError(`file not found: ${displayPath} (ENOENT) / 找不到文件：${displayPath}`)
    throw error
  })
  if (!info.isFile()) throw new RowError(`not a file: ${displayPath} / 不是文件：${displayPath}`)
  if (info.size > BULK_MAX_FILE_BYTES) return { size: info.size }
  return { bytes: new Uint8Array(await readFile(filePath)), size: info.size }
}

/**
 * The per-row work of an import that needs no writing: names resolved to ids, the file read and checked by
 * content exactly as an upload is (`inspectUpload`: type sniffing, executables refused, per-collection size
 * limits, SHA-256), and the collection's MIME list. Throws for a row that must fail, with the reason.
 */
export class RowInspector {
  constructor(
    private readonly payload: Payload,
    private readonly resolver: NameResolver,
    private readonly baseDir: string,
    private readonly draft: boolean,
  ) {}

  async inspect(row: ImportRow): Promise<Inspection> {
    if (!row.file) throw new RowError('no file given (column "file") / 未指定文件')
    const metadata = await this.metadataOf(row)
    if (isUrl(row.file) && row.kind !== 'video') throw new RowError('only videos may be links; courseware needs a file / 课件须为文件，不能是链接')
    if (row.kind !== 'courseware') return { kind: 'payload', metadata, row }
    const { bytes } = await readSource(path.resolve(this.baseDir, row.file), row.file)
    if (!bytes) return { kind: 'payload', metadata, row }
    const collection = COLLECTION_OF_KIND[row.kind]
    const options = getCheckUploadOptions(this.payload.collections[collection].config)
    if (!options) throw new Error(`collection ${collection} has no upload check / 集合 ${collection} 未配置上传检查`)
    const originalName = path.basename(row.file)
    const facts = await inspectUpload({ data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), mimetype: 'application/octet-stream', name: originalName, size: bytes.length }, options.policy)
    assertMimeAllowed(this.payload, collection, facts)
    if (facts.sniffed.kind === 'image') return { kind: 'payload', metadata, row }
    const jurisdictionPath = await this.resolver.ownerPath(collection, metadata.jurisdiction as number | string)
    return { candidate: { bytes, collection, facts, jurisdictionPath, metadata, originalName, row }, kind: 'file' }
  }

  private async metadataOf(row: ImportRow): Promise<Record<string, unknown>> {
    const audiences = row.audiences.map((word) => this.resolver.audience(word))
    const visibility = this.resolver.visibility(row.visibility)
    const [jurisdiction, themes, lecturers] = await Promise.all([
      this.resolver.jurisdiction(row.jurisdiction),
      Promise.all(row.themes.map((name) => this.resolver.theme(name))),
      Promise.all(row.lecturers.map((name) => this.resolver.lecturer(name))),
    ])
    return {
      ...(row.kind === 'courseware' ? { _status: this.draft ? 'draft' : 'published' } : {}),
      audiences,
      jurisdiction,
      lecturers,
      themes,
      title: row.title,
      visibility,
    }
  }
}
