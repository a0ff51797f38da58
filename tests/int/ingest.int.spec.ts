import type { Payload } from 'payload'

import { createLocalReq } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  buildCjkPdf,
  buildDocx,
  buildEncryptedOoxml,
  buildEncryptedPpt,
  buildLegacyPpt,
  buildMsi,
  buildPptx,
  buildWindowsExe,
  buildZipBombPptx,
  LEGACY_DOC_PARAGRAPHS,
  readLegacyFixture,
} from '../fixtures/ingest/build'
import { sha256OfBytes } from '@/ingest/checksum'
import { duplicateAfterWriteError } from '@/ingest/hooks/duplicateRace'
import { DuplicateFileError } from '@/ingest/hooks/duplicates'

import { createJurisdictionTree, createUser, TEST_PASSWORD, type Tree } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { downloadViaRest, storedFiles, uploadViaRest } from '../helpers/upload'

let payload: Payload
let stop: () => Promise<void>
let rest: RestClient
let tree: Tree
let townToken: string
let otherTownToken: string
let memberToken: string

const countCourseware = async () => (await payload.count({ collection: 'courseware', overrideAccess: true })).totalDocs

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  rest = new RestClient(payload)
  tree = await createJurisdictionTree(payload)
  await createUser(payload, { email: 'town@test.cn', jurisdiction: tree.town.id, role: 'instructor' })
  await createUser(payload, { email: 'other@test.cn', jurisdiction: tree.otherTown.id, role: 'instructor' })
  townToken = await rest.login('town@test.cn', TEST_PASSWORD)
  otherTownToken = await rest.login('other@test.cn', TEST_PASSWORD)
  await createUser(payload, { email: 'member@test.cn', jurisdiction: tree.otherTown.id, role: 'member' })
  memberToken = await rest.login('member@test.cn', TEST_PASSWORD)
})

afterAll(async () => {
  delete process.env.INGEST_MAX_MB_COURSEWARE_PDF
  await stop()
})

const truncated = (bytes: Uint8Array): Uint8Array => bytes.subarray(0, Math.floor(bytes.length / 2))
const jpeg = async (): Promise<Uint8Array> =>
  new Uint8Array(await sharp({ create: { background: '#c00', channels: 3, height: 32, width: 32 } }).jpeg().toBuffer())

interface BadInput {
  name: string
  filename: string
  mimetype: string
  bytes: () => Promise<Uint8Array> | Uint8Array
  status: number
  code: string
  env?: Record<string, string>
}

