/**
 * Search through `/api/search` on top of the content model: both scripts, access scope (hits, totals and
 * facets), every sync event, an engine outage, and bad parameters.
 * Bad parameters tried: unknown parameter, unknown kind, perPage 500, near out of range, sort=nearest
 * without near, a jurisdiction id with quotes, a jurisdiction that does not exist, a 300-character query.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { closeSearchEngine, getSearchEngine } from '@/search'
import { reindexAll, reindexIfNeeded } from '@/search/reindex'
import { drainSearchOutbox, loadSearchDocument, queueSearchChange, refillSearchIndexIfNeeded } from '@/search/sync'

import { createJurisdictionTree, createUser, TEST_PASSWORD, type Tree } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'

let payload: Payload
let stop: () => Promise<void>
let rest: RestClient
let tree: Tree
let organizer: string
let sameMember: string
let otherMember: string
let admin: string

const search = async (query: Record<string, unknown>, token?: string) => {
  const result = await rest.request('GET', '/search', { query, token })
  expect(result.status, JSON.stringify(result.body)).toBe(200)
  return result.body as { facets: Record<string, Record<string, number>>; hits: any[]; total: number }
}
const titles = (body: { hits: Array<{ title: string }> }) => body.hits.map((hit) => hit.title)
const sync = () => drainSearchOutbox(payload)

const createLesson = async (data: Record<string, unknown>, token = organizer) => {
  const { body, status } = await rest.create('lessons', { _status: 'published', jurisdiction: tree.town.id, visibility: 'shared', ...data }, token)
  expect(status, JSON.stringify(body)).toBe(201)
  return body.doc
}

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  // a Meilisearch index outlives the run's throwaway database: start from empty so counts are this run's
  await (await getSearchEngine()).clear()
  rest = new RestClient(payload)
  tree = await createJurisdictionTree(payload)
  await createUser(payload, { email: 'org@s.local', jurisdiction: tree.town.id, role: 'organizer' })
  await createUser(payload, { email: 'same@s.local', jurisdiction: tree.town.id, role: 'member' })
  await createUser(payload, { email: 'other@s.local', jurisdiction: tree.otherTown.id, role: 'member' })
  await createUser(payload, { email: 'admin@s.local', jurisdiction: tree.province.id, role: 'admin' })
  organizer = await rest.login('org@s.local', TEST_PASSWORD)
  sameMember = await rest.login('same@s.local', TEST_PASSWORD)
  otherMember = await rest.login('other@s.local', TEST_PASSWORD)
  admin = await rest.login('admin@s.local', TEST_PASSWORD)

  await createLesson({ summary: '加强党员教育培训，提升党性修养。', title: '党员教育培训专题课' })
  await createLesson({ summary: '以「三扛」精神為引領，推進黨員教育。', title: '新春第一課：黨員教育' })
  await createLesson({ summary: '本镇内部党员学习安排。', title: '源泉镇党员内部学习', visibility: 'local' })
  await createLesson({ summary: '尚未发布的党员教育草稿。', title: '党员教育草稿', _status: 'draft' })
  await sync()
})
afterAll(async () => {
  await closeSearchEngine()
  await stop?.()
})

describe('Chinese in both scripts', () => {
  it('黨員教育 finds the Simplified lesson and 党员教育 the Traditional one, with highlights in the original script', async () => {
    const traditionalQuery = await search({ q: '黨員教育' }, sameMember)
    expect(titles(traditionalQuery)).toContain('党员教育培训专题课')
    const simplifiedQuery = await search({ q: '党员教育' }, sameMember)
    const hit = simplifiedQuery.hits.find((h) => h.title === '新春第一課：黨員教育')
    expect(hit).toBeDefined()
    expect(hit.highlights.title).toContain('<mark>黨員')
    expect(hit.url).toBe(`/lessons/${hit.docId}`)
    expect(hit.id).toBe(`lesson-${hit.docId}`)
  })

  it('never finds drafts', async () => {
    expect(titles(await search({ q: '草稿' }, admin))).not.toContain('党员教育草稿')
  })
})

describe('access scope', () => {
  it('a member of another town never sees this town’s local items: not in hits, totals or facets', async () => {
    const other = await search({ q: '党员' }, otherMember)
    const same = await search({ q: '党员' }, sameMember)
    expect(titles(other)).not.toContain('源泉镇党员内部学习')
    expect(titles(same)).toContain('源泉镇党员内部学习')
    expect(same.total).toBe(other.total + 1)
    expect(same.facets.kind!.lesson).toBe((other.facets.kind!.lesson ?? 0) + 1)
    const anonymous = await search({ q: '党员' })
    expect(anonymous.total).toBe(0)
  })
})

describe('sync events reach the index', () => {
  it('create, update, visibility change, unpublish, publish and delete', async () => {
    const lesson = await createLesson({ title: '焦裕禄精神微党课' })
    await sync()
    expect(titles(await search({ q: '焦裕禄' }))).toEqual([])
    expect(titles(await search({ q: '焦裕禄' }, otherMember))).toContain('焦裕禄精神微党课')

    await rest.update('lessons', lesson.id, { visibility: 'public' }, organizer)
    await sync()
    expect(titles(await search({ q: '焦裕禄' }))).toContain('焦裕禄精神微党课')

    await rest.update('lessons', lesson.id, { title: '焦裕禄精神情景党课' }, organizer)
    await sync()
    expect(titles(await search({ q: '情景党课' }))).toContain('焦裕禄精神情景党课')

    await rest.update('lessons', lesson.id, { _status: 'draft' }, organizer)
    await sync()
    expect(titles(await search({ q: '焦裕禄' }, admin))).toEqual([])

    await rest.update('lessons', lesson.id, { _status: 'published' }, organizer)
    await sync()
    expect(titles(await search({ q: '焦裕禄' }, admin))).toContain('焦裕禄精神情景党课')

    await rest.delete('lessons', lesson.id, organizer)
    await sync()
    expect(titles(await search({ q: '焦裕禄' }, admin))).toEqual([])
  })

  it('a jurisdiction rename and move reach the items it owns', async () => {
    const lesson = await createLesson({ jurisdiction: tree.village.id, title: '村史馆现场教学' })
    await sync()
    await payload.update({ id: tree.village.id, collection: 'jurisdictions', data: { name: '东高村（新）' } })
    await sync()
    const renamed = await search({ q: '村史馆' }, admin)
    expect(renamed.hits[0].jurisdiction.name).toBe('东高村（新）')

    expect((await search({ jurisdiction: String(tree.district.id), q: '村史馆' }, admin)).total).toBe(1)
    // the jurisdiction facet lists the children of the chosen jurisdiction, each counting its subtree
    expect((await search({ jurisdiction: String(tree.city.id), q: '村史馆' }, admin)).facets.jurisdiction).toEqual({ [tree.district.id]: 1 })
    expect((await search({ jurisdiction: String(tree.town.id), q: '村史馆' }, admin)).facets.jurisdiction).toEqual({ [tree.village.id]: 1 })
    const newDistrict = await payload.create({ collection: 'jurisdictions', data: { level: 'county', name: '淄川区', parent: tree.city.id } })
    await payload.update({ id: tree.town.id, collection: 'jurisdictions', data: { parent: newDistrict.id } })
    await sync()
    expect((await search({ jurisdiction: String(tree.district.id), q: '村史馆' }, admin)).total).toBe(0)
    expect((await search({ jurisdiction: String(newDistrict.id), q: '村史馆' }, admin)).hits[0].docId).toBe(String(lesson.id))
    expect((await search({ jurisdiction: String(tree.city.id), q: '村史馆' }, admin)).facets.jurisdiction).toEqual({ [newDistrict.id]: 1 })
  })

  it('a lecturer rename reaches the lessons that name them', async () => {
    const { body } = await rest.create('lecturers', { jurisdiction: tree.town.id, kind: '老党员', name: '王德福', visibility: 'shared' }, organizer)
    await createLesson({ lecturers: [body.doc.id], title: '老党员讲初心' })
    await sync()
    expect(titles(await search({ q: '王德福' }, admin))).toContain('老党员讲初心')
    await rest.update('lecturers', body.doc.id, { name: '王守福' }, organizer)
    await sync()
    const found = await search({ kind: 'lesson', q: '王守福' }, admin)
    expect(titles(found)).toContain('老党员讲初心')
  })

  it('an edit is searchable within 2 seconds without anyone draining by hand', async () => {
    await createLesson({ title: '数字乡村直播课' })
    const deadline = Date.now() + 2000
    let found: string[] = []
    while (Date.now() < deadline && !found.includes('数字乡村直播课')) {
      found = titles(await search({ q: '直播课' }, admin))
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(found).toContain('数字乡村直播课')
  })

  it('two writers queueing the same change at once both succeed and leave one pending row', async () => {
    // The drain expanding a jurisdiction's dependents and a lesson's own hook hit this in CI on FerretDB.
    const lesson = await createLesson({ title: '并发排队的课程' })
    await sync()
    await Promise.all(Array.from({ length: 6 }, () => queueSearchChange(payload, 'lessons', lesson.id)))
    const pending = await payload.find({ collection: 'search-outbox', where: { key: { equals: `lessons:${lesson.id}` } } })
    expect(pending.totalDocs).toBe(1)
    await sync()
    expect(titles(await search({ q: '并发排队' }, admin))).toContain('并发排队的课程')
  })
})

describe('engine outage', () => {
  it('edits succeed while the engine is down, and the index catches up when it returns', async () => {
    const saved = process.env.MEILI_HOST
    await closeSearchEngine()
    process.env.MEILI_HOST = 'http://127.0.0.1:9' // nothing listens there
    try {
      const lesson = await createLesson({ title: '停机期间新增的课程' })
      const edit = await rest.update('lessons', lesson.id, { summary: '停机期间修改' }, organizer)
      expect(edit.status).toBe(200)
      await expect(sync()).rejects.toThrow()
      expect((await payload.count({ collection: 'search-outbox' })).totalDocs).toBeGreaterThan(0)
    } finally {
      if (saved === undefined) delete process.env.MEILI_HOST
      else process.env.MEILI_HOST = saved
      await closeSearchEngine()
    }
    await sync()
    expect((await payload.count({ collection: 'search-outbox' })).totalDocs).toBe(0)
    expect(titles(await search({ q: '停机期间' }, admin))).toContain('停机期间新增的课程')
  })
})

describe('bad parameters', () => {
  it.each([
    [{ foo: '1' }, /Unknown parameter "foo"/],
    [{ kind: 'pdf' }, /Unknown value "pdf" for kind/],
    [{ perPage: '500' }, /perPage must be/],
    [{ near: '200,1' }, /near must be/],
    [{ sort: 'nearest' }, /needs near/],
    [{ jurisdiction: '1" OR 1=1' }, /jurisdiction must be/],
    [{ jurisdiction: '987654' }, /No jurisdiction with id "987654"/],
    [{ jurisdiction: 'abc' }, /No jurisdiction with id "abc"/],
    [{ q: '党'.repeat(300) }, /at most 200/],
  ])('%j is refused with 400', async (query, message) => {
    const result = await rest.request('GET', '/search', { query })
    expect(result.status).toBe(400)
    expect(result.body.errors[0].message).toMatch(message)
    expect(result.body.errors[0].message).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('reindex', () => {
  it('adds what is missing, updates what is stale and removes orphans', async () => {
    const engine = await getSearchEngine()
    const lesson = await createLesson({ title: '重建索引测试课' })
    await sync()
    // The index drifts: one entry lost, one stale, one orphan that no item backs.
    await engine.remove([`lesson-${lesson.id}`])
    await payload.db.updateOne({ id: lesson.id, collection: 'lessons', data: { summary: '索引里还没有这段简介' } })
    const template = (await loadSearchDocument(payload, 'lessons', lesson.id))!
    await engine.upsert([{ ...template, docId: '999999', id: 'lesson-999999', summary: '', title: '孤儿条目' }])
    expect(titles(await search({ q: '孤儿条目' }, admin))).toContain('孤儿条目')

    const summary = await reindexAll(payload, engine)
    expect(summary.removed).toBe(1)
    expect(titles(await search({ q: '孤儿条目' }, admin))).toEqual([])
    expect(titles(await search({ q: '重建索引测试课' }, admin))).toContain('重建索引测试课')
    expect(titles(await search({ q: '索引里还没有' }, admin))).toContain('重建索引测试课')
  })

  it('an empty engine (new server, deleted or outdated index file) is refilled from the database at start', async () => {
    const engine = await getSearchEngine()
    await createLesson({ title: '启动时重建的课程' })
    await sync()
    await engine.clear()
    expect(titles(await search({ q: '启动时重建' }, admin))).toEqual([])
    await refillSearchIndexIfNeeded(payload)
    expect(titles(await search({ q: '启动时重建' }, admin))).toContain('启动时重建的课程')
    // a start with a filled engine leaves it alone
    expect(await reindexIfNeeded(payload, engine)).toBeNull()
  })

  it('an engine that disagrees with the database on the number of items (kept while the database was swapped) is reconciled at start', async () => {
    const engine = await getSearchEngine()
    const lesson = await createLesson({ title: '换库后仍在的课程' })
    await sync()
    expect(await reindexIfNeeded(payload, engine)).toBeNull()
    // an entry of another database
    const template = (await loadSearchDocument(payload, 'lessons', lesson.id))!
    await engine.upsert([{ ...template, docId: '888888', id: 'lesson-888888', title: '别的数据库的条目' }])
    expect((await reindexIfNeeded(payload, engine))?.removed).toBe(1)
    expect(titles(await search({ q: '别的数据库' }, admin))).toEqual([])
    // one of ours missing
    await engine.remove([`lesson-${lesson.id}`])
    expect(await reindexIfNeeded(payload, engine)).not.toBeNull()
    expect(titles(await search({ q: '换库后仍在' }, admin))).toContain('换库后仍在的课程')
    expect(await reindexIfNeeded(payload, engine)).toBeNull()
  })

  it('an engine holding entries of an older document layout is rewritten at start', async () => {
    const engine = await getSearchEngine()
    const lesson = await createLesson({ title: '旧格式索引里的课程' })
    await sync()
    await engine.remove([`lesson-${lesson.id}`]) // stands for an entry the older layout cannot serve
    const outdated = vi.spyOn(engine, 'holdsOutdatedEntries').mockResolvedValueOnce(true)
    const summary = await reindexIfNeeded(payload, engine)
    expect(outdated).toHaveBeenCalled()
    expect(summary?.written).toBeGreaterThan(0)
    expect(titles(await search({ q: '旧格式索引' }, admin))).toContain('旧格式索引里的课程')
  })
})
