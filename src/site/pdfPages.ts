/**
 * One page of a stored PDF as a WebP picture, drawn on the server (pdf.js on @napi-rs/canvas, as the upload
 * previews are), so a phone reads courseware without a PDF viewer. Recently drawn pages are kept in memory.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import sharp from 'sharp'
import { renderPageAsImage } from 'unpdf'

import '@/ingest/node20Polyfills'
import { openPdf } from '@/ingest/pdfjsData'
import { uploadDir } from '@/utilities/uploadDir'

export const PAGE_WIDTH = 900

/**
 * Courseware PDFs often name a CJK font they do not embed (STSong-Light); pdf.js then asks the canvas for a generic
 * serif or sans-serif, which has no Chinese glyphs unless a CJK font answers to those names (Debian: fonts-noto-cjk).
 */
const CJK_FONTS: Array<[file: string, family: string]> = [
  ['/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 'serif'],
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'sans-serif'],
]
let fontsReady: Promise<void> | undefined
const registerCjkFonts = () =>
  (fontsReady ??= import('@napi-rs/canvas').then(({ GlobalFonts }) => {
    for (const [file, family] of CJK_FONTS) if (existsSync(file)) GlobalFonts.registerFromPath(file, family)
  }))
const KEEP = 40
const drawn = new Map<string, Uint8Array>()

export const storedCoursewarePath = (filename: string): string => path.join(uploadDir('courseware'), path.basename(filename))

export async function pdfPageImage(filename: string, version: string, page: number): Promise<null | Uint8Array> {
  const key = `${filename}:${version}:${page}`
  const kept = drawn.get(key)
  if (kept) return kept
  await registerCjkFonts()
  const document = await openPdf(new Uint8Array(await readFile(storedCoursewarePath(filename))))
  try {
    if (page < 1 || page > document.numPages) return null
    const png = await renderPageAsImage(document, page, { canvasImport: () => import('@napi-rs/canvas'), width: PAGE_WIDTH })
    const webp = new Uint8Array(await sharp(new Uint8Array(png)).webp({ quality: 78 }).toBuffer())
    drawn.set(key, webp)
    if (drawn.size > KEEP) drawn.delete(drawn.keys().next().value!)
    return webp
  } finally {
    await document.destroy()
  }
}
