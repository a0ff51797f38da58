import type { JobsConfig } from 'payload'

import { expireDispatchesTask } from '@/requests/expiry'

import { extractCoursewareTask } from './extractCourseware'
import { probeVideoTask } from './probeVideo'

/**
 * Retriable background work: courseware text extraction, video probing, unanswered dispatches. Hooks only queue;
 * these tasks do the work, and Payload retries them with backoff when they throw.
 */
export const tasks: NonNullable<JobsConfig['tasks']> = [extractCoursewareTask, probeVideoTask, expireDispatchesTask]

export const jobsConfig: JobsConfig = {
  // Every few seconds, pick up what the request-time kick missed (a crash, an engine outage).
  autoRun: process.env.COMMONS_JOBS_AUTORUN === 'false' ? [] : [{ cron: '*/5 * * * * *', limit: 100, queue: 'default' }],
  tasks,
}
