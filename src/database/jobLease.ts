import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-sqlite'

import { isMongoUri } from './adapter'

type SqliteDb = { drizzle: { run: (query: unknown) => Promise<{ rowsAffected: number }> } }
type MongoDb = {
  // the mongoose model: it casts the string id to an ObjectId
  collections: Record<string, { updateOne: (filter: object, update: object) => Promise<{ modifiedCount: number }> }>
}

/**
 * Puts a job that is still `processing` and untouched since `updatedAt` back in the queue, in one conditional
 * statement: of two processes releasing the same job, only one succeeds. True when this call released it.
 */
export const releaseStaleJob = async (payload: Payload, id: number | string, updatedAt: string): Promise<boolean> => {
  const now = new Date()
  if (isMongoUri(process.env.DATABASE_URI)) {
    const jobs = (payload.db as unknown as MongoDb).collections['payload-jobs']!
    const { modifiedCount } = await jobs.updateOne(
      { _id: id, processing: true, updatedAt: new Date(updatedAt) },
      { $set: { processing: false, updatedAt: now } },
    )
    return modifiedCount === 1
  }
  const { rowsAffected } = await (payload.db as unknown as SqliteDb).drizzle.run(
    sql`UPDATE payload_jobs SET processing = 0, updated_at = ${now.toISOString()}
        WHERE id = ${id} AND processing = 1 AND updated_at = ${updatedAt}`,
  )
  return rowsAffected === 1
}
