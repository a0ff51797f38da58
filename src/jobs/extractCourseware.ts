import type { PayloadRequest, TaskConfig } from 'payload'

import { EXTRACTABLE_KINDS, extractText, type ExtractionResult, type FileKind, renderPdfFirstPage } from '@/ingest'
import { PREVIEW_ALT, previewFileName } from '@/ingest/hooks/previews'
import { readStoredFile, type StoredFileRef } from '@/storage/storedFiles'

export const EXTRACT_COURSEWARE = 'extractCourseware'

/** Context of the job's own write: it must not queue extraction again, and may set the derived fields. */
export const EXTRACTION_WRITE_CONTEXT = { skipExtraction: true, trustedFileFacts: true } as const

type Input = { id: string; sha256: string }
type Output = { status: string }

const KIND_OF_MIME: Record<string, FileKind> = {
  'application/msword': 'doc',
  'application/pdf': 'pdf',
  'application/vnd.ms-powerpoint': 'ppt',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
}

interface StoredCourseware extends Partial<Omit<StoredFileRef, 'filename'>> {
  id: number | string
  _status?: 'draft' | 'published' | null
  filename?: string | null
  mimeType?: string | null
  jurisdiction?: unknown
  preview?: unknown
  sha256?: string | null
  title: string
}

/** The version that holds this file: the main document, or a newer draft; undefined once the file was replaced. */
async function findTarget(req: PayloadRequest, input: Input): Promise<{ doc: StoredCourseware; draft: boolean } | undefined> {
  for (const draft of [false, true]) {
    const doc = (await req.payload.findByID({ id: input.id, collection: 'courseware', depth: 0, disableErrors: true, draft, overrideAccess: true, req })) as StoredCourseware | null
    if (!doc) return undefined
    if (doc.sha256 === input.sha256) return { doc, draft }
  }
  return undefined
}

const STATUS_OF_RESULT: Record<ExtractionResult['status'], 'done' | 'failed' | 'unsupported'> = {
  empty: 'done',
  failed: 'failed',
  ok: 'done',
  unsupported: 'unsupported',
}

/** A first-page image for PDFs, stored in `media` as this item's preview (see previews.ts); a failure only leaves it empty. */
async function createPdfPreview(req: PayloadRequest, doc: StoredCourseware, pdf: Uint8Array): Promise<number | string | undefined> {
  const { image, problem } = await renderPdfFirstPage(pdf, { width: 800 })
  if (!image) {
    req.payload.logger.warn({ msg: `courseware ${doc.id}: ${problem}` })
    return undefined
  }
  const data = Buffer.from(image.data)
  const media = await req.payload.create({
    collection: 'media',
    data: { alt: PREVIEW_ALT, jurisdiction: doc.jurisdiction as number, previewOf: doc.id as number, previewOfDraft: true },
    file: { data, mimetype: image.mime, name: previewFileName(doc.id), size: data.length },
    overrideAccess: true,
    req,
  })
  return media.id
}

const kindOfMime = (mime: string | null | undefined): FileKind | undefined =>
  KIND_OF_MIME[mime ?? ''] ?? (mime?.startsWith('image/') ? 'image' : undefined)

async function extractStoredFile(req: PayloadRequest, doc: StoredCourseware) {
  const kind = kindOfMime(doc.mimeType)
  if (!kind || !doc.filename) return { preview: undefined, result: undefined }
  // Formats without an extractor are answered without reading the file (the result says why).
  if (!EXTRACTABLE_KINDS.has(kind)) return { preview: undefined, result: await extractText(new Uint8Array(0), kind) }
  // A missing file throws here: storage may be catching up, so the job is retried.
  const bytes = await readStoredFile(req.payload, 'courseware', { ...doc, filename: doc.filename })
  const result = await extractText(bytes, kind)
  const preview = kind === 'pdf' && !doc.preview ? await createPdfPreview(req, doc, bytes) : undefined
  return { preview, result }
}

async function extractCourseware({ input, req }: { input: Input; req: PayloadRequest }): Promise<{ output: Output }> {
  const target = await findTarget(req, input)
  if (!target) return { output: { status: 'skipped: file replaced or item deleted' } }
  const { preview, result } = await extractStoredFile(req, target.doc)
  const status = result ? STATUS_OF_RESULT[result.status] : 'unsupported'
  await req.payload.update({
    id: target.doc.id,
    collection: 'courseware',
    context: EXTRACTION_WRITE_CONTEXT,
    data: {
      extractionError: result?.error ? result.error.message.slice(0, 500) : null,
      extractionStatus: status,
      fileText: result ? { pages: result.pages, truncated: result.truncated } : null,
      pageCount: result?.pageCount ?? null,
      ...(preview === undefined ? {} : { preview: preview as number }),
    },
    depth: 0,
    draft: target.draft,
    overrideAccess: true,
    req,
  })
  return { output: { status } }
}

const RETRIES = 3

/** Marks the item failed once the retries are spent, so it never stays "pending" for good. */
async function markFailed({ input, req, taskStatus }: { input: Input; req: PayloadRequest; taskStatus: { totalTried?: number } | null }) {
  const attempts = taskStatus?.totalTried ?? 0
  if (attempts < RETRIES) return
  const target = await findTarget(req, input)
  if (!target) return
  await req.payload.update({
    id: target.doc.id,
    collection: 'courseware',
    context: EXTRACTION_WRITE_CONTEXT,
    data: {
      extractionError: `文字提取任务尝试 ${attempts + 1} 次后仍失败（详见任务日志） / extraction job failed after ${attempts + 1} attempts (see the job log)`,
      extractionStatus: 'failed',
    },
    draft: target.draft,
    overrideAccess: true,
    req,
  })
}

export const extractCoursewareTask: TaskConfig<'extractCourseware'> = {
  slug: EXTRACT_COURSEWARE,
  handler: extractCourseware as never,
  inputSchema: [
    { name: 'id', type: 'text', required: true },
    { name: 'sha256', type: 'text', required: true },
  ],
  label: 'Extract courseware text',
  onFail: markFailed as never,
  outputSchema: [{ name: 'status', type: 'text' }],
  retries: RETRIES,
}
