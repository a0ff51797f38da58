/**
 * Writes the package as a zip stream, one entry at a time: each file is read from its store while it is written,
 * hashed on the way, and only one is open at once, so a bundle of several GB never sits in memory. The manifest
 * with every entry's SHA-256 comes last, when all of them are known.
 */
import { ZipArchive } from 'archiver'
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { Readable, Transform } from 'node:stream'

export interface ZipEntry {
  /** already-compressed files (video, pictures, PDF, OOXML) are stored, not deflated again */
  compressed?: boolean
  /** text, or a way to open a file's bytes as a stream when its turn comes */
  content: string | { open: () => Promise<Readable> }
  path: string
}

export interface ManifestFile {
  bytes: number
  path: string
  sha256: string
}

export const MANIFEST_PATH = 'manifest.json'

const hashing = (into: ManifestFile, hash = createHash('sha256')) =>
  new Transform({
    flush(callback) {
      into.sha256 = hash.digest('hex')
      callback()
    },
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk)
      into.bytes += chunk.length
      callback(null, chunk)
    },
  })

const open = async (content: ZipEntry['content']): Promise<Readable> =>
  typeof content === 'string' ? Readable.from([Buffer.from(content, 'utf8')]) : content.open()

/**
 * The zip as a Node stream. `manifest` turns the list of written files into the manifest's JSON. A reader that
 * goes away (the download is cancelled) stops the writing and closes the open file.
 */
export function streamZip(entries: Iterable<ZipEntry>, manifest: (files: ManifestFile[]) => unknown): Readable {
  const archive = new ZipArchive({ zlib: { level: 6 } })
  const stopped = new AbortController()
  let source: null | Readable = null
  archive.once('close', () => {
    stopped.abort()
    source?.destroy()
  })
  const write = async () => {
    const written: ManifestFile[] = []
    for (const entry of entries) {
      const file: ManifestFile = { bytes: 0, path: entry.path, sha256: '' }
      source = await open(entry.content)
      source.once('error', (error) => archive.destroy(error))
      const entered = once(archive, 'entry', { signal: stopped.signal })
      archive.append(source.pipe(hashing(file)), { name: entry.path, store: entry.compressed })
      await entered
      source = null
      written.push(file)
    }
    archive.append(`${JSON.stringify(manifest(written), null, 2)}\n`, { name: MANIFEST_PATH })
    await archive.finalize()
  }
  write().catch((error: unknown) => {
    if (!stopped.signal.aborted) archive.destroy(error instanceof Error ? error : new Error(String(error)))
  })
  return archive
}