const BAD_INPUTS: BadInput[] = [
  { bytes: buildWindowsExe, code: 'executable_refused', filename: '党课讲稿.pdf', mimetype: 'application/pdf', name: 'an .exe renamed .pdf', status: 415 },
  { bytes: () => buildZipBombPptx(), code: 'archive_too_large', filename: '压缩炸弹.pptx', mimetype: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', name: 'a zip bomb named .pptx', status: 413 },
  { bytes: buildEncryptedOoxml, code: 'encrypted_document', filename: '加密文档.docx', mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', name: 'a password-protected .docx', status: 400 },
  { bytes: async () => truncated(await buildCjkPdf(2)), code: 'corrupt_document', filename: '损坏.pdf', mimetype: 'application/pdf', name: 'a truncated (corrupt) PDF', status: 400 },
  { bytes: () => buildCjkPdf(3), code: 'file_too_large', env: { INGEST_MAX_MB_COURSEWARE_PDF: '0.001' }, filename: '超大.pdf', mimetype: 'application/pdf', name: 'a PDF over the courseware limit', status: 413 },
  { bytes: jpeg, code: 'type_mismatch', filename: '照片.pptx', mimetype: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', name: 'a JPEG renamed .pptx', status: 415 },
  { bytes: () => readLegacyFixture('legacy-encrypted.doc'), code: 'encrypted_document', filename: '加密讲稿.doc', mimetype: 'application/msword', name: 'a password-protected legacy .doc', status: 400 },
  { bytes: buildEncryptedPpt, code: 'encrypted_document', filename: '加密课件.ppt', mimetype: 'application/vnd.ms-powerpoint', name: 'a password-protected legacy .ppt', status: 400 },
  { bytes: () => truncated(readLegacyFixture('legacy.doc')), code: 'corrupt_document', filename: '半截讲稿.doc', mimetype: 'application/msword', name: 'a truncated legacy .doc', status: 400 },
  { bytes: () => readLegacyFixture('legacy.xls'), code: 'unsupported_type', filename: '党员名单.doc', mimetype: 'application/msword', name: 'an Excel .xls (compound file) renamed .doc', status: 415 },
  { bytes: buildMsi, code: 'executable_refused', filename: '安装程序.ppt', mimetype: 'application/vnd.ms-powerpoint', name: 'a Windows Installer .msi renamed .ppt', status: 415 },
]

describe('upload checks (REST multipart)', () => {
  for (const bad of BAD_INPUTS) {
    it(`refuses ${bad.name} with ${bad.status} ${bad.code}, bilingual, leaving no file and no record`, async () => {
      Object.assign(process.env, bad.env)
      const filesBefore = await storedFiles(payload, 'courseware')
      const recordsBefore = await countCourseware()
      try {
        const { body, status } = await uploadViaRest(payload, 'courseware', {
          bytes: await bad.bytes(),
          data: { jurisdiction: tree.town.id },
          filename: bad.filename,
          mimetype: bad.mimetype,
          token: townToken,
        })
        expect(status).toBe(bad.status)
        const [error] = body.errors
        expect(error.data.code).toBe(bad.code)
        expect(error.message).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/)
      } finally {
        for (const key of Object.keys(bad.env ?? {})) delete process.env[key]
      }
      expect(await storedFiles(payload, 'courseware')).toEqual(filesBefore)
      expect(await countCourseware()).toBe(recordsBefore)
    })
  }

  it('refuses the same bad file through the Local API too', async () => {
    const exe = Buffer.from(buildWindowsExe())
    await expect(
      payload.create({
        collection: 'courseware',
        data: { jurisdiction: tree.town.id, title: 'x', visibility: 'shared' },
        file: { data: exe, mimetype: 'application/pdf', name: 'x.pdf', size: exe.length },
      }),
    ).rejects.toMatchObject({ status: 415 })
  })

  it('keeps a Chinese name for display and stores a safe name on disk', async () => {
    const pdf = await buildCjkPdf(1)
    const { body, status } = await uploadViaRest(payload, 'courseware', {
      bytes: pdf,
      data: { _status: 'published', jurisdiction: tree.town.id },
      filename: '..\\..\\2024 党员教育培训（第一讲）.pdf',
      mimetype: 'application/octet-stream',
      token: townToken,
    })
    expect(status).toBe(201)
    const doc = body.doc
    expect(doc.originalFilename).toBe('2024 党员教育培训（第一讲）.pdf')
    expect(doc.title).toBe('2024 党员教育培训（第一讲）')
    expect(doc.filename).toMatch(/^2024-党员教育培训-第一讲-[0-9a-f]{10}\.pdf$/)
    expect(doc.mimeType).toBe('application/pdf')
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(doc.extractionStatus).toBe('pending')
    expect(await storedFiles(payload, 'courseware')).toContain(doc.filename)
  })

  it('ignores hash and extraction fields sent by a client', async () => {
    const pdf = await buildCjkPdf(4)
    const { body } = await uploadViaRest(payload, 'courseware', {
      bytes: pdf,
      data: { extractionStatus: 'done', jurisdiction: tree.town.id, sha256: 'f'.repeat(64), title: '伪造字段' },
      filename: 'forged.pdf',
      token: townToken,
    })
    expect(body.doc.sha256).not.toBe('f'.repeat(64))
    expect(body.doc.extractionStatus).toBe('pending')
    const patched = await rest.update('courseware', body.doc.id, { extractionStatus: 'done', sha256: 'e'.repeat(64) }, townToken)
    expect(patched.status).toBe(200)
    expect(patched.body.doc.sha256).toBe(body.doc.sha256)
    expect(patched.body.doc.extractionStatus).toBe('pending')
  })
})

describe('duplicates across jurisdictions', () => {
  // The zip writer stamps the time, so each distinct file is built once and its bytes reused.
  const built = new Map<string, Uint8Array>()
  const docxOf = (paragraphs: string[]): Uint8Array => {
    const key = paragraphs.join('\n')
    if (!built.has(key)) built.set(key, buildDocx(paragraphs))
    return built.get(key)!
  }
  const uploadDocx = (token: string, paragraphs: string[], data: Record<string, unknown>) => {
    const jurisdiction = token === townToken ? tree.town.id : tree.otherTown.id
    return uploadViaRest(payload, 'courseware', { bytes: docxOf(paragraphs), data: { jurisdiction, ...data }, filename: '重复的课件.docx', token })
  }

  it('names the existing item when the uploader can see it', async () => {
    const paragraphs = ['乡村振兴 共享课件']
    const first = await uploadDocx(townToken, paragraphs, { _status: 'published', title: '共享的课件', visibility: 'shared' })
    expect(first.status).toBe(201)
    const filesBefore = await storedFiles(payload, 'courseware')
    const second = await uploadDocx(otherTownToken, paragraphs, { _status: 'published', title: '再传一次' })
    expect(second.status).toBe(409)
    const [error] = second.body.errors
    expect(error.data).toMatchObject({
      code: 'duplicate_file',
      existingId: first.body.doc.id,
      existingJurisdiction: { id: tree.town.id, name: tree.town.name },
      existingTitle: '共享的课件',
      existingUrl: `/admin/collections/courseware/${first.body.doc.id}`,
      visible: true,
    })
    expect(error.message).toContain(`该文件已在库中：《共享的课件》（${tree.town.name}，编号 ${first.body.doc.id}），请直接引用，无需重复上传：/admin/collections/courseware/${first.body.doc.id}`)
    expect(await storedFiles(payload, 'courseware')).toEqual(filesBefore)
  })

  it('says only that it exists when the item is not shared with the uploader', async () => {
    const paragraphs = ['本辖区 内部课件']
    const first = await uploadDocx(townToken, paragraphs, { _status: 'published', title: '本镇内部课件', visibility: 'local' })
    expect(first.status).toBe(201)
    const recordsBefore = await countCourseware()
    const second = await uploadDocx(otherTownToken, paragraphs, { _status: 'published', title: '别处上传' })
    expect(second.status).toBe(409)
    const [error] = second.body.errors
    expect(error.data).toMatchObject({ code: 'duplicate_file', visible: false })
    expect(error.data.existingId).toBeUndefined()
    expect(error.data.existingUrl).toBeUndefined()
    expect(error.data.existingJurisdiction).toEqual({ id: tree.town.id, name: tree.town.name })
    expect(error.message).not.toContain('本镇内部课件')
    expect(error.message).toContain(`该文件已由其他辖区（${tree.town.name}）上传，但未向您共享`)
    expect(await countCourseware()).toBe(recordsBefore)
  })

  it('lets an item be re-uploaded onto itself, and refuses another item’s file on update', async () => {
    const mine = await uploadDocx(townToken, ['更新 自己的文件'], { title: '自己的' })
    const other = await uploadDocx(townToken, ['更新 另一个文件'], { title: '另一个' })
    const self = await uploadViaRest(payload, 'courseware', {
      bytes: docxOf(['更新 自己的文件']),
      filename: 'again.docx',
      method: 'PATCH',
      path: `/courseware/${mine.body.doc.id}`,
      token: townToken,
    })
    expect(self.status).toBe(200)
    const clash = await uploadViaRest(payload, 'courseware', {
      bytes: docxOf(['更新 自己的文件']),
      filename: 'clash.docx',
      method: 'PATCH',
      path: `/courseware/${other.body.doc.id}`,
      token: townToken,
    })
    expect(clash.status).toBe(409)
  })
})

describe('downloads offer the name the file was uploaded with', () => {
  const filenameStar = (header: null | string): string => decodeURIComponent(/filename\*=UTF-8''([^;\s]+)/.exec(header ?? '')?.[1] ?? '')
  const asciiName = (header: null | string): string => /filename="([^"]*)"/.exec(header ?? '')?.[1] ?? ''

  it('courseware: the Chinese name in filename* (inline for a PDF), an ASCII fallback, the bytes unchanged, ranges too', async () => {
    const pdf = await buildCjkPdf(5)
    const { body } = await uploadViaRest(payload, 'courseware', {
      bytes: pdf,
      data: { _status: 'published', jurisdiction: tree.town.id, visibility: 'shared' },
      filename: '2024 党员教育培训（下载测试）.pdf',
      token: townToken,
    })
    const path = `/courseware/file/${encodeURIComponent(body.doc.filename)}`
    const whole = await downloadViaRest(payload, path, { token: otherTownToken })
    expect(whole.status).toBe(200)
    const disposition = whole.headers.get('content-disposition')
    expect(disposition).toMatch(/^inline; filename="[\x20-\x7e]+"; filename\*=UTF-8''/)
    expect(filenameStar(disposition)).toBe('2024 党员教育培训（下载测试）.pdf')
    expect(asciiName(disposition)).toBe(`courseware-${body.doc.id}.pdf`)
    expect(whole.bytes).toEqual(pdf)
    const part = await downloadViaRest(payload, `${path}?download=1`, { headers: { Range: 'bytes=0-7' }, token: otherTownToken })
    expect(part.status).toBe(206)
    expect(new TextDecoder().decode(part.bytes)).toBe('%PDF-1.7')
    expect(part.headers.get('content-disposition')).toMatch(/^attachment; /)
    expect(filenameStar(part.headers.get('content-disposition'))).toBe('2024 党员教育培训（下载测试）.pdf')
  })

  it('a legacy .ppt and a PPTX named .ppt are saved (attachment) under the name given, with the stored type’s extension', async () => {
    for (const [bytes, filename, expected] of [
      [buildLegacyPpt(), '旧版（下载）.ppt', '旧版（下载）.ppt'],
      [buildPptx([{ body: ['下载'], notes: '', title: '改名的演示文稿' }]), '其实是新版.ppt', '其实是新版.pptx'],
    ] as const) {
      const { body, status } = await uploadViaRest(payload, 'courseware', { bytes, data: { jurisdiction: tree.town.id }, filename, token: townToken })
      expect(status).toBe(201)
      const download = await downloadViaRest(payload, `/courseware/file/${encodeURIComponent(body.doc.filename)}`, { token: townToken })
      expect(download.status).toBe(200)
      expect(download.headers.get('content-disposition')).toMatch(/^attachment; /)
      expect(filenameStar(download.headers.get('content-disposition'))).toBe(expected)
    }
  })

  it('says nothing about a file the reader may not see (local item, other town): no name, no bytes', async () => {
    const { body } = await uploadViaRest(payload, 'courseware', {
      bytes: buildDocx(['本镇内部 下载']),
      data: { _status: 'published', jurisdiction: tree.town.id, visibility: 'local' },
      filename: '内部讲稿（不外传）.docx',
      token: townToken,
    })
    const refused = await downloadViaRest(payload, `/courseware/file/${encodeURIComponent(body.doc.filename)}`, { token: otherTownToken })
    expect(refused.status).toBeGreaterThanOrEqual(400)
    expect(refused.headers.get('content-disposition')).toBeNull()
    expect(new TextDecoder().decode(refused.bytes)).not.toContain('内部讲稿')
  })

  it('pictures (media) too: the original name with the extension of the stored WebP', async () => {
    const picture = Buffer.from(await jpeg())
    const media = await payload.create({
      collection: 'media',
      data: { alt: '合影', jurisdiction: tree.town.id },
      file: { data: picture, mimetype: 'image/jpeg', name: '支部合影（2024）.jpg', size: picture.length },
    })
    const download = await downloadViaRest(payload, `/media/file/${encodeURIComponent(media.filename!)}`)
    expect(download.status).toBe(200)
    expect(filenameStar(download.headers.get('content-disposition'))).toBe('支部合影（2024）.webp')
  })
})

