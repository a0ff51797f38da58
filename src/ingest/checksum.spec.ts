import { createHash } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'

import { describe, expect, it } from 'vitest'

import { sha256OfBytes, sha256OfFile, sha256OfStream } from './checksum'

const data = new Uint8Array(3 * 1024 * 1024 + 17).map((_, index) => index % 251)
const expected = createHash('sha256').update(data).digest('hex')

describe('sha256', () => {
  it('of bytes in memory, across chunk boundaries', async () => {
    expect(await sha256OfBytes(data)).toBe(expected)
    expect(await sha256OfBytes(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })

  it('of a file, streamed', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'checksum-'))
    try {
      const path = join(directory, '课件.pdf')
      await writeFile(path, data)
      expect(await sha256OfFile(path)).toBe(expected)
    } finally {
      await rm(directory, { force: true, recursive: true })
    }
  })

  it('of a stream', async () => {
    expect(await sha256OfStream(Readable.from([data.subarray(0, 10), data.subarray(10)]))).toBe(expected)
  })
})
