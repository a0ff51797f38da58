import { describe, expect, it } from 'vitest'

import { toDisplayName, toSafeStem, toStoredFileName, UNTITLED_DISPLAY_NAME } from './filenames'

const sha256 = 'ab12cd34ef56789000000000000000000000000000000000000000000000abcd'

describe('toDisplayName', () => {
  it('keeps a Chinese name as typed', () => {
    expect(toDisplayName('课件.pdf')).toBe('课件.pdf')
    expect(toDisplayName('黨課 第一講.pptx')).toBe('黨課 第一講.pptx')
  })

  it('drops directories, including a Windows path sent by an old browser', () => {
    expect(toDisplayName('../../etc/passwd')).toBe('passwd')
    expect(toDisplayName('C:\\Users\\老王\\桌面\\课件.pptx')).toBe('课件.pptx')
  })

  it('removes NULs, control characters and bidi overrides that disguise an extension', () => {
    expect(toDisplayName('lesson\u0000.pdf')).toBe('lesson.pdf')
    expect(toDisplayName('report\u202Efdp.exe')).toBe('reportfdp.exe')
    expect(toDisplayName('a\tb\nc.pdf')).toBe('a b c.pdf')
  })

  it('names nothing-names', () => {
    expect(toDisplayName('..')).toBe(UNTITLED_DISPLAY_NAME)
    expect(toDisplayName('/')).toBe(UNTITLED_DISPLAY_NAME)
    expect(toDisplayName('\u0000')).toBe(UNTITLED_DISPLAY_NAME)
  })

  it('bounds very long names', () => {
    expect(Array.from(toDisplayName('党'.repeat(1000) + '.pdf'))).toHaveLength(200)
  })
})

describe('toStoredFileName', () => {
  it('keeps the Chinese stem, uses the detected extension and a content-hash suffix', () => {
    expect(toStoredFileName('课件.pdf', { ext: 'pdf', sha256 })).toBe('课件-ab12cd34ef.pdf')
    expect(toStoredFileName('照片.JPEG', { ext: 'jpg', sha256 })).toBe('照片-ab12cd34ef.jpg')
  })

  it('cannot climb out of the upload directory', () => {
    const name = toStoredFileName('../../etc/passwd', { ext: 'pdf', sha256 })
    expect(name).toBe('passwd-ab12cd34ef.pdf')
    expect(toStoredFileName('..', { ext: 'pdf', sha256 })).toBe('未命名文件-ab12cd34ef.pdf')
  })

  it('turns slashes, NULs, dots and reserved characters into dashes', () => {
    expect(toStoredFileName('a/b\\c\u0000d<e>:"|?*.pdf', { ext: 'pdf', sha256 })).toBe('cd-e-ab12cd34ef.pdf')
    expect(toStoredFileName('shell.php.jpg', { ext: 'jpg', sha256 })).toBe('shell-php-ab12cd34ef.jpg')
    expect(toStoredFileName('第1讲 学习 (修订版).docx', { ext: 'docx', sha256 })).toBe('第1讲-学习-修订版-ab12cd34ef.docx')
  })

  it('avoids Windows reserved names', () => {
    expect(toSafeStem('CON.pdf')).toBe('_CON')
    expect(toSafeStem('lpt1')).toBe('_lpt1')
  })

  it('bounds very long names in bytes, never splitting a character', () => {
    const name = toStoredFileName('党员教育'.repeat(200) + '.pdf', { ext: 'pdf', sha256 })
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255)
    expect(name).toMatch(/^(党员教育)+[党员教育]*-ab12cd34ef\.pdf$/)
    expect(name).not.toContain('\uFFFD')
  })

  it('gives two different files with the same name different stored names', () => {
    const first = toStoredFileName('课件.pdf', { ext: 'pdf', sha256 })
    const second = toStoredFileName('课件.pdf', { ext: 'pdf', sha256: 'ff' + sha256.slice(2) })
    expect(first).not.toBe(second)
  })
})