describe('early duplicate check (GET /api/<collection>/duplicate?sha256=…), asked by the admin when a file is chosen', () => {
  const check = (query: string, token?: string) => rest.request('GET', `/courseware/duplicate?${query}`, { token })

  it('tells a visible item with its link, a hidden one by its jurisdiction only, and an unknown file as none', async () => {
    const shared = await uploadViaRest(payload, 'courseware', {
      bytes: buildDocx(['预先检查 共享']),
      data: { _status: 'published', jurisdiction: tree.town.id, title: '预先检查的共享课件', visibility: 'shared' },
      filename: 'a.docx',
      token: townToken,
    })
    const local = await uploadViaRest(payload, 'courseware', {
      bytes: buildDocx(['预先检查 本辖区']),
      data: { _status: 'published', jurisdiction: tree.town.id, title: '预先检查的内部课件', visibility: 'local' },
      filename: 'b.docx',
      token: townToken,
    })
    const visible = await check(`sha256=${shared.body.doc.sha256}`, otherTownToken)
    expect(visible.status).toBe(200)
    expect(visible.body).toMatchObject({
      duplicate: true,
      existingId: shared.body.doc.id,
      existingJurisdiction: { id: tree.town.id, name: tree.town.name },
      existingTitle: '预先检查的共享课件',
      existingUrl: `/admin/collections/courseware/${shared.body.doc.id}`,
      visible: true,
    })
    const hidden = await check(`sha256=${local.body.doc.sha256}`, otherTownToken)
    expect(hidden.body).toMatchObject({ duplicate: true, existingJurisdiction: { name: tree.town.name }, visible: false })
    expect(JSON.stringify(hidden.body)).not.toContain('预先检查的内部课件')
    expect(hidden.body.existingId).toBeUndefined()
    expect(hidden.body.existingUrl).toBeUndefined()
    expect((await check(`sha256=${'0'.repeat(64)}`, otherTownToken)).body).toEqual({ duplicate: false })
    expect((await check(`sha256=${shared.body.doc.sha256}&exclude=${shared.body.doc.id}`, townToken)).body).toEqual({ duplicate: false })
  })

  it.each([
    ['a malformed hash', 'sha256=xyz', 'town', 400],
    ['no hash', '', 'town', 400],
    ['an anonymous visitor', `sha256=${'a'.repeat(64)}`, undefined, 401],
    ['a member (may not upload)', `sha256=${'a'.repeat(64)}`, 'member', 403],
  ] as const)('refuses %s with %i and a bilingual message', async (_case, query, who, status) => {
    const token = who === 'town' ? townToken : who === 'member' ? memberToken : undefined
    const response = await check(query, token)
    expect(response.status).toBe(status)
    expect(response.body.errors[0].message).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/)
  })
})

