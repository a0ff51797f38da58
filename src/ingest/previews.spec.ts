import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildCjkPdf } from '../../tests/fixtures/ingest/build'
import { extractPosterFrame, probeMedia, renderPdfFirstPage } from './previews'

const hasFfmpeg = (() => {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' })
    return true
  } catch {
    return false // no ffmpeg here: the recording tests below are skipped, the "absent" tests still run
  }
})()

describe('renderPdfFirstPage', () => {
  it('draws the first page as a WebP image without a browser', async () => {
    const { image, problem } = await renderPdfFirstPage(await buildCjkPdf(2), { width: 400 })
    expect(problem).toBeUndefined()
    expect(image?.mime).toBe('image/webp')
    expect(image?.width).toBe(400)
    const stats = await sharp(image?.data).stats()
    expect(stats.channels[0].min).toBeLessThan(100)
  })

  it('returns a problem, not an exception, for a broken PDF', async () => {
    const outcome = await renderPdfFirstPage(new Uint8Array([1, 2, 3]))
    expect(outcome.image).toBeUndefined()
    expect(outcome.problem).toMatch(/PDF preview unavailable/)
  })
})

describe.skipIf(!hasFfmpeg)('probeMedia and extractPosterFrame with ffmpeg', () => {
  let directory = ''
  let video = ''
  let audio = ''

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'previews-'))
    video = join(directory, 'lesson.mp4')
    audio = join(directory, 'talk.m4a')
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=3:size=320x240:rate=10', '-f', 'lavfi', '-i', 'sine=duration=3', '-shortest', '-pix_fmt', 'yuv420p', video])
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=duration=2', '-c:a', 'aac', audio])
  })

  afterAll(async () => {
    await rm(directory, { force: true, recursive: true })
  })

  it('reads duration, size and codecs of a video', async () => {
    const facts = await probeMedia(video)
    expect(facts.problem).toBeUndefined()
    expect(facts.durationSeconds).toBeCloseTo(3, 0)
    expect(facts).toMatchObject({ height: 240, width: 320 })
    expect(facts.audioCodec).toBeTruthy()
  })

  it('takes a poster frame from a file or from bytes in memory', async () => {
    const fromPath = await extractPosterFrame(video)
    expect(fromPath.image).toMatchObject({ height: 240, mime: 'image/webp', width: 320 })
    const fromBytes = await extractPosterFrame(new Uint8Array(await readFile(video)), { width: 160 })
    expect(fromBytes.image?.width).toBe(160)
  })

  it('has a duration but no poster for audio', async () => {
    expect((await probeMedia(audio)).durationSeconds).toBeCloseTo(2, 0)
    expect(await extractPosterFrame(audio)).toEqual({ problem: 'no video stream (audio only)' })
  })
})

describe('probeMedia and extractPosterFrame without ffmpeg', () => {
  it('return empty facts with a problem, never throwing', async () => {
    const savedPath = process.env.PATH
    process.env.PATH = '/nonexistent'
    try {
      const facts = await probeMedia(new Uint8Array([0, 0, 0, 24]))
      expect(facts.durationSeconds).toBeUndefined()
      expect(facts.problem).toMatch(/media probe unavailable/)
      expect((await extractPosterFrame('/nonexistent/video.mp4')).image).toBeUndefined()
    } finally {
      process.env.PATH = savedPath
    }
  })
})
