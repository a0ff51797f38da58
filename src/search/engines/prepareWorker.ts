/**
 * Worker-thread entry: turns search documents into `RowParams` (OpenCC normalisation, jieba segmentation,
 * display JSON) so the thread that owns the SQLite connection only writes. Started by `PrepareWorker`.
 */
import { parentPort } from 'node:worker_threads'

import type { SearchDocument } from '../types'

import { toRowParams } from './embeddedRows'

type Request = { id: number; docs: SearchDocument[] }

parentPort!.on('message', ({ docs, id }: Request) => {
  try {
    parentPort!.postMessage({ id, rows: docs.map(toRowParams) })
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error), id })
  }
})
parentPort!.postMessage({ ready: true })
