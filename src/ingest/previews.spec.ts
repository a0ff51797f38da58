import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildTextPdf } from '@/seed/pdf'

import { buildCjkPdf } from '../../tests/fixtures/ingest/build'
import { findCjkFonts } from './cjkFonts'
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

  it.each([
    ['with a ToUnicode map', true],
    ['without one (pdf.js maps the codes through its CMaps)', false],
  ])('draws the characters of a Chinese font the PDF does not embed (STSong-Light), not empty boxes, %s', async (_, toUnicode) => {
    expect(findCjkFonts().serif, 'no CJK font on this machine: run bash scripts/ci-deps.sh (fonts-noto-cjk)').toBeTruthy()
    // Empty boxes look the same whatever the characters: two different words would give the same picture.
    const [party, cadre, partyAgain] = await Promise.all(['党员教育', '干部培训', '党员教育'].map((word) => firstLineGlyphs(word, toUnicode)))
    expect(differingPixels(party, partyAgain)).toBe(0)
    expect(differingPixels(party, cadre)).toBeGreaterThan(0.05)
    // and within one word, every character has its own shape
    const cells = [0, 1, 2, 3].map((index) => glyphCell(party, index))
    for (let a = 0; a < cells.length; a++) {
      for (let b = a + 1; b < cells.length; b++) expect(differingPixels(cells[a]!, cells[b]!), `characters ${a} and ${b}`).toBeGreaterThan(0.05)
    }
  })

  it('returns a problem, not an exception, for a broken PDF', async () => {
    const outcome = await renderPdfFirstPage(new Uint8Array([1, 2, 3]))
    expect(outcome.image).toBeUndefined()
    expect(outcome.problem).toMatch(/PDF preview unavailable/)
  })
})

// buildTextPdf puts its first line's 16 pt characters at x = 56 pt, baseline 780 pt on a 595 × 842 pt page.
const GLYPH = { left: 56, size: 16, top: 842 - 780 - 16 }

/** Grey pixels of the first line's four characters, drawn at 1 px per point. */
async function firstLineGlyphs(word: string, toUnicode: boolean): Promise<Uint8Array> {
  const pdf = buildTextPdf(word, []).toString('latin1')
  // blanked, not cut, so the cross-reference offsets stay right
  const bytes = toUnicode ? pdf : pdf.replace(' /ToUnicode 8 0 R', ' '.repeat(' /ToUnicode 8 0 R'.length))
  const { image, problem } = await renderPdfFirstPage(new Uint8Array(Buffer.from(bytes, 'latin1')), { width: 595 })
  expect(problem).toBeUndefined()
  const region = { height: GLYPH.size + 4, left: GLYPH.left, top: GLYPH.top - 2, width: GLYPH.size * 4 }
  return new Uint8Array(await sharp(image!.data).extract(region).greyscale().raw().toBuffer())
}

function glyphCell(line: Uint8Array, index: number): Uint8Array {
  const width = GLYPH.size * 4
  const cell: number[] = []
  for (let row = 0; row < line.length / width; row++) cell.push(...line.slice(row * width + index * GLYPH.size, row * width + (index + 1) * GLYPH.size))
  return new Uint8Array(cell)
}

/** The share of pixels whose grey differs by more than a quarter of the range. */
const differingPixels = (a: Uint8Array, b: Uint8Array): number =>
  a.reduce((count, value, index) => count + (Math.abs(value - b[index]!) > 64 ? 1 : 0), 0) / a.length

describe('findCjkFonts', () => {
  it('takes PREVIEW_CJK_FONTS first, from files on this machine', () => {
    const own = fileURLToPath(new URL('../../tests/fixtures/ingest/fonts/cjk-subset.ttf', import.meta.url))
    const saved = process.env.PREVIEW_CJK_FONTS
    process.env.PREVIEW_CJK_FONTS = ['/nonexistent/font.ttc', own].join(delimiter)
    try {
      expect(findCjkFonts()).toEqual({ monospace: own, 'sans-serif': own, serif: own })
    } finally {
      if (saved === undefined) delete process.env.PREVIEW_CJK_FONTS
      else process.env.PREVIEW_CJK_FONTS = saved
    }
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
