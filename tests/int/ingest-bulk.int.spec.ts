/**
 * The bulk path of `npm run import` (batches written through src/database/bulkInsert.ts) against items made by
 * `payload.create`: same stored document, version, jobs and search-outbox row; same access rule; searchable after
 * the drain; extracted by its job; duplicates, bad rows, database refusals and interruptions handled row by row.
 * Runs on SQLite and, with a mongodb:// DATABASE_URI, on MongoDB wire (FerretDB in CI).
 */
import type { Payload } from 'payload'

import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createLocalReq } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { withBulkWriter } from '@/database/bulkInsert'
import { sha256OfBytes } from '@/ingest/checksum'
import { toStoredFileName } from '@/ingest/filenames'
import { duplicateAfterWriteError } from '@/ingest/hooks/duplicateRace'
import { runImport } from '@/ingest/bulk/run'
import { drainSearchOutbox } from '@/search/sync'
import { readStoredFile, writeNewStoredFile } from '@/storage/storedFiles'

import { buildCjkPdf, buildDocx, buildWindowsExe } from '../fixtures/ingest/build'
import { createJurisdictionTree, createUser, TEST_PASSWORD, type Tree } from '../helpers/fixtures'
import { startPayload, testDatabase } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { storedFiles } from '../helpers/upload'

let payload: Payload
let stop: () => Promise<void>
let rest: RestClient
let tree: Tree
let workDir: string
let themeId: number | string
let lecturerId: number | string
const tokens: Record<'district' | 'other' | 'same', string> = { district: '', other: '', same: '' }

const HEADER = 'title,file,kind,themes,audiences,jurisdiction,visibility,lecturer'
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  rest = new RestClient(payload)
  tree = await createJurisdictionTree(payload)
  themeId = (await payload.create({ collection: 'themes', data: { name: '乡村振兴' } })).id
  await payload.create({ collection: 'themes', data: { name: '党史学习' } })
  lecturerId = (await payload.create({ collection: 'lecturers', data: { jurisdiction: tree.town.id, kind: 'veteran', name: '张老师', visibility: 'shared' } })).id
  await createUser(payload, { email: 'same@bulk.cn', jurisdiction: tree.town.id, role: 'member' })
  await createUser(payload, { email: 'other@bulk.cn', jurisdiction: tree.otherTown.id, role: 'member' })
  await createUser(payload, { email: 'district@bulk.cn', jurisdiction: tree.district.id, role: 'organizer' })
  tokens.same = await rest.login('same@bulk.cn', TEST_PASSWORD)
  tokens.other = await rest.login('other@bulk.cn', TEST_PASSWORD)
  tokens.district = await rest.login('district@bulk.cn', TEST_PASSWORD)
  workDir = mkdtempSync(path.join(os.tmpdir(), 'commons-bulk-'))
})

afterAll(async () => {
  rmSync(workDir, { force: true, recursive: true })
  await stop()
})

let batches = 0

/** A manifest folder with its files; returns the manifest's path. */
function writeManifest(files: Record<string, Uint8Array>, rows: string[]): string {
  const folder = path.join(workDir, `batch-${++batches}`)
  for (const [name, bytes] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true })
    writeFileSync(path.join(folder, name), bytes)
  }
  mkdirSync(folder, { recursive: true })
  writeFileSync(path.join(folder, 'manifest.csv'), `${HEADER}\n${rows.join('\n')}\n`)
  return path.join(folder, 'manifest.csv')
}

const errorLines = (manifest: string): string[] => readFileSync(`${manifest}.errors.csv`, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1)
const stateOf = (manifest: string) =>
  readFileSync(`${manifest}.import-state.jsonl`, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: number | string; key: string; outcome: string })

const byTitle = async (title: string, draft = false) =>
  (await payload.find({ collection: 'courseware', depth: 0, draft, overrideAccess: true, pagination: false, where: { title: { equals: title } } })).docs
const countOf = async (collection: 'courseware' | 'payload-jobs' | 'search-outbox') => (await payload.count({ collection, overrideAccess: true })).totalDocs

