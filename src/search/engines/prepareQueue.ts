/**
 * Chunks of documents waiting to become rows, shared by every large upsert of one engine: the worker
 * takes chunks from the front, a few at a time, across calls, so it prepares the next call's chunks while
 * the writer still writes this call's; a writer with nothing prepared takes one of its own chunks from
 * the back and prepares it itself, so both cores stay busy whichever side is slower.
 */
import type { SearchDocument } from '../types'
import type { PrepareWorker } from './preparePool'

import { type RowParams, toRowParams } from './embeddedRows'

export class PrepareTask {
  rows: null | RowParams[] = null
  readonly done: Promise<void>
  private settle!: () => void

  constructor(readonly docs: SearchDocument[]) {
    this.done = new Promise<void>((resolve) => (this.settle = resolve))
  }

  finish(rows: RowParams[]): void {
    this.rows = rows
    this.settle()
  }
}

export class PrepareQueue {
  private readonly untaken: PrepareTask[] = []
  private inFlight = 0

  constructor(
    private readonly worker: PrepareWorker,
    private readonly inFlightMax: number,
  ) {}

  add(chunks: SearchDocument[][]): PrepareTask[] {
    const tasks = chunks.map((docs) => new PrepareTask(docs))
    this.untaken.push(...tasks)
    this.pump()
    return tasks
  }

  /** the last of `tasks` that nobody has taken, now taken by the caller; undefined when all are taken */
  takeBack(tasks: Iterable<PrepareTask>): PrepareTask | undefined {
    const mine = new Set(tasks)
    for (let index = this.untaken.length - 1; index >= 0; index--) {
      if (mine.has(this.untaken[index]!)) return this.untaken.splice(index, 1)[0]
    }
    return undefined
  }

  private pump(): void {
    while (this.inFlight < this.inFlightMax && this.untaken.length) {
      const task = this.untaken.shift()!
      this.inFlight++
      void this.worker
        .prepare(task.docs)
        .catch(() => task.docs.map(toRowParams)) // the worker is gone: prepared here instead
        .then((rows) => {
          this.inFlight--
          task.finish(rows)
          this.pump()
        })
    }
  }
}
