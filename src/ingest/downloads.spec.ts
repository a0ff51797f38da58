import { describe, expect, it } from 'vitest'

import { contentDisposition, downloadNameOf } from './downloads'

/** What a browser does with `filename*=UTF-8''…` (RFC 5987): percent-decode as UTF-8. */
const decodedFilenameStar = (header: string): string => decodeURIComponent(/filename\*=UTF-8''([^;\s]+)/.exec(header)![1]!)
const asciiFilename = (header: string): string => /filename="([^"]*)"/.exec(header)![1]!

describe('downloadNameOf', () => {
  it('offers the Chinese name people uploaded', () => {
    expect(downloadNameOf('2024 党员教育培训（第一讲）.pdf', '2024-党员教育培训-第一讲-c672bab6a7.pdf')).toBe('2024 党员教育培训（第一讲）.pdf')
  })

  it('uses the extension of what is stored (keeping the case people typed when it matches): a PPTX named .ppt, a picture converted to WebP, a name without one', () => {
    expect(downloadNameOf('旧课件.ppt', '旧课件-0123456789.pptx')).toBe('旧课件.pptx')
    expect(downloadNameOf('照片.JPG', '照片-0123456789.webp')).toBe('照片.webp')
    expect(downloadNameOf('2024.03.15 党课', '2024-03-15-党课-0123456789.pdf')).toBe('2024.03.15 党课.pdf')
    expect(downloadNameOf('讲稿.PDF', '讲稿-0123456789.pdf')).toBe('讲稿.PDF')
  })

  it('falls back to the stored name when no original was recorded, and never offers a path', () => {
    expect(downloadNameOf(null, '党课-0123456789.pdf')).toBe('党课-0123456789.pdf')
    expect(downloadNameOf('..\\..\\C:\\秘密\\讲稿.docx', '讲稿-0123456789.docx')).toBe('讲稿.docx')
  })
})

describe('contentDisposition', () => {
  it('gives the UTF-8 name in filename* and an ASCII filename for old clients', () => {
    const header = contentDisposition('2024 党员教育培训（第一讲）.pdf', { attachment: false, fallbackStem: 'courseware-12' })
    expect(header).toMatch(/^inline; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~!$&+^`|-]+$/)
    expect(decodedFilenameStar(header)).toBe('2024 党员教育培训（第一讲）.pdf')
    expect(asciiFilename(header)).toBe('courseware-12.pdf')
  })

  it('keeps Latin letters in the ASCII name and escapes what would break the header: quotes, backslashes, semicolons, apostrophes, parentheses', () => {
    const name = `He said "党课"; it's (v2)\\final.docx`
    const header = contentDisposition(name, { attachment: true, fallbackStem: 'courseware-3' })
    expect(header.startsWith('attachment; ')).toBe(true)
    expect(decodedFilenameStar(header)).toBe(name)
    expect(asciiFilename(header)).toBe("He said _ it's (v2)_final.docx")
    expect(header.split(';')).toHaveLength(3)
  })
})