/** What may differ between two items made from different files at different times. */
const OWN_FIELDS = ['id', 'title', 'sha256', 'filename', 'url', 'originalFilename', 'filesize', 'createdAt', 'updatedAt']
const withoutOwn = (doc: Record<string, unknown>, fields = OWN_FIELDS) => Object.fromEntries(Object.entries(doc).filter(([key]) => !fields.includes(key)))

const createReference = async (title: string, bytes: Uint8Array, options: { draft?: boolean; visibility?: 'local' | 'public' | 'shared' } = {}) => {
  const data = Buffer.from(bytes)
  return payload.create({
    collection: 'courseware',
    context: { deferSearchDrain: true },
    data: {
      _status: options.draft ? 'draft' : 'published',
      audiences: ['rural', 'youth'],
      jurisdiction: tree.town.id,
      lecturers: [lecturerId],
      themes: [themeId],
      title,
      visibility: options.visibility ?? 'local',
    } as never,
    draft: Boolean(options.draft),
    file: { data, mimetype: DOCX, name: `${title}.docx`, size: data.length },
    overrideAccess: true,
  })
}

/** The adapter call a bulk batch writes courseware with: SQLite's batch of statements, MongoDB's insertMany. */
const adapterWrite = () =>
  (testDatabase() === 'sqlite'
    ? { method: 'batch', owner: (payload.db as unknown as { client: object }).client }
    : { method: 'insertMany', owner: (payload.db as unknown as { collections: Record<string, object> }).collections.courseware! }) as {
    method: 'batch'
    owner: Record<'batch', (...args: unknown[]) => Promise<unknown>>
  }

const versionsOf = async (id: number | string) =>
  (await payload.findVersions({ collection: 'courseware', depth: 0, overrideAccess: true, pagination: false, where: { parent: { equals: id } } })).docs as unknown as Record<string, any>[]
const jobsFor = async (id: number | string) =>
  ((await payload.find({ collection: 'payload-jobs', depth: 0, overrideAccess: true, pagination: false, where: { taskSlug: { equals: 'extractCourseware' } } })).docs as unknown as Record<string, any>[]).filter(
    (job) => String(job.input?.id) === String(id),
  )
const outboxRowsFor = async (id: number | string) =>
  (await payload.find({ collection: 'search-outbox', depth: 0, overrideAccess: true, pagination: false, where: { key: { equals: `courseware:${id}` } } })).docs as unknown as Record<string, any>[]

