/**
 * npm run reindex [-- --clear]
 * Rebuilds or reconciles the search engine from the database (adds missing, updates stale, removes
 * orphans), with a progress bar and a summary. `--clear` empties the index first.
 */
import './lib/env'

import config from '@payload-config'
import { SingleBar } from 'cli-progress'

import { closeSearchEngine, getSearchEngine } from '@/search'
import { countIndexable, reindexAll } from '@/search/reindex'

import { runScript } from './lib/runScript'

runScript('reindex', config, async (payload) => {
  const engine = await getSearchEngine()
  try {
    if (process.argv.includes('--clear')) await engine.clear()
    const startedAt = Date.now()
    const bar = new SingleBar({
      format: '重建索引 Reindex |{bar}| {percentage}% {value}/{total} · {speed}/s · ETA {eta_formatted} · {collection}',
      noTTYOutput: true,
      notTTYSchedule: 5000,
    })
    bar.start(await countIndexable(payload), 0, { collection: '', speed: 0 })
    const summary = await reindexAll(payload, engine, ({ collection, done }) => {
      const seconds = (Date.now() - startedAt) / 1000 || 1
      bar.update(done, { collection, speed: Math.round(done / seconds) })
    })
    bar.stop()
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1)
    console.log(
      `完成：读取 ${summary.read} 条，索引 ${summary.written} 条已发布内容，删除失效索引 ${summary.removed} 条，清除搁置的同步 ${summary.unparked} 条，用时 ${seconds} 秒\n` +
        `Done: ${summary.read} items read, ${summary.written} published items indexed, ${summary.removed} stale entries removed, ${summary.unparked} parked changes cleared in ${seconds} s (${engine.name} engine)`,
    )
  } finally {
    await closeSearchEngine()
  }
})
