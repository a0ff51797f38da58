import type { Payload, TaskConfig } from 'payload'

import type { CourseRequest } from '@/payload-types'

import { answerHours, moveRequest } from './moves'

/** Returns dispatched requests with a dispatch unanswered for `answerHours()` to their organizer; how many moved. */
export const expireUnansweredDispatches = async (payload: Payload, now = new Date()): Promise<number> => {
  const deadline = new Date(now.getTime() - answerHours() * 3_600_000).toISOString()
  const { docs } = await payload.find({
    collection: 'course-requests',
    depth: 0,
    pagination: false,
    where: { and: [{ status: { equals: 'dispatched' } }, { 'dispatches.status': { equals: 'pending' } }, { 'dispatches.dispatchedAt': { less_than_equal: deadline } }] },
  })
  let moved = 0
  for (const request of docs as CourseRequest[]) {
    const stale = (request.dispatches ?? []).some((row) => row.status === 'pending' && (row.dispatchedAt ?? '') <= deadline)
    if (!stale) continue
    await moveRequest(payload, null, request, { action: 'expire' }, now)
    moved++
  }
  return moved
}

/** Runs every ten minutes through the jobs queue the app already drives. */
export const expireDispatchesTask: TaskConfig<'expireDispatches'> = {
  slug: 'expireDispatches',
  handler: async ({ req }) => ({ output: { moved: await expireUnansweredDispatches(req.payload) } }),
  outputSchema: [{ name: 'moved', type: 'number' }],
  retries: 2,
  schedule: [{ cron: '0 */10 * * * *', queue: 'default' }],
}
