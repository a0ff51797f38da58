/**
 * The embedded engine: SQLite FTS5 in one file (libsql), no server.
 *
 * - `docs`: one row per search document: filter columns, display JSON (original script), change `seq`.
 * - `words`: contentless FTS5 over jieba words of the normalised text (title / meta / body columns).
 * - `grams`: contentless FTS5 over the distinct character pairs of a document (no positions), the
 *   substring fallback when words find too little.
 * - The text arrives segmented (words and pairs separated by spaces), so every FTS5 table uses the
 *   `ascii` tokenizer: it only splits on spaces and ASCII punctuation, at a fraction of unicode61's cost.
 *   `words` has no prefix index (it doubled the cost of every write); a last-word prefix reads the few
 *   longer words that start with it, and common words skip the prefix (see `withoutNeedlessPrefix`).
 * - `titles`: the title words again, alone: the list of a word is as long as the titles holding it, so
 *   putting title matches first does not read the long list of a word found in almost every body.
 * - Scope, filters, facets and sorting run over `DocColumns`, an in-memory copy of the filter columns kept
 *   in step with `docs` through `meta.seq` and `tombstones`, so several processes can share the file.
 * Relevance puts each match in a tier (the query as written in the title, in the text, the words close
 * together, apart, synonyms only …; see embeddedRanking.ts), read from the FTS5 lists best first and only
 * as deep as the page needs; bm25 orders within a tier when the deciding list is short, then featured,
 * newest (DESIGN.md §4: ranking all matches is what makes the naive query slow). `words` and `titles`
 * keep token positions for the phrase and NEAR queries of those tiers.
 */
import Database from 'libsql'
import fs from 'node:fs'
import path from 'node:path'

import type { SearchDocument } from '../types'

