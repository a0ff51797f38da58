/**
 * pdf.js needs its CMap files for PDFs that name a non-embedded CJK font (e.g. `STSong-Light` with
 * `UniGB-UCS2-H`), and its standard font data for the 14 base fonts. Without them the text of such a PDF comes
 * out empty. unpdf bundles pdf.js without these files, so they are read from the matching `pdfjs-dist` package;
 * pdf.js's own Node reader is handed `file://` URLs it cannot open, hence this reader.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'))

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
