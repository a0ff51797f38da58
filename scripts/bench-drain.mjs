// npm run bench:drain -- [lessons=1000] [processes=1,2]   (node scripts/bench-drain.mjs …)
// Measures how fast 1, 2, … app processes drain one search outbox into one embedded index: a throwaway SQLite
// database (or DATABASE_URI when it names MongoDB) gets <lessons> queued changes, then <processes> drain workers
// (tests/workers/drainWorker.ts) start together; the time from their start to an empty outbox is reported. The
// same database is refilled for each process count. Also prints /api/health's check time with the backlog.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const lessons = Number(process.argv[2] ?? 1000)
const counts = (process.argv[3] ?? '1,2').split(',').map(Number)
const mongo = /^mongodb/.test(process.env.DATABASE_URI ?? '')

const runNode = (script, env) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-experimental-require-module', 'scripts/lib/run.mjs', script], { env, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} exited ${code}\n${out}`))))
  })

const events = (log) => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line)) : [])

for (const processes of counts) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'commons-bench-drain-'))
  const env = {
    ...process.env,
    COMMONS_JOBS_AUTORUN: 'false',
    COMMONS_SEED_ON_START: 'none',
    DATABASE_URI: mongo ? process.env.DATABASE_URI.replace(/\/[^/?]*(\?|$)/, `/bench_drain_${Date.now()}$1`) : `file:${path.join(dir, 'commons.db')}`,
    MEDIA_DIR: path.join(dir, 'media'),
    MEILI_HOST: '',
    // not development: Payload would rewrite src/payload-types.ts for the adapter in use
    NODE_ENV: 'test',
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'bench-drain-secret',
    SEARCH_DB_FILE: path.join(dir, 'search.db'),
  }
  const queued = JSON.parse((await runNode('tests/workers/queueLessons.ts', { ...env, BENCH_LESSONS: String(lessons) })).trim().split('\n').at(-1))
  const go = path.join(dir, 'go')
  const logs = Array.from({ length: processes }, (_, n) => path.join(dir, `worker-${n}.log`))
  const workers = logs.map((log) => runNode('tests/workers/drainWorker.ts', { ...env, DRAIN_GO: go, DRAIN_LOG: log, DRAIN_DEADLINE_MS: '1800000' }))
  while (!logs.every((log) => events(log).some((event) => event.event === 'ready'))) await new Promise((resolve) => setTimeout(resolve, 100))
  const startedAt = Date.now()
  writeFileSync(go, '')
  await Promise.all(workers)
  const doneAt = Math.max(...logs.map((log) => events(log).find((event) => event.event === 'done').at))
  const sent = logs.map((log) => events(log).filter((event) => event.event === 'sent').reduce((sum, event) => sum + event.ids.length, 0))
  const seconds = (doneAt - startedAt) / 1000
  console.log(JSON.stringify({ database: mongo ? 'mongodb' : 'sqlite', lessons, processes, seconds, perSecond: Math.round(lessons / seconds), sentPerProcess: sent, healthP50Ms: Math.round(queued.healthP50Ms), healthP95Ms: Math.round(queued.healthP95Ms), loadavg: os.loadavg().map((load) => load.toFixed(1)) }))
  rmSync(dir, { force: true, recursive: true })
}
