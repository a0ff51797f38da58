import type { S3ClientConfig } from '@aws-sdk/client-s3'

/** Where uploaded files live when S3_BUCKET is set: an S3-compatible bucket (AWS S3, SeaweedFS, MinIO, OSS, COS…). */
export interface S3Settings {
  bucket: string
  client: S3ClientConfig
}

const S3_VARIABLES = ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'] as const

/**
 * The S3 settings from the environment, or undefined when files stay on local disk (no S3_BUCKET). S3 variables
 * without a bucket are a mistake that would silently store files locally, so they stop the start instead.
 */
export function s3Settings(env: Readonly<Record<string, string | undefined>> = process.env): S3Settings | undefined {
  const bucket = env.S3_BUCKET?.trim()
  if (!bucket) {
    const stray = S3_VARIABLES.filter((name) => env[name])
    if (stray.length > 0) throw new Error(`${stray.join(', ')} set without S3_BUCKET / 设置了 ${stray.join('、')} 却没有 S3_BUCKET`)
    return undefined
  }
  const endpoint = env.S3_ENDPOINT?.trim() || undefined
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim()
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim()
  return {
    bucket,
    client: {
      // Without keys the AWS SDK's own chain applies (instance role, ~/.aws).
      ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
      endpoint,
      // Self-hosted servers (SeaweedFS, MinIO) answer on one host name, not per-bucket sub-domains.
      forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE === 'true' : Boolean(endpoint),
      region: env.S3_REGION?.trim() || 'us-east-1',
    },
  }
}
