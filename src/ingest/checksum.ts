import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import type { Readable } from 'node:stream'

const CHUNK_BYTES = 1024 * 1024

/** Hashes in 1 MiB slices, yielding between them so a large upload does not stall other requests. */
export async function sha256OfBytes(data: Uint8Array): Promise<string> {
  const hash = createHash('sha256')
  for (let offset = 0; offset < data.length; offset += CHUNK_BYTES) {
    hash.update(data.subarray(offset, offset + CHUNK_BYTES))
    if (offset + CHUNK_BYTES < data.length) await new Promise<void>((resolve) => setImmediate(resolve))
  }
  return hash.digest('hex')
}

export async function sha256OfStream(stream: Readable): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of stream) hash.update(chunk as Uint8Array)
  return hash.digest('hex')
}

export const sha256OfFile = (path: string): Promise<string> => sha256OfStream(createReadStream(path, { highWaterMark: CHUNK_BYTES }))
