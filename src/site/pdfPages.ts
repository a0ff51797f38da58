/**
 * One page of a stored PDF as a WebP picture, drawn on the server (pdf.js on @napi-rs/canvas with the CJK fonts the
 * upload previews use), so a phone reads courseware without a PDF viewer. Recently drawn pages are kept in memory.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import sharp from 'sharp'
import { renderPageAsImage } from 'unpdf'

import '@/ingest/node20Polyfills'
import { openPdf } from '@/ingest/pdfjsData'
import { canvasWithCjkFonts } from '@/ingest/previews'
import { uploadDir } from '@/utilities/uploadDir'

export const PAGE_WIDTH = 900

const KEEP = 40
const drawn = new Map<string, Uint8Array>()

export const storedCoursewarePath = (filename: string): string => path.join(uploadDir('courseware'), path.basename(filename))

export async function pdfPageImage(filename: string, version: string, page: number): Promise<null | Uint8Array> {
  const key = `${filename}:${version}:${page}`
  const kept = drawn.get(key)
  if (kept) return kept
  const document = await openPdf(new Uint8Array(await readFile(storedCoursewarePath(filename))))
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
