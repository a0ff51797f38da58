import { open } from 'node:fs/promises'

import { fileTypeFromBuffer } from 'file-type'

import { describeCfb } from './cfb'
import {
  corruptDocument,
  emptyFile,
  encryptedDocument,
  executableRefused,
  fileTooLarge,
  typeMismatch,
  unsupportedType,
} from './errors'
import { classifyOoxml } from './ooxml'
import { EXTENSION_FAMILIES, type ExtensionFamily, FAMILY_OF_KIND, type FileKind, type UploadPolicy } from './policy'
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip'

export interface SniffResult {
  kind: FileKind
  /** Canonical extension of the content, for the stored file name (never taken from the upload's name). */
  ext: string
  mime: string
  size: number
}

export interface SniffOptions {
  zipLimits?: ZipLimits
}

/** Reads only what a decision needs: the head for every file, the whole file only for documents. */
export interface ByteSource {
  size: number
  head(length: number): Promise<Uint8Array>
  all(): Promise<Uint8Array>
}

export const bufferSource = (data: Uint8Array): ByteSource => ({
  all: async () => data,
  head: async (length) => data.subarray(0, length),
  size: data.length,
})

const HEAD_BYTES = 64 * 1024

const EXECUTABLE_TYPES = new Set(['elf', 'macho', 'exe', 'class', 'wasm', 'apk', 'jar', 'lnk', 'dmg', 'deb', 'rpm', 'crx', 'xpi'])
const ZIP_CONTAINER_TYPES = new Set([
  'zip', 'docx', 'pptx', 'xlsx', 'ppsx', 'potx', 'dotx', 'xltx', 'docm', 'dotm', 'pptm', 'ppsm', 'potm', 'xlsm', 'xltm', 'vsdx',
])

const MIME_OF_KIND: Partial<Record<FileKind, string>> = {
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
}

/** Media kinds are settled by the head alone; the value is [kind, canonical extension]. */
const MEDIA_TYPES: Record<string, [FileKind, string]> = {
  apng: ['image', 'png'],
  gif: ['image', 'gif'],
  jpg: ['image', 'jpg'],
  m4a: ['audio', 'm4a'],
  m4v: ['video', 'mp4'],
  mov: ['video', 'mov'],
  mp3: ['audio', 'mp3'],
  mp4: ['video', 'mp4'],
  png: ['image', 'png'],
  webm: ['video', 'webm'],
  webp: ['image', 'webp'],
}

type Coarse =
  | { group: 'media'; kind: FileKind; ext: string; mime: string }
  | { group: 'pdf' }
  | { group: 'zip' }
  | { group: 'cfb' }

const hasShebang = (head: Uint8Array): boolean => head[0] === 0x23 && head[1] === 0x21
const hasMzHeader = (head: Uint8Array): boolean => head[0] === 0x4d && head[1] === 0x5a

async function coarseTypeOf(head: Uint8Array): Promise<Coarse> {
  if (hasShebang(head)) throw executableRefused('script')
  const detected = await fileTypeFromBuffer(head)
  if (!detected) {
    if (hasMzHeader(head)) throw executableRefused('exe')
    throw unsupportedType('unknown')
  }
  if (EXECUTABLE_TYPES.has(detected.ext)) throw executableRefused(detected.ext)
  if (detected.ext === 'pdf') return { group: 'pdf' }
  if (detected.ext === 'cfb') return { group: 'cfb' }
  if (ZIP_CONTAINER_TYPES.has(detected.ext)) return { group: 'zip' }
  const media = MEDIA_TYPES[detected.ext]
  if (!media) throw unsupportedType(detected.ext)
  return { ext: media[1], group: 'media', kind: media[0], mime: detected.mime }
}

const KINDS_OF_GROUP: Record<Exclude<Coarse['group'], 'media'>, FileKind[]> = {
  cfb: ['ppt', 'doc'],
  pdf: ['pdf'],
  zip: ['pptx', 'docx'],
}

const candidateKinds = (coarse: Coarse): FileKind[] => (coarse.group === 'media' ? [coarse.kind] : KINDS_OF_GROUP[coarse.group])

/** Refuses early, before reading a whole file, when no kind this content could be is accepted or small enough. */
function assertCoarseAcceptable(coarse: Coarse, size: number, policy: UploadPolicy): void {
  const acceptable = candidateKinds(coarse).filter((kind) => policy.accepts.includes(kind))
  if (acceptable.length === 0) throw unsupportedType(coarse.group === 'media' ? coarse.ext : coarse.group)
  const largestLimit = Math.max(...acceptable.map((kind) => policy.maxBytes[kind]))
  if (size > largestLimit) throw fileTooLarge(acceptable.join('/'), size, largestLimit)
}

const latin1 = new TextDecoder('latin1')

const PDF_TAIL_BYTES = 2048
const PDF_TRAILER_WINDOW = 64 * 1024
const ENCRYPT_REFERENCE = /\/Encrypt\s*(\d+\s+\d+\s+R|<<)/

function startXrefOffset(tail: string): number | undefined {
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)
  return match ? Number(match[1]) : undefined
}

