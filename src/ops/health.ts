import type { Endpoint, Payload } from 'payload'

import { statfs, stat } from 'node:fs/promises'
import path from 'node:path'

import { isMongoUri, sqliteFile } from '@/database/adapter'
import { getSearchEngine } from '@/search'
import { uploadDir } from '@/utilities/uploadDir'

import { jobLeaseMs, staleJobsWhere } from './recoverJobs'

type Status = 'degraded' | 'down' | 'ok' | 'unknown'
type Check = { details?: Record<string, unknown>; status: Status }

/** one slow component must not hold the answer */
const CHECK_TIMEOUT_MS = 2_000
const OUTBOX_LAG_LIMIT_S = 5 * 60
const DISK_FREE_MIN = { bytes: 1 << 30, ratio: 0.05 }
const BACKUP_AGE_LIMIT_S = 2 * 24 * 3600

const seconds = (since: number | string | Date) => Math.round((Date.now() - new Date(since).getTime()) / 1000)

const withTimeout = <T>(work: Promise<T>): Promise<T> =>
  Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref()),
  ])

/** data/ is where the SQLite file, the embedded search index and the backup marker live */
export const dataDir = (): string => {
  const uri = process.env.DATABASE_URI
  if (isMongoUri(uri)) return path.dirname(path.resolve(process.env.SEARCH_DB_FILE ?? 'data/search.db'))
  return path.dirname(sqliteFile(uri))
}

/** `npm run backup` (or your own backup job) touches this file when a backup completes */
export const backupMarkerFile = (): string => process.env.COMMONS_BACKUP_MARKER || path.join(dataDir(), 'last-backup')

const checkDatabase = async (payload: Payload): Promise<Check> => {
  const started = performance.now()
  await payload.count({ collection: 'jurisdictions' })
  return { details: { ms: Math.round(performance.now() - started) }, status: 'ok' }
}

const checkSearch = async (): Promise<Check> => {
  const started = performance.now()
  const engine = await getSearchEngine()
  const entries = await engine.count()
  return { details: { engine: engine.name, entries, ms: Math.round(performance.now() - started) }, status: 'ok' }
}

const checkOutbox = async (payload: Payload): Promise<Check> => {
  const [{ totalDocs: pending }, { docs: [oldest] }, { totalDocs: failing }] = await Promise.all([
    payload.count({ collection: 'search-outbox' }),
    payload.find({ collection: 'search-outbox', depth: 0, limit: 1, pagination: false, select: { queuedAt: true }, sort: 'queuedAt' }),
    payload.count({ collection: 'search-outbox', where: { attempts: { greater_than: 0 } } }),
  ])
  const oldestPendingSeconds = oldest ? seconds(oldest.queuedAt) : null
  const lagging = (oldestPendingSeconds ?? 0) > OUTBOX_LAG_LIMIT_S
  return { details: { failing, oldestPendingSeconds, pending }, status: lagging ? 'degraded' : 'ok' }
}

const checkJobs = async (payload: Payload): Promise<Check> => {
  const { totalDocs: stuck } = await payload.count({ collection: 'payload-jobs', where: staleJobsWhere() })
  return { details: { leaseMinutes: jobLeaseMs() / 60_000, stuck }, status: stuck ? 'degraded' : 'ok' }
}

const freeSpace = async (dir: string) => {
  const { bavail, blocks, bsize } = await statfs(dir)
  return { freeBytes: bavail * bsize, freeRatio: Math.round((bavail / blocks) * 1000) / 1000 }
}

const checkDisk = async (): Promise<Check> => {
  const [data, media] = await Promise.all([freeSpace(dataDir()), freeSpace(uploadDir('.')).catch(() => null)])
  const low = [data, media].some((space) => space && space.freeBytes < DISK_FREE_MIN.bytes && space.freeRatio < DISK_FREE_MIN.ratio)
  return { details: { data, media }, status: low ? 'degraded' : 'ok' }
}

const checkBackup = async (): Promise<Check> => {
  const marker = await stat(backupMarkerFile()).catch(() => null)
  if (!marker) return { details: { ageSeconds: null }, status: 'unknown' }
  const ageSeconds = seconds(marker.mtime)
  return { details: { ageSeconds }, status: ageSeconds > BACKUP_AGE_LIMIT_S ? 'degraded' : 'ok' }
}

const run = async (payload: Payload, name: string, check: () => Promise<Check>): Promise<Check> => {
  try {
    return await withTimeout(check())
  } catch (error) {
    // the reason may carry a URI or a path: it goes to the log, never into the answer
    payload.logger.warn(`health: ${name} is down: ${error instanceof Error ? error.message : String(error)}`)
    return { status: 'down' }
  }
}

/**
 * Liveness and readiness per component. Ready (200) while the database answers; 503 when it does not.
 * Anonymous callers get the statuses only; admins also get the figures. Never paths, URIs or versions.
 */
export const getHealth = async (payload: Payload) => {
  const started = performance.now()
  const checks: Record<string, () => Promise<Check>> = {
    backup: checkBackup,
    database: () => checkDatabase(payload),
    disk: checkDisk,
    jobs: () => checkJobs(payload),
    outbox: () => checkOutbox(payload),
    search: checkSearch,
  }
  const results = await Promise.all(Object.entries(checks).map(async ([name, check]) => [name, await run(payload, name, check)] as const))
  const components = Object.fromEntries(results)
  const ready = components.database?.status === 'ok'
  const degraded = results.some(([, { status }]) => status === 'degraded' || status === 'down')
  const status: Status = !ready ? 'down' : degraded ? 'degraded' : 'ok'
  return { components, live: true, ready, status, tookMs: Math.round(performance.now() - started) }
}

export const healthEndpoint: Endpoint = {
  handler: async (req) => {
    const health = await getHealth(req.payload)
    const showFigures = req.user?.role === 'admin'
    const components = Object.fromEntries(
      Object.entries(health.components).map(([name, check]) => [name, showFigures ? { status: check.status, ...check.details } : { status: check.status }]),
    )
    return Response.json(
      { ...health, components },
      { headers: { 'Cache-Control': 'no-store' }, status: health.ready ? 200 : 503 },
    )
  },
  method: 'get',
  path: '/health',
}
