/**
 * One worker thread that prepares rows for large upserts (see `prepareWorker.ts`), pipelined with the
 * SQLite writes of the calling thread. Optional by design: the worker entry is TypeScript, loaded through
 * tsx (scripts, tests, `next dev` with dev dependencies). Wherever it cannot start (a bundled Next.js
 * server, no tsx, SEARCH_PREPARE_WORKER=0) `available()` answers false and callers prepare in-thread;
 * a worker that fails later is dropped the same way, and the chunk it held is prepared in-thread.
 */
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'

import type { SearchDocument } from '../types'
import type { RowParams } from './embeddedRows'

/** a worker that has not said it is ready by then is given up */
const START_TIMEOUT_MS = 30_000

type Pending = { reject: (error: Error) => void; resolve: (rows: RowParams[]) => void }

const entryFile = (): null | string => {
  try {
    // a variable, not a literal, inside `new URL`: bundlers must not try to build the worker as an asset
    const name = './prepareWorker.ts'
    const file = fileURLToPath(new URL(name, import.meta.url))
    return fs.existsSync(file) ? file : null
  } catch {
    return null
  }
}

/** registers tsx in the worker (the parent's loader is not inherited under vitest), then loads the entry */
const bootstrap = (file: string): string => `
const { pathToFileURL } = require('node:url')
import('tsx/esm/api')
  .then((tsx) => tsx.register())
  .then(() => import(pathToFileURL(${JSON.stringify(file)}).href))
  .catch((error) => require('node:worker_threads').parentPort.postMessage({ startError: String(error && error.message || error) }))
`

export class PrepareWorker {
  private worker: null | Worker = null
  private starting: null | Promise<boolean> = null
  private broken = process.env.SEARCH_PREPARE_WORKER === '0'
  private nextId = 0
  private readonly pending = new Map<number, Pending>()

  /** starts the worker on first use; false when it cannot run in this process */
  available(): Promise<boolean> {
    if (this.broken) return Promise.resolve(false)
    this.starting ??= this.start()
    return this.starting
  }

  private start(): Promise<boolean> {
    const file = entryFile()
    if (!file) {
      this.broken = true
      return Promise.resolve(false)
    }
    return new Promise<boolean>((resolve) => {
      let worker: Worker
      try {
        worker = new Worker(bootstrap(file), { eval: true, execArgv: [] })
      } catch {
        this.broken = true
        resolve(false)
        return
      }
      const timer = setTimeout(() => fail(new Error('prepare worker did not start')), START_TIMEOUT_MS)
      const fail = (error: Error): void => {
        clearTimeout(timer)
        this.broken = true
        this.worker = null
        for (const pending of this.pending.values()) pending.reject(error)
        this.pending.clear()
        void worker.terminate()
        resolve(false)
      }
      worker.on('message', (message: { error?: string; id?: number; ready?: boolean; rows?: RowParams[]; startError?: string }) => {
        if (message.startError !== undefined) return fail(new Error(message.startError))
        if (message.ready) {
          clearTimeout(timer)
          this.worker = worker
          worker.unref()
          return resolve(true)
        }
        const pending = this.pending.get(message.id!)
        if (!pending) return
        this.pending.delete(message.id!)
        if (!this.pending.size) worker.unref()
        if (message.rows) pending.resolve(message.rows)
        else pending.reject(new Error(message.error ?? 'prepare worker failed'))
      })
      worker.on('error', (error) => fail(error))
      worker.on('exit', () => fail(new Error('prepare worker exited')))
    })
  }

  /** the rows of `docs`, prepared in the worker; rejects when the worker is gone (prepare in-thread then) */
  prepare(docs: SearchDocument[]): Promise<RowParams[]> {
    const worker = this.worker
    if (!worker) return Promise.reject(new Error('prepare worker not running'))
    const id = this.nextId++
    return new Promise<RowParams[]>((resolve, reject) => {
      this.pending.set(id, { reject, resolve })
      worker.ref()
      worker.postMessage({ docs, id })
    })
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    this.broken = true
    if (worker) {
      worker.removeAllListeners('exit')
      await worker.terminate()
    }
  }
}
