import mammoth from 'mammoth'
import WordExtractor from 'word-extractor'

import './node20Polyfills'

import { encryptedDocument, IngestError } from './errors'
import { asCorruptDocument, MAX_XML_PART_BYTES } from './ooxml'
import type { FileKind } from './policy'
import { openPdf } from './pdfjsData'
import { listSlideParts, readSlide } from './pptx'
import { BoundedZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip'

export type ExtractionStatus = 'ok' | 'empty' | 'unsupported' | 'failed'

export interface ExtractionResult {
  status: ExtractionStatus
  /** One entry per PDF page or slide (slide text, then its notes); a Word file is one entry. */
  pages: string[]
  /** Pages in the document (for DOCX from docProps/app.xml, when the editor wrote it), null when unknown. */
  pageCount: number | null
  /** The text hit maxCharacters and was cut; later pages are missing from `pages`. */
  truncated: boolean
  characters: number
  /** Why extraction failed, or, for 'unsupported', why this format yields no text (bilingual). */
  error?: { code: string; message: string }
}

export interface ExtractOptions {
  maxCharacters?: number
  zipLimits?: ZipLimits
}

export const DEFAULT_MAX_CHARACTERS = 200_000

/** Accepts page texts until the character budget is spent; the page that crosses it is cut. */
class TextBudget {
  readonly pages: string[] = []
  private used = 0
  truncated = false

  constructor(private readonly maxCharacters: number) {}

  get exhausted(): boolean {
    return this.used >= this.maxCharacters
  }

  add(pageText: string): void {
    if (this.exhausted) {
      this.truncated = true
      return
    }
    const room = this.maxCharacters - this.used
    const kept = pageText.length > room ? pageText.slice(0, room) : pageText
    this.truncated ||= kept.length < pageText.length
    this.pages.push(kept)
    this.used += kept.length
  }

  result(pageCount: number | null): ExtractionResult {
    const hasText = this.pages.some((page) => page.trim().length > 0)
    return { characters: this.used, pageCount, pages: this.pages, status: hasText ? 'ok' : 'empty', truncated: this.truncated }
  }
}

export function normalizeExtractedText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

interface PdfTextItem {
  str?: string
  hasEOL?: boolean
}

const pdfItemsText = (items: PdfTextItem[]): string => items.map((item) => (item.str ?? '') + (item.hasEOL ? '\n' : '')).join('')

const isPdfPasswordError = (error: unknown): boolean => error instanceof Error && error.name === 'PasswordException'

async function extractPdf(data: Uint8Array, budget: TextBudget): Promise<ExtractionResult> {
  const pdf = await openPdf(data).catch((error: unknown) => {
    throw isPdfPasswordError(error) ? encryptedDocument('pdf') : error
  })
  try {
    for (let pageNumber = 1; pageNumber <= pdf.numPages && !budget.exhausted; pageNumber++) {
      const page = await pdf.getPage(pageNumber)
      const content = await page.getTextContent()
      budget.add(normalizeExtractedText(pdfItemsText(content.items as PdfTextItem[])))
      page.cleanup()
    }
    if (budget.exhausted && budget.pages.length < pdf.numPages) budget.truncated = true
    return budget.result(pdf.numPages)
  } finally {
    await pdf.destroy()
  }
}

function readDocxPageCount(zip: BoundedZip): number | null {
  const appXml = zip.text('docProps/app.xml', MAX_XML_PART_BYTES) ?? ''
  const pages = /<(?:\w+:)?Pages>\s*(\d+)\s*<\//.exec(appXml)
  return pages ? Number(pages[1]) : null
}

/** mammoth expands parts itself; expanding them first under our caps proves no header lies about its size. */
function assertXmlPartsExpandWithinLimits(zip: BoundedZip): void {
  for (const entry of zip.entries) {
    if (/\.(xml|rels)$/.test(entry.name)) zip.bytes(entry.name, MAX_XML_PART_BYTES)
  }
}

async function extractDocx(data: Uint8Array, budget: TextBudget, limits: ZipLimits): Promise<ExtractionResult> {
  const zip = BoundedZip.open(data, limits)
  assertXmlPartsExpandWithinLimits(zip)
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) })
  budget.add(normalizeExtractedText(value))
  return budget.result(readDocxPageCount(zip))
}

