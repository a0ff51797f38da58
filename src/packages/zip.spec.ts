import { createHash } from 'node:crypto'
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { type ManifestFile, streamZip } from './zip'

const dir = mkdtempSync(path.join(os.tmpdir(), 'commons-zip-'))
afterAll(() => rmSync(dir, { force: true, recursive: true }))

describe('streamZip', () => {
  it('streams a file far larger than what it holds in memory, hashing it on the way', async () => {
    const megabytes = 192
    const big = path.join(dir, 'big.mp4')
    const block = Buffer.alloc(1024 * 1024, 7)
    writeFileSync(big, Buffer.alloc(0))
    const expected = createHash('sha256')
    for (let i = 0; i < megabytes; i++) {
      writeFileSync(big, block, { flag: 'a' })
      expected.update(block)
    }
    let manifest: ManifestFile[] = []
    const zip = streamZip([{ content: '<p>索引</p>', path: 'index.html' }, { compressed: true, content: { open: async () => createReadStream(big) }, path: 'files/1-视频.mp4' }], (files) => (manifest = files))
    const before = process.memoryUsage()
    let peak = 0
    let total = 0
    for await (const chunk of zip) {
      total += (chunk as Buffer).length
      const now = process.memoryUsage()
      peak = Math.max(peak, now.arrayBuffers - before.arrayBuffers)
    }
    expect(total).toBeGreaterThan(megabytes * 1024 * 1024)
    expect(peak).toBeLessThan(64 * 1024 * 1024)
    expect(manifest.map((file) => file.path)).toEqual(['index.html', 'files/1-视频.mp4'])
    expect(manifest[1]).toEqual({ bytes: megabytes * 1024 * 1024, path: 'files/1-视频.mp4', sha256: expected.digest('hex') })
  })

  it('fails the stream when a file cannot be read', async () => {
    const zip = streamZip([{ content: { open: async () => createReadStream(path.join(dir, 'missing.pdf')) }, path: 'files/missing.pdf' }], (files) => files)
    await expect(async () => {
      for await (const _ of zip) void _
    }).rejects.toThrow(/ENOENT/)
  })
})
