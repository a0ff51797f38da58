/**
 * Member-site benchmark (issue 10): 100,000 generated items in the search index (the generator of
 * scripts/bench-search.ts, run as it is), the demo content in a fresh SQLite database, `next build` and
 * `npm start` (production) on loopback, then autocannon with 10 connections and a fixed number of requests per
 * page, after 100 not counted: time to first byte (headers received) and to the whole answer, p50 and p95, of /, /search?q=…, a lesson,
 * a route and a bundle (target: p95 ≤ 200 ms), and the JavaScript each page loads against the budget.
 * The three searches are asked again and again, as members ask the month's theme; the row "different
 * searches" never asks the same twice (another word, kind, theme or page each time), so no answer is reused.
 *
 *   npm run bench:site [-- --n 100000] [--requests 200] [--port 3132] [--processes N] [--skip-build]
 * The server starts as `npm start` does (scripts/serve.mjs, scripts/lib/webProcesses.mjs), or with `--processes N`.
 * Builds into .next-bench/ (`--skip-build` reuses it). Exits 1 when a page is over the JavaScript budget.
 */
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'

import { SEARCH_KINDS } from '../src/search/types'
import { QUERY_TEXTS, THEMES } from './lib/benchData'
import { webProcessCount } from './lib/webProcesses.mjs'
import { JS_BUDGET_GZIP_BYTES, kilobytes, pageScripts } from './lib/pageScripts'

const argument = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`)
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback
}
const N = argument('n', '100000')
const REQUESTS = Number(argument('requests', '200'))
const PORT = Number(argument('port', '3132'))
const PROCESSES = argument('processes', process.env.COMMONS_WEB_PROCESSES ?? '')
const CONNECTIONS = 10
const WARM_UP = 100
const TARGET_P95_MS = 200
const DIST_DIR = '.next-bench'
const BASE = `http://127.0.0.1:${PORT}`
const QUERIES = ['党员教育', '焦裕禄', '黨員培訓']

const root = path.resolve(import.meta.dirname, '..')
const load = (): string => os.loadavg().map((value) => value.toFixed(1)).join(' ')
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

