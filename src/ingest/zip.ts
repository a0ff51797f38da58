import { Inflate } from 'fflate'

import { archiveTooLarge, corruptDocument, encryptedDocument } from './errors'

export interface ZipLimits {
  maxEntries: number
  maxTotalUncompressedBytes: number
  maxEntryUncompressedBytes: number
  /** Refuse entries whose uncompressed/compressed ratio exceeds this (checked from ratioCheckMinBytes on). */
  maxCompressionRatio: number
  ratioCheckMinBytes: number
}

const MiB = 1024 * 1024

/** Office files embed media stored at ~1:1; XML compresses ~5-30:1; zeros compress ~1000:1. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxCompressionRatio: 200,
  maxEntries: 10_000,
  maxEntryUncompressedBytes: 512 * MiB,
  maxTotalUncompressedBytes: 1024 * MiB,
  ratioCheckMinBytes: 1 * MiB,
}

export interface ZipEntry {
  name: string
  method: number
  encrypted: boolean
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
}

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50
const LOCAL_SIGNATURE = 0x04034b50
const EOCD_MIN_LENGTH = 22
const MAX_COMMENT_LENGTH = 0xffff
const INFLATE_CHUNK_BYTES = 16 * 1024
const METHOD_STORED = 0
const METHOD_DEFLATE = 8

const utf8 = new TextDecoder('utf-8')

const viewOf = (data: Uint8Array): DataView => new DataView(data.buffer, data.byteOffset, data.byteLength)

const corruptZip = (reasonEn: string, reasonZh: string) => corruptDocument('zip', reasonEn, reasonZh)

function findEndOfCentralDirectory(data: Uint8Array): number {
  const view = viewOf(data)
  const lowest = Math.max(0, data.length - EOCD_MIN_LENGTH - MAX_COMMENT_LENGTH)
  for (let offset = data.length - EOCD_MIN_LENGTH; offset >= lowest; offset--) {
    if (view.getUint32(offset, true) === EOCD_SIGNATURE) return offset
  }
  throw corruptZip('no ZIP end-of-central-directory record', '缺少 ZIP 目录结尾记录')
}

interface CentralDirectory {
  entryCount: number
  offset: number
}

function readCentralDirectoryLocation(data: Uint8Array): CentralDirectory {
  const view = viewOf(data)
  const eocd = findEndOfCentralDirectory(data)
  const entryCount = view.getUint16(eocd + 10, true)
  const size = view.getUint32(eocd + 12, true)
  const offset = view.getUint32(eocd + 16, true)
  if (entryCount === 0xffff || offset === 0xffffffff) {
    throw corruptZip('ZIP64 archives are not supported', '不支持 ZIP64 格式')
  }
  if (offset + size > eocd) throw corruptZip('central directory out of bounds', 'ZIP 目录越界')
  return { entryCount, offset }
}

function readCentralEntries(data: Uint8Array, directory: CentralDirectory): ZipEntry[] {
  const view = viewOf(data)
  const entries: ZipEntry[] = []
  let cursor = directory.offset
  for (let index = 0; index < directory.entryCount; index++) {
    if (cursor + 46 > data.length || view.getUint32(cursor, true) !== CENTRAL_SIGNATURE) {
      throw corruptZip('broken central directory entry', 'ZIP 目录项损坏')
    }
    const nameLength = view.getUint16(cursor + 28, true)
    const extraLength = view.getUint16(cursor + 30, true)
    const commentLength = view.getUint16(cursor + 32, true)
    entries.push({
      compressedSize: view.getUint32(cursor + 20, true),
      encrypted: (view.getUint16(cursor + 8, true) & 1) === 1,
      localHeaderOffset: view.getUint32(cursor + 42, true),
      method: view.getUint16(cursor + 10, true),
      name: utf8.decode(data.subarray(cursor + 46, cursor + 46 + nameLength)),
      uncompressedSize: view.getUint32(cursor + 24, true),
    })
    cursor += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

function assertWithinLimits(entries: ZipEntry[], limits: ZipLimits): void {
  if (entries.length > limits.maxEntries) {
    throw archiveTooLarge(`${entries.length} entries (limit ${limits.maxEntries})`, `条目数 ${entries.length}（上限 ${limits.maxEntries}）`)
  }
  let total = 0
  for (const entry of entries) {
    assertEntryWithinLimits(entry, limits)
    total += entry.uncompressedSize
  }
  if (total > limits.maxTotalUncompressedBytes) {
    throw archiveTooLarge(
      `expands to ${total} bytes (limit ${limits.maxTotalUncompressedBytes})`,
      `解压后共 ${total} 字节（上限 ${limits.maxTotalUncompressedBytes}）`,
      limits.maxTotalUncompressedBytes,
    )
  }
}

function assertEntryWithinLimits(entry: ZipEntry, limits: ZipLimits): void {
  if (entry.uncompressedSize > limits.maxEntryUncompressedBytes) {
    throw archiveTooLarge(
      `${entry.name} expands to ${entry.uncompressedSize} bytes (limit ${limits.maxEntryUncompressedBytes})`,
      `${entry.name} 解压后 ${entry.uncompressedSize} 字节（上限 ${limits.maxEntryUncompressedBytes}）`,
      limits.maxEntryUncompressedBytes,
    )
  }
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1)
  if (entry.uncompressedSize >= limits.ratioCheckMinBytes && ratio > limits.maxCompressionRatio) {
    throw archiveTooLarge(
      `${entry.name} has compression ratio ${Math.round(ratio)}:1 (limit ${limits.maxCompressionRatio}:1)`,
      `${entry.name} 压缩比 ${Math.round(ratio)}:1（上限 ${limits.maxCompressionRatio}:1）`,
    )
  }
}

function dataOffsetOf(data: Uint8Array, entry: ZipEntry): number {
  const view = viewOf(data)
  const local = entry.localHeaderOffset
  if (local + 30 > data.length || view.getUint32(local, true) !== LOCAL_SIGNATURE) {
    throw corruptZip(`broken local header for ${entry.name}`, `${entry.name} 的本地文件头损坏`)
  }
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
  if (start + entry.compressedSize > data.length) {
    throw corruptZip(`${entry.name} runs past the end of the file`, `${entry.name} 超出文件末尾`)
  }
  return start
}

/** Overlapping entries are how non-recursive zip bombs reuse one compressed stream many times. */
function assertNoOverlap(data: Uint8Array, entries: ZipEntry[]): void {
  const ranges = entries
    .map((entry) => ({ end: dataOffsetOf(data, entry) + entry.compressedSize, name: entry.name, start: entry.localHeaderOffset }))
    .sort((a, b) => a.start - b.start)
  for (let index = 1; index < ranges.length; index++) {
    if (ranges[index].start < ranges[index - 1].end) {
      throw archiveTooLarge(`entries overlap (${ranges[index].name})`, `条目相互重叠（${ranges[index].name}）`)
    }
  }
}

