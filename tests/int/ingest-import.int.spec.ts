import type { Payload } from 'payload'

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { runImport } from '@/ingest/bulk/run'

import { buildCjkPdf, buildDocx, buildPptx } from '../fixtures/ingest/build'
import { createJurisdictionTree, type Tree } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'

let payload: Payload
let stop: () => Promise<void>
let tree: Tree
let workDir: string

const MANIFEST_HEADER = 'title,file,kind,themes,audiences,jurisdiction,visibility,lecturer'

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  tree = await createJurisdictionTree(payload)
  await payload.create({ collection: 'themes', data: { name: '乡村振兴' } })
  await payload.create({ collection: 'themes', data: { name: '党史学习' } })
  await payload.create({
    collection: 'lecturers',
    data: { jurisdiction: tree.town.id, kind: 'veteran', name: '张老师', visibility: 'shared' },
  })
  workDir = mkdtempSync(path.join(os.tmpdir(), 'commons-import-'))
})

afterAll(async () => {
  rmSync(workDir, { force: true, recursive: true })
  await stop()
})

const coursewareDocs = async () =>
  (await payload.find({ collection: 'courseware', depth: 0, limit: 1000, overrideAccess: true, pagination: false })).docs

async function writeManifestFolder(): Promise<string> {
  const folder = path.join(workDir, 'batch')
  rmSync(folder, { force: true, recursive: true })
  const files: Record<string, Uint8Array> = {
    'files/01 乡村振兴讲稿.docx': buildDocx(['乡村振兴 第一讲']),
    'files/02 党史.pdf': await buildCjkPdf(1),
    'files/03 课件.pptx': buildPptx(),
    'files/04 讲稿.docx': buildDocx(['基层治理 第四讲']),
    'files/05 讲稿.docx': buildDocx(['廉政教育 第五讲']),
  }
  for (const [name, bytes] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true })
    writeFileSync(path.join(folder, name), bytes)
  }
  const rows = [
    `乡村振兴第一讲,files/01 乡村振兴讲稿.docx,courseware,乡村振兴,农村党员;青年党员,源泉镇,shared,张老师`,
    `党史学习一页纸,files/02 党史.pdf,courseware,党史学习,,${tree.town.id},public,`,
    `演示课件,files/03 课件.pptx,,乡村振兴；党史学习,,源泉镇,local,`,
    `同一文件再列一次,files/01 乡村振兴讲稿.docx,courseware,,,池上镇,shared,`,
    `主题不存在,files/04 讲稿.docx,courseware,不存在的主题,,源泉镇,shared,`,
    `文件不存在,files/missing.pdf,courseware,,,源泉镇,shared,`,
    `"第五讲, 带逗号的标题",files/05 讲稿.docx,courseware,,,源泉镇,shared,`,
    `红色电影,https://video.example.cn/hongse,video,党史学习,,源泉镇,public,`,
  ]
  writeFileSync(path.join(folder, 'manifest.csv'), `\uFEFF${MANIFEST_HEADER}\n${rows.join('\n')}\n`)
  return path.join(folder, 'manifest.csv')
}

describe('bulk import', () => {
  let manifest: string

  it('stops part-way when interrupted, then resumes without duplicates', async () => {
    manifest = await writeManifestFolder()
    const first = await runImport(payload, { concurrency: 2, limit: 3, source: manifest })
    expect(first.interrupted).toBe(true)
    expect(first.created).toBeGreaterThan(0)
    expect(first.created).toBeLessThanOrEqual(3)

    const second = await runImport(payload, { concurrency: 4, source: manifest })
    expect(second.interrupted).toBe(false)
    expect(second.alreadyDone).toBe(first.created + first.existing)
    expect(first.created + second.created).toBe(5) // four files and one video link
    expect(first.existing + second.existing).toBe(1)
    expect(second.failed).toBe(2)

    const docs = await coursewareDocs()
    expect(docs).toHaveLength(4)
    expect(new Set(docs.map((doc) => doc.sha256)).size).toBe(4)
    const rural = docs.find((doc) => doc.title === '乡村振兴第一讲')!
    expect(rural.audiences).toEqual(['rural', 'youth'])
    expect(rural.lecturers).toHaveLength(1)
    expect(rural.originalFilename).toBe('01 乡村振兴讲稿.docx')
    expect(docs.find((doc) => doc.title === '演示课件')!.themes).toHaveLength(2)
    expect(docs.find((doc) => doc.title === '第五讲, 带逗号的标题')).toBeDefined()
    const videos = await payload.find({ collection: 'videos', overrideAccess: true, where: { externalUrl: { equals: 'https://video.example.cn/hongse' } } })
    expect(videos.totalDocs).toBe(1)
  })

  it('writes an error report naming each failed row and why', () => {
    const report = readFileSync(`${manifest}.errors.csv`, 'utf8')
    const lines = report.replace(/^\uFEFF/, '').trim().split(/\r?\n/)
    expect(lines[0]).toBe('row,title,file,error')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toMatch(/^5,主题不存在,.*不存在的主题/)
    expect(lines[2]).toMatch(/^6,文件不存在,files\/missing\.pdf,.*ENOENT/)
  })

  it('changes nothing on a re-run, even after the state file is lost (rows found again by SHA-256)', async () => {
    const again = await runImport(payload, { source: manifest })
    expect(again.created).toBe(0)
    expect(again.alreadyDone).toBe(6)
    rmSync(`${manifest}.import-state.jsonl`)
    const fresh = await runImport(payload, { source: manifest })
    expect(fresh.created).toBe(0)
    expect(fresh.existing).toBe(6)
    expect(await coursewareDocs()).toHaveLength(4)
  })

  it('queues extraction for imported files', async () => {
    await payload.jobs.run({ limit: 100 })
    const docs = await coursewareDocs()
    expect(docs.every((doc) => doc.extractionStatus === 'done')).toBe(true)
  })

  it('imports a folder without a manifest, one item per file titled by its name', async () => {
    const folder = path.join(workDir, 'loose')
    mkdirSync(path.join(folder, 'sub'), { recursive: true })
    writeFileSync(path.join(folder, '村级党课.docx'), buildDocx(['村级党课 文件夹导入']))
    writeFileSync(path.join(folder, 'sub', '社区讲稿.docx'), buildDocx(['社区讲稿 文件夹导入']))
    const summary = await runImport(payload, { jurisdiction: '池上镇', source: folder })
    expect(summary).toMatchObject({ created: 2, failed: 0 })
    const titles = (await coursewareDocs()).map((doc) => doc.title)
    expect(titles).toEqual(expect.arrayContaining(['村级党课', '社区讲稿']))
    await expect(runImport(payload, { source: folder })).rejects.toThrow(/--jurisdiction/)
  })
})
