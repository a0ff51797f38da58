/**
 * The search contract (DESIGN.md §4), run against every engine: the embedded one always, Meilisearch
 * when MEILI_HOST is set. Documents come from the real corpus, in both scripts.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Meilisearch } from 'meilisearch'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { getPathIds, getVisibilityScope, type VisibilityScope } from '@/access/visibilityScope'

import type { SearchEngine, SearchQuery } from './engine'
import type { SearchDocument } from './types'

import { EmbeddedSearchEngine } from './engines/embedded'
import { MeilisearchEngine, toMeiliDocument } from './engines/meilisearch'
import { fixtureDocs, JURISDICTIONS, makeDoc, ORIGIN } from './testing/fixtures'

type EngineFactory = { name: string; open: () => SearchEngine; dispose: () => void; indexUid?: string }

const embeddedFactory = (): EngineFactory => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-contract-'))
  const file = path.join(dir, 'search.db')
  return { dispose: () => fs.rmSync(dir, { force: true, recursive: true }), name: 'embedded', open: () => new EmbeddedSearchEngine({ file }) }
}

const meiliFactory = (): EngineFactory => {
  const indexUid = `contract_${Date.now()}_${process.pid}`
  const open = () =>
    new MeilisearchEngine({ apiKey: process.env.MEILI_MASTER_KEY, host: process.env.MEILI_HOST!, indexUid })
  return { dispose: () => void open().dropIndex(), indexUid, name: 'meilisearch', open }
}

const factories: Array<() => EngineFactory> = [embeddedFactory, ...(process.env.MEILI_HOST ? [meiliFactory] : [])]

const reader = (jurisdictionId: string) => ({
  id: `u-${jurisdictionId}`,
  jurisdictionPath: JURISDICTIONS[jurisdictionId]!.path,
  role: 'member',
})

const SCOPES: Record<string, VisibilityScope> = {
  admin: getVisibilityScope({ id: 'admin', role: 'admin' }),
  anonymous: getVisibilityScope(null),
  ancestorCity: getVisibilityScope(reader('5')),
  descendantVillage: getVisibilityScope(reader('20')),
  sameTown: getVisibilityScope(reader('9')),
  unrelatedTown: getVisibilityScope(reader('31')),
}
const PUBLIC = ['lesson-jiao', 'field-site-museum', 'field-site-jixi', 'lesson-micro', 'bundle-bundle']
const SHARED = ['lesson-tianchi', 'field-site-farm', 'lecturer-wang']
const VISIBLE: Record<string, string[]> = {
  admin: fixtureDocs().map((doc) => doc.id),
  anonymous: PUBLIC,
  ancestorCity: [...PUBLIC, ...SHARED, 'courseware-chengdu', 'video-ningjin', 'field-route-walk', 'video-local22', 'lesson-local10'],
  descendantVillage: [...PUBLIC, ...SHARED, 'courseware-chengdu', 'video-ningjin', 'field-route-walk'],
  sameTown: [...PUBLIC, ...SHARED, 'courseware-chengdu', 'video-ningjin', 'field-route-walk', 'video-local22'],
  unrelatedTown: [...PUBLIC, ...SHARED],
}

const countBy = (docs: SearchDocument[], key: (doc: SearchDocument) => string[]): Record<string, number> => {
  const counts: Record<string, number> = {}
  for (const doc of docs) for (const value of key(doc)) counts[value] = (counts[value] ?? 0) + 1
  return counts
}

describe.each(factories.map((factory) => [factory().name, factory] as const))('search contract: %s', (engineName, makeFactory) => {
  const factory = makeFactory()
  let engine: SearchEngine
  const everything = SCOPES.admin!
  const search = (q: string, extra: Partial<SearchQuery> = {}) => engine.search({ perPage: 100, q, scope: everything, ...extra })
  const ids = async (q: string, extra: Partial<SearchQuery> = {}) => (await search(q, extra)).hits.map((hit) => hit.id)

  beforeAll(async () => {
    engine = factory.open()
    await engine.init()
    await engine.clear()
    await engine.upsert(fixtureDocs())
  })
  afterAll(async () => {
    await engine.close()
    factory.dispose()
  })

  describe('Chinese text', () => {
    it('finds Traditional text with a Simplified query', async () => {
      expect(await ids('党员教育培训')).toContain('lesson-tianchi')
      expect(await ids('微党校')).toContain('courseware-chengdu')
    })

    it('finds Simplified text with a Traditional query', async () => {
      expect(await ids('焦裕祿精神')).toContain('lesson-jiao')
      expect(await ids('現場教學點')).toEqual(expect.arrayContaining(['field-site-museum', 'field-site-farm']))
    })

    it('reads past stray pinyin in brackets', async () => {
      expect(await ids('学习')).toContain('lesson-tianchi') // title 學(xué)習
    })

    it('segments a run of words: 党员教育培训 finds a text with 党员 … 培训 apart', async () => {
      const found = await ids('党员教育培训')
      expect(found).toContain('lesson-jiao')
      const jiao = fixtureDocs().find((doc) => doc.id === 'lesson-jiao')!
      expect(`${jiao.title}${jiao.summary}${jiao.body}`).not.toContain('党员教育培训')
    })

    it('finds a word the document text runs into its neighbours: 点课 in 菜单点课', async () => {
      expect(await ids('点课')).toContain('textbook-mashan') // 菜单点课
    })

    // Meilisearch matches whole words (the last one also as a prefix) and has no infix or substring
    // matching (meilisearch issues #2499, #4874), so 处理 inside the word 待处理 and 禄精 across 焦裕禄|精神
    // are out of its reach.
    it.skipIf(engineName === 'meilisearch')(
      'falls back to substrings the word index misses (skipped on Meilisearch: no infix/substring matching, 处理 in 待处理 and 禄精 across 焦裕禄|精神)',
      async () => {
        expect(await ids('处理')).toContain('textbook-mashan') // 待处理
        expect(await ids('点课')).toContain('textbook-mashan') // 菜单点课
        expect(await ids('禄精')).toEqual(expect.arrayContaining(['lesson-jiao'])) // 焦裕禄|精神: no word 禄精
      },
    )

    it('expands synonyms both ways', async () => {
      expect(await ids('两新组织')).toEqual(expect.arrayContaining(['lesson-micro', 'bundle-bundle']))
      expect(await ids('非公企业和社会组织')).toEqual(expect.arrayContaining(['lesson-micro', 'bundle-bundle']))
      expect(await ids('微型党课')).toEqual(expect.arrayContaining(['lesson-micro', 'bundle-bundle']))
      expect(await ids('微党课')).toEqual(expect.arrayContaining(['lesson-micro', 'bundle-bundle']))
    })

    it('matches the last word as a prefix while typing', async () => {
      expect(await ids('焦裕')).toEqual(expect.arrayContaining(['lesson-jiao', 'field-site-museum']))
      expect((await ids('pp')).sort()).toEqual(['courseware-chengdu', 'lesson-micro']) // PPT
    })

    it('tolerates typos in Latin words: one from 5 letters, two from 9, a swapped pair counting as one', async () => {
      const doc = makeDoc({ docId: 'typo', kind: 'courseware', owner: '9', title: '用 PowerPoint 和 Keynote 制作微党课课件', visibility: 'public' })
      await engine.upsert([doc])
      expect(await ids('powerpiont')).toEqual(['courseware-typo']) // swapped pair
      expect(await ids('powrepoimt')).toEqual(['courseware-typo']) // swapped pair and a wrong letter
      expect(await ids('keynote 党课')).toEqual(['courseware-typo'])
      expect(await ids('keymote 党课')).toEqual(['courseware-typo']) // a wrong letter
      expect(await ids('keymo')).toEqual(['courseware-typo']) // while typing
      expect(await ids('kymote 党课')).toEqual([]) // five letters take one typo, not two
      expect(await ids('pqt')).toEqual([]) // PPT: no typo below five letters
      await engine.remove([doc.id])
    })

    it('finds nothing for text that is nowhere, and reads query syntax as text', async () => {
      expect(await ids('量子计算机')).toEqual([])
      await expect(search('"党员" OR title:* NEAR( ^')).resolves.toBeDefined()
    })
  })

  describe('highlights', () => {
    it('marks the original script', async () => {
      const hit = (await search('党员教育培训')).hits.find((h) => h.id === 'lesson-tianchi')!
      expect(hit.highlights.title).toContain('<mark>黨員教育培訓</mark>(xùn)')
      expect(hit.title).toBe('黨員教育培訓(xùn)的「立體式」學(xué)習')
    })

    it('escapes the document text', async () => {
      const hit = (await search('每月一课')).hits.find((h) => h.id === 'lesson-micro')!
      expect(hit.highlights.body).toContain('&lt;b&gt;')
      expect(hit.highlights.body).not.toContain('<b>')
    })

    it('gives the courseware pages that match', async () => {
      const byPage = (await search('非公企业')).hits.find((h) => h.id === 'courseware-chengdu')!
      expect(byPage.pages).toEqual([2])
      expect(byPage.highlights.body).toContain('<mark>非公企業</mark>')
      expect((await search('党员教育')).hits.find((h) => h.id === 'courseware-chengdu')!.pages).toEqual([2, 3])
    })
  })

  describe('ranking and sorting', () => {
    it('puts a title match before a body match', async () => {
      const found = await ids('焦裕禄')
      expect(found.indexOf('field-site-museum')).toBeLessThan(found.indexOf('field-route-walk') === -1 ? Infinity : found.indexOf('field-route-walk'))
      expect(found.slice(0, 2)).toEqual(expect.arrayContaining(['lesson-jiao', 'field-site-museum']))
    })

    it('sorts by newest', async () => {
      const hits = (await search('', { filters: { kinds: ['lesson', 'video', 'courseware', 'textbook'] }, sort: 'newest' })).hits
      const dates = hits.map((hit) => hit.publishedAt!)
      expect(dates).toEqual([...dates].sort().reverse())
      expect(hits[0]!.id).toBe('courseware-chengdu')
    })
  })

  // The issue-12 order (README, Search): the query as written in the title, then in the text, then the words
  // close together, then apart; synonym-only matches and pieces of tags after literal matches.
  describe('relevance order', () => {
    const FILLER = '围绕中心服务大局，坚持问题导向推动发展，结合实际创新方式方法，'
    /** newer and featured: the order must come from the text, not from the date or 精品 */
    const loud = { featured: true, publishedAt: '2026-06-01T00:00:00.000Z', updatedAt: '2026-06-01T00:00:00.000Z' }
    const quiet = { publishedAt: '2019-01-01T00:00:00.000Z', updatedAt: '2019-01-01T00:00:00.000Z' }
    const doc = (docId: string, input: Partial<SearchDocument> & { title: string }) =>
      makeDoc({ docId, kind: 'lesson', owner: '9', visibility: 'public', ...input })

    /** the hits among `docs`, in the engine's order */
    const orderOf = async (q: string, docs: SearchDocument[]) => {
      const mine = new Set(docs.map((d) => d.id))
      return (await ids(q)).filter((id) => mine.has(id))
    }
    const withDocs = async (docs: SearchDocument[], check: () => Promise<void>) => {
      await engine.upsert(docs)
      try {
        await check()
      } finally {
        await engine.remove(docs.map((d) => d.id))
      }
    }

    it('puts the phrase in the title, then in the text, then the words close together, then apart', async () => {
      const docs = [
        doc('apart', { ...loud, body: `情景模拟${FILLER}${FILLER}支部党课`, title: '村级活动记录' }),
        doc('near-title', { ...loud, title: '情景模拟教学与支部党课' }),
        doc('in-text', { ...quiet, body: `本月开展情景党课三次。${FILLER}`, title: '村级活动纪要' }),
        doc('in-title', { ...quiet, title: '情景党课示范' }),
      ]
      await withDocs(docs, async () => {
        expect(await orderOf('情景党课', docs)).toEqual(['lesson-in-title', 'lesson-in-text', 'lesson-near-title', 'lesson-apart'])
      })
    })

    it('reads a Traditional query as its Simplified form, and Traditional text as well', async () => {
      const docs = [
        doc('trad-text', { ...quiet, body: `本月開展黨史學習教育專題活動。${FILLER}`, title: '活動紀要' }),
        doc('simp-apart', { ...loud, body: `党史${FILLER}学习${FILLER}教育`, title: '活动记录' }),
      ]
      await withDocs(docs, async () => {
        expect(await orderOf('黨史學習教育', docs)).toEqual(['lesson-trad-text', 'lesson-simp-apart'])
        expect(await orderOf('党史学习教育', docs)).toEqual(await orderOf('黨史學習教育', docs))
      })
    })

    it('puts the word as typed before items that hold only its synonym (讲师 before 师资)', async () => {
      const docs = [
        doc('synonym', { ...loud, title: '师资队伍建设' }),
        doc('synonym-2', { ...loud, summary: '选配优良师资', title: '培训安排' }),
        doc('literal', { ...quiet, body: `邀请本土讲师授课。${FILLER}`, title: '活动纪要' }),
      ]
      await withDocs(docs, async () => {
        const order = await orderOf('讲师', docs)
        expect(order).toHaveLength(3) // the synonym still matches
        expect(order[0]).toBe('lesson-literal')
      })
    })

    it('counts a theme, audience or format tag only whole, never a piece of it', async () => {
      const docs = [
        // 党史学习 is a whole tag inside the query 党史学习教育; 教育 is elsewhere in the text
        doc('tag-and-word', { ...loud, body: `加强${FILLER}教育`, themes: ['党史学习'], title: '专题讲座' }),
        doc('phrase', { ...quiet, body: `扎实开展党史学习教育。${FILLER}`, themes: ['政治理论'], title: '活动纪要' }),
        doc('whole-tag', { ...quiet, themes: ['党史学习教育'], title: '专题片' }),
        // the query 党性锻炼 holds only a piece (党性) of the tag 党性教育
        doc('tag-piece', { ...loud, body: `加强锻炼。${FILLER}`, themes: ['党性教育'], title: '冬训安排' }),
        doc('words-apart', { ...quiet, body: `提高党性${FILLER}${FILLER}在实践中锻炼`, title: '冬训总结' }),
      ]
      await withDocs(docs, async () => {
        const order = await orderOf('党史学习教育', docs)
        expect(order.slice(0, 2).sort()).toEqual(['lesson-phrase', 'lesson-whole-tag'])
        expect(order[2]).toBe('lesson-tag-and-word')
        expect(await orderOf('党性锻炼', docs)).toEqual(['lesson-words-apart', 'lesson-tag-piece'])
      })
    })

    // Meilisearch has no substring matching (see 'falls back to substrings' above)
    it.skipIf(engineName === 'meilisearch')(
      'counts a query the words cut otherwise as held: 禄精 in 焦裕禄精神 before 禄 … 精 apart (skipped on Meilisearch: no substring matching)',
      async () => {
        const docs = [
          doc('apart-chars', { ...loud, body: `裕禄故乡${FILLER}精品课程`, title: '活动记录' }),
          doc('across-words', { ...quiet, body: `弘扬焦裕禄精神。${FILLER}`, title: '活动纪要' }),
        ]
        await withDocs(docs, async () => {
          expect(await orderOf('禄精', docs)).toEqual(['lesson-across-words', 'lesson-apart-chars'])
        })
      },
    )

    it('keeps the order past several thousand matches, totals and facets unchanged', async () => {
      const scattered = Array.from({ length: 4000 }, (_, index) =>
        doc(`scattered-${index}`, { ...loud, body: `理论${FILLER}${FILLER}学习`, themes: ['政治理论'], title: `第${index}期支部活动` }),
      )
      const phrase = Array.from({ length: 3 }, (_, index) => doc(`phrase-${index}`, { ...quiet, body: `开展理论学习。${FILLER}`, title: '活动纪要' }))
      const near = doc('near', { ...quiet, body: `理论联系实际地学习。${FILLER}`, title: '活动纪要' })
      const before = await search('理论学习', { facets: ['theme'], perPage: 20 })
      await withDocs([...scattered, ...phrase, near], async () => {
        const result = await search('理论学习', { facets: ['theme'], perPage: 20 })
        const found = result.hits.map((hit) => hit.id)
        const firstScattered = found.findIndex((id) => id.startsWith('lesson-scattered-'))
        // the three phrase holders (and any fixture holding 理论学习) come before every item with the words apart
        expect(firstScattered).toBeGreaterThanOrEqual(3)
        expect(found.slice(0, firstScattered)).toEqual(expect.arrayContaining(phrase.map((d) => d.id)))
        expect(found.indexOf(near.id)).toBeGreaterThan(Math.max(...phrase.map((d) => found.indexOf(d.id))))
        expect(found.indexOf(near.id)).toBeLessThan(firstScattered)
        expect(result.total).toBe(before.total + 4004)
        expect(result.facets.theme['政治理论']).toBe((before.facets.theme['政治理论'] ?? 0) + 4000)
      })
    }, 120_000)

    it('pages through the phrase holders and then the rest without a gap or a repeat, the total on every page', async () => {
      const phrase = Array.from({ length: 3 }, (_, index) => doc(`paged-phrase-${index}`, { ...quiet, body: `开展现场教学。${FILLER}`, title: '活动纪要' }))
      const apart = Array.from({ length: 4 }, (_, index) => doc(`paged-apart-${index}`, { ...loud, body: `现场${FILLER}${FILLER}教学`, title: `第${index}期活动` }))
      await withDocs([...phrase, ...apart], async () => {
        const whole = await search('现场教学', { perPage: 100 })
        const pages = await Promise.all([1, 2, 3, 4, 5].map((page) => search('现场教学', { page, perPage: 2 })))
        const paged = pages.flatMap((result) => result.hits.map((hit) => hit.id))
        expect(paged).toEqual(whole.hits.map((hit) => hit.id).slice(0, 10))
        expect(new Set(paged).size).toBe(paged.length)
        for (const result of pages) expect(result.total).toBe(whole.total)
        const mine = paged.filter((id) => id.startsWith('lesson-paged-'))
        expect(mine.slice(0, 3).sort()).toEqual(phrase.map((d) => d.id).sort())
      })
    })
  })

  describe('filters', () => {
    it('filters by kind, theme, audience, format, visibility and year', async () => {
      expect((await ids('', { filters: { kinds: ['field-site'] } })).sort()).toEqual(['field-site-farm', 'field-site-jixi', 'field-site-museum'])
      expect((await ids('', { filters: { themes: ['基层治理', '乡村振兴'] } })).sort()).toEqual(['courseware-chengdu', 'field-site-farm'])
      expect(await ids('', { filters: { audiences: ['年老体弱党员'] } })).toEqual(['lesson-tianchi'])
      expect(await ids('', { filters: { formats: ['线上录制'] } })).toEqual(['video-ningjin'])
      expect((await ids('', { filters: { visibility: ['shared'] } })).sort()).toEqual([...SHARED].sort())
      expect(await ids('', { filters: { year: 2021 } })).toEqual(['video-ningjin'])
      expect((await ids('', { filters: { year: { max: 2022, min: 2022 } } })).sort()).toEqual(['lesson-tianchi', 'textbook-mashan'])
    })

    it('combines filters with AND and text', async () => {
      expect(await ids('党员', { filters: { kinds: ['lesson'], themes: ['党性教育'] } })).toEqual(['lesson-jiao'])
    })

    it('filters by a jurisdiction and everything below it', async () => {
      const underTown = await ids('', { filters: { jurisdictionId: '9' } })
      expect(underTown.sort()).toEqual(
        ['lesson-jiao', 'courseware-chengdu', 'field-site-museum', 'field-site-farm', 'field-route-walk', 'lesson-micro', 'video-local22'].sort(),
      )
      const underCity = await ids('', { filters: { jurisdictionId: '7' } })
      expect(underCity.sort()).toEqual(['field-site-jixi', 'textbook-mashan'])
    })
  })

  describe('jurisdiction facet', () => {
    const childCounts = async (jurisdictionId?: string, jurisdictionDepth?: number) =>
      (await search('', { facets: ['jurisdiction'], filters: { jurisdictionDepth, jurisdictionId } })).facets.jurisdiction

    it('counts per top-level jurisdiction without a filter, and per child of the chosen one, subtrees included', async () => {
      expect(await childCounts()).toEqual({ '1': fixtureDocs().length })
      expect(await childCounts('1')).toEqual({ '5': 11, '7': 2 }) // the bundle belongs to 某省 itself
      // 源泉镇 (9) counts what 新峰社区 (20) and 西村 (22) own too; 某市's own video is under no child
      expect(await childCounts('5')).toEqual({ '9': 7, '10': 3 })
      expect(await childCounts('9')).toEqual({ '20': 1, '22': 1 })
      expect(await childCounts('22')).toEqual({})
      expect(await childCounts('no-such-place')).toEqual({})
    })

    it('gives each value the number of hits that choosing it gives', async () => {
      for (const parent of ['1', '5', '7']) {
        const counts = await childCounts(parent)
        for (const [child, count] of Object.entries(counts)) {
          expect((await search('', { filters: { jurisdictionId: child } })).total).toBe(count)
        }
      }
    })

    it('reads the same when the caller passes the jurisdiction\'s depth', async () => {
      expect(await childCounts('5', 1)).toEqual(await childCounts('5'))
      expect(await childCounts('9', 2)).toEqual({ '20': 1, '22': 1 })
    })

    it('follows the text and the other filters', async () => {
      const result = await search('党员', { facets: ['jurisdiction'], filters: { jurisdictionId: '5', kinds: ['lesson'] } })
      const expected = countBy(
        result.hits.map((hit) => fixtureDocs().find((doc) => doc.id === hit.id)!),
        (doc) => getPathIds(doc.jurisdictionPath).slice(2, 3),
      )
      expect(result.hits.length).toBeGreaterThan(0)
      expect(result.facets.jurisdiction).toEqual(expected)
    })
  })

  describe('facet lists', () => {
    it('keep the 100 most frequent values', async () => {
      const many = Array.from({ length: 130 }, (_, index) => `专题${String(index).padStart(3, '0')}`)
      const docs = [
        makeDoc({ docId: 'cap-a', kind: 'lesson', owner: '9', themes: ['常用专题', ...many], title: '专题上限测试一', visibility: 'public' }),
        makeDoc({ docId: 'cap-b', kind: 'lesson', owner: '9', themes: ['常用专题'], title: '专题上限测试二', visibility: 'public' }),
      ]
      await engine.upsert(docs)
      const themes = (await search('专题上限测试', { facets: ['theme'] })).facets.theme
      expect(Object.keys(themes)).toHaveLength(100)
      expect(themes['常用专题']).toBe(2)
      await engine.remove(docs.map((doc) => doc.id))
    })
  })

  describe('access scope', () => {
    it.each(Object.keys(SCOPES))('%s sees exactly the items the rule allows, in hits, totals and facets', async (who) => {
      const result = await search('', { facets: ['kind', 'theme', 'audience', 'format', 'jurisdiction'], scope: SCOPES[who]! })
      const expected = fixtureDocs().filter((doc) => VISIBLE[who]!.includes(doc.id))
      expect(result.hits.map((hit) => hit.id).sort()).toEqual(expected.map((doc) => doc.id).sort())
      expect(result.total).toBe(expected.length)
      expect(result.facets.kind).toEqual(countBy(expected, (doc) => [doc.kind]))
      expect(result.facets.theme).toEqual(countBy(expected, (doc) => doc.themes))
      expect(result.facets.audience).toEqual(countBy(expected, (doc) => doc.audiences))
      expect(result.facets.format).toEqual(countBy(expected, (doc) => doc.formats))
      expect(result.facets.jurisdiction).toEqual(countBy(expected, (doc) => getPathIds(doc.jurisdictionPath).slice(0, 1)))
      const underCity = await search('', { facets: ['jurisdiction'], filters: { jurisdictionId: '5' }, scope: SCOPES[who]! })
      const belowCity = expected.filter((doc) => doc.jurisdictionPath.startsWith('/1/5/') && doc.jurisdiction.id !== '5')
      expect(underCity.facets.jurisdiction).toEqual(countBy(belowCity, (doc) => getPathIds(doc.jurisdictionPath).slice(2, 3)))
    })

    it('hides local items from an anonymous text search, facets included', async () => {
      const result = await search('党员', { facets: ['kind', 'jurisdiction'], scope: SCOPES.anonymous! })
      expect(result.hits.every((hit) => hit.visibility === 'public')).toBe(true)
      expect(result.facets.kind.courseware).toBeUndefined()
      expect(result.facets.jurisdiction['20']).toBeUndefined()
      expect((await search('党员', { scope: everything })).hits.some((hit) => hit.id === 'courseware-chengdu')).toBe(true)
    })
  })

  describe('geo', () => {
    it('keeps items within the radius, nearest first, with distances', async () => {
      const result = await search('', { near: { ...ORIGIN, radiusKm: 3 }, sort: 'nearest' })
      expect(result.hits.map((hit) => hit.id)).toEqual(['field-site-museum', 'field-route-walk'])
      expect(result.hits[0]!.distanceMeters).toBeGreaterThan(450)
      expect(result.hits[0]!.distanceMeters).toBeLessThan(550)
      expect(result.hits[1]!.distanceMeters).toBeGreaterThan(1900)
      expect(result.hits[1]!.distanceMeters).toBeLessThan(2100)
    })

    it('applies the scope to nearby items too', async () => {
      const result = await search('', { near: { ...ORIGIN, radiusKm: 10 }, scope: SCOPES.anonymous!, sort: 'nearest' })
      expect(result.hits.map((hit) => hit.id)).toEqual(['field-site-museum'])
    })

    it('combines the radius with text', async () => {
      expect(await ids('现场教学点', { near: { ...ORIGIN, radiusKm: 10 }, sort: 'nearest' })).toEqual(['field-site-museum', 'field-route-walk', 'field-site-farm'])
    })
  })

  describe('paging', () => {
    it('splits results into pages without overlap', async () => {
      const first = await search('', { page: 1, perPage: 5, sort: 'newest' })
      const second = await search('', { page: 2, perPage: 5, sort: 'newest' })
      const third = await search('', { page: 3, perPage: 5, sort: 'newest' })
      expect(first.total).toBe(fixtureDocs().length)
      expect([first.hits.length, second.hits.length, third.hits.length]).toEqual([5, 5, fixtureDocs().length - 10])
      const all = [...first.hits, ...second.hits, ...third.hits].map((hit) => hit.id)
      expect(new Set(all).size).toBe(fixtureDocs().length)
    })

    it('caps perPage at 100', async () => {
      expect((await search('', { perPage: 1000 })).perPage).toBe(100)
    })
  })

  describe('writes', () => {
    it('replaces a document on upsert', async () => {
      const doc = makeDoc({ docId: 'temp', kind: 'lesson', owner: '9', title: '春季冬训动员课', visibility: 'public' })
      await engine.upsert([doc])
      expect(await ids('冬训动员')).toEqual(['lesson-temp'])
      await engine.upsert([{ ...doc, title: '秋季乡村振兴宣讲', updatedAt: '2024-01-01T00:00:00.000Z' }])
      expect(await ids('冬训动员')).toEqual([])
      expect(await ids('乡村振兴宣讲')).toEqual(['lesson-temp'])
      expect((await search('', {})).total).toBe(fixtureDocs().length + 1)
      const listed = []
      for await (const entry of engine.listIds()) listed.push(entry)
      expect(listed.find((entry) => entry.id === 'lesson-temp')?.updatedAt).toBe('2024-01-01T00:00:00.000Z')
      await engine.remove(['lesson-temp'])
    })

    it('removes documents from hits and from the id list', async () => {
      await engine.upsert([makeDoc({ docId: 'gone', kind: 'video', owner: '9', title: '即将删除的录像', visibility: 'public' })])
      expect(await ids('即将删除')).toEqual(['video-gone'])
      await engine.remove(['video-gone', 'video-never-existed'])
      expect(await ids('即将删除')).toEqual([])
      const listed: string[] = []
      for await (const entry of engine.listIds()) listed.push(entry.id)
      expect(listed).not.toContain('video-gone')
      expect(listed.sort()).toEqual(fixtureDocs().map((doc) => doc.id).sort())
    })

    it('counts what it holds, for the check at server start', async () => {
      expect(await engine.count()).toBe(fixtureDocs().length)
      const other = factory.open()
      await other.init()
      expect(await other.count()).toBe(fixtureDocs().length) // the same index, seen from a second instance
      await other.close()
      const emptyFactory = makeFactory()
      const fresh = emptyFactory.open()
      await fresh.init()
      expect(await fresh.count()).toBe(0)
      await fresh.close()
      emptyFactory.dispose()
    })

    it('says whether it holds entries of an older document layout, which the server start rewrites', async () => {
      expect(await engine.holdsOutdatedEntries()).toBe(false)
      if (engineName !== 'meilisearch') return // the embedded engine empties an older file when it opens it
      const client = new Meilisearch({ apiKey: process.env.MEILI_MASTER_KEY, host: process.env.MEILI_HOST! })
      const current = toMeiliDocument(makeDoc({ docId: 'old-layout', kind: 'lesson', owner: '9', title: '旧格式条目', visibility: 'public' }))
      const { layout: _layout, jurisdictionDepth0: _depth, ...olderLayout } = current
      await client.index(factory.indexUid!).addDocuments([olderLayout]).waitTask()
      expect(await engine.holdsOutdatedEntries()).toBe(true)
      await engine.upsert([makeDoc({ docId: 'old-layout', kind: 'lesson', owner: '9', title: '旧格式条目', visibility: 'public' })])
      expect(await engine.holdsOutdatedEntries()).toBe(false)
      await engine.remove(['lesson-old-layout'])
    })

    it('keeps the index across close and reopen', async () => {
      const reopened = factory.open()
      await reopened.init()
      const result = await reopened.search({ q: '党员教育培训', scope: everything })
      expect(result.hits.map((hit) => hit.id)).toContain('lesson-tianchi')
      expect((await reopened.search({ q: '', scope: everything })).total).toBe(fixtureDocs().length)
      await reopened.close()
    })

    it('sees writes made by another instance on the same storage', async () => {
      const other = factory.open()
      await other.init()
      await search('党员') // warm this instance's caches first
      await other.upsert([makeDoc({ docId: 'other', kind: 'lesson', owner: '10', title: '另一个进程写入的党课', visibility: 'local' })])
      expect(await ids('另一个进程')).toEqual(['lesson-other'])
      expect((await search('', { scope: SCOPES.ancestorCity! })).total).toBe(VISIBLE.ancestorCity!.length + 1)
      await engine.remove(['lesson-other'])
      expect(await other.search({ q: '另一个进程', scope: everything })).toMatchObject({ total: 0 })
      await other.close()
    })
  })
})
