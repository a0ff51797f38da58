import type { PayloadRequest, TaskConfig } from 'payload'

import { extractPosterFrame, probeMedia } from '@/ingest'
import { type StoredFileRef, withStoredFileOnDisk } from '@/storage/storedFiles'

import { EXTRACTION_WRITE_CONTEXT } from './extractCourseware'

export const PROBE_VIDEO = 'probeVideo'

type Input = { id: string; sha256: string }

interface StoredVideo extends Partial<Omit<StoredFileRef, 'filename'>> {
  id: number | string
  filename?: string | null
  jurisdiction?: unknown
  poster?: unknown
  sha256?: string | null
  title: string
}

async function createPoster(req: PayloadRequest, video: StoredVideo, filePath: string): Promise<number | string | undefined> {
  const { image, problem } = await extractPosterFrame(filePath)
  if (!image) {
    req.payload.logger.info({ msg: `video ${video.id}: no poster (${problem})` })
    return undefined
  }
  const data = Buffer.from(image.data)
  const media = await req.payload.create({
    collection: 'media',
    data: { alt: `${video.title}（封面）`, jurisdiction: video.jurisdiction as number },
    file: { data, mimetype: image.mime, name: `${video.title}-poster.webp`, size: data.length },
    overrideAccess: true,
    req,
  })
  return media.id
}

/** Duration and a poster frame when ffprobe/ffmpeg are installed; without them the fields stay empty. */
async function probeVideo({ input, req }: { input: Input; req: PayloadRequest }): Promise<{ output: { status: string } }> {
  const video = (await req.payload.findByID({ id: input.id, collection: 'videos', depth: 0, disableErrors: true, overrideAccess: true, req })) as StoredVideo | null
  if (!video?.filename || video.sha256 !== input.sha256) return { output: { status: 'skipped: file replaced or item deleted' } }
  const { facts, poster } = await withStoredFileOnDisk(req.payload, 'videos', { ...video, filename: video.filename }, async (filePath) => ({
    facts: await probeMedia(filePath),
    poster: video.poster ? undefined : await createPoster(req, video, filePath),
  }))
  await req.payload.update({
    id: video.id,
    collection: 'videos',
    context: EXTRACTION_WRITE_CONTEXT,
    data: {
      ...(facts.durationSeconds === undefined ? {} : { durationSeconds: Math.round(facts.durationSeconds) }),
      ...(poster === undefined ? {} : { poster: poster as number }),
    },
    depth: 0,
    overrideAccess: true,
    req,
  })
  return { output: { status: facts.problem ?? 'done' } }
}

export const probeVideoTask: TaskConfig<'probeVideo'> = {
  slug: PROBE_VIDEO,
  handler: probeVideo as never,
  inputSchema: [
    { name: 'id', type: 'text', required: true },
    { name: 'sha256', type: 'text', required: true },
  ],
  label: 'Probe video duration and poster',
  outputSchema: [{ name: 'status', type: 'text' }],
  retries: 2,
}
