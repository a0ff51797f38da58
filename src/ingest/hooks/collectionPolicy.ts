import { DEFAULT_MAX_BYTES, type FileKind, getUploadPolicy, type UploadPolicy, type UploadPolicyName } from '../policy'

const MiB = 1024 * 1024

const limitVariable = (name: UploadPolicyName, kind: FileKind): string => `INGEST_MAX_MB_${name.toUpperCase()}_${kind.toUpperCase()}`

function limitsFromEnv(name: UploadPolicyName): Partial<Record<FileKind, number>> {
  const limits: Partial<Record<FileKind, number>> = {}
  for (const kind of Object.keys(DEFAULT_MAX_BYTES) as FileKind[]) {
    const megabytes = Number(process.env[limitVariable(name, kind)])
    if (Number.isFinite(megabytes) && megabytes > 0) limits[kind] = Math.round(megabytes * MiB)
  }
  return limits
}

/**
 * The policy of an upload collection, with per-kind size limits from the environment, e.g.
 * `INGEST_MAX_MB_COURSEWARE_PDF=50` or `INGEST_MAX_MB_VIDEOS_VIDEO=4096`. Read on every upload so an operator's
 * change (and a test's) takes effect without a rebuild.
 */
export const getCollectionPolicy = (name: UploadPolicyName): UploadPolicy => getUploadPolicy(name, { maxBytes: limitsFromEnv(name) })

export const UPLOAD_POLICIES: readonly UploadPolicyName[] = ['courseware', 'videos', 'media']

/** The largest file an upload collection accepts, whatever its kind. */
export const largestLimitOf = (name: UploadPolicyName): number => {
  const policy = getCollectionPolicy(name)
  return Math.max(...policy.accepts.map((kind) => policy.maxBytes[kind]))
}

/** The largest file any upload collection accepts (video: 2 GB by default): the request parser's own limit. */
export const largestUploadLimit = (): number => Math.max(...UPLOAD_POLICIES.map(largestLimitOf))
