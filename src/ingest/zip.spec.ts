import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'

import { buildPptx, buildZipBombPptx, withDeclaredSize } from '../../tests/fixtures/ingest/build'
import { IngestError } from './errors'
import { BoundedZip, DEFAULT_ZIP_LIMITS, readZipDirectory, readZipEntry, type ZipLimits } from './zip'

const limits = (overrides: Partial<ZipLimits>): ZipLimits => ({ ...DEFAULT_ZIP_LIMITS, ...overrides })

function thrown(action: () => unknown): IngestError {
  try {
    action()
  } catch (error) {
    if (error instanceof IngestError) return error
    throw error
  }
  throw new Error('expected an IngestError')
}

describe('readZipDirectory', () => {
  it('lists entries with their sizes without expanding anything', () => {
    const entries = readZipDirectory(buildPptx())
    const presentation = entries.find((entry) => entry.name === 'ppt/presentation.xml')
    expect(presentation?.uncompressedSize).toBeGreaterThan(0)
    expect(entries.map((entry) => entry.name)).toContain('[Content_Types].xml')
  })

  it('refuses a ratio that only a bomb reaches', () => {
    const error = thrown(() => readZipDirectory(buildZipBombPptx(4 * 1024 * 1024)))
    expect(error).toMatchObject({ code: 'archive_too_large', status: 413 })
    expect(error.message).toMatch(/compression ratio \d+:1 \(limit 200:1\)/)
  })

  it('refuses too many entries, too large an entry and too large a total', () => {
    const zip = zipSync({ 'a.txt': strToU8('x'.repeat(5000)), 'b.txt': strToU8('y'.repeat(5000)), 'c.txt': strToU8('z') })
    expect(thrown(() => readZipDirectory(zip, limits({ maxEntries: 2 }))).message).toContain('3 entries (limit 2)')
    expect(thrown(() => readZipDirectory(zip, limits({ maxEntryUncompressedBytes: 4000 }))).message).toContain('a.txt expands to 5000 bytes')
    expect(thrown(() => readZipDirectory(zip, limits({ maxTotalUncompressedBytes: 9000 }))).message).toContain('expands to 10001 bytes')
  })

  it('refuses overlapping entries (the non-recursive bomb trick)', () => {
    const zip = zipSync({ 'a.txt': strToU8('aaaa'), 'b.txt': strToU8('bbbb') }, { level: 0 })
    const view = new DataView(zip.buffer)
    const eocd = zip.length - 22
    const centralStart = view.getUint32(eocd + 16, true)
    const secondCentral = centralStart + 46 + 'a.txt'.length
    view.setUint32(secondCentral + 42, 0, true)
    expect(() => readZipDirectory(zip)).toThrow(IngestError)
  })

  it('says a file without a zip directory is damaged', () => {
    expect(thrown(() => readZipDirectory(strToU8('PK not really a zip'))).code).toBe('corrupt_document')
  })
})

describe('readZipEntry', () => {
  it('stops inflating an entry whose header understates its size', () => {
    const zip = withDeclaredSize(zipSync({ 'big.xml': new Uint8Array(2 * 1024 * 1024) }), 'big.xml', 1000)
    const [entry] = readZipDirectory(zip, limits({ maxCompressionRatio: Number.POSITIVE_INFINITY }))
    expect(entry.uncompressedSize).toBe(1000)
    const error = thrown(() => readZipEntry(zip, entry, 10 * 1024 * 1024))
    expect(error.code).toBe('archive_too_large')
    expect(error.message).toContain('big.xml expands past 1000 bytes')
  })

  it('refuses an entry over the caller cap before inflating it', () => {
    const zip = zipSync({ 'part.xml': strToU8('<x/>'.repeat(1000)) })
    const [entry] = readZipDirectory(zip)
    expect(thrown(() => readZipEntry(zip, entry, 100)).code).toBe('archive_too_large')
  })

  it('reads stored and deflated entries', () => {
    const zip = BoundedZip.open(zipSync({ 'stored.txt': [strToU8('存储'), { level: 0 }], 'deflated.txt': strToU8('压缩'.repeat(100)) }))
    expect(zip.text('stored.txt')).toBe('存储')
    expect(zip.text('deflated.txt')).toBe('压缩'.repeat(100))
    expect(zip.text('missing.txt')).toBeUndefined()
  })
})
