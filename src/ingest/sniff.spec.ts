import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { strToU8, zipSync, type Zippable } from 'fflate'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import {
  buildCfb,
  buildCjkPdf,
  buildDocx,
  buildElf,
  buildEncryptedOoxml,
  buildEncryptedPpt,
  buildLegacyDoc,
  buildLegacyPpt,
  buildLegacyXls,
  buildMsi,
  buildMp4Head,
  buildPptx,
  buildShellScript,
  buildWindowsExe,
  buildZipBombPptx,
  docxFiles,
  readLegacyFixture,
} from '../../tests/fixtures/ingest/build'
import { IngestError, type IngestErrorCode } from './errors'
import { getUploadPolicy } from './policy'
import { sniffUpload, sniffUploadFile } from './sniff'

const courseware = getUploadPolicy('courseware')
const videos = getUploadPolicy('videos')
const media = getUploadPolicy('media')

async function refusal(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  if (!(error instanceof IngestError)) throw new Error(`expected an IngestError, got ${String(error)}`)
  return error
}

function expectRefusal(error: IngestError, code: IngestErrorCode, status: number, zh: string, en: string): void {
  expect(error.code).toBe(code)
  expect(error.status).toBe(status)
  expect(error.data.code).toBe(code)
  expect(error.isPublic).toBe(true)
  expect(error.message).toContain(zh)
  expect(error.message).toContain(en)
}

const jpeg = (): Promise<Uint8Array> =>
  sharp({ create: { background: '#c00', channels: 3, height: 8, width: 8 } }).jpeg().toBuffer().then((buffer) => new Uint8Array(buffer))

describe('sniffUpload accepts what each collection allows, judged by content', () => {
  it('a PDF', async () => {
    const result = await sniffUpload(await buildCjkPdf(1), '党课课件.pdf', courseware)
    expect(result).toMatchObject({ ext: 'pdf', kind: 'pdf', mime: 'application/pdf' })
  })

  it('a PPTX and a DOCX', async () => {
    expect(await sniffUpload(buildPptx(), '课件.pptx', courseware)).toMatchObject({ ext: 'pptx', kind: 'pptx' })
    expect(await sniffUpload(buildDocx(), '讲稿.docx', courseware)).toMatchObject({ ext: 'docx', kind: 'docx' })
  })

  it('a PPTX saved with the legacy .ppt name is still a presentation', async () => {
    expect(await sniffUpload(buildPptx(), '老课件.ppt', courseware)).toMatchObject({ kind: 'pptx' })
  })

  it('legacy PowerPoint and Word compound files, told apart by their directory streams', async () => {
    expect(await sniffUpload(buildLegacyPpt(), '旧课件.ppt', courseware)).toMatchObject({ ext: 'ppt', kind: 'ppt', mime: 'application/vnd.ms-powerpoint' })
    expect(await sniffUpload(buildLegacyDoc(), '旧讲稿.doc', courseware)).toMatchObject({ ext: 'doc', kind: 'doc', mime: 'application/msword' })
  })

  it('a .doc and a .ppt written by LibreOffice (small streams in the mini stream)', async () => {
    expect(await sniffUpload(readLegacyFixture('legacy.doc'), '旧版讲稿.doc', courseware)).toMatchObject({ ext: 'doc', kind: 'doc' })
    expect(await sniffUpload(readLegacyFixture('legacy.ppt'), '旧版课件.ppt', courseware)).toMatchObject({ ext: 'ppt', kind: 'ppt' })
  })

  it('images in courseware and media; the stored extension comes from the content', async () => {
    expect(await sniffUpload(await jpeg(), '照片.JPEG', media)).toMatchObject({ ext: 'jpg', kind: 'image', mime: 'image/jpeg' })
    expect(await sniffUpload(await jpeg(), 'photo.jpg', courseware)).toMatchObject({ kind: 'image' })
  })

  it('a file without an extension is judged by its content alone', async () => {
    expect(await sniffUpload(await buildCjkPdf(1), '2024.03.15 党课', courseware)).toMatchObject({ kind: 'pdf' })
  })

  it('videos and audio in the videos collection', async () => {
    expect(await sniffUpload(buildMp4Head('isom'), '专题片.mp4', videos)).toMatchObject({ ext: 'mp4', kind: 'video' })
    expect(await sniffUpload(buildMp4Head('M4A '), '录音.m4a', videos)).toMatchObject({ ext: 'm4a', kind: 'audio' })
  })

  it('reads only the head of a large recording kept in a temporary file', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'sniff-'))
    try {
      const path = join(directory, 'upload')
      await writeFile(path, buildMp4Head('isom'))
      expect(await sniffUploadFile(path, '录制课.mp4', videos)).toMatchObject({ kind: 'video', size: 64 })
    } finally {
      await rm(directory, { force: true, recursive: true })
    }
  })
})

