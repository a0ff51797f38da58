import type { Payload } from 'payload'

import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildWindowsExe } from '../fixtures/ingest/build'
import { createJurisdictionTree, createUser, TEST_PASSWORD, type Tree } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { downloadViaRest, storedFiles, uploadViaRest } from '../helpers/upload'

const hasFfmpeg = (() => {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' })
    return true
  } catch {
    return false // ffmpeg is optional: without it the probe test is skipped
  }
})()

let payload: Payload
let stop: () => Promise<void>
let tree: Tree
let workDir: string

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  tree = await createJurisdictionTree(payload)
  workDir = mkdtempSync(path.join(os.tmpdir(), 'commons-video-'))
})

afterAll(async () => {
  rmSync(workDir, { force: true, recursive: true })
  await stop()
})

const videoData = (title: string) => ({ jurisdiction: tree.town.id, title, visibility: 'shared' as const })

describe('video uploads', () => {
  it('refuses an executable named .mp4 and leaves nothing behind', async () => {
    const exe = Buffer.from(buildWindowsExe())
    const before = await storedFiles(payload, 'videos')
    await expect(
      payload.create({ collection: 'videos', data: videoData('伪装视频'), file: { data: exe, mimetype: 'video/mp4', name: '党课录像.mp4', size: exe.length } }),
    ).rejects.toMatchObject({ status: 415 })
    expect(await storedFiles(payload, 'videos')).toEqual(before)
  })

  it.skipIf(!hasFfmpeg)('records duration and a poster frame in a job, and refuses the same recording twice', async () => {
    const file = path.join(workDir, 'clip.mp4')
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=3:size=160x120:rate=10', '-pix_fmt', 'yuv420p', file])
    const data = readFileSync(file)
    const created = await payload.create({ collection: 'videos', data: videoData('微党课录像'), file: { data, mimetype: 'video/mp4', name: '微党课录像.mp4', size: data.length } })
    expect(created.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(created.originalFilename).toBe('微党课录像.mp4')
    await payload.jobs.run({ limit: 10 })
    const probed = await payload.findByID({ id: created.id, collection: 'videos', depth: 0 })
    expect(probed.durationSeconds).toBe(3)
    expect(probed.poster).toBeTruthy()
    await expect(
      payload.create({ collection: 'videos', data: { ...videoData('再传一次'), jurisdiction: tree.otherTown.id }, file: { data, mimetype: 'video/mp4', name: 'again.mp4', size: data.length } }),
    ).rejects.toMatchObject({ status: 409 })
  })

  it('still accepts an external link without a file', async () => {
    const linked = await payload.create({ collection: 'videos', data: { ...videoData('外部链接'), externalUrl: 'https://video.example.cn/a' } })
    expect(linked.sha256 ?? null).toBeNull()
  })

  it('keeps accepting links without a file next to each other and after edits (the unique hash index skips items without one)', async () => {
    const links = []
    for (const name of ['b', 'c', 'd']) {
      links.push(await payload.create({ collection: 'videos', data: { ...videoData(`外部链接 ${name}`), externalUrl: `https://video.example.cn/${name}` } }))
    }
    const edited = await payload.update({ id: links[0]!.id, collection: 'videos', data: { title: '外部链接 改名' } })
    expect(edited.sha256 ?? null).toBeNull()
    const more = await payload.create({ collection: 'videos', data: { ...videoData('外部链接 e'), externalUrl: 'https://video.example.cn/e' } })
    expect(more.id).toBeTruthy()
  })

  it.skipIf(!hasFfmpeg)('stores one of three simultaneous uploads of a recording and answers 409 to the others, leaving no stray file; it downloads under its Chinese name', async () => {
    const file = path.join(workDir, 'race.mp4')
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=1:size=96x64:rate=5', '-pix_fmt', 'yuv420p', file])
    const bytes = new Uint8Array(readFileSync(file))
    await createUser(payload, { email: 'video-a@test.cn', jurisdiction: tree.town.id, role: 'instructor' })
    await createUser(payload, { email: 'video-b@test.cn', jurisdiction: tree.otherTown.id, role: 'instructor' })
    const rest = new RestClient(payload)
    const tokens = [await rest.login('video-a@test.cn', TEST_PASSWORD), await rest.login('video-b@test.cn', TEST_PASSWORD)]
    const before = await storedFiles(payload, 'videos')
    const responses = await Promise.all(
      ['一号录像.mp4', '二号录像.mp4', '一号录像.mp4'].map((filename, index) =>
        uploadViaRest(payload, 'videos', {
          bytes,
          data: { ...videoData(`同时上传 ${index}`), jurisdiction: index === 1 ? tree.otherTown.id : tree.town.id },
          filename,
          mimetype: 'video/mp4',
          token: tokens[index === 1 ? 1 : 0],
        }),
      ),
    )
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409])
    const stored = responses.find((response) => response.status === 201)!.body.doc
    for (const refused of responses.filter((response) => response.status === 409)) {
      expect(refused.body.errors[0].data).toMatchObject({ code: 'duplicate_file', existingId: stored.id, visible: true })
    }
    const sameFile = await payload.find({ collection: 'videos', overrideAccess: true, where: { sha256: { equals: stored.sha256 } } })
    expect(sameFile.docs.map((doc) => doc.id)).toEqual([stored.id])
    expect(await storedFiles(payload, 'videos')).toEqual([...before, stored.filename].sort())
    const download = await downloadViaRest(payload, `/videos/file/${encodeURIComponent(stored.filename)}`, { token: tokens[0] })
    expect(download.status).toBe(200)
    const disposition = download.headers.get('content-disposition') ?? ''
    expect(disposition).toMatch(/^inline; /)
    expect(decodeURIComponent(/filename\*=UTF-8''(\S+)/.exec(disposition)![1]!)).toBe(stored.originalFilename)
    expect(stored.originalFilename).toMatch(/^[一二]号录像\.mp4$/)
  })
})