describe('a bulk-imported item is stored as payload.create stores it', () => {
  let referenceId: number | string
  let importedId: number | string

  beforeAll(async () => {
    referenceId = (await createReference('参照课件', buildDocx(['基层治理 参照课件正文']))).id
    const manifest = writeManifest({ 'files/导入课件.docx': buildDocx(['乡村振兴 示范课 导入课件正文']) }, [
      '导入课件,files/导入课件.docx,courseware,乡村振兴,農村黨員;青年党员,源泉镇,local,张老师',
    ])
    const summary = await runImport(payload, { source: manifest })
    expect(summary).toMatchObject({ created: 1, failed: 0 })
    importedId = stateOf(manifest)[0]!.id
  })

  it('the same document at depth 0 and 1, differing only in its own file, title and times', async () => {
    for (const depth of [0, 1]) {
      const reference = await payload.findByID({ id: referenceId, collection: 'courseware', depth, overrideAccess: true })
      const imported = await payload.findByID({ id: importedId, collection: 'courseware', depth, overrideAccess: true })
      expect(withoutOwn(imported as never)).toEqual(withoutOwn(reference as never))
    }
    const imported = await payload.findByID({ id: importedId, collection: 'courseware', depth: 0, overrideAccess: true })
    expect(imported).toMatchObject({ _status: 'published', audiences: ['rural', 'youth'], extractionStatus: 'pending', mimeType: DOCX, originalFilename: '导入课件.docx', title: '导入课件' })
    expect(imported.filename).toBe(toStoredFileName('导入课件.docx', { ext: 'docx', sha256: imported.sha256! }))
    expect(imported.url).toBe(`/api/courseware/file/${encodeURIComponent(imported.filename!)}`)
    expect(await storedFiles(payload, 'courseware')).toContain(imported.filename)
    expect(await sha256OfBytes(await readStoredFile(payload, 'courseware', { ...imported, filename: imported.filename! }))).toBe(imported.sha256)
  })

  it('one latest version, a queued extraction job and a search-outbox row, like the reference', async () => {
    const [referenceVersions, importedVersions] = [await versionsOf(referenceId), await versionsOf(importedId)]
    expect(importedVersions).toHaveLength(1)
    expect(referenceVersions).toHaveLength(1)
    expect(importedVersions[0]).toMatchObject({ latest: true, version: { _status: 'published', title: '导入课件' } })
    expect(withoutOwn(importedVersions[0]!.version)).toEqual(withoutOwn(referenceVersions[0]!.version))

    const [referenceJobs, importedJobs] = [await jobsFor(referenceId), await jobsFor(importedId)]
    expect(importedJobs).toHaveLength(1)
    const imported = await payload.findByID({ id: importedId, collection: 'courseware', depth: 0, overrideAccess: true })
    expect(importedJobs[0]!.input).toEqual({ id: String(importedId), sha256: imported.sha256 })
    const jobOwn = ['id', 'input', 'createdAt', 'updatedAt']
    expect(withoutOwn(importedJobs[0]!, jobOwn)).toEqual(withoutOwn(referenceJobs[0]!, jobOwn))

    const [referenceOutbox, importedOutbox] = [await outboxRowsFor(referenceId), await outboxRowsFor(importedId)]
    expect(importedOutbox).toHaveLength(1)
    const outboxOwn = ['id', 'key', 'docId', 'queuedAt', 'createdAt', 'updatedAt']
    expect(withoutOwn(importedOutbox[0]!, outboxOwn)).toEqual(withoutOwn(referenceOutbox[0]!, outboxOwn))
    expect(importedOutbox[0]).toMatchObject({ docId: String(importedId), sourceCollection: 'courseware' })
  })

  it('follows the visibility rule through REST: a local item is seen by its own town, not by another town or anonymously', async () => {
    const where = { id: { equals: importedId } }
    expect((await rest.find('courseware', tokens.same, where)).body.totalDocs).toBe(1)
    expect((await rest.find('courseware', tokens.other, where)).body.totalDocs).toBe(0)
    expect((await rest.find('courseware', undefined, where)).body.totalDocs).toBe(0)
    expect((await rest.findByID('courseware', importedId, tokens.same)).status).toBe(200)
    expect((await rest.findByID('courseware', importedId, tokens.other)).status).toBe(404)
  })

  it('its extraction job fills the text, and after the outbox drain it is found by that text, within the rule', async () => {
    await payload.jobs.run({ limit: 100 })
    const extracted = await payload.findByID({ id: importedId, collection: 'courseware', depth: 0, overrideAccess: true })
    expect(extracted.extractionStatus).toBe('done')
    expect(JSON.stringify(extracted.fileText)).toContain('导入课件正文')
    await drainSearchOutbox(payload)
    const search = async (token?: string) => (await rest.request('GET', '/search', { query: { kind: 'courseware', q: '示范课' }, token })).body
    const seen = await search(tokens.same)
    expect(seen.hits.map((hit: { docId: string }) => String(hit.docId))).toContain(String(importedId))
    expect(seen.hits.find((hit: { docId: string }) => String(hit.docId) === String(importedId)).pages).toContain(1)
    expect((await search(tokens.other)).hits.map((hit: { docId: string }) => String(hit.docId))).not.toContain(String(importedId))
  })

  it('as a draft (--draft): the same draft state as payload.create, seen only by organizers above, never indexed', async () => {
    const reference = await createReference('参照草稿', buildDocx(['草稿 参照']), { draft: true, visibility: 'shared' })
    const manifest = writeManifest({ 'files/草稿.docx': buildDocx(['草稿 导入 独有的草稿词']) }, [
      '导入草稿,files/草稿.docx,courseware,乡村振兴,农村党员;青年党员,源泉镇,shared,张老师',
    ])
    expect(await runImport(payload, { draft: true, source: manifest })).toMatchObject({ created: 1, failed: 0 })
    const draftId = stateOf(manifest)[0]!.id
    const imported = await payload.findByID({ id: draftId, collection: 'courseware', depth: 0, draft: true, overrideAccess: true })
    const expected = await payload.findByID({ id: reference.id, collection: 'courseware', depth: 0, draft: true, overrideAccess: true })
    expect(imported._status).toBe('draft')
    expect(withoutOwn(imported as never)).toEqual(withoutOwn(expected as never))
    const versions = await versionsOf(draftId)
    expect(versions).toHaveLength(1)
    expect(versions[0]).toMatchObject({ latest: true, version: { _status: 'draft' } })
    expect(withoutOwn(versions[0]!.version)).toEqual(withoutOwn((await versionsOf(reference.id))[0]!.version))

    const where = { id: { equals: draftId } }
    expect((await rest.find('courseware', tokens.same, where)).body.totalDocs).toBe(0)
    expect((await rest.find('courseware', tokens.district, where, { draft: true })).body.totalDocs).toBe(1)
    await payload.jobs.run({ limit: 100 })
    await drainSearchOutbox(payload)
    const hits = (await rest.request('GET', '/search', { query: { q: '独有的草稿词' }, token: tokens.district })).body.hits
    expect(hits.map((hit: { docId: string }) => String(hit.docId))).not.toContain(String(draftId))
  })
})

