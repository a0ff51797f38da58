import type { CollectionAfterChangeHook, Payload } from 'payload'

import { EXTRACT_COURSEWARE } from '@/jobs/extractCourseware'
import { PROBE_VIDEO } from '@/jobs/probeVideo'

const KICK_DELAY_MS = 250
let kickTimer: NodeJS.Timeout | undefined

/**
 * Runs queued jobs shortly after the request that queued them has committed, so extracted text arrives in
 * seconds rather than at the next autoRun tick. Tests switch autoRun off and run jobs themselves.
 */
export function kickJobs(payload: Payload): void {
  if (process.env.COMMONS_JOBS_AUTORUN === 'false' || kickTimer) return
  kickTimer = setTimeout(() => {
    kickTimer = undefined
    payload.jobs.run({ limit: 10 }).catch((error: unknown) => payload.logger.error({ err: error, msg: 'extraction kick failed' }))
  }, KICK_DELAY_MS)
  kickTimer.unref()
}

export interface FileJob {
  task: typeof EXTRACT_COURSEWARE
  input: { id: string; sha256: string }
}

type StoredFileDoc = { extractionStatus?: unknown; id: number | string; sha256?: unknown }

/** The extraction job a courseware document with a new, not yet extracted file needs. */
export const extractionJobFor = (doc: StoredFileDoc): FileJob | undefined =>
  doc.extractionStatus === 'pending' && typeof doc.sha256 === 'string' && doc.sha256
    ? { input: { id: String(doc.id), sha256: doc.sha256 }, task: EXTRACT_COURSEWARE }
    : undefined

/** Queues text extraction when a new file arrived; the job's own update passes `context.skipExtraction`. */
export const queueExtraction: CollectionAfterChangeHook = async ({ context, doc, operation, previousDoc, req }) => {
  const job = context.skipExtraction ? undefined : extractionJobFor(doc)
  if (!job) return doc
  const alreadyQueued = operation === 'update' && previousDoc?.extractionStatus === 'pending' && previousDoc?.sha256 === doc.sha256
  if (alreadyQueued) return doc
  await req.payload.jobs.queue({ ...job, req })
  kickJobs(req.payload)
  return doc
}

/** Queues the duration/poster probe when a new recording arrived. */
export const queueVideoProbe: CollectionAfterChangeHook = async ({ context, doc, previousDoc, req }) => {
  if (context.skipExtraction || !doc.sha256 || previousDoc?.sha256 === doc.sha256) return doc
  await req.payload.jobs.queue({ input: { id: String(doc.id), sha256: doc.sha256 }, req, task: PROBE_VIDEO })
  kickJobs(req.payload)
  return doc
}