/** The trailer (or, since PDF 1.5, the xref stream's dictionary) names /Encrypt when the file is encrypted. */
function isEncryptedPdf(data: Uint8Array): boolean {
  const tail = latin1.decode(data.subarray(Math.max(0, data.length - PDF_TRAILER_WINDOW)))
  if (ENCRYPT_REFERENCE.test(tail)) return true
  const xref = startXrefOffset(tail)
  if (xref === undefined || xref >= data.length) return false
  return ENCRYPT_REFERENCE.test(latin1.decode(data.subarray(xref, xref + PDF_TRAILER_WINDOW)))
}

function inspectPdf(data: Uint8Array): FileKind {
  if (!latin1.decode(data.subarray(0, 1024)).includes('%PDF-')) {
    throw corruptDocument('pdf', 'missing %PDF header', '缺少 %PDF 文件头')
  }
  if (!latin1.decode(data.subarray(Math.max(0, data.length - PDF_TAIL_BYTES))).includes('%%EOF')) {
    throw corruptDocument('pdf', 'missing %%EOF marker (file truncated?)', '缺少 %%EOF 结束标记（文件可能被截断）')
  }
  if (isEncryptedPdf(data)) throw encryptedDocument('pdf')
  return 'pdf'
}

/** Legacy PowerPoint and Word are courseware; a spreadsheet, an installer or an unknown compound file is not. */
function inspectCfb(data: Uint8Array): FileKind {
  const { encrypted, kind } = describeCfb(data)
  if (kind === 'encrypted-ooxml') throw encryptedDocument('ooxml')
  if (kind === 'installer') throw executableRefused('msi')
  if (kind === 'xls') throw unsupportedType('xls')
  if (kind === 'other') throw unsupportedType('cfb')
  if (encrypted) throw encryptedDocument(kind)
  return kind
}

async function resolveDocumentKind(coarse: Coarse, source: ByteSource, declaredFamily: ExtensionFamily | undefined, options: SniffOptions): Promise<FileKind> {
  if (coarse.group === 'media') return coarse.kind
  const data = await source.all()
  if (coarse.group === 'pdf') return inspectPdf(data)
  if (coarse.group === 'cfb') return inspectCfb(data)
  const expectOoxml = declaredFamily === 'presentation' || declaredFamily === 'document'
  return classifyOoxml(data, { expectOoxml, limits: options.zipLimits ?? DEFAULT_ZIP_LIMITS })
}

/** The extension a person gave the file, if it looks like one ("2024.03.15 党课" has none). */
export function declaredExtensionOf(filename: string): string | undefined {
  const base = filename.split(/[\\/]/).pop() ?? ''
  const match = /\.([a-z0-9]{1,8})$/i.exec(base)
  return match ? match[1].toLowerCase() : undefined
}

function familyOfExtension(extension: string | undefined): ExtensionFamily | undefined {
  if (!extension) return undefined
  const families = Object.entries(EXTENSION_FAMILIES) as [ExtensionFamily, readonly string[]][]
  return families.find(([, extensions]) => extensions.includes(extension))?.[0]
}

function assertExtensionMatches(kind: FileKind, detectedLabel: string, declaredExtension: string | undefined): void {
  if (!declaredExtension) return
  if (familyOfExtension(declaredExtension) !== FAMILY_OF_KIND[kind]) throw typeMismatch(detectedLabel, declaredExtension)
}

function finalResult(kind: FileKind, coarse: Coarse, size: number): SniffResult {
  if (coarse.group === 'media') return { ext: coarse.ext, kind, mime: coarse.mime, size }
  return { ext: kind, kind, mime: MIME_OF_KIND[kind] ?? 'application/octet-stream', size }
}

/** Decides what an upload is from its content and refuses what the collection's policy does not allow. */
export async function sniffSource(source: ByteSource, filename: string, policy: UploadPolicy, options: SniffOptions = {}): Promise<SniffResult> {
  if (source.size === 0) throw emptyFile()
  const coarse = await coarseTypeOf(await source.head(HEAD_BYTES))
  assertCoarseAcceptable(coarse, source.size, policy)
  const declaredExtension = declaredExtensionOf(filename)
  const kind = await resolveDocumentKind(coarse, source, familyOfExtension(declaredExtension), options)
  const result = finalResult(kind, coarse, source.size)
  if (!policy.accepts.includes(kind)) throw unsupportedType(result.ext)
  assertExtensionMatches(kind, result.ext, declaredExtension)
  if (source.size > policy.maxBytes[kind]) throw fileTooLarge(result.ext, source.size, policy.maxBytes[kind])
  return result
}

export const sniffUpload = (data: Uint8Array, filename: string, policy: UploadPolicy, options?: SniffOptions): Promise<SniffResult> =>
  sniffSource(bufferSource(data), filename, policy, options)

/** For uploads kept in a temporary file (large videos): only documents are read whole. */
export async function sniffUploadFile(path: string, filename: string, policy: UploadPolicy, options?: SniffOptions): Promise<SniffResult> {
  const handle = await open(path, 'r')
  try {
    const { size } = await handle.stat()
    const source: ByteSource = {
      all: async () => new Uint8Array(await handle.readFile()),
      head: async (length) => {
        const buffer = new Uint8Array(Math.min(length, size))
        await handle.read(buffer, 0, buffer.length, 0)
        return buffer
      },
      size,
    }
    return await sniffSource(source, filename, policy, options)
  } finally {
    await handle.close()
  }
}
