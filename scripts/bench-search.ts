/**
 * Search benchmark (DESIGN.md §6): generates N documents from the real corpus (both scripts, all kinds,
 * a jurisdiction tree, every visibility), indexes them, runs fixed queries and prints throughput,
 * latency percentiles and peak memory.
 *
 *   npx tsx scripts/bench-search.ts [--n 100000] [--file data/bench-search.db] [--rounds 2] [--reuse]
 * `--reuse` skips generating and indexing and runs the queries on the index file a previous run left.
 * Uses Meilisearch instead when MEILI_HOST is set.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { SearchEngine, SearchQuery } from '../src/search/engine'
import type { SearchDocument, SearchKind, Visibility } from '../src/search/types'

import { getPathIds, getVisibilityScope, type VisibilityScope } from '../src/access/visibilityScope'
import { EmbeddedSearchEngine } from '../src/search/engines/embedded'
import { MeilisearchEngine } from '../src/search/engines/meilisearch'
import { readCorpus } from '../src/search/testing/fixtures'
import { SEARCH_KINDS } from '../src/search/types'
import { AUDIENCES, FORMATS, QUERY_TEXTS, seededRandom, THEMES } from './lib/benchData'
import { meiliPid, processCpuMs } from './lib/serverCpu'

const argument = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`)
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback
}
const N = Number(argument('n', '100000'))
const FILE = argument('file', 'data/bench-search.db')
const ROUNDS = Number(argument('rounds', '2'))
const BATCH = 1000
const REUSE = process.argv.includes('--reuse')

const { pick, random, some } = seededRandom(20240607)

const KIND_WEIGHTS: Record<SearchKind, number> = {
  bundle: 2, courseware: 30, 'field-route': 3, 'field-site': 7, lecturer: 8, lesson: 30, textbook: 5, video: 15,
}

type Place = { id: string; path: string; name: string; lat: number; lng: number }

/** 1 province, 10 cities, 100 counties, 1,000 towns */
const buildTree = (): Place[] => {
  const places: Place[] = [{ id: '1', lat: 36, lng: 117, name: '省', path: '/1/' }]
  let next = 2
  for (let city = 0; city < 10; city++) {
    const cityPlace = { id: String(next++), lat: 30 + city, lng: 110 + city, name: `市${city}`, path: '' }
    cityPlace.path = `/1/${cityPlace.id}/`
    places.push(cityPlace)
    for (let county = 0; county < 10; county++) {
      const countyPlace = { id: String(next++), lat: cityPlace.lat + county * 0.05, lng: cityPlace.lng, name: `县${city}-${county}`, path: '' }
      countyPlace.path = `${cityPlace.path}${countyPlace.id}/`
      places.push(countyPlace)
      for (let town = 0; town < 10; town++) {
        const id = String(next++)
        places.push({ id, lat: countyPlace.lat, lng: countyPlace.lng + town * 0.05, name: `镇${id}`, path: `${countyPlace.path}${id}/` })
      }
    }
  }
  return places
}

const sentencesOf = (texts: string[]): string[] =>
  texts.flatMap((text) => text.split(/(?<=[。!?！？\n])/)).map((s) => s.trim()).filter((s) => s.length >= 8)

const weightedKinds = SEARCH_KINDS.flatMap((kind) => Array<SearchKind>(KIND_WEIGHTS[kind]).fill(kind))