describe('duplicates', () => {
  it('inside one batch and against items already in the library: stored once, every row pointing at it', async () => {
    const existingBytes = buildDocx(['已在库中的讲稿'])
    const existing = await createReference('库中已有', existingBytes)
    const fresh = buildDocx(['同一批里出现两次的讲稿'])
    const manifest = writeManifest({ 'a/讲稿.docx': fresh, 'b/讲稿副本.docx': fresh, 'c/旧讲稿.docx': existingBytes }, [
      '第一次,a/讲稿.docx,courseware,,,源泉镇,shared,',
      '第二次（别的镇）,b/讲稿副本.docx,courseware,,,池上镇,public,',
      '库里已有,c/旧讲稿.docx,courseware,,,池上镇,shared,',
    ])
    const jobsBefore = await countOf('payload-jobs')
    const summary = await runImport(payload, { source: manifest })
    expect(summary).toMatchObject({ created: 1, existing: 2, failed: 0 })
    const state = stateOf(manifest)
    const first = state.find((record) => record.key.includes('a/讲稿.docx'))!
    expect(state.find((record) => record.key.includes('b/讲稿副本.docx'))).toMatchObject({ id: first.id, outcome: 'existing' })
    expect(state.find((record) => record.key.includes('c/旧讲稿.docx'))).toMatchObject({ id: existing.id, outcome: 'existing' })
    const sha = await sha256OfBytes(fresh)
    expect((await payload.count({ collection: 'courseware', overrideAccess: true, where: { sha256: { equals: sha } } })).totalDocs).toBe(1)
    expect(await byTitle('第二次（别的镇）')).toHaveLength(0)
    expect(await countOf('payload-jobs')).toBe(jobsBefore + 1)
  })
})

