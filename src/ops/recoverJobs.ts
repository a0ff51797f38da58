import type { Payload } from 'payload'

import { releaseStaleJob } from '@/database/jobLease'

/** A job `processing` for longer than this was left by a process that died (payloadcms/payload#17645). */
export const jobLeaseMs = (): number => Number(process.env.COMMONS_JOB_LEASE_MINUTES ?? 10) * 60_000

/** Jobs still marked `processing` whose last update is older than the lease. */
export const staleJobsWhere = (leaseMs = jobLeaseMs()) => ({
  processing: { equals: true },
  updatedAt: { less_than: new Date(Date.now() - leaseMs).toISOString() },
})

/**
 * Puts jobs a crashed process left `processing` back in the queue, each with one conditional update, so
 * that when several app processes run this at once each job is released once. Returns how many this call released.
 */
export const recoverStaleJobs = async (payload: Payload, leaseMs = jobLeaseMs()): Promise<number> => {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    depth: 0,
    limit: 500,
    pagination: false,
    select: { updatedAt: true },
    where: staleJobsWhere(leaseMs),
  })
  let released = 0
  for (const job of docs) if (await releaseStaleJob(payload, job.id, job.updatedAt)) released++
  if (released) payload.logger.warn(`已将 ${released} 个中断的后台任务放回队列 / Put ${released} jobs left processing by a stopped process back in the queue`)
  return released
}

/** At start and then every half lease, as long as the process runs. */
export const startJobRecovery = (payload: Payload): void => {
  const recover = () =>
    recoverStaleJobs(payload).catch((error: unknown) => payload.logger.error({ err: error, msg: 'job recovery failed' }))
  void recover()
  setInterval(recover, jobLeaseMs() / 2).unref()
}