function extractPptx(data: Uint8Array, budget: TextBudget, limits: ZipLimits): ExtractionResult {
  const zip = BoundedZip.open(data, limits)
  const slideParts = listSlideParts(zip)
  for (const part of slideParts) {
    if (budget.exhausted) {
      budget.truncated = true
      break
    }
    const slide = readSlide(zip, part)
    budget.add(normalizeExtractedText([slide.text, slide.notes].filter(Boolean).join('\n\n')))
  }
  return budget.result(slideParts.length)
}

/**
 * Word 97–2003 (.doc) through word-extractor: the main text, then text boxes, footnotes and endnotes, as one entry
 * (the binary format keeps no page breaks that a reader could trust).
 */
async function extractDoc(data: Uint8Array, budget: TextBudget): Promise<ExtractionResult> {
  const document = await new WordExtractor().extract(Buffer.from(data.buffer, data.byteOffset, data.byteLength))
  const parts = [document.getBody(), document.getTextboxes({ includeBody: true, includeHeadersAndFooters: false }), document.getFootnotes(), document.getEndnotes()]
  budget.add(normalizeExtractedText(parts.filter((part) => part.trim().length > 0).join('\n\n')))
  return budget.result(null)
}

/** Kinds whose text extractText can read; for the others it answers 'unsupported' without reading the bytes. */
export const EXTRACTABLE_KINDS: ReadonlySet<FileKind> = new Set(['pdf', 'docx', 'pptx', 'doc'])

/** Formats stored as they are, with the reason people see next to the extraction status. */
const UNAVAILABLE: Partial<Record<FileKind, { en: string; zh: string }>> = {
  audio: { en: 'recordings carry no extractable text', zh: '音视频文件不提取文字' },
  image: { en: 'pictures carry no extractable text', zh: '图片不提取文字' },
  ppt: {
    en: 'text extraction is not available for legacy PowerPoint (.ppt) files: the file is stored and can be downloaded; to make its slide text searchable, replace it with the same deck saved as .pptx',
    zh: '旧版 PowerPoint（.ppt）文件暂不支持文字提取：文件已保存，可正常下载；如需检索幻灯片文字，请另存为 .pptx 后替换本条目的文件',
  },
  video: { en: 'recordings carry no extractable text', zh: '音视频文件不提取文字' },
}

const unsupportedResult = (kind: FileKind): ExtractionResult => {
  const reason = UNAVAILABLE[kind] ?? { en: `no text extraction for ${kind}`, zh: `不支持提取 ${kind} 的文字` }
  return {
    characters: 0,
    error: { code: 'extraction_unavailable', message: `${reason.zh} / ${reason.en}` },
    pageCount: null,
    pages: [],
    status: 'unsupported',
    truncated: false,
  }
}

function failedResult(error: unknown, kind: FileKind): ExtractionResult {
  const known = asCorruptDocument(error, kind)
  if (known instanceof IngestError) {
    return { characters: 0, error: { code: known.code, message: known.message }, pageCount: null, pages: [], status: 'failed', truncated: false }
  }
  // A library's own words (often a bare RangeError): say what failed in both languages, never with a stack.
  const reason = (known instanceof Error ? known.message : String(known)).split('\n')[0]!.slice(0, 300)
  const message = `无法读取文件内容（${kind}），文件已保存但未提取文字：${reason} / The ${kind} file could not be read; it is stored, but no text was extracted: ${reason}`
  return { characters: 0, error: { code: 'extraction_failed', message }, pageCount: null, pages: [], status: 'failed', truncated: false }
}

/**
 * Extracts text per page or slide from a file whose kind sniffUpload decided. Never throws for a bad file:
 * the result says 'failed' with the reason, so a job can record it and move on.
 */
export async function extractText(data: Uint8Array, kind: FileKind, options: ExtractOptions = {}): Promise<ExtractionResult> {
  const budget = new TextBudget(options.maxCharacters ?? DEFAULT_MAX_CHARACTERS)
  const limits = options.zipLimits ?? DEFAULT_ZIP_LIMITS
  try {
    if (kind === 'pdf') return await extractPdf(data, budget)
    if (kind === 'docx') return await extractDocx(data, budget, limits)
    if (kind === 'pptx') return extractPptx(data, budget, limits)
    if (kind === 'doc') return await extractDoc(data, budget)
    return unsupportedResult(kind)
  } catch (error) {
    return failedResult(error, kind)
  }
}