describe('bad rows', () => {
  it('fail one by one with the reason in Chinese and English, and leave no file, record, job or outbox row', async () => {
    process.env.INGEST_MAX_MB_COURSEWARE_PDF = '0.001'
    try {
      const manifest = writeManifest(
        {
          'ok/一.docx': buildDocx(['好行一']),
          'ok/二.docx': buildDocx(['好行二']),
          'bad/辖区.docx': buildDocx(['辖区不存在']),
          'bad/主题.docx': buildDocx(['主题不存在']),
          'bad/对象.docx': buildDocx(['培训对象不存在']),
          'bad/讲稿.pdf': buildWindowsExe(),
          'bad/超大.pdf': await buildCjkPdf(2),
          'bad/标题.docx': buildDocx(['标题太长']),
        },
        [
          '好行一,ok/一.docx,courseware,乡村振兴,,源泉镇,shared,',
          '辖区不存在,bad/辖区.docx,courseware,,,不存在镇,shared,',
          '主题不存在,bad/主题.docx,courseware,不存在的主题,,源泉镇,shared,',
          '对象不存在,bad/对象.docx,courseware,,外星党员,源泉镇,shared,',
          '改名的程序,bad/讲稿.pdf,courseware,,,源泉镇,shared,',
          '超大文件,bad/超大.pdf,courseware,,,源泉镇,shared,',
          '文件不存在,bad/没有.docx,courseware,,,源泉镇,shared,',
          `${'长'.repeat(201)},bad/标题.docx,courseware,,,源泉镇,shared,`,
          '好行二,ok/二.docx,courseware,,,源泉镇,shared,',
        ],
      )
      const filesBefore = await storedFiles(payload, 'courseware')
      const [coursewareBefore, jobsBefore, outboxBefore] = [await countOf('courseware'), await countOf('payload-jobs'), await countOf('search-outbox')]
      const summary = await runImport(payload, { source: manifest })
      expect(summary).toMatchObject({ created: 2, existing: 0, failed: 7 })

      const lines = errorLines(manifest)
      expect(lines).toHaveLength(7)
      const reasonOf = (row: number) => lines.find((line) => line.startsWith(`${row},`))!
      expect(reasonOf(2)).toMatch(/unknown jurisdictions.*不存在镇.*找不到/)
      expect(reasonOf(3)).toMatch(/unknown themes.*不存在的主题.*找不到/)
      expect(reasonOf(4)).toMatch(/unknown audience.*外星党员.*未知的培训对象/)
      expect(reasonOf(5)).toMatch(/不允许上传可执行文件.*Executable files/)
      expect(reasonOf(6)).toMatch(/文件过大.*File too large/)
      expect(reasonOf(7)).toMatch(/file not found: bad\/没有\.docx \(ENOENT\).*找不到文件/)
      expect(reasonOf(8)).toMatch(/数据校验未通过 \/ validation failed: title/)

      const added = (await storedFiles(payload, 'courseware')).filter((file) => !filesBefore.includes(file))
      const good = [...(await byTitle('好行一')), ...(await byTitle('好行二'))]
      expect(good).toHaveLength(2)
      expect(added.sort()).toEqual(good.map((doc) => doc.filename).sort())
      expect(await countOf('courseware')).toBe(coursewareBefore + 2)
      expect(await countOf('payload-jobs')).toBe(jobsBefore + 2)
      expect(await countOf('search-outbox')).toBe(outboxBefore + 2)
      expect(stateOf(manifest).map((record) => record.key).sort()).toEqual(['courseware|ok/一.docx|好行一', 'courseware|ok/二.docx|好行二'])
    } finally {
      delete process.env.INGEST_MAX_MB_COURSEWARE_PDF
    }
  })

  it('a row the database refuses fails alone: the batch is written again row by row, with nothing of the refused row left', async () => {
    const refuse = '数据库拒收'
    // Fault injection at the adapter's own write call: SQLite's batch of statements, or MongoDB's insertMany,
    // fails when it carries that title; everything else goes through.
    const target = adapterWrite()
    const original = target.owner[target.method].bind(target.owner)
    const spy = vi.spyOn(target.owner, target.method).mockImplementation(async (...args: unknown[]) => {
      if (JSON.stringify(args[0] ?? null).includes(refuse)) throw new Error('simulated disk failure / 模拟磁盘故障')
      return original(...args)
    })
    try {
      const manifest = writeManifest({ '1.docx': buildDocx(['第一行']), '2.docx': buildDocx(['第二行 拒收']), '3.docx': buildDocx(['第三行']) }, [
        '拒收前,1.docx,courseware,,,源泉镇,shared,',
        `${refuse},2.docx,courseware,,,源泉镇,shared,`,
        '拒收后,3.docx,courseware,,,源泉镇,shared,',
      ])
      const filesBefore = await storedFiles(payload, 'courseware')
      const summary = await runImport(payload, { source: manifest })
      expect(summary).toMatchObject({ created: 2, failed: 1 })
      expect(errorLines(manifest)).toEqual([expect.stringMatching(/^2,数据库拒收,2\.docx,simulated disk failure/)])
      expect(await byTitle(refuse)).toHaveLength(0)
      const kept = [...(await byTitle('拒收前')), ...(await byTitle('拒收后'))]
      expect(kept).toHaveLength(2)
      expect((await storedFiles(payload, 'courseware')).filter((file) => !filesBefore.includes(file)).sort()).toEqual(kept.map((doc) => doc.filename).sort())
    } finally {
      spy.mockRestore()
    }
  })
})

