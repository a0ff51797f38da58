import { afterEach, describe, expect, it } from 'vitest'

import { DEFAULT_MAX_BYTES } from './policy'
import { uploadOptions } from './uploadOptions'

const MiB = 1024 * 1024

describe('uploadOptions', () => {
  afterEach(() => {
    delete process.env.INGEST_MAX_MB_VIDEOS_VIDEO
  })

  it('streams to temp files up to the largest per-kind limit (video, 2 GB by default), with a bilingual 413', () => {
    const options = uploadOptions()
    expect(options.useTempFiles).toBe(true)
    expect(options.abortOnLimit).toBe(true)
    expect(options.limits?.fileSize).toBe(DEFAULT_MAX_BYTES.video)
    expect(options.requestSizeLimit).toBeGreaterThan(DEFAULT_MAX_BYTES.video)
    expect(options.responseOnLimit).toMatch(/上限 \/ The file is larger/)
  })

  it('follows a raised limit from the environment', () => {
    process.env.INGEST_MAX_MB_VIDEOS_VIDEO = '4096'
    expect(uploadOptions().limits?.fileSize).toBe(4096 * MiB)
  })
})
