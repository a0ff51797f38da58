import type { Payload } from 'payload'

import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildWindowsExe } from '../fixtures/ingest/build'
import { createJurisdictionTree, type Tree } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'
import { storedFiles } from '../helpers/upload'

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
    const before = storedFiles('videos')
    await expect(
      payload.create({ collection: 'videos', data: videoData('伪装视频'), file: { data: exe, mimetype: 'video/mp4', name: '党课录像.mp4', size: exe.length } }),
    ).rejects.toMatchObject({ status: 415 })
    expect(storedFiles('videos')).toEqual(before)
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
})
