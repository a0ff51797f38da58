/**
 * Relevance benchmark (issue 12): does the first page hold what people typed?
 *
 *   npx tsx scripts/bench-relevance.ts [--n 100000] [--rounds 3] [--file data/bench-relevance.db] [--corpus ../shared/corpus]
 *
 * Generates N items from the corpus (../shared/corpus) with every sentence in both scripts and with the
 * synonyms of src/search/synonyms.ts swapped in, themes/audiences/formats drawn from the demo lists; runs a
 * fixed query set through the embedded engine (and Meilisearch when MEILI_HOST is set) and through a naive
 * baseline built here (FTS5 over OpenCC-converted, jieba-cut text, the words ANDed, ordered by bm25), and
 * prints per engine and query class:
 *   - precision@20: share of the first page (up to 20, or fewer when fewer items are relevant) that is relevant
 *   - recall@20: share of min(20, relevant items) that the first page holds
 * where an item is relevant when its text (title, summary, body, file pages), converted to Simplified with
 * spaces and punctuation dropped, holds the query converted the same way, or when one of its theme, audience
 * or format tags is the whole query. Then the worst queries and p50/p95 latency. Targets: both figures
 * ≥ 0.95 and at least the baseline's for every class; the exit code is 1 when one is missed.
 */
import Database from 'libsql'
import fs from 'node:fs'
import path from 'node:path'
import * as OpenCC from 'opencc-js'

import type { SearchEngine, SearchQuery } from '../src/search/engine'
import type { SearchDocument, SearchKind, Visibility } from '../src/search/types'

import { getVisibilityScope } from '../src/access/visibilityScope'
import { EmbeddedSearchEngine } from '../src/search/engines/embedded'
import { MeilisearchEngine } from '../src/search/engines/meilisearch'
import { SYNONYM_GROUPS } from '../src/search/synonyms'
import { getJieba, normalizeText } from '../src/search/text'
import { meiliPid, processCpuMs } from './lib/serverCpu'
import { SEARCH_KINDS } from '../src/search/types'
import { AUDIENCES, FORMATS, seededRandom, THEMES } from './lib/benchData'

