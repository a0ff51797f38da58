import type { JobsConfig } from 'payload'

import { isAdmin } from '@/access/roles'
import { expireDispatchesTask } from '@/requests/expiry'

import { extractCoursewareTask } from './extractCourseware'
import { probeVideoTask } from './probeVideo'

/**
 * Retriable background work: courseware text extraction, video probing, unanswered dispatches. Hooks only queue;
 * these tasks do the work, and Payload retries them with backoff when they throw.
 */
export const tasks: NonNullable<JobsConfig['tasks']> = [extractCoursewareTask, probeVideoTask, expireDispatchesTask]

const adminOnly = ({ req }: { req: { user?: { role?: null | string } | null } }): boolean => isAdmin(req.user)

export const jobsConfig: JobsConfig = {
  // The app runs its jobs itself (autoRun, and the Local API after uploads, which skips access); over HTTP
  // (`/api/payload-jobs/run`) only an admin may run, queue or cancel them: there is no cron caller to let in.
  access: { cancel: adminOnly, queue: adminOnly, run: adminOnly },
  // Every few seconds, pick up what the request-time kick missed (a crash, an engine outage).
  autoRun: process.env.COMMONS_JOBS_AUTORUN === 'false' ? [] : [{ cron: '*/5 * * * * *', limit: 100, queue: 'default' }],
  tasks,
}