const makeDocument = (index: number, sentences: string[], places: Place[]): SearchDocument => {
  const kind = pick(weightedKinds)
  const owner = random() < 0.8 ? pick(places.slice(111)) : pick(places.slice(0, 111))
  const visibility: Visibility = pick(['public', 'public', 'public', 'public', 'shared', 'shared', 'shared', 'local', 'local', 'local'])
  const text = (count: number) => Array.from({ length: count }, () => pick(sentences)).join('')
  const year = 2016 + Math.floor(random() * 9)
  const date = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-15T00:00:00.000Z`
  const located = kind === 'field-site' || kind === 'field-route'
  return {
    audiences: some(AUDIENCES, 3),
    body: text(kind === 'courseware' ? 1 : 3),
    docId: String(index),
    durationMinutes: 30,
    featured: random() < 0.05,
    fileText: kind === 'courseware' ? { pages: Array.from({ length: 4 }, () => text(2)) } : undefined,
    formats: some(FORMATS, 2),
    geo: located ? { lat: owner.lat + (random() - 0.5) * 0.2, lng: owner.lng + (random() - 0.5) * 0.2 } : null,
    id: `${kind}-${index}`,
    jurisdiction: { id: owner.id, name: owner.name },
    jurisdictionPath: owner.path,
    kind,
    lecturerNames: [],
    publishedAt: date,
    summary: pick(sentences).slice(0, 80),
    tags: [],
    themes: some(THEMES, 2),
    title: pick(sentences).slice(0, 24),
    updatedAt: date,
    visibility,
    year,
  }
}


const buildQueries = (places: Place[]): SearchQuery[] => {
  const towns = places.slice(111)
  const member = (place: Place): VisibilityScope => getVisibilityScope({ id: 'u', jurisdictionPath: place.path, role: 'member' })
  const scopes = [
    () => getVisibilityScope(null),
    () => member(pick(towns)),
    () => member(pick(places.slice(1, 11))),
    () => getVisibilityScope({ id: 'a', role: 'admin' }),
  ]
  const filterSets: Array<() => SearchQuery['filters']> = [
    () => undefined,
    () => ({ kinds: [pick(SEARCH_KINDS)] }),
    () => ({ themes: [pick(THEMES)] }),
    () => {
      // as /api/search passes it after looking the jurisdiction up
      const place = pick(places.slice(1, 111))
      return { jurisdictionDepth: getPathIds(place.path).length - 1, jurisdictionId: place.id }
    },
    () => ({ audiences: [pick(AUDIENCES)], year: { min: 2020 } }),
  ]
  const queries: SearchQuery[] = []
  for (let index = 0; index < 240; index++) {
    const q = QUERY_TEXTS[index % QUERY_TEXTS.length]!
    const geo = index % 12 === 0
    const town = pick(towns)
    queries.push({
      facets: ['kind', 'theme', 'audience', 'format', 'jurisdiction'],
      filters: geo ? undefined : pick(filterSets)(),
      near: geo ? { lat: town.lat, lng: town.lng, radiusKm: 15 } : undefined,
      page: index % 10 === 9 ? 3 : 1,
      perPage: 20,
      q,
      scope: pick(scopes)(),
      sort: geo ? 'nearest' : index % 7 === 0 ? 'newest' : 'relevance',
    })
  }
  return queries
}

/** CPU time of this process's main thread (Linux; null elsewhere), in ms: what bounds a pipelined upsert */
const mainThreadCpuMs = (): null | number => {
  try {
    const fields = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 // utime + stime, in USER_HZ (100/s)
  } catch {
    return null
  }
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!

const openEngine = (): SearchEngine => {
  if (process.env.MEILI_HOST) {
    return new MeilisearchEngine({ apiKey: process.env.MEILI_MASTER_KEY, host: process.env.MEILI_HOST, indexUid: 'bench' })
  }
  if (!REUSE) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${FILE}${suffix}`, { force: true })
  fs.mkdirSync(path.dirname(FILE), { recursive: true })
  return new EmbeddedSearchEngine({ file: FILE })
}

