/**
 * Extraction time per page on generated files: a 50-page Chinese PDF and a 50-slide PPTX (with notes).
 * Run: npx tsx scripts/bench-ingest-extract.ts [pages=50] [rounds=5]
 */
import { performance } from 'node:perf_hooks'

import { buildCjkPdf, buildPptx, PPTX_SLIDES, type SlideSpec } from '../tests/fixtures/ingest/build'
import { extractText } from '../src/ingest/extract'
import { getUploadPolicy } from '../src/ingest/policy'
import { sniffUpload } from '../src/ingest/sniff'

const pages = Number(process.argv[2] ?? 50)
const rounds = Number(process.argv[3] ?? 5)

async function timeRounds(label: string, pageCount: number, run: () => Promise<unknown>): Promise<void> {
  await run()
  const timings: number[] = []
  for (let round = 0; round < rounds; round++) {
    const started = performance.now()
    await run()
    timings.push(performance.now() - started)
  }
  timings.sort((a, b) => a - b)
  const median = timings[Math.floor(timings.length / 2)]
  console.log(`${label}: median ${median.toFixed(1)} ms for ${pageCount} pages = ${(median / pageCount).toFixed(2)} ms/page (min ${timings[0].toFixed(1)}, max ${timings[timings.length - 1].toFixed(1)})`)
}

async function main(): Promise<void> {
  const pdf = await buildCjkPdf(pages)
  const slides: SlideSpec[] = Array.from({ length: pages }, (_, index) => PPTX_SLIDES[index % PPTX_SLIDES.length])
  const pptx = buildPptx(slides)
  console.log(`node ${process.version}; PDF ${pages} pages, ${(pdf.length / 1024).toFixed(0)} KiB; PPTX ${pages} slides, ${(pptx.length / 1024).toFixed(0)} KiB; ${rounds} rounds after one warm-up`)
  const courseware = getUploadPolicy('courseware')
  await timeRounds('sniff PDF', pages, () => sniffUpload(pdf, 'bench.pdf', courseware))
  await timeRounds('extract PDF', pages, () => extractText(pdf, 'pdf'))
  await timeRounds('sniff PPTX', pages, () => sniffUpload(pptx, 'bench.pptx', courseware))
  await timeRounds('extract PPTX', pages, () => extractText(pptx, 'pptx'))
}

await main()
