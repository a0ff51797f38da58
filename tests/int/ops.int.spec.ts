import type { Payload } from 'payload'

import { utimesSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { backupMarkerFile } from '@/ops/health'
import { recoverStaleJobs } from '@/ops/recoverJobs'

import { createJurisdictionTree, createUser, TEST_PASSWORD } from '../helpers/fixtures'
import { startPayload, testDatabase } from '../helpers/payload'
import { RestClient } from '../helpers/rest'

let payload: Payload
let stop: () => Promise<void>
let rest: RestClient

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  rest = new RestClient(payload)
  const tree = await createJurisdictionTree(payload)
  await createUser(payload, { email: 'ops-admin@test.local', jurisdiction: tree.province.id, role: 'admin' })
})
afterAll(async () => stop?.())

const COMPONENTS = ['backup', 'database', 'disk', 'jobs', 'outbox', 'search']

describe(`GET /api/health (${testDatabase()})`, () => {
  it('answers 200 with every component, statuses only for an anonymous caller, and fast', async () => {
    await rest.request('GET', '/health') // first call opens the search engine
    const started = performance.now()
    const { body, status } = await rest.request('GET', '/health')
    const ms = performance.now() - started
    expect(status).toBe(200)
    expect(body).toMatchObject({ live: true, ready: true })
    expect(Object.keys(body.components).sort()).toEqual(COMPONENTS)
    for (const component of Object.values(body.components)) expect(Object.keys(component as object)).toEqual(['status'])
    expect(body.components.database.status).toBe('ok')
    expect(body.components.backup.status).toBe('unknown')
    expect(JSON.stringify(body)).not.toMatch(/\/tmp|file:|mongodb:|\d+\.\d+\.\d+/)
    expect(ms).toBeLessThan(200)
  })

  it('gives an admin the figures: outbox lag, stuck jobs, free disk, backup age; never paths or URIs', async () => {
    const token = await rest.login('ops-admin@test.local', TEST_PASSWORD)
    writeFileSync(backupMarkerFile(), '')
    const hourAgo = new Date(Date.now() - 3600_000)
    utimesSync(backupMarkerFile(), hourAgo, hourAgo)
    const queuedAt = new Date(Date.now() - 10 * 60_000).toISOString()
    await payload.create({ collection: 'search-outbox', data: { docId: '999999', key: 'lessons:999999', queuedAt, sourceCollection: 'lessons' } })
    const { body, status } = await rest.request('GET', '/health', { token })
    expect(status).toBe(200)
    const { backup, database, disk, jobs, outbox, search } = body.components
    expect(database.ms).toBeGreaterThanOrEqual(0)
    expect(search).toMatchObject({ engine: expect.any(String), entries: expect.any(Number), status: 'ok' })
    // a change waiting for ten minutes: the outbox lags
    expect(outbox).toMatchObject({ pending: 1, status: 'degraded' })
    expect(outbox.oldestPendingSeconds).toBeGreaterThanOrEqual(600)
    expect(body.status).toBe('degraded')
    expect(jobs).toMatchObject({ leaseMinutes: 10, status: 'ok', stuck: 0 })
    expect(disk.data.freeBytes).toBeGreaterThan(0)
    expect(backup.ageSeconds).toBeGreaterThanOrEqual(3599)
    expect(JSON.stringify(body)).not.toMatch(/\/tmp|file:|mongodb:/)
  })

  it('answers 503 when the database does not', async () => {
    const failing = vi.spyOn(payload.db, 'count').mockRejectedValue(new Error('connection refused mongodb://secret@db'))
    try {
      const { body, status } = await rest.request('GET', '/health')
      expect(status).toBe(503)
      expect(body).toMatchObject({ live: true, ready: false, status: 'down' })
      expect(body.components.database.status).toBe('down')
      expect(JSON.stringify(body)).not.toMatch(/secret|refused/)
    } finally {
      failing.mockRestore()
    }
  })
})

describe(`jobs left processing by a stopped process (${testDatabase()})`, () => {
  const queueJob = async () => {
    const job = await payload.jobs.queue({ input: { id: 0 } as never, task: 'extractCourseware' })
    return job.id
  }
  const markProcessing = async (id: number | string, minutesAgo: number) => {
    const updatedAt = new Date(Date.now() - minutesAgo * 60_000).toISOString()
    await payload.db.updateJobs({ data: { processing: true, updatedAt }, id, returning: false })
  }

  it('go back to the queue once their lease has run out, each released by exactly one of two racing processes', async () => {
    const [stale1, stale2, fresh] = [await queueJob(), await queueJob(), await queueJob()]
    await markProcessing(stale1, 30)
    await markProcessing(stale2, 11)
    await markProcessing(fresh, 1)

    const health = await rest.request('GET', '/health', { token: await rest.login('ops-admin@test.local', TEST_PASSWORD) })
    expect(health.body.components.jobs).toMatchObject({ status: 'degraded', stuck: 2 })

    // FerretDB v1 (CI's MongoDB wire) does not make a conditional update atomic against a concurrent one, as
    // MongoDB and SQLite do: there the two processes take turns.
    const released = process.env.MONGODB_COMPAT === 'ferretdb'
      ? [await recoverStaleJobs(payload), await recoverStaleJobs(payload)]
      : await Promise.all([recoverStaleJobs(payload), recoverStaleJobs(payload)])
    expect(released[0]! + released[1]!).toBe(2)

    const processing = async (id: number | string) =>
      (await payload.findByID({ collection: 'payload-jobs', depth: 0, id })).processing
    expect(await processing(stale1)).toBe(false)
    expect(await processing(stale2)).toBe(false)
    expect(await processing(fresh)).toBe(true)
    expect(await recoverStaleJobs(payload)).toBe(0)
  })
})