const main = async (): Promise<void> => {
  const sentences = sentencesOf(readCorpus())
  const places = buildTree()
  const engine = openEngine()
  await engine.init()
  if (!REUSE) {
    await engine.clear()
    console.log(`engine ${engine.name}, ${N} documents, ${sentences.length} corpus sentences`)
    const indexStarted = performance.now()
    const indexCpuStarted = process.cpuUsage()
    const mainCpuStarted = mainThreadCpuMs()
    // like `npm run reindex`: the next batch is made while the engine still writes the previous one
    let writing: Promise<void> = Promise.resolve()
    for (let start = 0; start < N; start += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, N - start) }, (_, offset) => makeDocument(start + offset, sentences, places))
      const next = engine.upsert(batch)
      next.catch(() => undefined) // awaited below
      await writing
      writing = next
      if ((start / BATCH) % 10 === 9) process.stdout.write(`\r  indexed ${start + batch.length}`)
    }
    await writing
    const indexSeconds = (performance.now() - indexStarted) / 1000
    console.log(`\rindexing: ${N} items in ${indexSeconds.toFixed(1)} s = ${Math.round(N / indexSeconds)} items/s`)
    const indexCpu = process.cpuUsage(indexCpuStarted)
    // all threads of this process (the preparation worker included): the cost when the cores are free
    const mainCpu = mainCpuStarted === null ? null : mainThreadCpuMs()! - mainCpuStarted
    const allCpu = (indexCpu.user + indexCpu.system) / 1000
    console.log(
      `indexing CPU time per item: ${(allCpu / N).toFixed(3)} ms all threads` +
        (mainCpu === null ? '' : `, ${(mainCpu / N).toFixed(3)} ms main thread (generation + SQLite writes), ${((allCpu - mainCpu) / N).toFixed(3)} ms other threads`) +
        `; load average ${os.loadavg()[0]!.toFixed(1)}`,
    )
  } else {
    // the same documents are generated (not indexed) so the random query mix is the same as a full run's
    for (let index = 0; index < N; index++) makeDocument(index, sentences, places)
    console.log(`engine ${engine.name}, reusing ${FILE}`)
  }

  const queries = buildQueries(places)
  const firstStarted = performance.now()
  await engine.search(queries[0]!)
  console.log(`first query (loads the filter columns): ${(performance.now() - firstStarted).toFixed(0)} ms`)
  const timings: number[] = []
  const cpuTimings: number[] = []
  const serverPid = process.env.MEILI_HOST ? meiliPid() : null
  const slowest: Array<{ ms: number; query: SearchQuery; total: number }> = []
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of queries) {
      const started = performance.now()
      const cpuStarted = process.cpuUsage()
      const serverStarted = serverPid ? processCpuMs(serverPid) : null
      const result = await engine.search(query)
      const ms = performance.now() - started
      const cpu = process.cpuUsage(cpuStarted)
      const server = serverStarted === null ? 0 : processCpuMs(serverPid!)! - serverStarted
      timings.push(ms)
      cpuTimings.push((cpu.user + cpu.system) / 1000 + server)
      slowest.push({ ms, query, total: result.total })
    }
  }
  timings.sort((a, b) => a - b)
  console.log(
    `search: ${timings.length} queries (${queries.length} fixed × ${ROUNDS}): p50 ${percentile(timings, 50).toFixed(1)} ms, ` +
      `p95 ${percentile(timings, 95).toFixed(1)} ms, p99 ${percentile(timings, 99).toFixed(1)} ms, max ${timings.at(-1)!.toFixed(1)} ms`,
  )
  // CPU time of this process (and of Meilisearch when MEILI_PID is set) per query: what the engine costs when
  // other processes do not compete for the cores
  cpuTimings.sort((a, b) => a - b)
  console.log(`search CPU time${serverPid ? ' (this process + the Meilisearch server)' : ''}: p50 ${percentile(cpuTimings, 50).toFixed(1)} ms, p95 ${percentile(cpuTimings, 95).toFixed(1)} ms, p99 ${percentile(cpuTimings, 99).toFixed(1)} ms`)
  console.log(`load average during the run: ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`)
  for (const { ms, query, total } of slowest.sort((a, b) => b.ms - a.ms).slice(0, 5)) {
    console.log(`  slow: ${ms.toFixed(1)} ms q=${JSON.stringify(query.q)} sort=${query.sort} total=${total} filters=${JSON.stringify(query.filters ?? {})}${query.near ? ' near' : ''}`)
  }
  console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`)
  if (fs.existsSync(FILE)) console.log(`index file: ${Math.round(fs.statSync(FILE).size / 1024 / 1024)} MB`)
  await engine.close()
}

await main()
