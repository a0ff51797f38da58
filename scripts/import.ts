/**
 * `npm run import -- <manifest.csv | folder> [--jurisdiction <name|id>] [--visibility public|shared|local]
 *   [--concurrency 8] [--batch 200] [--limit N] [--draft]`
 * Ctrl-C stops after the batch in flight; run the same command again to resume.
 */
import './lib/env'

import config from '@payload-config'

import { parseArgs } from 'node:util'

import { SingleBar } from 'cli-progress'

import { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, runImport } from '@/ingest/bulk/run'

import { runScript } from './lib/runScript'

// The importer queues extraction jobs; the app's job runner does them, not this process.
process.env.COMMONS_JOBS_AUTORUN = 'false'

const { positionals, values } = parseArgs({
  allowPositionals: true,
  args: process.argv.slice(2),
  options: {
    batch: { default: String(DEFAULT_BATCH_SIZE), type: 'string' },
    concurrency: { default: String(DEFAULT_CONCURRENCY), type: 'string' },
    draft: { default: false, type: 'boolean' },
    jurisdiction: { type: 'string' },
    limit: { type: 'string' },
    visibility: { type: 'string' },
  },
})

const source = positionals[0]
if (!source) {
  console.error('usage: npm run import -- <manifest.csv | folder> [--jurisdiction <name|id>] [--visibility shared] [--concurrency 8] [--batch 200] [--limit N] [--draft]')
  process.exit(2)
}

runScript('import', config, async (payload) => {
  const controller = new AbortController()
  process.once('SIGINT', () => {
    console.error('\n中断：正在完成进行中的一批，之后可重新运行以继续 / Interrupted: finishing the batch in flight; run again to resume')
    controller.abort()
  })

  const bar = new SingleBar({
    format: '导入 import |{bar}| {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted} | failed {failed}',
    hideCursor: true,
  })
  const started = performance.now()
  let barStarted = false

  const summary = await runImport(payload, {
    batchSize: Number(values.batch),
    concurrency: Number(values.concurrency),
    draft: values.draft,
    jurisdiction: values.jurisdiction,
    limit: values.limit ? Number(values.limit) : undefined,
    onProgress: ({ failed, processed, total }) => {
      if (!barStarted) {
        bar.start(total, 0, { failed: 0, rate: '0' })
        barStarted = true
      }
      const rate = (processed / ((performance.now() - started) / 1000)).toFixed(0)
      bar.update(processed, { failed, rate })
    },
    signal: controller.signal,
    source,
    visibility: values.visibility,
  }).catch((error: unknown) => {
    // Before the first batch, a refusal is about the command line or the manifest: say why, without a stack.
    if (barStarted || !(error instanceof Error)) throw error
    console.error(error.message)
    return null
  })
  bar.stop()
  if (!summary) return 2

  console.table([{ ...summary, elapsedMs: Math.round(summary.elapsedMs) }])
  if (summary.failed > 0) console.error(`失败的行见 / failed rows listed in: ${summary.errorReportPath}`)
  return summary.interrupted ? 130 : summary.failed > 0 ? 1 : 0
})
