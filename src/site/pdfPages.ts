/**
 * One page of a stored PDF as a WebP picture, drawn on the server (pdf.js on @napi-rs/canvas with the CJK fonts the
 * upload previews use), so a phone reads courseware without a PDF viewer. Recently drawn pages are kept in memory.
 */
import sharp from 'sharp'
import { renderPageAsImage } from 'unpdf'

import '@/ingest/node20Polyfills'
import { openPdf } from '@/ingest/pdfjsData'
import { canvasWithCjkFonts } from '@/ingest/previews'
import { readStoredFile, type StoredFileRef } from '@/storage/storedFiles'

import { getSitePayload } from './session'

export const PAGE_WIDTH = 900

const KEEP = 40
const drawn = new Map<string, Uint8Array>()

export async function pdfPageImage(file: StoredFileRef, version: string, page: number): Promise<null | Uint8Array> {
  const key = `${file.filename}:${version}:${page}`
  const kept = drawn.get(key)
  if (kept) return kept
  const document = await openPdf(await readStoredFile(await getSitePayload(), 'courseware', file))
  try {
    if (page < 1 || page > document.numPages) return null
    const png = await renderPageAsImage(document, page, { canvasImport: canvasWithCjkFonts, width: PAGE_WIDTH })
    const webp = new Uint8Array(await sharp(new Uint8Array(png)).webp({ quality: 78 }).toBuffer())
    drawn.set(key, webp)
    if (drawn.size > KEEP) drawn.delete(drawn.keys().next().value!)
    return webp
  } finally {
    await document.destroy()
  }
}
