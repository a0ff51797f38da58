import mammoth from 'mammoth'

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

const unsupportedResult = (): ExtractionResult => ({ characters: 0, pageCount: null, pages: [], status: 'unsupported', truncated: false })

function failedResult(error: unknown, kind: FileKind): ExtractionResult {
  const known = asCorruptDocument(error, kind)
  const code = known instanceof IngestError ? known.code : 'extraction_failed'
  const message = known instanceof Error ? known.message : String(known)
  return { characters: 0, error: { code, message }, pageCount: null, pages: [], status: 'failed', truncated: false }
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
    return unsupportedResult()
  } catch (error) {
    return failedResult(error, kind)
  }
}