const hasFfmpeg = (() => {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' })
    return true
  } catch {
    return false // ffmpeg is optional: without it the recording is left out
  }
})()

describe('rows the bulk path leaves to payload.create', () => {
  it('a picture (Payload measures it) and a recording (Payload checks the media file) are imported one by one, with their jobs', async () => {
    const files: Record<string, Uint8Array> = {
      'p/照片.jpg': new Uint8Array(await sharp({ create: { background: '#c00', channels: 3, height: 24, width: 40 } }).jpeg().toBuffer()),
    }
    const rows = ['现场照片,p/照片.jpg,courseware,,,源泉镇,shared,']
    if (hasFfmpeg) {
      const clip = path.join(workDir, 'clip.mp4')
      execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=duration=1:size=96x64:rate=5', '-pix_fmt', 'yuv420p', clip])
      files['p/录像.mp4'] = new Uint8Array(readFileSync(clip))
      rows.push('微党课录像,p/录像.mp4,,,农村党员,源泉镇,shared,')
    }
    const manifest = writeManifest(files, rows)
    const summary = await runImport(payload, { source: manifest })
    expect(summary).toMatchObject({ created: rows.length, failed: 0 })
    expect((await byTitle('现场照片'))[0]).toMatchObject({ height: 24, mimeType: 'image/jpeg', width: 40 })
    if (hasFfmpeg) {
      const video = (await payload.find({ collection: 'videos', overrideAccess: true, where: { title: { equals: '微党课录像' } } })).docs[0]!
      expect(video).toMatchObject({ audiences: ['rural'], mimeType: 'video/mp4', originalFilename: '录像.mp4' })
      const probes = await payload.find({ collection: 'payload-jobs', overrideAccess: true, pagination: false, where: { taskSlug: { equals: 'probeVideo' } } })
      expect(probes.docs.filter((job) => String((job.input as { id?: string }).id) === String(video.id))).toHaveLength(1)
    }
  })
})

describe('the bulk writer seam', () => {
  it('upserts by key: a second write of the same outbox key updates the row the first one made', async () => {
    const key = 'courseware:upsert-probe'
    const write = (queuedAt: string) =>
      withBulkWriter(payload, (writer) => writer.upsert('search-outbox', [{ docId: 'upsert-probe', key, queuedAt, sourceCollection: 'courseware' }], { key: 'key', update: ['queuedAt'] }))
    await write('2026-01-01T00:00:00.000Z')
    await write('2026-02-01T00:00:00.000Z')
    const rows = (await payload.find({ collection: 'search-outbox', overrideAccess: true, where: { key: { equals: key } } })).docs
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ attempts: 0, docId: 'upsert-probe', queuedAt: '2026-02-01T00:00:00.000Z' })
    await payload.delete({ collection: 'search-outbox', overrideAccess: true, where: { key: { equals: key } } })
  })

  it('keeps nothing of a batch that fails after its first inserts (rolled back, or deleted again without transactions)', async () => {
    const doc = { _status: 'published', jurisdiction: tree.town.id, jurisdictionPath: `/${tree.province.id}/`, title: '半截批次', visibility: 'shared' }
    await expect(
      withBulkWriter(payload, async (writer) => {
        const [id] = await writer.insert('courseware', [doc])
        const now = new Date().toISOString()
        await writer.insertVersions('courseware', [{ createdAt: now, parent: id!, updatedAt: now, version: doc }])
        await writer.upsert('search-outbox', [{ docId: String(id), key: `courseware:${id}`, queuedAt: now, sourceCollection: 'courseware' }], { key: 'key', update: ['queuedAt'] })
        throw new Error('stop here')
      }),
    ).rejects.toThrow('stop here')
    expect(await byTitle('半截批次', true)).toHaveLength(0)
    const versions = await payload.findVersions({ collection: 'courseware', overrideAccess: true, where: { 'version.title': { equals: '半截批次' } } })
    expect(versions.totalDocs).toBe(0)
  })
})