describe('simultaneous uploads of one file', () => {
  const courseOf = async (sha256: string) =>
    (await payload.find({ collection: 'courseware', depth: 0, draft: true, overrideAccess: true, where: { sha256: { equals: sha256 } } })).docs

  it.each([
    ['the same name from two towns (4 at once)', ['同一份讲稿.docx', '同一份讲稿.docx', '同一份讲稿.docx', '同一份讲稿.docx']],
    ['different names (3 at once)', ['甲镇讲稿.docx', '乙镇讲稿.docx', '丙镇讲稿.docx']],
  ] as const)('store one item and answer 409 duplicate_file to the others, leaving no stray file: %s', async (_case, names) => {
    const bytes = buildDocx([`并发上传 ${names.join(' ')}`])
    const filesBefore = await storedFiles(payload, 'courseware')
    const responses = await Promise.all(
      names.map((filename, index) =>
        uploadViaRest(payload, 'courseware', {
          bytes,
          data: { _status: 'published', jurisdiction: index % 2 ? tree.otherTown.id : tree.town.id, title: `并发 ${index}`, visibility: 'shared' },
          filename,
          token: index % 2 ? otherTownToken : townToken,
        }),
      ),
    )
    const statuses = responses.map((response) => response.status).sort()
    expect(statuses).toEqual([201, ...Array(names.length - 1).fill(409)])
    const stored = responses.find((response) => response.status === 201)!.body.doc
    for (const refused of responses.filter((response) => response.status === 409)) {
      const [error] = refused.body.errors
      expect(error.data).toMatchObject({ code: 'duplicate_file', existingId: stored.id, existingTitle: stored.title, visible: true })
      expect(error.message).toMatch(/^该文件已在库中：《并发 \d》.* \/ This file is already in the library/)
    }
    expect((await courseOf(stored.sha256)).map((doc) => doc.id)).toEqual([stored.id])
    expect(await storedFiles(payload, 'courseware')).toEqual([...filesBefore, stored.filename].sort())
  })

  it('through the Local API (no afterError hooks): duplicateAfterWriteError turns the refused write into the 409 and, given its req, removes its file', async () => {
    const bytes = Buffer.from(buildDocx(['并发 本地接口']))
    const sha256 = await sha256OfBytes(bytes)
    const filesBefore = await storedFiles(payload, 'courseware')
    const requests = await Promise.all([0, 1, 2].map(() => createLocalReq({}, payload)))
    const outcomes = await Promise.allSettled(
      requests.map((req, index) =>
        payload.create({
          collection: 'courseware',
          req,
          data: { _status: 'published', jurisdiction: tree.town.id, title: `本地并发 ${index}`, visibility: 'shared' },
          file: { data: bytes, mimetype: 'application/octet-stream', name: `本地并发${index}.docx`, size: bytes.length },
        }),
      ),
    )
    const stored = outcomes.filter((outcome) => outcome.status === 'fulfilled')
    expect(stored).toHaveLength(1)
    const winner = (stored[0] as PromiseFulfilledResult<{ filename?: null | string; id: number | string }>).value
    for (const [index, outcome] of outcomes.entries()) {
      if (outcome.status === 'fulfilled') continue
      const duplicate = await duplicateAfterWriteError({ collection: 'courseware', error: outcome.reason, payload, req: requests[index], sha256 })
      expect(duplicate).toBeInstanceOf(DuplicateFileError)
      expect(duplicate!.status).toBe(409)
      expect(duplicate!.data).toMatchObject({ code: 'duplicate_file', existingId: winner.id, visible: true })
    }
    expect(await storedFiles(payload, 'courseware')).toEqual([...filesBefore, winner.filename].sort())
    expect(await duplicateAfterWriteError({ collection: 'courseware', error: new Error('disk full'), payload, sha256 })).toBeUndefined()
  })
})

