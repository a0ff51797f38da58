import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import {
  buildCjkPdf,
  buildDocx,
  buildLegacyDoc,
  buildLegacyPpt,
  buildPptx,
  buildZipBombPptx,
  LEGACY_DOC_PARAGRAPHS,
  PPTX_SLIDES,
  readLegacyFixture,
} from '../../tests/fixtures/ingest/build'
import { SIMPLIFIED_LINES, TRADITIONAL_LINES } from '../../tests/fixtures/ingest/texts'
import { extractText } from './extract'

describe('extractText from a PDF', () => {
  it('gives one entry per page, Simplified and Traditional Chinese intact', async () => {
    const result = await extractText(await buildCjkPdf(3), 'pdf')
    expect(result).toMatchObject({ pageCount: 3, status: 'ok', truncated: false })
    expect(result.pages).toHaveLength(3)
    for (const line of [...SIMPLIFIED_LINES, ...TRADITIONAL_LINES]) expect(result.pages[1]).toContain(line)
    expect(result.pages[2]).toContain('Page 3')
    expect(result.characters).toBe(result.pages.join('').length)
  })

  it('leaves the caller’s bytes usable (pdf.js may detach what it is given)', async () => {
    const pdf = await buildCjkPdf(1)
    await extractText(pdf, 'pdf')
    expect(pdf.byteLength).toBeGreaterThan(0)
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-')
  })

  it('stops at the character budget and says so', async () => {
    const result = await extractText(await buildCjkPdf(5), 'pdf', { maxCharacters: 150 })
    expect(result.truncated).toBe(true)
    expect(result.characters).toBe(150)
    expect(result.pages.length).toBeLessThan(5)
    expect(result.pageCount).toBe(5)
  })

  it('reports an encrypted PDF as a failure with its code, never throwing', async () => {
    const encrypted = new Uint8Array(readFileSync(new URL('../../tests/fixtures/ingest/encrypted.pdf', import.meta.url)))
    const result = await extractText(encrypted, 'pdf')
    expect(result.status).toBe('failed')
    expect(result.error?.code).toBe('encrypted_document')
  })

  it('reports a damaged PDF as a failure', async () => {
    const pdf = await buildCjkPdf(2)
    const result = await extractText(pdf.subarray(0, 300), 'pdf')
    expect(result.status).toBe('failed')
    expect(result.error?.message).toBeTruthy()
  })
})

describe('extractText from a DOCX', () => {
  it('gives the whole text as one entry and the page count from docProps/app.xml', async () => {
    const result = await extractText(buildDocx(), 'docx')
    expect(result).toMatchObject({ pageCount: 2, status: 'ok', truncated: false })
    expect(result.pages).toHaveLength(1)
    expect(result.pages[0]).toContain('党员教育培训课件')
    expect(result.pages[0]).toContain('黨員教育培訓課件')
  })

  it('an empty document is "empty", not "ok"', async () => {
    expect((await extractText(buildDocx([]), 'docx')).status).toBe('empty')
  })
})

describe('extractText from a PPTX', () => {
  it('follows presentation order, not file numbers, and appends speaker notes', async () => {
    const result = await extractText(buildPptx(), 'pptx')
    expect(result).toMatchObject({ pageCount: 3, status: 'ok', truncated: false })
    expect(result.pages).toHaveLength(3)
    expect(result.pages[0]).toBe(['第一张 党员教育培训课件', SIMPLIFIED_LINES[1], TRADITIONAL_LINES[1], '', PPTX_SLIDES[0].notes].join('\n'))
    expect(result.pages[1]).toContain('第二张')
    expect(result.pages[1]).toContain('備註：鄉村振興案例')
    expect(result.pages[2]).toBe(['第三张 廉政教育专题课', TRADITIONAL_LINES[3], 'A & B <廉政>'].join('\n'))
  })

  it('leaves slide-number fields out', async () => {
    const result = await extractText(buildPptx(), 'pptx')
    expect(result.pages.join('\n')).not.toContain('99')
  })

  it('fails, rather than expanding, a bomb', async () => {
    const result = await extractText(buildZipBombPptx(), 'pptx')
    expect(result).toMatchObject({ error: { code: 'archive_too_large' }, status: 'failed' })
  })
})

describe('extractText from a legacy Word .doc', () => {
  it('gives the text of a .doc written by LibreOffice, Simplified and Traditional intact', async () => {
    const result = await extractText(readLegacyFixture('legacy.doc'), 'doc')
    expect(result).toMatchObject({ pageCount: null, status: 'ok', truncated: false })
    expect(result.pages).toHaveLength(1)
    for (const paragraph of LEGACY_DOC_PARAGRAPHS) expect(result.pages[0]).toContain(paragraph)
  })

  it('stops at the character budget and says so', async () => {
    const result = await extractText(readLegacyFixture('legacy.doc'), 'doc', { maxCharacters: 5 })
    expect(result).toMatchObject({ characters: 5, status: 'ok', truncated: true })
  })

  it('reports a .doc whose text cannot be read (no piece table) as a bilingual failure without a stack, never throwing', async () => {
    const result = await extractText(buildLegacyDoc(), 'doc')
    expect(result.status).toBe('failed')
    expect(result.error?.code).toBe('extraction_failed')
    expect(result.error?.message).toMatch(/^无法读取文件内容（doc）.* \/ The doc file could not be read/)
    expect(result.error?.message).not.toMatch(/\n\s+at /)
  })
})

describe('extractText of other kinds', () => {
  it('stores legacy PPT, images and recordings without text, saying why in both languages', async () => {
    for (const ppt of [buildLegacyPpt(), readLegacyFixture('legacy.ppt')]) {
      const result = await extractText(ppt, 'ppt')
      expect(result).toMatchObject({ error: { code: 'extraction_unavailable' }, pages: [], status: 'unsupported' })
      expect(result.error?.message).toContain('旧版 PowerPoint（.ppt）文件暂不支持文字提取')
      expect(result.error?.message).toContain('text extraction is not available for legacy PowerPoint (.ppt)')
    }
    const image = await extractText(new Uint8Array(10), 'image')
    expect(image).toMatchObject({ error: { code: 'extraction_unavailable', message: '图片不提取文字 / pictures carry no extractable text' }, status: 'unsupported' })
  })
})