describe('writers at the same time', () => {
  it.runIf(testDatabase() === 'sqlite')('SQLite: an item saved while a batch was prepared takes the ids the batch picked; the batch picks again', async () => {
    const client = (payload.db as unknown as { client: Record<'batch', (...args: unknown[]) => Promise<unknown>> }).client
    const original = client.batch.bind(client)
    let intruder: number | string | undefined
    const spy = vi.spyOn(client, 'batch').mockImplementation(async (...args: unknown[]) => {
      if (intruder === undefined && JSON.stringify(args[0] ?? null).includes('抢号')) intruder = (await createReference('插队的课件', buildDocx(['插队']))).id
      return original(...args)
    })
    try {
      const manifest = writeManifest({ 'h/1.docx': buildDocx(['抢号 一']), 'h/2.docx': buildDocx(['抢号 二']) }, [
        '抢号一,h/1.docx,courseware,,,源泉镇,shared,',
        '抢号二,h/2.docx,courseware,,,源泉镇,shared,',
      ])
      expect(await runImport(payload, { source: manifest })).toMatchObject({ created: 2, failed: 0 })
      expect(intruder).toBeDefined()
      const ids = [intruder, (await byTitle('抢号一'))[0]?.id, (await byTitle('抢号二'))[0]?.id]
      expect(new Set(ids.map(String)).size).toBe(3)
      expect((await byTitle('插队的课件'))[0]!.id).toBe(intruder)
      expect(spy.mock.calls.filter((call) => JSON.stringify(call[0]).includes('抢号')).length).toBe(2)
    } finally {
      spy.mockRestore()
    }
  })
})

describe('writers at the same time (payload.create rows)', () => {
  it('a picture uploaded elsewhere at the same moment as the import writes it: one item, the row points at it, no stray file', async () => {
    const picture = new Uint8Array(await sharp({ create: { background: '#06c', channels: 3, height: 20, width: 30 } }).png().toBuffer())
    const sha256 = await sha256OfBytes(picture)
    const original = payload.create.bind(payload)
    const spy = vi.spyOn(payload, 'create').mockImplementation((async (args: Parameters<Payload['create']>[0]) => {
      if (!args.req?.context?.bulkImport || (args.data as { title?: string })?.title !== '同时上传的照片') return original(args)
      // Another town uploads the same picture while the import's own create runs: both pass the duplicate check.
      const competitorReq = await createLocalReq({}, payload)
      const data = Buffer.from(picture)
      const competitor = original({
        collection: 'courseware',
        data: { _status: 'published', jurisdiction: tree.otherTown.id, title: '别处的同一张照片', visibility: 'shared' } as never,
        file: { data, mimetype: 'image/png', name: '别处.png', size: data.length },
        req: competitorReq,
      }).catch(async (error: unknown) => {
        if (!(await duplicateAfterWriteError({ collection: 'courseware', error, payload, req: competitorReq, sha256 }))) throw error
      })
      const [mine] = await Promise.allSettled([original(args), competitor])
      if (mine.status === 'rejected') throw mine.reason
      return mine.value
    }) as never)
    try {
      const filesBefore = await storedFiles(payload, 'courseware')
      const manifest = writeManifest({ 'r/照片.png': picture }, ['同时上传的照片,r/照片.png,courseware,,,源泉镇,shared,'])
      const summary = await runImport(payload, { source: manifest })
      expect(summary.failed).toBe(0)
      expect(summary.created + summary.existing).toBe(1)
      const sameFile = await payload.find({ collection: 'courseware', overrideAccess: true, where: { sha256: { equals: sha256 } } })
      expect(sameFile.docs).toHaveLength(1)
      expect(stateOf(manifest)[0]!.id).toBe(sameFile.docs[0]!.id)
      expect((await storedFiles(payload, 'courseware')).filter((file) => !filesBefore.includes(file))).toEqual([sameFile.docs[0]!.filename])
    } finally {
      spy.mockRestore()
    }
  })
})