describe('sniffUpload refuses', () => {
  it('a Windows executable renamed .pdf (415)', async () => {
    const error = await refusal(sniffUpload(buildWindowsExe(), '课件.pdf', courseware))
    expectRefusal(error, 'executable_refused', 415, '不允许上传可执行文件或脚本：exe', 'Executable files and scripts are not allowed: exe')
  })

  it('an ELF binary and a shell script, whatever their names', async () => {
    expect((await refusal(sniffUpload(buildElf(), 'slides.pptx', courseware))).code).toBe('executable_refused')
    const script = await refusal(sniffUpload(buildShellScript(), 'notes.docx', courseware))
    expect(script).toMatchObject({ code: 'executable_refused', status: 415 })
    expect(script.data.detected).toBe('script')
  })

  it('a zip bomb disguised as .pptx, from the central directory, before expanding it (413)', async () => {
    const error = await refusal(sniffUpload(buildZipBombPptx(), '课件.pptx', courseware))
    expectRefusal(error, 'archive_too_large', 413, '疑似压缩炸弹', 'suspected zip bomb')
    expect(error.message).toContain('ppt/media/image1.png')
  })

  it('an encrypted Office file (CFB holding EncryptedPackage) named .docx (400)', async () => {
    const error = await refusal(sniffUpload(buildEncryptedOoxml(), '加密讲稿.docx', courseware))
    expectRefusal(error, 'encrypted_document', 400, '文件已加密（ooxml）', 'password-protected (ooxml)')
  })

  it('an encrypted PDF (/Encrypt in the trailer)', async () => {
    const encrypted = new Uint8Array(readFileSync(new URL('../../tests/fixtures/ingest/encrypted.pdf', import.meta.url)))
    expectRefusal(await refusal(sniffUpload(encrypted, '加密.pdf', courseware)), 'encrypted_document', 400, '文件已加密（pdf）', 'password-protected (pdf)')
  })

  it('a truncated PDF (no %%EOF)', async () => {
    const pdf = await buildCjkPdf(2)
    const error = await refusal(sniffUpload(pdf.subarray(0, Math.floor(pdf.length / 2)), '半截.pdf', courseware))
    expectRefusal(error, 'corrupt_document', 400, '文件已损坏或不完整（pdf）：缺少 %%EOF', 'damaged or incomplete (pdf): missing %%EOF')
  })

  it('a truncated PPTX (no zip directory)', async () => {
    const pptx = buildPptx()
    const error = await refusal(sniffUpload(pptx.subarray(0, pptx.length - 100), '半截.pptx', courseware))
    expect(error).toMatchObject({ code: 'corrupt_document', status: 400 })
  })

  it('a zip named .docx without the Office main part', async () => {
    const files = docxFiles()
    delete (files as Record<string, string | undefined>)['word/document.xml']
    const zip = zipSync(Object.fromEntries(Object.entries(files).map(([name, body]) => [name, strToU8(body)])) as Zippable)
    const error = await refusal(sniffUpload(zip, '讲稿.docx', courseware))
    expectRefusal(error, 'corrupt_document', 400, '缺少主文档 word/document.xml', 'main part word/document.xml is missing')
  })

  it('a plain zip archive', async () => {
    const zip = zipSync({ 'readme.txt': strToU8('hello') })
    expectRefusal(await refusal(sniffUpload(zip, '资料.zip', courseware)), 'unsupported_type', 415, '不支持的文件类型：zip', 'Unsupported file type: zip')
  })

  it('a JPEG renamed .pptx (content and extension disagree)', async () => {
    const error = await refusal(sniffUpload(await jpeg(), '课件.pptx', courseware))
    expectRefusal(error, 'type_mismatch', 415, '文件内容（jpg）与扩展名 .pptx 不符', 'File content (jpg) does not match its extension .pptx')
  })

  it('a PDF named .html', async () => {
    expect((await refusal(sniffUpload(await buildCjkPdf(1), 'page.html', courseware))).code).toBe('type_mismatch')
  })

  it('a file over the per-kind size limit (413), before reading all of it', async () => {
    const policy = getUploadPolicy('courseware', { maxBytes: { pdf: 1024 } })
    const error = await refusal(sniffUpload(await buildCjkPdf(1), '大文件.pdf', policy))
    expectRefusal(error, 'file_too_large', 413, '文件过大', 'File too large')
    expect(error.data.limitBytes).toBe(1024)
  })

  it('a kind the collection does not take: a video in courseware, a PDF in media', async () => {
    expectRefusal(await refusal(sniffUpload(buildMp4Head(), '片子.mp4', courseware)), 'unsupported_type', 415, '不支持的文件类型：mp4', 'Unsupported file type: mp4')
    expect((await refusal(sniffUpload(await buildCjkPdf(1), 'a.pdf', media))).code).toBe('unsupported_type')
  })

  it('unknown content (plain text) and an empty file', async () => {
    expect((await refusal(sniffUpload(strToU8('就是一段文字'), 'a.pdf', courseware))).code).toBe('unsupported_type')
    expectRefusal(await refusal(sniffUpload(new Uint8Array(0), 'a.pdf', courseware)), 'empty_file', 400, '文件为空', 'The file is empty')
  })

  it('a compound file that is neither PowerPoint nor Word: an Excel .xls (real and hand-built) named .ppt/.doc, an unknown one', async () => {
    expectRefusal(await refusal(sniffUpload(readLegacyFixture('legacy.xls'), '名单.doc', courseware)), 'unsupported_type', 415, '不支持的文件类型：xls', 'Unsupported file type: xls')
    expect((await refusal(sniffUpload(buildLegacyXls(), '名单.ppt', courseware))).code).toBe('unsupported_type')
    const unknown = buildCfb({ Contents: new Uint8Array(4096) })
    expect((await refusal(sniffUpload(unknown, 'setup.ppt', courseware))).code).toBe('unsupported_type')
  })

  it('a Windows Installer package (.msi, a compound file) named .doc, as an executable (415)', async () => {
    expectRefusal(await refusal(sniffUpload(buildMsi(), '安装包.doc', courseware)), 'executable_refused', 415, '不允许上传可执行文件或脚本：msi', 'Executable files and scripts are not allowed: msi')
  })

  it('a password-protected .doc (written by LibreOffice; FIB fEncrypted) and .ppt (encrypted CurrentUserAtom token) (400)', async () => {
    expectRefusal(await refusal(sniffUpload(readLegacyFixture('legacy-encrypted.doc'), '加密讲稿.doc', courseware)), 'encrypted_document', 400, '文件已加密（doc）', 'password-protected (doc)')
    expectRefusal(await refusal(sniffUpload(buildEncryptedPpt(), '加密课件.ppt', courseware)), 'encrypted_document', 400, '文件已加密（ppt）', 'password-protected (ppt)')
    expect((await refusal(sniffUpload(buildLegacyDoc({ encrypted: true }), 'a.doc', courseware))).code).toBe('encrypted_document')
    expect((await refusal(sniffUpload(buildLegacyPpt({ encrypted: true }), 'a.ppt', courseware))).code).toBe('encrypted_document')
  })

  it('a truncated .doc and .ppt, and a WordDocument stream without a Word header (400 corrupt)', async () => {
    for (const [name, bytes] of [['半截.doc', readLegacyFixture('legacy.doc')], ['半截.ppt', readLegacyFixture('legacy.ppt')]] as const) {
      for (const length of [bytes.length - 512, Math.floor(bytes.length / 2), 1024]) {
        expect((await refusal(sniffUpload(bytes.subarray(0, length), name, courseware))).code).toBe('corrupt_document')
      }
    }
    const headless = buildCfb({ '1Table': new Uint8Array(4096), WordDocument: new Uint8Array(8192).fill(0xec) })
    expectRefusal(await refusal(sniffUpload(headless, 'a.doc', courseware)), 'corrupt_document', 400, 'WordDocument 数据流缺少 Word 文件头', 'WordDocument stream has no Word header')
  })
})