const run = (label: string, command: string, args: string[], env: Record<string, string>): void => {
  const started = Date.now()
  const result = spawnSync(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status})`)
  console.log(`bench:site: ${label} in ${Math.round((Date.now() - started) / 1000)} s (load ${load()})`)
}

async function waitFor<T>(label: string, probe: () => Promise<T | undefined>, timeoutMs = 600_000): Promise<T> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    const value = await probe().catch(() => undefined)
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  throw new Error(`${label}: not ready after ${timeoutMs / 1000} s`)
}

/** the id of a public item of the demo content, as an anonymous reader sees it */
const firstId = (collection: string) =>
  waitFor(`demo ${collection}`, async () => {
    const response = await fetch(`${BASE}/api/${collection}?limit=1&depth=0`)
    const body = (await response.json()) as { docs?: Array<{ id: number | string }> }
    return body.docs?.[0]?.id
  })

/**
 * CPU time (user + system) of every process in the server's process group, in ms (Linux; 0 elsewhere): per
 * request, what a page costs whatever else the machine is doing.
 */
const groupCpuMs = (group: number): number => {
  let ticks = 0
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
      if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks * 10 // USER_HZ is 100
}

/** search pages that differ in word, kind, theme or page: more of them than requests, in a fixed order */
const differentSearches = (): string[] => {
  const filters = ['', ...SEARCH_KINDS.map((kind) => `&kind=${kind}`), ...THEMES.map((theme) => `&theme=${encodeURIComponent(theme)}`)]
  const paths: string[] = []
  for (const page of [1, 2, 3])
    for (const filter of filters)
      for (const q of QUERY_TEXTS.filter(Boolean)) paths.push(`/search?q=${encodeURIComponent(q)}${filter}${page > 1 ? `&page=${page}` : ''}`)
  return paths
}

const expectedProcesses = (): number => webProcessCount(PROCESSES)

/** the pids of the `next start` processes serving (scripts/serve.mjs's workers, in the server's process group) */
const serverPids = (group: number): string[] =>
  readdirSync('/proc').filter((pid) => {
    try {
      const [comm, rest] = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')
      return /^\d+$/.test(pid) && comm!.includes('next-server') && Number(rest!.split(' ')[2]) === group
    } catch {
      return false
    }
  })

const serverProcesses = (group: number): number => (existsSync('/proc') ? serverPids(group).length : expectedProcesses())

/** resident memory of each serving process, in MB (Linux) */
const residentMegabytes = (group: number): string =>
  !existsSync('/proc')
    ? 'n/a'
    : serverPids(group)
        .map((pid) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024))
        .join(' + ')

type Timing = { cpuMsPerRequest: number; full: number[]; ttfb: number[]; failures: number }

/** one page asked every time, or a list asked in turn (where the warm-up stopped, so no search comes twice) */
const inTurn = (paths: string | string[]): (() => string) => {
  const list = typeof paths === 'string' ? [paths] : paths
  let next = 0
  return () => list[next++ % list.length]!
}

async function measure(nextPath: () => string, group: number, amount = REQUESTS): Promise<Timing> {
  const timing: Timing = { cpuMsPerRequest: 0, failures: 0, full: [], ttfb: [] }
  const cpuBefore = groupCpuMs(group)
  await autocannon({
    amount,
    connections: CONNECTIONS,
    requests: [{ setupRequest: (request) => ({ ...request, path: nextPath() }) }],
    // with one request in flight per connection, a request starts when the previous answer ends
    setupClient: (client) => {
      let sent = performance.now()
      client.on('headers', () => timing.ttfb.push(performance.now() - sent))
      client.on('response', (status, _bytes, ms) => {
        if (status !== 200) timing.failures++
        timing.full.push(ms)
        sent = performance.now()
      })
    },
    timeout: 30,
    url: BASE,
  })
  timing.cpuMsPerRequest = (groupCpuMs(group) - cpuBefore) / amount
  return timing
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'commons-bench-site-'))
  mkdirSync(path.join(work, 'media'))
  console.log(`bench:site: ${os.cpus().length} cores, load ${load()}; work folder ${work}`)
  run(`${N} items indexed (scripts/bench-search.ts)`, 'npx', ['tsx', 'scripts/bench-search.ts', '--n', N, '--file', path.join(work, 'search.db'), '--rounds', '1'], { MEILI_HOST: '' })
  if (!process.argv.includes('--skip-build'))
    run('next build', 'npx', ['next', 'build'], { DATABASE_URI: 'file:/nonexistent-bench-build/commons.db', MEILI_HOST: '', NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' })

  // as `npm start` runs it: scripts/serve.mjs, one `next start` process per core unless --processes says
  const server = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs'), '--hostname', '127.0.0.1', '--port', String(PORT)], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      ...(PROCESSES ? { COMMONS_WEB_PROCESSES: PROCESSES } : {}),
      COMMONS_BACKUP_MARKER: path.join(work, 'last-backup'),
      // no index refill at start: it would drop the generated items, which are not in the database
      COMMONS_JOBS_AUTORUN: 'false',
      COMMONS_PUBLIC_URL: BASE,
      COMMONS_RATE_SEARCH_IP: 'off',
      COMMONS_SEED_ON_START: 'demo',
      DATABASE_URI: `file:${path.join(work, 'commons.db')}`,
      MEDIA_DIR: path.join(work, 'media'),
      MEILI_HOST: '',
      NEXT_DIST_DIR: DIST_DIR,
      NODE_ENV: 'production',
      PAYLOAD_SECRET: randomBytes(32).toString('hex'),
      SEARCH_DB_FILE: path.join(work, 'search.db'),
    },
    stdio: 'ignore',
  })
  const stop = () => {
    try {
      process.kill(-server.pid!, 'SIGTERM')
    } catch {
      /* already gone */
    }
  }
  try {
    const started = Date.now()
    await waitFor('next start', async () => ((await fetch(`${BASE}/api/health`)).ok ? true : undefined))
    const [lesson, route, bundle] = [await firstId('lessons'), await firstId('field-routes'), await firstId('bundles')]
    const processes = await waitFor('every process', async () => {
      const count = serverProcesses(server.pid!)
      return count === expectedProcesses() ? count : undefined
    })
    console.log(`bench:site: npm start (${processes} next start process${processes > 1 ? 'es' : ''}) ready with the demo content in ${Math.round((Date.now() - started) / 1000)} s`)
    const pages = ['/', ...QUERIES.map((q) => `/search?q=${encodeURIComponent(q)}`), `/lessons/${lesson}`, `/routes/${route}`, `/bundles/${bundle}`]
    const searches = differentSearches()
    if (searches.length < WARM_UP + REQUESTS) throw new Error(`only ${searches.length} different searches for ${WARM_UP + REQUESTS} requests`)
    const rows: Array<[string, string | string[]]> = [...pages.map((page): [string, string] => [decodeURIComponent(page), page]), [`different searches (${REQUESTS} of ${searches.length})`, searches]]

    console.log(`\nTTFB at ${CONNECTIONS} concurrent connections, ${REQUESTS} requests per page (target p95 ≤ ${TARGET_P95_MS} ms):`)
    console.log('page | TTFB p50 | TTFB p95 | whole answer p50 | p95 | server CPU per request | non-200 | load')
    let slowest = 0
    for (const [label, paths] of rows) {
      // a server that has run for a while: its code compiled and its heap grown (the first hundred are not counted)
      const nextPath = inTurn(paths)
      await measure(nextPath, server.pid!, WARM_UP)
      const { cpuMsPerRequest, failures, full, ttfb } = await measure(nextPath, server.pid!)
      slowest = Math.max(slowest, percentile(ttfb, 95))
      console.log(
        `${label} | ${percentile(ttfb, 50).toFixed(0)} ms | ${percentile(ttfb, 95).toFixed(0)} ms | ${percentile(full, 50).toFixed(0)} ms | ${percentile(full, 95).toFixed(0)} ms | ${cpuMsPerRequest.toFixed(1)} ms | ${failures} | ${load()}`,
      )
    }
    console.log(`TTFB p95 target ${slowest <= TARGET_P95_MS ? 'met' : 'NOT met'}: slowest page p95 ${slowest.toFixed(0)} ms`)

    console.log(`\nJavaScript per page (script chunks of ${DIST_DIR}; budget ${kilobytes(JS_BUDGET_GZIP_BYTES)} gzip):`)
    let over = 0
    for (const pagePath of pages) {
      const scripts = await pageScripts(BASE, pagePath, path.join(root, DIST_DIR))
      if (scripts.gzip > JS_BUDGET_GZIP_BYTES) over++
      console.log(`${decodeURIComponent(pagePath)} | ${scripts.files.length} files | ${kilobytes(scripts.raw)} raw | ${kilobytes(scripts.gzip)} gzip${scripts.gzip > JS_BUDGET_GZIP_BYTES ? ' OVER BUDGET' : ''}`)
    }
    console.log(`load average at the end: ${load()}; resident memory per process: ${residentMegabytes(server.pid!)} MB`)
    if (over) process.exitCode = 1
  } finally {
    stop()
    rmSync(work, { force: true, recursive: true })
  }
}

await main()