describe('interruption and resume', () => {
  it('stops after the batch in flight when aborted, resumes where it stopped, and reuses a file a crash left behind', async () => {
    const files: Record<string, Uint8Array> = {}
    const rows: string[] = []
    for (let index = 1; index <= 6; index++) {
      files[`f/续传${index}.docx`] = buildDocx([`续传 第${index}讲`])
      rows.push(`续传第${index}讲,f/续传${index}.docx,courseware,,,源泉镇,shared,`)
    }
    const manifest = writeManifest(files, rows)
    const controller = new AbortController()
    const first = await runImport(payload, {
      batchSize: 2,
      onProgress: ({ processed }) => {
        if (processed >= 2) controller.abort()
      },
      signal: controller.signal,
      source: manifest,
    })
    expect(first).toMatchObject({ created: 2, interrupted: true })
    expect(stateOf(manifest)).toHaveLength(2)

    // A crash between writing a file and committing its batch leaves the file without a record.
    const leftoverName = toStoredFileName('续传3.docx', { ext: 'docx', sha256: await sha256OfBytes(files['f/续传3.docx']!) })
    await writeNewStoredFile(payload, 'courseware', leftoverName, files['f/续传3.docx']!, DOCX)

    const second = await runImport(payload, { batchSize: 2, source: manifest })
    expect(second).toMatchObject({ alreadyDone: 2, created: 4, failed: 0, interrupted: false })
    for (let index = 1; index <= 6; index++) expect(await byTitle(`续传第${index}讲`)).toHaveLength(1)
    expect((await byTitle('续传第3讲'))[0]!.filename).toBe(leftoverName)
    expect((await storedFiles(payload, 'courseware')).filter((file) => file.startsWith('续传3-'))).toEqual([leftoverName])
  })

  it('does not take over a file on disk that a draft version of another item uses: Payload stores a copy under a new name', async () => {
    const item = await createReference('有新草稿的课件', buildDocx(['已发布的版本']))
    const draftBytes = Buffer.from(buildDocx(['草稿里换上的新文件']))
    await payload.update({
      id: item.id,
      collection: 'courseware',
      context: { deferSearchDrain: true },
      data: { _status: 'draft' } as never,
      draft: true,
      file: { data: draftBytes, mimetype: DOCX, name: '草稿讲稿.docx', size: draftBytes.length },
      overrideAccess: true,
    })
    const draftName = toStoredFileName('草稿讲稿.docx', { ext: 'docx', sha256: await sha256OfBytes(draftBytes) })
    expect(await storedFiles(payload, 'courseware')).toContain(draftName)
    const manifest = writeManifest({ 'd/草稿讲稿.docx': draftBytes }, ['同一个新文件,d/草稿讲稿.docx,courseware,,,源泉镇,shared,'])
    expect(await runImport(payload, { source: manifest })).toMatchObject({ created: 1, failed: 0 })
    const imported = (await byTitle('同一个新文件'))[0]!
    expect(imported.filename).not.toBe(draftName)
    expect(await storedFiles(payload, 'courseware')).toEqual(expect.arrayContaining([draftName, imported.filename]))
    const draft = await payload.findByID({ id: item.id, collection: 'courseware', depth: 0, draft: true, overrideAccess: true })
    expect(draft.filename).toBe(draftName)
  })

  it('closes a batch at its byte budget and carries the rows it did not take into the next one, in order', async () => {
    const files: Record<string, Uint8Array> = {}
    const rows: string[] = []
    for (let index = 1; index <= 5; index++) {
      files[`g/预算${index}.docx`] = buildDocx([`预算 第${index}讲`])
      rows.push(`预算第${index}讲,g/预算${index}.docx,courseware,,,源泉镇,shared,`)
    }
    const manifest = writeManifest(files, rows)
    const progress: number[] = []
    const writes = vi.spyOn(adapterWrite().owner, adapterWrite().method)
    try {
      const summary = await runImport(payload, { batchSize: 10, concurrency: 2, maxBatchBytes: 1, onProgress: ({ processed }) => progress.push(processed), source: manifest })
      expect(summary).toMatchObject({ created: 5, failed: 0, interrupted: false })
      // Two readers, each stopping once the batch holds a byte: batches of at most two rows.
      expect(writes.mock.calls.filter((call) => JSON.stringify(call[0] ?? null).includes('预算')).length).toBeGreaterThanOrEqual(3)
    } finally {
      writes.mockRestore()
    }
    expect(progress).toEqual([1, 2, 3, 4, 5])
    expect(stateOf(manifest).map((record) => record.key)).toEqual(rows.map((row) => `courseware|${row.split(',')[1]}|${row.split(',')[0]}`))
  })
})