describe('text extraction job', () => {
  const extractAll = async () => {
    await payload.jobs.run({ limit: 100 })
  }

  it.each([
    ['PPTX', () => buildPptx(), '课件.pptx', 3, ['第一张 党员教育培训课件', '備註：鄉村振興案例']],
    ['DOCX', () => buildDocx(), '讲稿.docx', 2, ['党员教育培训课件', '黨員教育培訓課件']],
    ['PDF', () => buildCjkPdf(3), '讲义.pdf', 3, ['乡村振兴与基层治理', '鄉村振興與基層治理']],
  ] as const)('extracts %s text with page numbers, off the request path', async (_kind, build, filename, pages, expected) => {
    const bytes = await build()
    const { body, status } = await uploadViaRest(payload, 'courseware', { bytes, data: { _status: 'published', jurisdiction: tree.town.id }, filename, token: townToken })
    expect(status).toBe(201)
    expect(body.doc.extractionStatus).toBe('pending')
    await extractAll()
    const doc = await payload.findByID({ id: body.doc.id, collection: 'courseware', depth: 0 })
    expect(doc.extractionStatus).toBe('done')
    expect(doc.pageCount).toBe(pages)
    const text = (doc.fileText as { pages: string[] }).pages
    for (const phrase of expected) expect(text.join('\n')).toContain(phrase)
    if (_kind === 'PPTX') expect(text[0]).toContain('第一张')
    if (_kind === 'PDF') expect(text[2]).toContain('Page 3')
  })

  it('extracts a seed PDF that uses the non-embedded STSong-Light font, and makes a first-page preview', async () => {
    const { buildTextPdf } = await import('@/seed/pdf')
    const pdf = buildTextPdf('党史学习教育', ['学习党史，坚定信念。', '黨員教育培訓'])
    const created = await payload.create({
      collection: 'courseware',
      data: { _status: 'published', jurisdiction: tree.town.id, title: '种子课件', visibility: 'shared' },
      file: { data: pdf, mimetype: 'application/pdf', name: '种子课件.pdf', size: pdf.length },
    })
    await extractAll()
    const doc = await payload.findByID({ id: created.id, collection: 'courseware', depth: 0 })
    expect(doc.extractionStatus).toBe('done')
    expect((doc.fileText as { pages: string[] }).pages[0]).toContain('学习党史')
    expect(doc.preview).toBeTruthy()
  })

  it('stores a legacy .doc (LibreOffice) under its Chinese name and extracts its text', async () => {
    const { body, status } = await uploadViaRest(payload, 'courseware', {
      bytes: readLegacyFixture('legacy.doc'),
      data: { _status: 'published', jurisdiction: tree.town.id },
      filename: '旧版讲稿（2003）.doc',
      mimetype: 'application/octet-stream',
      token: townToken,
    })
    expect(status).toBe(201)
    expect(body.doc).toMatchObject({ mimeType: 'application/msword', originalFilename: '旧版讲稿（2003）.doc', title: '旧版讲稿（2003）' })
    expect(body.doc.filename).toMatch(/^旧版讲稿-2003-[0-9a-f]{10}\.doc$/)
    expect(await storedFiles(payload, 'courseware')).toContain(body.doc.filename)
    await extractAll()
    const doc = await payload.findByID({ id: body.doc.id, collection: 'courseware', depth: 0 })
    expect(doc).toMatchObject({ extractionError: null, extractionStatus: 'done' })
    const text = (doc.fileText as { pages: string[] }).pages.join('\n')
    for (const paragraph of LEGACY_DOC_PARAGRAPHS) expect(text).toContain(paragraph)
  })

  it('stores a legacy .ppt (LibreOffice) and says plainly that its text cannot be extracted, not that extraction failed', async () => {
    const { body, status } = await uploadViaRest(payload, 'courseware', {
      bytes: readLegacyFixture('legacy.ppt'),
      data: { _status: 'published', jurisdiction: tree.town.id },
      filename: '旧版课件.ppt',
      token: townToken,
    })
    expect(status).toBe(201)
    expect(body.doc).toMatchObject({ mimeType: 'application/vnd.ms-powerpoint', originalFilename: '旧版课件.ppt' })
    expect(await storedFiles(payload, 'courseware')).toContain(body.doc.filename)
    await extractAll()
    const doc = await payload.findByID({ id: body.doc.id, collection: 'courseware', depth: 0 })
    expect(doc.extractionStatus).toBe('unsupported')
    expect(doc.extractionError).toMatch(/^旧版 PowerPoint（\.ppt）文件暂不支持文字提取：文件已保存.* \/ text extraction is not available for legacy PowerPoint \(\.ppt\) files/)
    expect(doc.extractionError).not.toMatch(/Error|\bat /)
  })

  it('marks an image courseware "unsupported" and keeps a draft a draft', async () => {
    const bytes = await jpeg()
    const created = await payload.create({
      collection: 'courseware',
      data: { jurisdiction: tree.town.id, title: '一张照片' },
      draft: true,
      file: { data: Buffer.from(bytes), mimetype: 'image/jpeg', name: '照片.jpg', size: bytes.length },
    })
    await extractAll()
    const doc = await payload.findByID({ id: created.id, collection: 'courseware', depth: 0, draft: true })
    expect(doc.extractionStatus).toBe('unsupported')
    expect(doc.extractionError).toBe('图片不提取文字 / pictures carry no extractable text')
    expect(doc._status).toBe('draft')
  })
})
