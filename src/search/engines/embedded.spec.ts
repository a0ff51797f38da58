/**
 * The embedded engine's own machinery behind the contract: top-k selection, rowid parsing, the match
 * cache (never stale after a write by this or another instance), the title tier shortcut, a file of an
 * older layout, the character-pair fallback, and the preparation worker.
 */
import Database from 'libsql'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

import { getVisibilityScope } from '@/access/visibilityScope'

import { makeDoc } from '../testing/fixtures'
import { EmbeddedSearchEngine, parseRowids, topRows, unionSorted, WORKER_MIN_BATCH } from './embedded'
import { PrepareWorker } from './preparePool'

const everything = getVisibilityScope({ id: 'admin', role: 'admin' })
const dirs: string[] = []
const tempFile = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-embedded-'))
  dirs.push(dir)
  return path.join(dir, 'search.db')
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { force: true, recursive: true })
})

describe('topRows', () => {
  it('picks the same rows in the same order as a full sort, ties to the lower rowid', () => {
    let seed = 7
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
    for (const size of [0, 1, 5, 50, 1000]) {
      const rows = Int32Array.from({ length: size }, (_, index) => index * 3 + 1)
      const scores = Float64Array.from({ length: size }, () => Math.floor(random() * 20))
      const expected = Array.from(rows.keys())
        .sort((a, b) => scores[b]! - scores[a]! || rows[a]! - rows[b]!)
        .map((index) => rows[index]!)
      for (const count of [1, 3, 20, 60, 2000]) expect(topRows(rows, scores, count)).toEqual(expected.slice(0, count))
    }
  })
})

describe('parseRowids', () => {
  it('reads a group_concat list, sorting it when SQLite gave another order', () => {
    expect(Array.from(parseRowids('7'))).toEqual([7])
    expect(Array.from(parseRowids('1,20,300,4000'))).toEqual([1, 20, 300, 4000])
    expect(Array.from(parseRowids('30,2,100'))).toEqual([2, 30, 100])
  })
})

describe('unionSorted', () => {
  it('merges two ascending lists without duplicates', () => {
    const union = (a: number[], b: number[]) => Array.from(unionSorted(Int32Array.from(a), Int32Array.from(b)))
    expect(union([], [])).toEqual([])
    expect(union([1, 3, 5], [])).toEqual([1, 3, 5])
    expect(union([], [2])).toEqual([2])
    expect(union([1, 3, 5, 9], [2, 3, 4, 9, 12])).toEqual([1, 2, 3, 4, 5, 9, 12])
  })
})