import {
  clampPaging,
  type IndexedEntry,
  resolveSort,
  type SearchEngine,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from '../engine'
import { markAll, markSnippet, matchingPages } from '../highlight'
import { compactText, literalPlan, planQuery, type QueryPlan } from '../queryPlan'
import { normalizeText } from '../text'
import { allowedTypos, closeTerms, withTypoAlternatives } from '../typos'
import { type ColumnRow, DocColumns } from './embeddedColumns'
import { DOC_COLUMNS, type Display, type RowParams, toRowParams } from './embeddedRows'
import { compileFilters, compileNear, compileScope, countFacets } from './embeddedFilter'
import { type MatchTable, rankTiers, type TierQuery } from './embeddedRanking'
import { gramsExpression, phraseGramsExpression, wordsExpression } from './ftsExpression'
import { PrepareWorker } from './preparePool'
import { PrepareQueue, type PrepareTask } from './prepareQueue'

const SCHEMA_VERSION = '3'
export const DEFAULT_SEARCH_DB = 'data/search.db'

/** bm25 over a longer deciding list costs more than it is worth; see the header */
const BM25_MAX_MATCHES = 3_000
/** fewer visible matches than this from the word index → also look in the character-pair index */
const GRAM_FALLBACK_BELOW = 5
/** documents holding the last word as a whole word, from which its prefix expansion is skipped */
const PREFIX_NEEDLESS_FROM = 200
const TOMBSTONE_KEEP = 50_000
/** upserts of at least this many documents prepare their text in the worker thread, pipelined with writes */
export const WORKER_MIN_BATCH = 500
/** documents per worker message and per write transaction in a pipelined upsert */
const PIPELINE_CHUNK = 250
/** chunks handed to the worker at a time */
const WORKER_IN_FLIGHT = 2
/** prepared chunks written in one transaction at most (the event loop waits while it runs) */
const WRITE_CHUNKS_MAX = 4
/** recent match lists kept while the file is unchanged: at most this many lists … */
const MATCH_CACHE_ENTRIES = 256
/** … holding at most this many rowids in all (4 bytes each) */
const MATCH_CACHE_ROWIDS = 4_000_000
/** whole answers kept while the file is unchanged (a page of hits and the facets: a few kilobytes each) */
const ANSWER_CACHE_ENTRIES = 500

type DocRow = {
  rowid: number
  id: string
  kind: SearchDocument['kind']
  doc_id: string
  visibility: SearchDocument['visibility']
  year: null | number
  featured: number
  display: string
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
  rowid INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL, doc_id TEXT NOT NULL, visibility TEXT NOT NULL,
  owner_id TEXT NOT NULL, path TEXT NOT NULL,
  themes TEXT NOT NULL, audiences TEXT NOT NULL, formats TEXT NOT NULL,
  year INTEGER, featured INTEGER NOT NULL, lat REAL, lng REAL, newest_ms REAL NOT NULL,
  updated_at TEXT NOT NULL, display TEXT NOT NULL, seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS docs_seq ON docs(seq);
CREATE TABLE IF NOT EXISTS tombstones (seq INTEGER NOT NULL, rowid INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS tombstones_seq ON tombstones(seq);
CREATE VIRTUAL TABLE IF NOT EXISTS words USING fts5(title, meta, body, content='', contentless_delete=1, detail=full, tokenize='ascii');
CREATE VIRTUAL TABLE IF NOT EXISTS words_vocab USING fts5vocab(words, 'row');
CREATE VIRTUAL TABLE IF NOT EXISTS grams USING fts5(g, content='', contentless_delete=1, detail=none, tokenize='ascii');
CREATE VIRTUAL TABLE IF NOT EXISTS titles USING fts5(title, content='', contentless_delete=1, detail=full, prefix='1 2', tokenize='ascii');
INSERT OR IGNORE INTO meta VALUES ('schema', '${SCHEMA_VERSION}'), ('seq', '0'), ('epoch', '0'), ('tombstone_floor', '0');
`

/**
 * Kept in the FTS5 tables, so set once at creation: merging segments only when 8 (not 4) of a level
 * exist cut the write cost of a bulk index by a fifth, at no measurable search cost (bench:search).
 */
const FTS_SETTINGS = `
INSERT INTO words (words, rank) VALUES ('automerge', 8);
INSERT INTO grams (grams, rank) VALUES ('automerge', 8);
`

const DROP_ALL = `
DROP TABLE IF EXISTS words_vocab; DROP TABLE IF EXISTS words; DROP TABLE IF EXISTS grams; DROP TABLE IF EXISTS titles;
DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS tombstones; DROP TABLE IF EXISTS meta;
`

const COLUMN_FIELDS = 'rowid, kind, visibility, owner_id, path, themes, audiences, formats, year, featured, lat, lng, newest_ms'

export type EmbeddedOptions = { file?: string; cacheMatches?: boolean }

export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = 'embedded'
  private readonly db: InstanceType<typeof Database>
  private columns = new DocColumns()
  private seenSeq = -1
  private seenEpoch = ''
  /**
   * FTS5 match lists by table + expression, and document counts by word, valid for `seenSeq`/`seenEpoch`:
   * a common word's list costs ~10-20 ms to read and parse, and the same words are searched again and
   * again (党员, 培训). Emptied whenever this or another process changes the file.
   */
  private readonly matchCache = new Map<string, Int32Array>()
  private matchCacheRowids = 0
  private readonly wordCounts = new Map<string, number>()
  /**
   * Whole answers by query (text, filters, scope, page …), valid as the match lists are: members search the
   * same few things (the month's theme, a lesson shared in a group), and an answer costs 5-40 ms to rank,
   * count and hydrate at 100,000 documents. The scope is part of the key, so no reader gets another's answer.
   */
  private readonly answerCache = new Map<string, SearchResult>()
  /** `false`: no match or answer cache (benchmarks of the uncached path) */
  private readonly cacheMatches: boolean
  private readonly statements
  private readonly preparer = new PrepareWorker()
  private readonly prepareQueue = new PrepareQueue(this.preparer, WORKER_IN_FLIGHT)
  private writes: Promise<void> = Promise.resolve()

  constructor(options: EmbeddedOptions = {}) {
    const file = options.file ?? process.env.SEARCH_DB_FILE ?? DEFAULT_SEARCH_DB
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
    this.db = new Database(file)
    this.cacheMatches = options.cacheMatches ?? process.env.SEARCH_MATCH_CACHE !== '0'
    this.db.exec('PRAGMA busy_timeout = 10000')
    this.db.exec('PRAGMA journal_mode = WAL')
    this.db.exec('PRAGMA synchronous = NORMAL')
    this.db.exec('PRAGMA cache_size = -32000')
    this.ensureSchema()
    this.statements = this.prepareStatements()
  }

  private ensureSchema(): void {
    this.db.transaction(() => {
      const hasMeta = this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'meta'").get()
      const version = hasMeta ? this.readMeta('schema') : null
      // the index is derived data: a file of another layout is emptied, and the app refills it (see reindexIfNeeded)
      if (version !== null && version !== SCHEMA_VERSION) this.db.exec(DROP_ALL)
      this.db.exec(SCHEMA)
      if (version !== SCHEMA_VERSION) this.db.exec(FTS_SETTINGS)
    }).immediate()
  }

  private readMeta(key: string): string {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string }).value
  }

  private prepareStatements() {
    const db = this.db
    return {
      bumpSeq: db.prepare("UPDATE meta SET value = value + 1 WHERE key = 'seq' RETURNING value"),
      changedRows: db.prepare(`SELECT ${COLUMN_FIELDS} FROM docs WHERE seq > ?`),
      deleteDoc: db.prepare('DELETE FROM docs WHERE rowid = ?'),
      deleteGrams: db.prepare('DELETE FROM grams WHERE rowid = ?'),
      deleteWords: db.prepare('DELETE FROM words WHERE rowid = ?'),
      deleteTitle: db.prepare('DELETE FROM titles WHERE rowid = ?'),
      findRowid: db.prepare('SELECT rowid FROM docs WHERE id = ?'),
      insertDoc: db.prepare(`INSERT INTO docs (${DOC_COLUMNS.join(', ')}, seq) VALUES (${DOC_COLUMNS.map(() => '?').join(', ')}, ?)`),
      updateDoc: db.prepare(`UPDATE docs SET ${DOC_COLUMNS.map((column) => `${column} = ?`).join(', ')}, seq = ? WHERE rowid = ?`),
      insertGrams: db.prepare('INSERT INTO grams (rowid, g) VALUES (?, ?)'),
      insertTombstone: db.prepare('INSERT INTO tombstones (seq, rowid) VALUES (?, ?)'),
      insertWords: db.prepare('INSERT INTO words (rowid, title, meta, body) VALUES (?, ?, ?, ?)'),
      insertTitle: db.prepare('INSERT INTO titles (rowid, title) VALUES (?, ?)'),
      countDocs: db.prepare('SELECT count(*) AS count FROM docs'),
      listIds: db.prepare('SELECT id, updated_at FROM docs WHERE id > ? ORDER BY id LIMIT 1000'),
      matchGrams: db.prepare('SELECT group_concat(rowid) FROM grams WHERE grams MATCH ?').raw(),
      matchWords: db.prepare('SELECT group_concat(rowid) FROM words WHERE words MATCH ?').raw(),
      matchTitles: db.prepare('SELECT group_concat(rowid) FROM titles WHERE titles MATCH ?').raw(),
      bm25Words: db.prepare('SELECT rowid, bm25(words, 10.0, 4.0, 1.0) AS score FROM words WHERE words MATCH ?').raw(),
      bm25Titles: db.prepare('SELECT rowid, bm25(titles) AS score FROM titles WHERE titles MATCH ?').raw(),
      documentsWithWord: db.prepare('SELECT doc FROM words_vocab WHERE term = ?'),
      firstTermFrom: db.prepare('SELECT term FROM words_vocab WHERE term >= ? LIMIT 1').pluck(),
      termsBetween: db.prepare('SELECT term FROM words_vocab WHERE term >= ? AND term < ?').pluck(),
      meta: db.prepare("SELECT key, value FROM meta WHERE key IN ('seq', 'epoch', 'tombstone_floor')"),
      tombstonesSince: db.prepare('SELECT rowid FROM tombstones WHERE seq > ? ORDER BY seq'),
    }
  }

  async init(): Promise<void> {}

  /**
   * Large batches are cut into chunks and prepared through the `PrepareQueue` (the worker, and this
   * thread when it would otherwise wait), pipelined with the writes: several prepared chunks go into one
   * transaction, in any order, so a document given twice keeps only its last version first. Calls are
   * written in call order; a caller that does not wait for one call before making the next lets the
   * worker prepare ahead. Small upserts (a Payload hook's single document) are prepared and written here.
   */
  async upsert(docs: SearchDocument[]): Promise<void> {
    if (!docs.length) return
    if (docs.length < WORKER_MIN_BATCH || !(await this.preparer.available())) {
      await this.serialized(() => this.writeRows(docs.map(toRowParams)))
      return
    }
    const latest = new Map<string, SearchDocument>()
    for (const doc of docs) latest.set(doc.id, doc)
    const unique = [...latest.values()]
    const chunks: SearchDocument[][] = []
    for (let start = 0; start < unique.length; start += PIPELINE_CHUNK) chunks.push(unique.slice(start, start + PIPELINE_CHUNK))
    const tasks = this.prepareQueue.add(chunks)
    await this.serialized(() => this.writePrepared(tasks))
  }

  private async writePrepared(tasks: PrepareTask[]): Promise<void> {
    const unwritten = new Set(tasks)
    while (unwritten.size) {
      await new Promise<void>((resolve) => setImmediate(resolve)) // lets the worker's answers in
      let ready = [...unwritten].filter((task) => task.rows)
      if (!ready.length) {
        const own = this.prepareQueue.takeBack(unwritten)
        if (!own) {
          await Promise.race([...unwritten].map((task) => task.done))
          continue
        }
        own.finish(own.docs.map(toRowParams))
        ready = [own]
      }
      const batch = ready.slice(0, WRITE_CHUNKS_MAX)
      this.writeRows(batch.flatMap((task) => task.rows!))
      for (const task of batch) unwritten.delete(task)
    }
  }

  /** write operations run one after another, in call order, even while a pipelined upsert awaits the worker */
  private serialized<T>(operation: () => Promise<T> | T): Promise<T> {
    const result = this.writes.then(operation)
    this.writes = result.then(
      () => undefined,
      () => undefined,
    )
    return result
  }

  private writeRows(prepared: RowParams[]): void {
    this.db.transaction(() => {
      const seq = this.nextSeq()
      for (const { text, values } of prepared) {
        let rowid = this.findRowid(values[0] as string)
        if (rowid === undefined) {
          rowid = Number(this.statements.insertDoc.run([...values, seq]).lastInsertRowid)
        } else {
          this.deleteText(rowid)
          this.statements.updateDoc.run([...values, seq, rowid])
        }
        this.statements.insertWords.run(rowid, text.title, text.meta, text.body)
        this.statements.insertTitle.run(rowid, text.title)
        this.statements.insertGrams.run(rowid, text.grams)
      }
    }).immediate()
  }

  async remove(ids: string[]): Promise<void> {
    if (!ids.length) return
    await this.serialized(() => this.removeNow(ids))
  }

  private removeNow(ids: string[]): void {
    this.db.transaction(() => {
      const seq = this.nextSeq()
      for (const id of ids) {
        const rowid = this.findRowid(id)
        if (rowid === undefined) continue
        this.deleteText(rowid)
        this.statements.deleteDoc.run(rowid)
        this.statements.insertTombstone.run(seq, rowid)
      }
      this.pruneTombstones(seq)
    }).immediate()
  }

  private findRowid(id: string): number | undefined {
    return (this.statements.findRowid.get(id) as undefined | { rowid: number })?.rowid
  }

  private nextSeq(): number {
    return Number((this.statements.bumpSeq.get() as { value: number | string }).value)
  }

  private deleteText(rowid: number): void {
    this.statements.deleteWords.run(rowid)
    this.statements.deleteTitle.run(rowid)
    this.statements.deleteGrams.run(rowid)
  }

  /** readers that fell behind the floor reload everything instead of replaying deletions */
  private pruneTombstones(seq: number): void {
    const count = (this.db.prepare('SELECT count(*) AS n FROM tombstones').get() as { n: number }).n
    if (count <= TOMBSTONE_KEEP) return
    const floor = seq - 1
    this.db.prepare('DELETE FROM tombstones WHERE seq <= ?').run(floor)
    this.db.prepare("UPDATE meta SET value = ? WHERE key = 'tombstone_floor'").run(String(floor))
  }

  async clear(): Promise<void> {
    await this.serialized(() => this.clearNow())
  }

  private clearNow(): void {
    this.db.transaction(() => {
      this.db.exec(`DELETE FROM docs; DELETE FROM tombstones;
        INSERT INTO words (words) VALUES ('delete-all'); INSERT INTO grams (grams) VALUES ('delete-all');
        INSERT INTO titles (titles) VALUES ('delete-all');
        UPDATE meta SET value = value + 1 WHERE key = 'epoch';`)
    }).immediate()
  }

  async close(): Promise<void> {
    await this.writes
    await this.preparer.close()
    if (this.db.open) this.db.close()
  }

  async count(): Promise<number> {
    return (this.statements.countDocs.get() as { count: number }).count
  }

  /** never: a file of an older layout is emptied when it is opened (SCHEMA_VERSION) */
  async holdsOutdatedEntries(): Promise<boolean> {
    return false
  }

  async *listIds(): AsyncIterable<IndexedEntry> {
    let after = ''
    for (;;) {
      const rows = this.statements.listIds.all(after) as Array<{ id: string; updated_at: string }>
      for (const row of rows) yield { id: row.id, updatedAt: row.updated_at }
      if (rows.length < 1000) return
      after = rows.at(-1)!.id
    }
  }

  /** brings `columns` up to date with the file, which other processes may have written */
  private refreshColumns(): void {
    this.db.transaction(() => {
      const meta = Object.fromEntries(
        (this.statements.meta.all() as Array<{ key: string; value: string }>).map((row) => [row.key, row.value]),
      )
      const seq = Number(meta.seq)
      const epoch = String(meta.epoch)
      if (seq === this.seenSeq && epoch === this.seenEpoch) return
      const replayable = epoch === this.seenEpoch && this.seenSeq >= Number(meta.tombstone_floor)
      if (!replayable) this.reloadColumns()
      else this.applyChanges()
      this.matchCache.clear()
      this.matchCacheRowids = 0
      this.wordCounts.clear()
      this.answerCache.clear()
      this.seenSeq = seq
      this.seenEpoch = epoch
    }).deferred()
  }

  private reloadColumns(): void {
    this.columns = new DocColumns()
    for (const row of this.statements.changedRows.iterate(-1)) this.columns.set(row as ColumnRow)
  }

  private applyChanges(): void {
    for (const row of this.statements.tombstonesSince.iterate(this.seenSeq)) this.columns.delete((row as { rowid: number }).rowid)
    for (const row of this.statements.changedRows.iterate(this.seenSeq)) this.columns.set(row as ColumnRow)
  }

  /** the matching rowids, ascending (one string from SQLite, parsed without a string per row) */
  private matchRowids(table: 'grams' | 'titles' | 'words', expression: string): Int32Array {
    if (!this.cacheMatches) return this.readMatches(table, expression)
    const key = `${table}\u0000${expression}`
    const cached = this.matchCache.get(key)
    if (cached) {
      this.matchCache.delete(key) // most recently used goes last
      this.matchCache.set(key, cached)
      return cached
    }
    const rows = this.readMatches(table, expression)
    if (rows.length > MATCH_CACHE_ROWIDS / 4) return rows
    this.matchCache.set(key, rows)
    this.matchCacheRowids += rows.length
    for (const [oldKey, oldRows] of this.matchCache) {
      if (this.matchCache.size <= MATCH_CACHE_ENTRIES && this.matchCacheRowids <= MATCH_CACHE_ROWIDS) break
      this.matchCache.delete(oldKey)
      this.matchCacheRowids -= oldRows.length
    }
    return rows
  }

  private readMatches(table: 'grams' | 'titles' | 'words', expression: string): Int32Array {
    const statement = table === 'words' ? this.statements.matchWords : table === 'titles' ? this.statements.matchTitles : this.statements.matchGrams
    const [ids] = statement.get(expression) as [null | string]
    return ids ? parseRowids(ids) : new Int32Array(0)
  }

  private bm25(table: MatchTable, expression: string): Map<number, number> {
    const statement = table === 'titles' ? this.statements.bm25Titles : this.statements.bm25Words
    return new Map(statement.all(expression) as Array<[number, number]>)
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const started = performance.now()
    this.refreshColumns()
    if (!this.cacheMatches) return this.answer(query, started)
    const key = JSON.stringify(query)
    const cached = this.answerCache.get(key)
    if (cached) {
      this.answerCache.delete(key) // most recently used goes last
      this.answerCache.set(key, cached)
      return { ...cached, tookMs: elapsedMs(started) }
    }
    const result = frozen(this.answer(query, started))
    this.answerCache.set(key, result)
    if (this.answerCache.size > ANSWER_CACHE_ENTRIES) this.answerCache.delete(this.answerCache.keys().next().value!)
    return result
  }

  private answer(query: SearchQuery, started: number): SearchResult {
    const { page, perPage } = clampPaging(query)
    const sort = resolveSort(query)
    const typed = this.withoutNeedlessPrefix(planQuery(query.q))
    const plan = withTypoAlternatives(typed, (word, prefix) => this.typoCorrections(word, prefix))
    const distances = new Map<number, number>()
    const keep = this.compileRowTest(query, distances)
    const textual = plan.groups.length > 0
    let matched = textual ? this.matchRowids('words', wordsExpression(plan)) : this.allRowids()
    let visible = filterRows(matched, keep)
    let wordRows: null | Set<number> = null
    let phrasePairRows: null | Set<number> = null
    const lists = this.matchRowids.bind(this)
    const literal = literalPlan(typed)
    if (textual && visible.length < GRAM_FALLBACK_BELOW) {
      wordRows = new Set(visible)
      matched = unionSorted(matched, this.matchRowids('grams', gramsExpression(plan)))
      visible = filterRows(matched, keep)
      const phrase = compactText(query.q)
      if (phrase) phrasePairRows = new Set(this.matchRowids('grams', phraseGramsExpression(phrase)))
    }
    const tierQuery: TierQuery = {
      columns: this.columns,
      keep,
      lists,
      literal,
      needed: page * perPage,
      phrasePairRows,
      plan,
      q: query.q,
      rows: visible,
      texts: (rowids) => this.normalizedTexts(rowids),
      wordRows,
    }
    const scores = this.score(tierQuery, sort, distances)
    const pageRows = topRows(visible, scores, page * perPage).slice((page - 1) * perPage)
    return {
      facets: countFacets(this.columns, visible, query.facets ?? [], query.filters),
      hits: this.hydrate(pageRows, plan, distances, Boolean(query.near)),
      page,
      perPage,
      tookMs: elapsedMs(started),
      total: visible.length,
    }
  }

  /**
   * A last word that is already a common word in its own right gains nothing from prefix expansion, which
   * merges the lists of every longer word (党员 → 党员教育, 党员干部 …) and dominated slow queries.
   */
  private withoutNeedlessPrefix(plan: QueryPlan): QueryPlan {
    const last = plan.groups.at(-1)
    const word = last?.prefix && last.alternatives.length === 1 && last.alternatives[0]!.length === 1 ? last.alternatives[0]![0]! : null
    if (!word) return plan
    let count = this.cacheMatches ? this.wordCounts.get(word) : undefined
    if (count === undefined) {
      count = (this.statements.documentsWithWord.get(word) as undefined | { doc: number })?.doc ?? 0
      if (this.cacheMatches && this.wordCounts.size < 10_000) this.wordCounts.set(word, count)
    }
    if (count < PREFIX_NEEDLESS_FROM) return plan
    return { ...plan, groups: [...plan.groups.slice(0, -1), { ...last!, prefix: false }] }
  }

  /** indexed words a typo away from a Latin word the index does not hold (see typos.ts) */
  private typoCorrections(word: string, prefix: boolean): string[] {
    if (!allowedTypos(word)) return []
    const indexed = prefix
      ? String(this.statements.firstTermFrom.get(word) ?? '').startsWith(word)
      : this.statements.documentsWithWord.get(word) !== undefined
    if (indexed) return []
    const terms = this.statements.termsBetween.all(word[0], String.fromCharCode(word.charCodeAt(0) + 1)) as string[]
    return closeTerms(word, terms, prefix)
  }

  private allRowids(): Int32Array {
    const rows = new Int32Array(this.columns.aliveCount)
    let at = 0
    for (let r = 1; r <= this.columns.maxRowid; r++) if (this.columns.alive[r]) rows[at++] = r
    return rows
  }

  private compileRowTest(query: SearchQuery, distances: Map<number, number>): (r: number) => boolean {
    const alive = this.columns.alive
    const tests = [compileScope(this.columns, query.scope), ...compileFilters(this.columns, query.filters)]
    if (query.near) tests.push(compileNear(this.columns, query.near, distances))
    const count = tests.length
    return (r) => {
      if (alive[r] !== 1) return false
      for (let index = 0; index < count; index++) if (!tests[index]!(r)) return false
      return true
    }
  }

  /** one number per visible row, higher first (see the header for the relevance order) */
  private score(query: TierQuery, sort: ReturnType<typeof resolveSort>, distances: Map<number, number>): Float64Array {
    const { featured, newest } = this.columns
    const { rows } = query
    const scores = new Float64Array(rows.length)
    if (sort === 'nearest') {
      rows.forEach((r, index) => (scores[index] = -(distances.get(r) ?? Infinity)))
      return scores
    }
    if (sort === 'newest' || !query.plan.groups.length) {
      rows.forEach((r, index) => (scores[index] = newest[r]! + (sort === 'relevance' ? featured[r]! * 1e13 : 0)))
      return scores
    }
    const { deciding, tiers } = rankTiers(query)
    const bm25 = deciding && deciding.size <= BM25_MAX_MATCHES ? this.bm25(deciding.table, deciding.expression) : null
    for (let index = 0; index < rows.length; index++) {
      const r = rows[index]!
      const relevance = bm25 ? Math.min(999, Math.round(-(bm25.get(r) ?? 0) * 10)) : 0
      scores[index] = tiers[index]! * 1e13 + relevance * 1e9 + featured[r]! * 1e8 + Math.floor(newest[r]! / 60_000) / 1e1
    }
    return scores
  }

  /** title, summary, body and file pages of each row, normalised as the index sees them, one string per row */
  private normalizedTexts(rowids: number[]): Map<number, string> {
    const texts = new Map<number, string>()
    for (let start = 0; start < rowids.length; start += 500) {
      const chunk = rowids.slice(start, start + 500)
      const rows = this.db.prepare(`SELECT rowid, display FROM docs WHERE rowid IN (${chunk.map(() => '?').join(',')})`).raw().all(...chunk) as Array<[number, string]>
      for (const [rowid, json] of rows) {
        const display = JSON.parse(json) as Display
        texts.set(rowid, normalizeText([display.title, display.summary, display.body, ...(display.pages ?? [])].join('\n')))
      }
    }
    return texts
  }

  private hydrate(rowids: number[], plan: QueryPlan, distances: Map<number, number>, withDistance: boolean): SearchHit[] {
    if (!rowids.length) return []
    const rows = this.db
      .prepare(`SELECT rowid, id, kind, doc_id, visibility, year, featured, display FROM docs WHERE rowid IN (${rowids.map(() => '?').join(',')})`)
      .all(...rowids) as DocRow[]
    const byRowid = new Map(rows.map((row) => [row.rowid, row]))
    return rowids.flatMap((rowid) => {
      const row = byRowid.get(rowid)
      if (!row) return []
      const hit = toHit(row, plan)
      if (withDistance) hit.distanceMeters = Math.round(distances.get(rowid) ?? 0)
      return [hit]
    })
  }
}

/** a cached answer is handed to every caller asking the same: none may change it for the next */
const frozen = (result: SearchResult): SearchResult => {
  for (const hit of result.hits) Object.freeze(hit)
  for (const counts of Object.values(result.facets)) Object.freeze(counts)
  Object.freeze(result.hits)
  Object.freeze(result.facets)
  return Object.freeze(result)
}

const elapsedMs = (started: number): number => Math.round((performance.now() - started) * 100) / 100

const bodySnippet = (display: Display, terms: string[], pageNumbers: number[]): string => {
  if (!terms.length) return ''
  const firstPage = pageNumbers[0]
  return markSnippet(display.body, terms) || (firstPage ? markSnippet(display.pages![firstPage - 1]!, terms) : '')
}

const toHit = (row: DocRow, plan: QueryPlan): SearchHit => {
  const display = JSON.parse(row.display) as Display
  const terms = plan.highlightTerms
  const pageNumbers = matchingPages(display.pages ?? [], terms)
  return {
    audiences: display.audiences,
    docId: row.doc_id,
    featured: row.featured === 1,
    formats: display.formats,
    geo: display.geo,
    highlights: {
      body: bodySnippet(display, terms, pageNumbers),
      summary: markAll(display.summary, terms),
      title: markAll(display.title, terms),
    },
    id: row.id,
    jurisdiction: display.jurisdiction,
    kind: row.kind,
    ...(row.kind === 'courseware' ? { pages: pageNumbers } : {}),
    publishedAt: display.publishedAt,
    summary: display.summary,
    themes: display.themes,
    title: display.title,
    updatedAt: display.updatedAt,
    visibility: row.visibility,
    year: row.year,
  }
}

const filterRows = (rows: Int32Array, keep: (r: number) => boolean): Int32Array => {
  const kept = new Int32Array(rows.length)
  let at = 0
  for (const r of rows) if (keep(r)) kept[at++] = r
  return kept.subarray(0, at)
}

/** the union of two ascending rowid lists, ascending, without duplicates */
export const unionSorted = (a: Int32Array, b: Int32Array): Int32Array => {
  const union = new Int32Array(a.length + b.length)
  let i = 0
  let j = 0
  let at = 0
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i]! : b[j]!
    if (i < a.length && a[i] === next) i++
    if (j < b.length && b[j] === next) j++
    union[at++] = next
  }
  return union.slice(0, at)
}

/** a comma-separated list of non-negative integers (group_concat of rowids), ascending */
export const parseRowids = (list: string): Int32Array => {
  const rows = new Int32Array((list.length >> 1) + 1)
  let count = 0
  let value = 0
  let sorted = true
  for (let index = 0; index < list.length; index++) {
    const code = list.charCodeAt(index)
    if (code === 44) {
      if (count > 0 && value < rows[count - 1]!) sorted = false
      rows[count++] = value
      value = 0
    } else value = value * 10 + code - 48
  }
  if (count > 0 && value < rows[count - 1]!) sorted = false
  rows[count++] = value
  const parsed = rows.slice(0, count)
  return sorted ? parsed : parsed.sort()
}

/** does row `a` (index into rows/scores) come before row `b`: higher score, then lower rowid */
const before = (rows: Int32Array, scores: Float64Array, a: number, b: number): boolean =>
  scores[a]! > scores[b]! || (scores[a] === scores[b] && rows[a]! < rows[b]!)

/**
 * The `count` best rows, best first; ties go to the lower rowid. A bounded heap whose root is the worst
 * kept row: one comparison for most rows, no sort of the whole list.
 */
export const topRows = (rows: Int32Array, scores: Float64Array, count: number): number[] => {
  if (count <= 0 || !rows.length) return []
  const size = Math.min(count, rows.length)
  const heap = new Int32Array(size)
  let filled = 0
  const siftDown = (from: number): void => {
    let at = from
    for (;;) {
      const left = 2 * at + 1
      if (left >= filled) return
      const right = left + 1
      // the worse child goes up (the root is the worst kept row)
      const worse = right < filled && before(rows, scores, heap[left]!, heap[right]!) ? right : left
      if (!before(rows, scores, heap[at]!, heap[worse]!)) return
      const swap = heap[at]!
      heap[at] = heap[worse]!
      heap[worse] = swap
      at = worse
    }
  }
  for (let index = 0; index < rows.length; index++) {
    if (filled < size) {
      let at = filled++
      heap[at] = index
      while (at > 0) {
        const parent = (at - 1) >> 1
        if (!before(rows, scores, heap[parent]!, heap[at]!)) break
        const swap = heap[at]!
        heap[at] = heap[parent]!
        heap[parent] = swap
        at = parent
      }
    } else if (before(rows, scores, index, heap[0]!)) {
      heap[0] = index
      siftDown(0)
    }
  }
  return Array.from(heap)
    .sort((a, b) => (before(rows, scores, a, b) ? -1 : 1))
    .map((index) => rows[index]!)
}