const argument = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`)
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback
}
const N = Number(argument('n', '100000'))
const ROUNDS = Number(argument('rounds', '3'))
const FILE = argument('file', 'data/bench-relevance.db')
const BASELINE_FILE = `${FILE.replace(/\.db$/, '')}-baseline.db`
const CORPUS_DIR = path.resolve(argument('corpus', '../shared/corpus'))
const PAGE = 20
const TARGET = 0.95

/** the fixed query set, by class (the same texts on every run) */
const QUERY_CLASSES: Record<string, string[]> = {
  single: ['党员', '培训', '学习', '焦裕禄', '月训', '干部', '党课'],
  phrase: ['党史学习教育', '情景党课', '理论学习', '现场教学', '教育培训', '老党员', '党员教育', '党员培训', '远程教育', '焦裕禄精神', '最后一公里', '本土能人'],
  'multi-word': ['党员 教育', '现场 教学', '教育 培训', '党员 干部', '微党校 学习', '焦裕禄 精神'],
  synonym: ['讲师', '本土讲师', '师资', '两新组织', '微党课', '本土教材'],
  tag: ['党史学习', '党性教育', '乡村振兴', '农村党员', '政治理论', '基层治理', '送学上门', '案例式'],
  substring: ['党校', '点课', '禄精', '教学点', '能人'],
  traditional: ['黨員', '黨史學習教育', '現場教學', '講師', '黨員教育培訓', '微黨校'],
}


const { pick, random, some } = seededRandom(20261201)

/** corpus sentences, each in Simplified and in Traditional, plus a copy with each synonym swapped for another member */
const sentencePool = (): string[] => {
  const files = fs.readdirSync(CORPUS_DIR).filter((file) => /^\d{3}_.*\.txt$/.test(file)).sort()
  const texts = files.map((file) => fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8'))
  const sentences = texts
    .flatMap((text) => text.split(/(?<=[。!?！？\n])/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length >= 8)
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' })
  const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' })
  const bothScripts = [...new Set(sentences.flatMap((sentence) => [toSimplified(sentence), toTraditional(sentence)]))]
  const swapped = bothScripts.flatMap((sentence) =>
    SYNONYM_GROUPS.flatMap((group) =>
      group.flatMap((member) => {
        if (!normalizeText(sentence).includes(member)) return []
        const at = normalizeText(sentence).indexOf(member)
        return group.filter((other) => other !== member).map((other) => sentence.slice(0, at) + other + sentence.slice(at + member.length))
      }),
    ),
  )
  return [...bothScripts, ...swapped]
}

const KIND_WEIGHTS: Record<SearchKind, number> = {
  bundle: 2, courseware: 30, 'field-route': 3, 'field-site': 7, lecturer: 8, lesson: 30, textbook: 5, video: 15,
}
const weightedKinds = SEARCH_KINDS.flatMap((kind) => Array<SearchKind>(KIND_WEIGHTS[kind]).fill(kind))

const makeDocument = (index: number, sentences: string[]): SearchDocument => {
  const kind = pick(weightedKinds)
  const text = (count: number) => Array.from({ length: count }, () => pick(sentences)).join('')
  const year = 2016 + Math.floor(random() * 9)
  const date = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-15T00:00:00.000Z`
  const town = String(100 + Math.floor(random() * 50))
  return {
    audiences: some(AUDIENCES, 3),
    body: text(kind === 'courseware' ? 1 : 3),
    docId: String(index),
    durationMinutes: 30,
    featured: random() < 0.05,
    fileText: kind === 'courseware' ? { pages: Array.from({ length: 4 }, () => text(2)) } : undefined,
    formats: some(FORMATS, 2),
    geo: null,
    id: `${kind}-${index}`,
    jurisdiction: { id: town, name: `镇${town}` },
    jurisdictionPath: `/1/${town}/`,
    kind,
    lecturerNames: [],
    publishedAt: date,
    summary: pick(sentences).slice(0, 80),
    tags: [],
    themes: some(THEMES, 2),
    title: pick(sentences).slice(0, 24),
    updatedAt: date,
    visibility: pick<Visibility>(['public', 'shared', 'local']),
    year,
  }
}

/** Simplified, spaces and punctuation dropped (written here, not imported, so the bench also runs on older code) */
const compactText = (text: string): string => normalizeText(text).replace(/[^\p{L}\p{N}]/gu, '')

/** what relevance is judged on: the text in Simplified without spaces and punctuation, and the whole tags */
type Judged = { text: string; tags: string[] }
const judged = (doc: SearchDocument): Judged => ({
  tags: [...doc.themes, ...doc.audiences, ...doc.formats].map(compactText),
  text: compactText([doc.title, doc.summary, doc.body, ...(doc.fileText?.pages ?? [])].join('\n')),
})
const isRelevant = (item: Judged, phrase: string): boolean => item.text.includes(phrase) || item.tags.includes(phrase)

/** the naive engine the issue measures against: FTS5 over converted, segmented text, words ANDed, bm25 */
class NaiveBaseline {
  readonly name = 'baseline'
  private readonly db: InstanceType<typeof Database>
  private readonly insert
  private readonly top
  private readonly count

