/**
 * `npm start`: `next start` in several processes sharing one port (node:cluster), one per CPU core by default
 * (`COMMONS_WEB_PROCESSES`, 1–16): one Node process renders one page at a time, so on a 2-core server a second
 * process shortens the queue a page waits in (README "Production").
 *
 * - The first process starts alone and is asked for /api/health until it answers: Payload starts on the first
 *   request, and that start applies the migrations and the first-start seed, which must run once.
 * - Background work (jobs, the search outbox drain, the index refill) runs in the first process only; the others
 *   start with COMMONS_JOBS_AUTORUN=false and no seed (README "Several processes").
 * - A process that dies is replaced (the job runner by a job runner), at most 5 times a minute; SIGTERM or SIGINT
 *   stops them all and exits when they have.
 *
 *   npm start [-- --port 3000 --hostname 0.0.0.0]   (any `next start` option)
 */
import cluster from 'node:cluster'
import { createRequire } from 'node:module'

import { webProcessCount } from './lib/webProcesses.mjs'

const RESTARTS_PER_MINUTE = 5
const READY_TIMEOUT_MS = 300_000
const STOP_TIMEOUT_MS = 15_000

const nextStartArgs = process.argv.slice(2)
const log = (message) => console.log(`[serve] ${message}`)

/** where the first process listens, for asking it whether it is ready */
const healthUrl = () => {
  const option = (...names) => {
    const at = nextStartArgs.findIndex((arg) => names.includes(arg))
    return at >= 0 ? nextStartArgs[at + 1] : undefined
  }
  const port = option('--port', '-p') ?? process.env.PORT ?? '3000'
  // `next start` binds to -H only (not $HOSTNAME, which Docker sets to the container id)
  const host = option('--hostname', '-H')
  const reachable = !host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}/api/health`
}

/** the first process runs background work and the first-start seed; the others only serve pages */
const roleEnv = (runsJobs) => (runsJobs ? {} : { COMMONS_JOBS_AUTORUN: 'false', COMMONS_SEED_ON_START: 'false' })

async function waitUntilAnswering(worker) {
  const started = Date.now()
  while (Date.now() - started < READY_TIMEOUT_MS) {
    if (worker.isDead()) return
    // any answer will do: it comes once Payload has started (and migrated and seeded) in that process
    const answered = await fetch(healthUrl(), {
      signal: AbortSignal.timeout(120_000),
    }).then(
      () => true,
      () => false,
    )
    if (answered) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  log(`the first process did not answer ${healthUrl()} within ${READY_TIMEOUT_MS / 1000} s; starting the others anyway`)
}

async function main() {
  const count = webProcessCount()
  const require = createRequire(import.meta.url)
  cluster.setupPrimary({
    args: ['start', ...nextStartArgs],
    exec: require.resolve('next/dist/bin/next'),
  })

  let stopping = false
  let serving = false
  let jobRunner = null
  const restarts = []
  const start = (runsJobs) => {
    const worker = cluster.fork(roleEnv(runsJobs))
    if (runsJobs) jobRunner = worker
    return worker
  }

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return
    if (!serving) {
      log(`the first process ended while starting (${signal ?? `exit code ${code}`}); see its output above`)
      stopAll(1)
      return
    }
    const runsJobs = worker === jobRunner
    const now = Date.now()
    restarts.push(now)
    while (restarts[0] < now - 60_000) restarts.shift()
    if (restarts.length > RESTARTS_PER_MINUTE) {
      log(`processes keep dying (${restarts.length} in a minute, the last with ${signal ?? `exit code ${code}`}); stopping`)
      stopAll(1)
      return
    }
    log(
      `process ${worker.process.pid} ended (${signal ?? `exit code ${code}`}); starting another${runsJobs ? ' (it runs background work)' : ''}`,
    )
    start(runsJobs)
  })

  const stopAll = (exitCode) => {
    if (stopping) return
    stopping = true
    const workers = Object.values(cluster.workers ?? {})
    for (const worker of workers) worker.process.kill('SIGTERM')
    const deadline = setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker.process.kill('SIGKILL')
    }, STOP_TIMEOUT_MS)
    deadline.unref()
    const exitWhenAllGone = () => {
      if (Object.values(cluster.workers ?? {}).every((worker) => worker.isDead())) process.exit(exitCode)
    }
    cluster.on('exit', exitWhenAllGone)
    exitWhenAllGone()
  }
  process.on('SIGTERM', () => stopAll(0))
  process.on('SIGINT', () => stopAll(0))

  const first = start(true)
  await waitUntilAnswering(first)
  if (stopping) return
  serving = true
  for (let index = 1; index < count; index++) start(false)
  log(
    `${count} process${count > 1 ? 'es' : ''} serving (COMMONS_WEB_PROCESSES=${process.env.COMMONS_WEB_PROCESSES ?? `${count}, one per core`})`,
  )
}

main().catch((error) => {
  console.error(`[serve] ${error.message}`)
  process.exit(1)
})
