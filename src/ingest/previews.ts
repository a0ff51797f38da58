/**
 * Derived images and facts that need more than sharp: a PDF's first page (pdf.js drawing on @napi-rs/canvas,
 * no browser) and a recording's duration and poster frame (ffprobe/ffmpeg when on PATH). Each returns what it
 * could get plus a `problem` line instead of throwing, so an upload never fails for want of a preview.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import sharp from 'sharp'
import { renderPageAsImage } from 'unpdf'

import { registerCjkFonts } from './cjkFonts'
import './node20Polyfills'
import { openPdf } from './pdfjsData'

export interface PreviewImage {
  data: Uint8Array
  mime: 'image/webp'
  width: number
  height: number
}

export interface PreviewOutcome {
  image?: PreviewImage
  problem?: string
}

export interface MediaFacts {
  durationSeconds?: number
  width?: number
  height?: number
  videoCodec?: string
  audioCodec?: string
  problem?: string
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error))

async function toWebp(png: Uint8Array): Promise<PreviewImage> {
  const { data, info } = await sharp(png).webp({ quality: 80 }).toBuffer({ resolveWithObject: true })
  return { data: new Uint8Array(data), height: info.height, mime: 'image/webp', width: info.width }
}

/** @napi-rs/canvas, with CJK fonts behind its generic families so non-embedded Chinese fonts draw their characters. */
export async function canvasWithCjkFonts() {
  const canvas = await import('@napi-rs/canvas')
  if (registerCjkFonts(canvas.GlobalFonts) === false) {
    process.emitWarning('未找到中文字体，PDF 预览中的中文可能显示为方框（安装 fonts-noto-cjk 或设置 PREVIEW_CJK_FONTS） / No CJK font found: Chinese text in PDF previews may show as boxes (install fonts-noto-cjk or set PREVIEW_CJK_FONTS)')
  }
  return canvas
}

export async function renderPdfFirstPage(pdf: Uint8Array, options: { width?: number } = {}): Promise<PreviewOutcome> {
  try {
    const document = await openPdf(pdf)
    try {
      const png = await renderPageAsImage(document, 1, {
        canvasImport: canvasWithCjkFonts,
        width: options.width ?? 800,
      })
      return { image: await toWebp(new Uint8Array(png)) }
    } finally {
      await document.destroy()
    }
  } catch (error) {
    return { problem: `PDF preview unavailable: ${describe(error)}` }
  }
}

const FFPROBE = process.env.FFPROBE_PATH || 'ffprobe'
const FFMPEG = process.env.FFMPEG_PATH || 'ffmpeg'
const TOOL_TIMEOUT_MS = 60_000
const MAX_POSTER_BYTES = 20 * 1024 * 1024

function run(command: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { encoding: 'buffer', maxBuffer: MAX_POSTER_BYTES, timeout: TOOL_TIMEOUT_MS }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command}: ${stderr.toString().trim() || error.message}`))
      else resolve(stdout)
    })
  })
}

/** ffmpeg needs a seekable file (an MP4's index may sit at its end), so bytes in memory go to a temp file. */
async function withFilePath<T>(input: string | Uint8Array, use: (path: string) => Promise<T>): Promise<T> {
  if (typeof input === 'string') return use(input)
  const directory = await mkdtemp(join(tmpdir(), 'ingest-'))
  try {
    const path = join(directory, 'media')
    await writeFile(path, input)
    return await use(path)
  } finally {
    await rm(directory, { force: true, recursive: true })
  }
}

interface ProbeStream {
  codec_type?: string
  codec_name?: string
  width?: number
  height?: number
  duration?: string
}

interface ProbeOutput {
  format?: { duration?: string }
  streams?: ProbeStream[]
}

const finiteNumber = (value: string | undefined): number | undefined => {
  const parsed = Number(value)
  return value !== undefined && Number.isFinite(parsed) ? parsed : undefined
}

function factsFromProbe(probe: ProbeOutput): MediaFacts {
  const video = probe.streams?.find((stream) => stream.codec_type === 'video')
  const audio = probe.streams?.find((stream) => stream.codec_type === 'audio')
  return {
    audioCodec: audio?.codec_name,
    durationSeconds: finiteNumber(probe.format?.duration) ?? finiteNumber(video?.duration ?? audio?.duration),
    height: video?.height,
    videoCodec: video?.codec_name,
    width: video?.width,
  }
}

/** Duration, size and codecs of a recording; `{ problem }` only when ffprobe is missing or fails. */
export async function probeMedia(input: string | Uint8Array): Promise<MediaFacts> {
  try {
    const stdout = await withFilePath(input, (path) =>
      run(FFPROBE, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path]),
    )
    return factsFromProbe(JSON.parse(stdout.toString('utf8')) as ProbeOutput)
  } catch (error) {
    return { problem: `media probe unavailable: ${describe(error)}` }
  }
}

/** A frame a tenth of the way in (at most 10 s), so the poster is rarely a black title card. */
const posterTimeOf = (durationSeconds: number | undefined): number => Math.min((durationSeconds ?? 0) * 0.1, 10)

export async function extractPosterFrame(input: string | Uint8Array, options: { width?: number } = {}): Promise<PreviewOutcome> {
  try {
    return await withFilePath(input, async (path) => {
      const facts = await probeMedia(path)
      if (facts.problem) return { problem: facts.problem }
      if (!facts.videoCodec) return { problem: 'no video stream (audio only)' }
      const width = options.width ?? 1280
      const png = await run(FFMPEG, [
        '-v', 'error', '-ss', posterTimeOf(facts.durationSeconds).toFixed(2), '-i', path,
        '-frames:v', '1', '-vf', `scale='min(${width},iw)':-2`, '-f', 'image2pipe', '-c:v', 'png', 'pipe:1',
      ])
      return { image: await toWebp(new Uint8Array(png)) }
    })
  } catch (error) {
    return { problem: `poster frame unavailable: ${describe(error)}` }
  }
}