  constructor(file: string) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true })
    this.db = new Database(file)
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF')
    this.db.exec("CREATE VIRTUAL TABLE naive USING fts5(id UNINDEXED, title, meta, body, tokenize='unicode61')")
    this.insert = this.db.prepare('INSERT INTO naive (id, title, meta, body) VALUES (?, ?, ?, ?)')
    this.top = this.db.prepare(`SELECT id FROM naive WHERE naive MATCH ? ORDER BY bm25(naive) LIMIT ${PAGE}`).pluck()
    this.count = this.db.prepare('SELECT count(*) FROM naive WHERE naive MATCH ?').pluck()
  }

  private words(text: string): string {
    return getJieba().cut(normalizeText(text), false).filter((word) => /[\p{L}\p{N}]/u.test(word)).join(' ')
  }

  upsert(docs: SearchDocument[]): void {
    this.db.transaction(() => {
      for (const doc of docs) {
        const meta = [...doc.themes, ...doc.audiences, ...doc.formats, doc.jurisdiction.name].join(' ')
        const body = [doc.summary, doc.body, ...(doc.fileText?.pages ?? [])].join('\n')
        this.insert.run(doc.id, this.words(doc.title), this.words(meta), this.words(body))
      }
    })()
  }

  search(q: string): { ids: string[]; total: number } {
    const expression = this.words(q)
      .split(' ')
      .filter(Boolean)
      .map((word) => `"${word.replace(/"/g, '""')}"`)
      .join(' AND ')
    if (!expression) return { ids: [], total: 0 }
    return { ids: this.top.all(expression) as string[], total: Number(this.count.get(expression)) }
  }

  close(): void {
    this.db.close()
  }
}

/** `serverPid`: a server process whose CPU time counts too (Meilisearch, when MEILI_PID is set) */
type Runner = { name: string; search: (q: string) => Promise<string[]>; serverPid?: null | number }

const engineRunner = (engine: SearchEngine): Runner => {
  const scope = getVisibilityScope({ id: 'bench', role: 'admin' })
  return {
    name: engine.name,
    serverPid: engine.name === 'meilisearch' ? meiliPid() : null,
    search: async (q) => {
      const query: SearchQuery = { facets: ['kind', 'theme', 'audience', 'format', 'jurisdiction'], page: 1, perPage: PAGE, q, scope, sort: 'relevance' }
      return (await engine.search(query)).hits.map((hit) => hit.id)
    },
  }
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
const mean = (values: number[]): number => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 1)
const fixed = (value: number): string => value.toFixed(3)

type QueryScore = { engine: string; className: string; q: string; precision: number; recall: number; holders: number }

