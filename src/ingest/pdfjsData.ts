/**
 * pdf.js needs its CMap files for PDFs that name a non-embedded CJK font (e.g. `STSong-Light` with
 * `UniGB-UCS2-H`), and its standard font data for the 14 base fonts. Without them the text of such a PDF comes
 * out empty. unpdf bundles pdf.js without these files, so they are read from the matching `pdfjs-dist` package;
 * pdf.js's own Node reader is handed `file://` URLs it cannot open, hence this reader.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'

import { getDocumentProxy } from 'unpdf'

// Resolved at run time from the project root: Next's bundler rewrites a literal `require.resolve` into a module id.
const pdfjsManifest = ['pdfjs-dist', 'package.json'].join('/')
const pdfjsRoot = path.dirname(createRequire(path.join(process.cwd(), 'package.json')).resolve(pdfjsManifest))

const FOLDER_OF_KIND: Record<string, string> = {
  cMapUrl: 'cmaps',
  standardFontDataUrl: 'standard_fonts',
  wasmUrl: 'wasm',
}

class LocalPdfjsData {
  async fetch({ filename, kind }: { filename: string; kind: string }): Promise<Uint8Array> {
    const folder = FOLDER_OF_KIND[kind]
    if (!folder || filename.includes('/') || filename.includes('\\')) throw new Error(`pdf.js asked for unknown data: ${kind}/${filename}`)
    return new Uint8Array(await readFile(path.join(pdfjsRoot, folder, filename)))
  }
}

/** Options for unpdf's getDocumentProxy/renderPageAsImage; the URLs only have to be set for pdf.js to ask. */
export const PDFJS_DATA_OPTIONS = {
  BinaryDataFactory: LocalPdfjsData,
  cMapPacked: true,
  cMapUrl: 'pdfjs/cmaps/',
  standardFontDataUrl: 'pdfjs/standard_fonts/',
  wasmUrl: 'pdfjs/wasm/',
} as const

/**
 * pdf.js refuses to start when Array.prototype or Object.prototype has an enumerable addition; drizzle-kit (loaded
 * by the SQLite adapter's schema push in development and tests) adds `Array.prototype.random`. Hiding such
 * additions from `for…in` keeps them callable and lets pdf.js run.
 */
function hidePrototypeAdditions(): void {
  for (const prototype of [Array.prototype, Object.prototype] as object[]) {
    for (const key in prototype) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, key)
      if (descriptor?.configurable) Object.defineProperty(prototype, key, { ...descriptor, enumerable: false })
    }
  }
}

/** Opens a PDF with the CMap and font data above; the bytes are copied because pdf.js may detach its input. */
export function openPdf(data: Uint8Array) {
  hidePrototypeAdditions()
  return getDocumentProxy(new Uint8Array(data), { ...PDFJS_DATA_OPTIONS } as Parameters<typeof getDocumentProxy>[1])
}
