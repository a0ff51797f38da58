/**
 * Starts the app for the browser tests: `next dev` on a free port with a throwaway database, upload folder and
 * search index, so the first request seeds the demo content. Stops it (the whole process group) at teardown.
 */
import type { TestProject } from 'vitest/node'

import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { CHROMIUM_PATH } from './browser'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
// a cold compile plus the demo seed took 5 minutes on a busy two-core machine
const READY_TIMEOUT_MS = Number(process.env.E2E_READY_TIMEOUT_MS || 10 * 60_000)

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    serverLog: string
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.listen({ host: '0.0.0.0', port }, () => server.close(() => resolve(true)))
  })
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) if (await portIsFree(port)) return port
  throw new Error(`e2e: no free port in ${from}–${from + 99}`)
}

const tail = (file: string, lines = 40): string => {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n')
  } catch {
    return '(no server log)'
  }
}

async function waitForLogin(url: string, server: ChildProcess, log: string): Promise<number> {
  const started = Date.now()
  let lastProblem = ''
  while (Date.now() - started < READY_TIMEOUT_MS) {
    if (server.exitCode !== null) throw new Error(`e2e: next dev exited with code ${server.exitCode}\n${tail(log)}`)
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(120_000) })
      if (response.status === 200) return Date.now() - started
      lastProblem = `HTTP ${response.status}`
    } catch (error) {
      lastProblem = String(error)
    }
    await new Promise((resolve) => setTimeout(resolve, 2000))
  }
  throw new Error(`e2e: ${url} did not answer 200 within ${READY_TIMEOUT_MS / 1000}s (last: ${lastProblem})\n${tail(log)}`)
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `e2e: Chromium not found at ${CHROMIUM_PATH}. Install it (and fonts-noto-cjk) with: bash scripts/ci-deps.sh`,
    )
  }

  if (process.env.E2E_BASE_URL) {
    // a server you started yourself (it must have the demo content and its own throwaway data)
    project.provide('baseURL', process.env.E2E_BASE_URL.replace(/\/$/, ''))
    project.provide('serverLog', '')
    return async () => {}
  }

  const workDir = mkdtempSync(path.join(os.tmpdir(), 'commons-e2e-'))
  mkdirSync(path.join(workDir, 'media'), { recursive: true })
  const log = path.join(workDir, 'server.log')
  const port = await freePort(Number(process.env.E2E_PORT || 3100))
  const baseURL = `http://localhost:${port}`

  const out = createWriteStream(log)
  const server = spawn(process.execPath, [path.join(projectRoot, 'node_modules/next/dist/bin/next'), 'dev', '--port', String(port)], {
    cwd: projectRoot,
    detached: true, // its own process group: teardown kills next and its workers together
    env: {
      ...process.env,
      COMMONS_JOBS_AUTORUN: 'true',
      // The suites poll /api/search several times a second, far above the per-address limit.
      COMMONS_RATE_SEARCH_IP: 'off',
      COMMONS_SEED_ON_START: 'true',
      DATABASE_URI: `file:${path.join(workDir, 'e2e.db')}`,
      MEDIA_DIR: path.join(workDir, 'media'),
      MEILI_HOST: '',
      // a separate build folder, so a developer's `npm run dev` (which locks .next/dev) can keep running
      NEXT_DIST_DIR: '.next-e2e',
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'development',
      PAYLOAD_SECRET: 'e2e-secret',
      SEARCH_DB_FILE: path.join(workDir, 'search.db'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout?.pipe(out)
  server.stderr?.pipe(out)

  const stop = async (): Promise<void> => {
    if (server.exitCode === null && server.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM')
      } catch {
        /* already gone */
      }
      const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()))
      const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 10_000))
      if ((await Promise.race([exited.then(() => false), timedOut])) && server.pid) {
        try {
          process.kill(-server.pid, 'SIGKILL')
        } catch {
          /* already gone */
        }
      }
    }
    out.end()
    if (process.env.E2E_KEEP_TMP) console.log(`[e2e] kept ${workDir}`)
    else rmSync(workDir, { force: true, recursive: true })
  }

  try {
    console.log(`[e2e] starting next dev on ${baseURL} (data in ${workDir}); the first compile can take minutes`)
    const ms = await waitForLogin(`${baseURL}/admin/login`, server, log)
    console.log(`[e2e] /admin/login answered 200 after ${(ms / 1000).toFixed(1)}s`)
  } catch (error) {
    await stop()
    throw error
  }

  project.provide('baseURL', baseURL)
  project.provide('serverLog', log)
  return stop
}