describe('embedded engine', () => {
  it('never answers from a stale match list after a write, by this or another instance', async () => {
    const file = tempFile()
    const engine = new EmbeddedSearchEngine({ file })
    const other = new EmbeddedSearchEngine({ file })
    await engine.upsert([makeDoc({ docId: '1', kind: 'lesson', owner: '9', title: '冬训动员第一课', visibility: 'public' })])
    const ids = async (q: string) => (await engine.search({ q, scope: everything })).hits.map((hit) => hit.id).sort()
    expect(await ids('冬训')).toEqual(['lesson-1'])
    expect(await ids('冬训')).toEqual(['lesson-1']) // from the cache
    await other.upsert([makeDoc({ docId: '2', kind: 'lesson', owner: '9', title: '冬训动员第二课', visibility: 'public' })])
    expect(await ids('冬训')).toEqual(['lesson-1', 'lesson-2'])
    await engine.upsert([makeDoc({ docId: '1', kind: 'lesson', owner: '9', title: '春训动员第一课', visibility: 'public' })])
    expect(await ids('冬训')).toEqual(['lesson-2'])
    await other.remove(['lesson-2'])
    expect(await ids('冬训')).toEqual([])
    await other.close()
    await engine.close()
  })

  it('keeps whole answers per reader: a repeated search is the same, another scope or a changed title is not', async () => {
    const file = tempFile()
    const engine = new EmbeddedSearchEngine({ file })
    const other = new EmbeddedSearchEngine({ file })
    await engine.upsert([
      makeDoc({ docId: '1', kind: 'lesson', owner: '9', title: '冬训动员第一课', visibility: 'public' }),
      makeDoc({ docId: '2', kind: 'lesson', owner: '9', title: '冬训动员村课', visibility: 'local' }),
    ])
    const anonymous = getVisibilityScope(null)
    const villager = getVisibilityScope({ id: 'u', jurisdiction: '9', jurisdictionPath: '/1/5/9/', role: 'member' })
    const titles = async (scope: typeof anonymous) =>
      (await engine.search({ facets: ['kind'], q: '冬训', scope })).hits.map((hit) => hit.title).sort()
    expect(await titles(villager)).toEqual(['冬训动员村课', '冬训动员第一课'])
    expect(await titles(anonymous)).toEqual(['冬训动员第一课'])
    expect(await titles(villager)).toEqual(['冬训动员村课', '冬训动员第一课'])
    const again = await engine.search({ facets: ['kind'], q: '冬训', scope: anonymous })
    expect(Object.isFrozen(again.hits[0])).toBe(true)
    expect(() => (again.hits as Array<{ title: string }>).push({ title: '改' })).toThrow()
    await other.upsert([makeDoc({ docId: '1', kind: 'lesson', owner: '9', title: '冬训动员第一课（修订）', visibility: 'public' })])
    expect(await titles(anonymous)).toEqual(['冬训动员第一课（修订）'])
    await other.close()
    await engine.close()
  })

  it('puts title matches first when they alone fill the page, and themes/tags before bodies otherwise', async () => {
    const engine = new EmbeddedSearchEngine({ file: tempFile() })
    const newer = '2024-06-01T00:00:00.000Z'
    await engine.upsert([
      ...Array.from({ length: 5 }, (_, index) =>
        makeDoc({ docId: `t${index}`, kind: 'lesson', owner: '9', title: `乡村振兴讲座${index}`, visibility: 'public' }),
      ),
      makeDoc({ docId: 'meta', featured: true, kind: 'lesson', owner: '9', publishedAt: newer, themes: ['乡村振兴'], title: '专题讲座', visibility: 'public' }),
      makeDoc({ body: '讲乡村振兴', docId: 'body', featured: true, kind: 'lesson', owner: '9', publishedAt: newer, title: '另一讲座', visibility: 'public' }),
    ])
    const page = async (perPage: number, pageNumber = 1) =>
      (await engine.search({ page: pageNumber, perPage, q: '乡村振兴', scope: everything })).hits.map((hit) => hit.docId)
    expect((await page(3)).every((id) => id.startsWith('t'))).toBe(true)
    expect((await page(5)).every((id) => id.startsWith('t'))).toBe(true)
    expect((await page(7)).slice(5)).toEqual(['meta', 'body'])
    expect(await page(3, 2)).toEqual([...(await page(7)).slice(3, 6)])
    await engine.close()
  })

  it('empties a file of an older layout and works on it, instead of failing every search', async () => {
    const file = tempFile()
    const old = new Database(file)
    old.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO meta VALUES ('schema', '1'), ('seq', '7'), ('epoch', '0'), ('tombstone_floor', '0');
      CREATE TABLE docs (rowid INTEGER PRIMARY KEY, id TEXT);
      INSERT INTO docs VALUES (1, 'lesson-old');
      CREATE VIRTUAL TABLE grams USING fts5(g, content='', contentless_delete=1);`)
    old.close()
    const engine = new EmbeddedSearchEngine({ file })
    const ids = async () => {
      const found: string[] = []
      for await (const entry of engine.listIds()) found.push(entry.id)
      return found
    }
    expect(await ids()).toEqual([])
    await engine.upsert([makeDoc({ body: '待处理的群众诉求', docId: 'new', kind: 'lesson', owner: '9', title: '接诉即办', visibility: 'public' })])
    expect(await ids()).toEqual(['lesson-new'])
    expect((await engine.search({ q: '处理', scope: everything })).hits.map((hit) => hit.docId)).toEqual(['new'])
    expect((await engine.search({ q: '诉即', scope: everything })).hits.map((hit) => hit.docId)).toEqual(['new'])
    await engine.close()
  })

  it('finds a piece of a word through character pairs, and not in a document holding only some of its pairs', async () => {
    const engine = new EmbeddedSearchEngine({ file: tempFile() })
    await engine.upsert([
      makeDoc({ body: '在基地教育', docId: 'pairs-apart', kind: 'lesson', owner: '9', title: '参观', visibility: 'public' }),
      makeDoc({ body: '走进红色教育基地', docId: 'pairs-together', kind: 'lesson', owner: '9', title: '研学', visibility: 'public' }),
    ])
    // no document has the word 育 or 育基地: the pairs 育基 and 基地 are both needed, and only the second has 育基
    expect((await engine.search({ q: '育基地', scope: everything })).hits.map((hit) => hit.docId)).toEqual(['pairs-together'])
    await engine.close()
  })

  it('indexes a large batch through the preparation worker exactly as in-thread, later duplicates winning', async () => {
    const worker = new PrepareWorker()
    expect(await worker.available()).toBe(true) // tsx is there under vitest
    await worker.close()
    const docs = Array.from({ length: WORKER_MIN_BATCH + 150 }, (_, index) =>
      makeDoc({ body: index % 2 ? '學習黨史' : '乡村振兴', docId: String(index), kind: 'lesson', owner: '9', title: `第${index}課 冬訓`, visibility: 'public' }),
    )
    docs.push(makeDoc({ docId: '3', kind: 'lesson', owner: '9', title: '第3课 已改名', visibility: 'public' }))
    const pooled = new EmbeddedSearchEngine({ file: tempFile() })
    const inThread = new EmbeddedSearchEngine({ file: tempFile() })
    await pooled.upsert(docs)
    for (const doc of docs) await inThread.upsert([doc])
    // chunks are written in any order, so rowids (the last tie-breaker) differ: compare every page's ids as a set
    const allIds = async (engine: EmbeddedSearchEngine, q: string) => {
      const ids: string[] = []
      for (let page = 1; page <= 7; page++) ids.push(...(await engine.search({ page, perPage: 100, q, scope: everything })).hits.map((hit) => hit.id))
      return ids.sort()
    }
    for (const q of ['冬训', '党史', '乡村振兴', '已改名', '第3']) {
      const ids = await allIds(pooled, q)
      expect(ids.length).toBeGreaterThan(0)
      expect(ids).toEqual(await allIds(inThread, q))
    }
    expect((await pooled.search({ q: '', scope: everything })).total).toBe(WORKER_MIN_BATCH + 150)
    expect((await pooled.search({ q: '已改名', scope: everything })).hits.map((hit) => hit.id)).toEqual(['lesson-3'])
    await pooled.close()
    await inThread.close()
  })

  it('writes large upserts made without waiting in call order, so the later version of a document wins', async () => {
    const engine = new EmbeddedSearchEngine({ file: tempFile() })
    const batch = (title: string) =>
      Array.from({ length: WORKER_MIN_BATCH + 10 }, (_, index) => makeDoc({ docId: String(index), kind: 'lesson', owner: '9', title: `${title}第${index}讲`, visibility: 'public' }))
    await Promise.all([engine.upsert(batch('乡村振兴')), engine.upsert(batch('党史学习')), engine.upsert(batch('廉政教育'))])
    expect((await engine.search({ q: '乡村振兴', scope: everything })).total).toBe(0)
    expect((await engine.search({ q: '党史学习', scope: everything })).total).toBe(0)
    expect((await engine.search({ q: '廉政教育', scope: everything })).total).toBe(WORKER_MIN_BATCH + 10)
    await engine.close()
  })
})
