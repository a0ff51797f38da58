/**
 * Background work with several app processes: two real Node processes on one database and one embedded engine
 * index drain the same search outbox. Each change is indexed by exactly one of them, and when one is killed while
 * it holds a batch, the other takes that batch over once its claims expire; nothing is left behind.
 */
import type { Payload } from 'payload'

import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closeSearchEngine, getSearchEngine } from '@/search'

import { createJurisdictionTree } from '../helpers/fixtures'
import { startPayload, testDatabase } from '../helpers/payload'

const CHANGES = 120
const BATCH = 20
const LEASE_SECONDS = 6
const SEND_DELAY_MS = 1500

let payload: Payload
let stop: () => Promise<void>
const dir = mkdtempSync(path.join(os.tmpdir(), 'commons-processes-'))
const go = path.join(dir, 'go')
const workers: Worker[] = []

type Event = { at: number; event: 'done' | 'ready' | 'sending' | 'sent' | 'timeout'; ids?: string[]; pid: number }
type Worker = { child: ChildProcess; exited: Promise<{ code: null | number; signal: null | string }>; log: string; output: () => string }

const startWorker = (name: string): Worker => {
  const log = path.join(dir, `${name}.log`)
  const child = spawn(process.execPath, ['--no-experimental-require-module', 'scripts/lib/run.mjs', 'tests/workers/drainWorker.ts'], {
    env: {
      ...process.env,
      COMMONS_SEARCH_BATCH: String(BATCH),
      COMMONS_SEARCH_CLAIM_SECONDS: String(LEASE_SECONDS),
      DRAIN_DEADLINE_MS: '120000',
      DRAIN_GO: go,
      DRAIN_LOG: log,
      DRAIN_SEND_DELAY_MS: String(SEND_DELAY_MS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<{ code: null | number; signal: null | string }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  return { child, exited, log, output: () => output }
}

const events = (worker: Worker): Event[] =>
  existsSync(worker.log) ? readFileSync(worker.log, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Event) : []

const waitFor = async (what: string, condition: () => boolean, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${workers.map((worker) => worker.output()).join('\n---\n')}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** how often each search document id was written to the engine, by these workers' finished sends */
const sentCounts = (of: Worker[]): Map<string, number> => {
  const counts = new Map<string, number>()
  for (const { ids = [] } of of.flatMap(events).filter((event) => event.event === 'sent')) for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1)
  return counts
}

/** the last `sending` that has no `sent` after it: a batch the worker holds right now */
const batchInFlight = (worker: Worker): string[] | undefined => {
  const last = events(worker).filter((event) => event.event === 'sending' || event.event === 'sent').at(-1)
  return last?.event === 'sending' ? last.ids : undefined
}

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  const tree = await createJurisdictionTree(payload)
  const data = { _status: 'published', jurisdiction: tree.town.id, visibility: 'shared' }
  // deferSearchDrain: this process only queues; the two workers drain
  for (let n = 0; n < CHANGES; n++) {
    await payload.create({ collection: 'lessons', context: { deferSearchDrain: true }, data: { ...data, title: `多进程同步第${n + 1}课` } as never })
  }
})
afterAll(async () => {
  for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL')
  await closeSearchEngine()
  await stop?.()
  rmSync(dir, { force: true, recursive: true })
})

describe(`two app processes drain one search outbox (${testDatabase()})`, () => {
  it('index every change once; a process killed mid-batch loses nothing: the other takes its batch once the claims expire', async () => {
    expect((await payload.count({ collection: 'search-outbox' })).totalDocs).toBe(CHANGES)
    const lessonIds = (await payload.find({ collection: 'lessons', depth: 0, limit: 0, pagination: false, select: {} })).docs.map((doc) => `lesson-${doc.id}`)

    workers.push(startWorker('a'), startWorker('b'))
    await waitFor('both workers to boot', () => workers.every((worker) => events(worker).some((event) => event.event === 'ready')), 240_000)
    writeFileSync(go, '')

    // both index a batch, then the one holding a batch right now is killed before the engine has it
    await waitFor('both workers to send', () => workers.every((worker) => events(worker).some((event) => event.event === 'sent')), 60_000)
    let victim: Worker | undefined
    await waitFor('a worker holding a batch', () => (victim = workers.find((worker) => batchInFlight(worker))) !== undefined, 30_000)
    const lost = batchInFlight(victim!)!
    process.kill(events(victim!)[0]!.pid, 'SIGKILL')
    const killedAt = Date.now()
    expect(await victim!.exited).not.toEqual({ code: 0, signal: null })
    expect(batchInFlight(victim!), 'the kill came after the batch reached the engine').toEqual(lost)
    const survivor = workers.find((worker) => worker !== victim)!

    const { code } = await survivor.exited
    expect(code, survivor.output()).toBe(0)
    expect(events(survivor).at(-1)?.event).toBe('done')

    // every change written to the engine exactly once, by one or the other; the killed batch by the survivor, after its lease
    const counts = sentCounts(workers)
    expect([...counts.keys()].sort()).toEqual([...lessonIds].sort())
    expect([...counts.values()].every((count) => count === 1)).toBe(true)
    const sentBy = (worker: Worker) => new Set(events(worker).flatMap((event) => (event.event === 'sent' ? (event.ids ?? []) : [])))
    expect(sentBy(victim!).size).toBeGreaterThan(0)
    expect(sentBy(survivor).size).toBeGreaterThan(0)
    for (const id of lost) expect(sentBy(survivor).has(id)).toBe(true)
    const takenOver = events(survivor).find((event) => event.event === 'sending' && event.ids?.includes(lost[0]!))!
    expect(takenOver.at).toBeGreaterThan(killedAt)

    // the index holds every lesson once; nothing pending, no claim left
    const engine = await getSearchEngine()
    const indexed: string[] = []
    for await (const entry of engine.listIds()) indexed.push(entry.id)
    expect(indexed.sort()).toEqual([...lessonIds].sort())
    expect((await payload.count({ collection: 'search-outbox' })).totalDocs).toBe(0)
    expect((await payload.count({ collection: 'search-claims' })).totalDocs).toBe(0)
  }, 420_000)
})