/** Reads and checks the central directory only: nothing is expanded. */
export function readZipDirectory(data: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const entries = readCentralEntries(data, readCentralDirectoryLocation(data))
  assertWithinLimits(entries, limits)
  assertNoOverlap(data, entries)
  return entries
}

function inflateWithCap(compressed: Uint8Array, entry: ZipEntry, capBytes: number): Uint8Array {
  const chunks: Uint8Array[] = []
  let produced = 0
  const inflater = new Inflate((chunk) => {
    produced += chunk.length
    if (produced > capBytes) {
      throw archiveTooLarge(
        `${entry.name} expands past ${capBytes} bytes (declared ${entry.uncompressedSize})`,
        `${entry.name} 解压超过 ${capBytes} 字节（声明为 ${entry.uncompressedSize}）`,
        capBytes,
      )
    }
    chunks.push(chunk)
  })
  for (let offset = 0; offset < compressed.length; offset += INFLATE_CHUNK_BYTES) {
    const end = Math.min(offset + INFLATE_CHUNK_BYTES, compressed.length)
    inflater.push(compressed.subarray(offset, end), end === compressed.length)
  }
  return concatChunks(chunks, produced)
}

function concatChunks(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

/**
 * Expands one entry, never past min(declared size, maxBytes): a header that lies about the size is caught
 * while inflating, before memory is spent on it.
 */
export function readZipEntry(data: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  if (entry.encrypted) throw encryptedDocument('zip')
  if (entry.uncompressedSize > maxBytes) {
    throw archiveTooLarge(`${entry.name} is ${entry.uncompressedSize} bytes (limit ${maxBytes})`, `${entry.name} 为 ${entry.uncompressedSize} 字节（上限 ${maxBytes}）`, maxBytes)
  }
  const start = dataOffsetOf(data, entry)
  const compressed = data.subarray(start, start + entry.compressedSize)
  if (entry.method === METHOD_STORED) return compressed.slice()
  if (entry.method !== METHOD_DEFLATE) {
    throw corruptZip(`${entry.name} uses unsupported compression method ${entry.method}`, `${entry.name} 使用了不支持的压缩方式 ${entry.method}`)
  }
  return inflateWithCap(compressed, entry, entry.uncompressedSize)
}

/** A checked archive: the directory is validated once, entries are expanded on demand within limits. */
export class BoundedZip {
  private readonly byName: Map<string, ZipEntry>

  private constructor(
    private readonly data: Uint8Array,
    readonly entries: ZipEntry[],
    private readonly limits: ZipLimits,
  ) {
    this.byName = new Map(entries.map((entry) => [entry.name, entry]))
  }

  static open(data: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): BoundedZip {
    return new BoundedZip(data, readZipDirectory(data, limits), limits)
  }

  has(name: string): boolean {
    return this.byName.has(name)
  }

  bytes(name: string, maxBytes = this.limits.maxEntryUncompressedBytes): Uint8Array | undefined {
    const entry = this.byName.get(name)
    return entry ? readZipEntry(this.data, entry, maxBytes) : undefined
  }

  text(name: string, maxBytes?: number): string | undefined {
    const bytes = this.bytes(name, maxBytes)
    return bytes ? utf8.decode(bytes) : undefined
  }
}
