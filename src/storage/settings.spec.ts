import { describe, expect, it } from 'vitest'

import { s3Settings } from './settings'

describe('s3Settings', () => {
  it('keeps files local without S3_BUCKET', () => {
    expect(s3Settings({})).toBeUndefined()
    expect(s3Settings({ S3_BUCKET: '  ' })).toBeUndefined()
  })

  it('refuses S3 variables without a bucket instead of storing files locally by mistake', () => {
    expect(() => s3Settings({ S3_ENDPOINT: 'http://127.0.0.1:8333' })).toThrow(/S3_ENDPOINT.* \/ /)
  })

  it('a self-hosted endpoint gets path-style addressing and the given keys', () => {
    expect(s3Settings({ S3_ACCESS_KEY_ID: 'id', S3_BUCKET: 'files', S3_ENDPOINT: 'http://127.0.0.1:8333', S3_SECRET_ACCESS_KEY: 'secret' })).toEqual({
      bucket: 'files',
      client: { credentials: { accessKeyId: 'id', secretAccessKey: 'secret' }, endpoint: 'http://127.0.0.1:8333', forcePathStyle: true, region: 'us-east-1' },
    })
  })

  it('AWS itself: virtual-hosted addressing, the region given, the SDK’s own credentials', () => {
    expect(s3Settings({ S3_BUCKET: 'files', S3_REGION: 'cn-north-1' })).toEqual({ bucket: 'files', client: { endpoint: undefined, forcePathStyle: false, region: 'cn-north-1' } })
    expect(s3Settings({ S3_BUCKET: 'files', S3_ENDPOINT: 'https://oss.example.cn', S3_FORCE_PATH_STYLE: 'false' })?.client.forcePathStyle).toBe(false)
  })
})