const main = async (): Promise<number> => {
  const sentences = sentencePool()
  console.log(`bench:relevance, ${N} items from ${sentences.length} sentences (both scripts, synonyms swapped in)`)
  const engines: SearchEngine[] = []
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${FILE}${suffix}`, { force: true })
  fs.mkdirSync(path.dirname(FILE), { recursive: true })
  engines.push(new EmbeddedSearchEngine({ file: FILE }))
  if (process.env.MEILI_HOST) {
    engines.push(new MeilisearchEngine({ apiKey: process.env.MEILI_MASTER_KEY, host: process.env.MEILI_HOST, indexUid: 'bench_relevance' }))
  }
  const baseline = new NaiveBaseline(BASELINE_FILE)
  for (const engine of engines) {
    await engine.init()
    await engine.clear()
  }
  const items = new Map<string, Judged>()
  const started = performance.now()
  for (let start = 0; start < N; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, N - start) }, (_, offset) => makeDocument(start + offset, sentences))
    for (const doc of batch) items.set(doc.id, judged(doc))
    baseline.upsert(batch)
    for (const engine of engines) await engine.upsert(batch)
    if ((start / 1000) % 10 === 9) process.stdout.write(`\r  indexed ${start + batch.length}`)
  }
  console.log(`\rindexed ${N} items in ${((performance.now() - started) / 1000).toFixed(0)} s (every engine and the baseline)`)

  const runners: Runner[] = [...engines.map(engineRunner), { name: baseline.name, search: async (q) => baseline.search(q).ids }]
  const scores: QueryScore[] = []
  const latency = new Map<string, number[]>(runners.map((runner) => [runner.name, []]))
  // CPU time of this process (and of the engine's server) per query: what the engine costs when other
  // processes do not compete for the cores
  const cpuTime = new Map<string, number[]>(runners.map((runner) => [runner.name, []]))
  for (const [className, queries] of Object.entries(QUERY_CLASSES)) {
    for (const q of queries) {
      const phrase = compactText(q)
      let holders = 0
      for (const item of items.values()) if (isRelevant(item, phrase)) holders++
      for (const runner of runners) {
        let hits: string[] = []
        for (let round = 0; round < ROUNDS; round++) {
          const before = performance.now()
          const cpuBefore = process.cpuUsage()
          const serverBefore = runner.serverPid ? processCpuMs(runner.serverPid) : null
          hits = await runner.search(q)
          latency.get(runner.name)!.push(performance.now() - before)
          const cpu = process.cpuUsage(cpuBefore)
          const server = serverBefore === null ? 0 : processCpuMs(runner.serverPid!)! - serverBefore
          cpuTime.get(runner.name)!.push((cpu.user + cpu.system) / 1000 + server)
        }
        if (!holders) continue
        const relevant = hits.filter((id) => isRelevant(items.get(id)!, phrase)).length
        const page = Math.min(PAGE, holders)
        scores.push({ className, engine: runner.name, holders, precision: hits.length ? relevant / Math.min(hits.length, page) : 0, q, recall: relevant / page })
      }
    }
  }

  const skipped = Object.values(QUERY_CLASSES).flat().filter((q) => !scores.some((score) => score.q === q))
  if (skipped.length) console.log(`queries no item holds (left out): ${skipped.join(' ')}`)
  console.log(`\n${'class'.padEnd(12)} ${runners.map((runner) => `${runner.name} P@20  R@20`.padStart(26)).join(' ')}`)
  let missed = 0
  for (const className of [...Object.keys(QUERY_CLASSES), 'all']) {
    const inClass = (engine: string) => scores.filter((score) => score.engine === engine && (className === 'all' || score.className === className))
    const figures = runners.map((runner) => ({
      name: runner.name,
      precision: mean(inClass(runner.name).map((score) => score.precision)),
      recall: mean(inClass(runner.name).map((score) => score.recall)),
    }))
    const base = figures.find((figure) => figure.name === baseline.name)!
    const marks = figures.map((figure) => {
      if (figure.name === baseline.name) return ''
      const ok = figure.precision >= TARGET && figure.recall >= TARGET && figure.precision >= base.precision && figure.recall >= base.recall
      if (!ok) missed++
      return ok ? ' ok' : ' MISSED'
    })
    console.log(
      `${className.padEnd(12)} ${figures.map((figure, index) => `${fixed(figure.precision)} ${fixed(figure.recall)}${marks[index]}`.padStart(26)).join(' ')}`,
    )
  }
  for (const runner of runners) {
    const worst = scores
      .filter((score) => score.engine === runner.name)
      .sort((a, b) => a.precision + a.recall - (b.precision + b.recall))
      .slice(0, 5)
      .map((score) => `${score.q} (${score.className}, P ${fixed(score.precision)} R ${fixed(score.recall)}, ${score.holders} hold it)`)
    console.log(`worst for ${runner.name}: ${worst.join('; ')}`)
  }
  for (const runner of runners) {
    const times = latency.get(runner.name)!.sort((a, b) => a - b)
    const cpu = cpuTime.get(runner.name)!.sort((a, b) => a - b)
    console.log(
      `latency ${runner.name}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms; ` +
        `CPU time${runner.serverPid ? ' (this process + the server)' : ''} p50 ${percentile(cpu, 50).toFixed(1)} ms, p95 ${percentile(cpu, 95).toFixed(1)} ms (${times.length} queries, first runs uncached)`,
    )
  }
  console.log(missed ? `targets missed in ${missed} class(es) (both ≥ ${TARGET} and ≥ baseline)` : `targets met: every class ≥ ${TARGET} and ≥ baseline`)
  for (const engine of engines) await engine.close()
  baseline.close()
  return missed ? 1 : 0
}

process.exit(await main())
