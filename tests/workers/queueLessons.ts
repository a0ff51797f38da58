/**
 * Fills a throwaway database for scripts/bench-drain.mjs: BENCH_LESSONS published lessons queued for the search
 * engine but not sent (the drain workers send them), then times /api/health's checks with that backlog.
 */
import '../../scripts/lib/env'

import config from '@payload-config'

import { getHealth } from '@/ops/health'
import { closeSearchEngine } from '@/search'

import { runScript } from '../../scripts/lib/runScript'

const WORDS = ['冬训', '乡村振兴', '党史', '三会一课', '基层党建', '共同富裕', '红色教育', '党员教育', '主题党日', '廉政']

runScript('queue-lessons', config, async (payload) => {
  const count = Number(process.env.BENCH_LESSONS ?? 1000)
  const jurisdiction = await payload.create({ collection: 'jurisdictions', data: { level: '省' as never, name: '山东省' } })
  const started = Date.now()
  for (let n = 0; n < count; n++) {
    const title = `${WORDS[n % WORDS.length]}专题第${n + 1}课 ${WORDS[(n * 7) % WORDS.length]}`
    const data = { _status: 'published', jurisdiction: jurisdiction.id, title, visibility: 'public' }
    await payload.create({ collection: 'lessons', context: { deferSearchDrain: true }, data: data as never })
  }
  const created = (Date.now() - started) / 1000
  await getHealth(payload)
  const times: number[] = []
  for (let n = 0; n < 50; n++) {
    const at = performance.now()
    await getHealth(payload)
    times.push(performance.now() - at)
  }
  times.sort((a, b) => a - b)
  console.log(JSON.stringify({ created: count, createdSeconds: created, healthP50Ms: times[25], healthP95Ms: times[47] }))
  await closeSearchEngine()
})
