import type { Payload } from 'payload'

import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { getPayload } from 'payload'

import { isMongoUri } from '@/database/adapter'
import { closeSearchEngine } from '@/search'
import { drainSearchOutbox } from '@/search/sync'

export type TestDatabase = 'mongodb' | 'sqlite'

/** Which database this run uses: a `mongodb://` DATABASE_URI (MongoDB or FerretDB) or a fresh SQLite file. */
export const testDatabase = (): TestDatabase => (isMongoUri(process.env.DATABASE_URI) ? 'mongodb' : 'sqlite')

const withDatabaseName = (uri: string, name: string): string => {
  const url = new URL(uri)
  url.pathname = `/${name}`
  return url.toString()
}

/**
 * Boots Payload on a database of its own (a temp SQLite file, or a uniquely named MongoDB database),
 * so suites never see each other's data. Call `stop` in afterAll.
 */
export const startPayload = async (): Promise<{ payload: Payload; stop: () => Promise<void> }> => {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
  let tempDir: null | string = null
  if (testDatabase() === 'mongodb') {
    process.env.DATABASE_URI = withDatabaseName(process.env.DATABASE_URI!, `commons_test_${suffix}`)
  } else {
    tempDir = mkdtempSync(path.join(os.tmpdir(), 'commons-test-'))
    process.env.DATABASE_URI = `file:${path.join(tempDir, 'test.db')}`
  }
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config })
  const stop = async () => {
    // Let drains kicked by the last writes finish before the database goes away.
    await new Promise((resolve) => setImmediate(resolve))
    await drainSearchOutbox(payload).catch((error: unknown) => payload.logger.warn({ err: error, msg: 'final drain failed' }))
    await closeSearchEngine()
    if (testDatabase() === 'mongodb') {
      const connection = (payload.db as unknown as { connection?: { dropDatabase: () => Promise<unknown> } }).connection
      await connection?.dropDatabase().catch(() => undefined)
    }
    await payload.destroy()
    if (tempDir) rmSync(tempDir, { force: true, recursive: true })
  }
  return { payload, stop }
}
