/**
 * `npm run bench:ingest`: bulk-import throughput for a manifest of small files, upload-to-extracted latency for a
 * 50-page Chinese PDF, extraction time per page, and peak RSS. Runs on a throwaway SQLite database and upload
 * folder, never on the project's data.
 * Env: BENCH_INGEST_ROWS (10000), BENCH_INGEST_CONCURRENCY (16), BENCH_INGEST_BATCH (200), BENCH_INGEST_PAGES (50).
 */
import './lib/env'

import type { Payload } from 'payload'

import type { Jurisdiction } from '@/payload-types'

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { runScript } from './lib/runScript'

const ROWS = Number(process.env.BENCH_INGEST_ROWS ?? 10_000)
const CONCURRENCY = Number(process.env.BENCH_INGEST_CONCURRENCY ?? 16)
const BATCH = Number(process.env.BENCH_INGEST_BATCH ?? 200)
const PAGES = Number(process.env.BENCH_INGEST_PAGES ?? 50)

const workDir = mkdtempSync(path.join(os.tmpdir(), 'commons-bench-ingest-'))
process.env.DATABASE_URI = `file:${path.join(workDir, 'bench.db')}`
process.env.MEDIA_DIR = path.join(workDir, 'media')
process.env.SEARCH_DB_FILE = path.join(workDir, 'search.db')
process.env.COMMONS_SEED_ON_START = 'false'
process.env.COMMONS_JOBS_AUTORUN = 'false'

const { runImport } = await import('@/ingest/bulk/run')
const { extractText } = await import('@/ingest')
const { buildCjkPdf, buildDocx } = await import('../tests/fixtures/ingest/build')
const { drainSearchOutbox } = await import('@/search/sync')
const { getSearchEngine } = await import('@/search')
const { getVisibilityScope } = await import('@/access/visibilityScope')

let payload: Payload
let root: Jurisdiction
const seconds = (ms: number): string => (ms / 1000).toFixed(2)

async function pdfLatency(): Promise<void> {
  const pdf = Buffer.from(await buildCjkPdf(PAGES))
  const started = performance.now()
  const doc = await payload.create({
    collection: 'courseware',
    context: { deferSearchDrain: true },
    data: { _status: 'published', jurisdiction: root.id, title: `${PAGES} 页讲义`, visibility: 'shared' },
    file: { data: pdf, mimetype: 'application/pdf', name: `${PAGES}页讲义.pdf`, size: pdf.length },
  })
  const uploaded = performance.now()
  await payload.jobs.run({ limit: 1 })
  const extracted = performance.now()
  await drainSearchOutbox(payload)
  const engine = await getSearchEngine()
  const found = await engine.search({ q: '二十大精神', scope: getVisibilityScope({ id: 'bench', role: 'admin' }) })
  const searchable = performance.now()
  const hit = found.hits.find((candidate) => candidate.kind === 'courseware' && candidate.docId === String(doc.id))
  const done = await payload.findByID({ id: doc.id, collection: 'courseware', depth: 0 })
  const direct = performance.now()
  await extractText(new Uint8Array(pdf), 'pdf')
  const directMs = performance.now() - direct
  console.log(`\n${PAGES}-page PDF (${(pdf.length / 1024).toFixed(0)} KiB):`)
  console.log(`  upload (checks, hash, store, queue)   ${seconds(uploaded - started)} s`)
  console.log(`  job: extraction + preview + update     ${seconds(extracted - uploaded)} s  → status ${done.extractionStatus}, ${done.pageCount} pages`)
  console.log(`  upload → text extracted               ${seconds(extracted - started)} s`)
  console.log(`  upload → found by search              ${seconds(searchable - started)} s  (target ≤ 3 s; hit on pages ${hit?.pages?.length ?? 0 ? `${hit!.pages![0]}…${hit!.pages!.at(-1)}` : 'NONE'})`)
  console.log(`  extractText alone                      ${directMs.toFixed(0)} ms = ${(directMs / PAGES).toFixed(1)} ms/page`)
}

function writeManifest(): string {
  const folder = path.join(workDir, 'manifest')
  mkdirSync(path.join(folder, 'files'), { recursive: true })
  const lines = ['title,file,kind,themes,audiences,jurisdiction,visibility,lecturer']
  for (let row = 0; row < ROWS; row++) {
    writeFileSync(path.join(folder, 'files', `${row}.docx`), buildDocx([`第${row}讲 党员教育培训`]))
    lines.push(`第${row}讲,files/${row}.docx,courseware,,农村党员,${root.id},shared,`)
  }
  writeFileSync(path.join(folder, 'manifest.csv'), lines.join('\n'))
  return path.join(folder, 'manifest.csv')
}

async function importThroughput(): Promise<void> {
  const manifest = writeManifest()
  const cpuBefore = process.cpuUsage()
  const summary = await runImport(payload, { batchSize: BATCH, concurrency: CONCURRENCY, source: manifest })
  const cpu = process.cpuUsage(cpuBefore)
  const rate = summary.created / (summary.elapsedMs / 1000)
  console.log(`\nImport of ${ROWS} manifest rows (small DOCX files, concurrency ${CONCURRENCY}, batches of ${BATCH}):`)
  console.log(`  ${summary.created} created, ${summary.failed} failed in ${seconds(summary.elapsedMs)} s = ${rate.toFixed(1)} items/s (target ≥ 200)`)
  // CPU time does not depend on what else the machine runs; wall-clock rate does.
  console.log(`  CPU ${((cpu.user + cpu.system) / 1000 / Math.max(1, ROWS)).toFixed(2)} ms/item (user ${(cpu.user / 1e6).toFixed(1)} s + system ${(cpu.system / 1e6).toFixed(1)} s, all threads)`)
  const rerun = await runImport(payload, { concurrency: CONCURRENCY, source: manifest })
  console.log(`  re-run (resume/idempotency check): ${rerun.alreadyDone} already done, ${rerun.created} created in ${seconds(rerun.elapsedMs)} s`)
}

runScript('bench:ingest', import('@payload-config').then((module) => module.default), async (booted) => {
  payload = booted
  root = (await payload.find({ collection: 'jurisdictions', limit: 1, pagination: false })).docs[0]!
  try {
    await pdfLatency()
    await importThroughput()
    console.log(`\nPeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB · load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`)
  } finally {
    rmSync(workDir, { force: true, recursive: true })
  }
})
