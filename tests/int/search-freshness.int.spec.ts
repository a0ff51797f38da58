/**
 * Search that never goes stale: every name a search document copies from another document follows a rename
 * (a test per copied relation of COPIED_RELATIONS), and the outbox survives a document the engine refuses
 * (retries with backoff, the others get in, parked after MAX_SYNC_ATTEMPTS, cleared by a reindex).
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { queueSearchSyncAfterChange } from '@/hooks/queueSearchSync'
import { closeSearchEngine, getSearchEngine } from '@/search'
import { copiedCollections } from '@/search/dependents'
import { getSearchOutboxStatus } from '@/search/outboxStatus'
import { reindexAll } from '@/search/reindex'
import { drainSearchOutbox, MAX_SYNC_ATTEMPTS, retryDelayMs } from '@/search/sync'
import { buildTextPdf } from '@/seed/pdf'

import { createJurisdictionTree, createUser, TEST_PASSWORD, type Tree } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'

let payload: Payload
let stop: () => Promise<void>
let rest: RestClient
let tree: Tree
let admin: string
let organizer: string

type Body = { facets: Record<string, Record<string, number>>; hits: any[]; total: number }
const search = async (query: Record<string, unknown>): Promise<Body> => {
  const result = await rest.request('GET', '/search', { query: { perPage: 100, ...query }, token: admin })
  expect(result.status, JSON.stringify(result.body)).toBe(200)
  return result.body as Body
}
const idsOf = (body: Body) => body.hits.map((hit) => hit.id as string).sort()
const sync = () => drainSearchOutbox(payload)
const owned = () => ({ jurisdiction: tree.town.id, visibility: 'shared' as const })
const published = () => ({ ...owned(), _status: 'published' as const })

const createSite = (title: string, lat = 36.43, lng = 117.95, extra: Record<string, unknown> = {}) =>
  payload.create({ collection: 'field-sites', data: { ...owned(), address: '源泉镇', lat, lng, title, type: '红色教育', ...extra } as never })
const createLecturer = (name: string, extra: Record<string, unknown> = {}) =>
  payload.create({ collection: 'lecturers', data: { ...owned(), kind: '老党员', name, ...extra } as never })
const createLesson = (title: string, extra: Record<string, unknown> = {}) =>
  payload.create({ collection: 'lessons', data: { ...published(), title, ...extra } as never })
/** without the drain a save kicks off: the test's own drains are then the only ones */
const createQuietLesson = (title: string) =>
  payload.create({ collection: 'lessons', context: { deferSearchDrain: true }, data: { ...published(), title } as never })
const createRoute = (title: string, stops: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}) =>
  payload.create({ collection: 'field-routes', data: { ...published(), stops: stops.map((stop) => ({ minutes: 30, topic: '讲解', ...stop })), title, ...extra } as never })
const createCourseware = (title: string, extra: Record<string, unknown> = {}) => {
  const pdf = buildTextPdf(title, ['党员教育'])
  return payload.create({
    collection: 'courseware',
    data: { ...published(), title, ...extra } as never,
    file: { data: pdf, mimetype: 'application/pdf', name: `${title}.pdf`, size: pdf.length },
  })
}

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  await (await getSearchEngine()).clear()
  rest = new RestClient(payload)
  tree = await createJurisdictionTree(payload)
  await createUser(payload, { email: 'admin@f.local', jurisdiction: tree.province.id, role: 'admin' })
  await createUser(payload, { email: 'org@f.local', jurisdiction: tree.town.id, role: 'organizer' })
  admin = await rest.login('admin@f.local', TEST_PASSWORD)
  organizer = await rest.login('org@f.local', TEST_PASSWORD)
})
afterAll(async () => {
  vi.restoreAllMocks()
  await closeSearchEngine()
  await stop?.()
})

describe('copied names follow a rename', () => {
  it('a theme rename reaches every kind that carries it: hits, the theme facet and the theme filter', async () => {
    const theme = await payload.create({ collection: 'themes', data: { name: '基层治理旧名' } })
    const themes = [theme.id]
    const site = await createSite('主题教学点', 36.43, 117.95, { themes })
    const lecturer = await createLecturer('主题讲师', { themes })
    const items = [
      await createLesson('主题课程', { themes }),
      await createCourseware('主题课件', { themes }),
      await payload.create({ collection: 'videos', data: { ...owned(), externalUrl: 'https://video.example.cn/t', themes, title: '主题视频' } as never }),
      await payload.create({ collection: 'textbooks', data: { ...published(), themes, title: '主题教材' } as never }),
      site,
      await createRoute('主题路线', [{ site: site.id }], { themes }),
      lecturer,
      await payload.create({ collection: 'bundles', data: { ...published(), kind: '月训', theme: theme.id, title: '主题课程包' } as never }),
    ]
    await sync()
    expect((await search({ theme: '基层治理旧名' })).total).toBe(items.length)

    await payload.update({ id: theme.id, collection: 'themes', data: { name: '基层治理新名' } })
    await sync()
    const filtered = await search({ theme: '基层治理新名' })
    expect(filtered.total).toBe(items.length)
    expect(new Set(filtered.hits.map((hit) => hit.kind))).toEqual(new Set(['lesson', 'courseware', 'video', 'textbook', 'field-site', 'field-route', 'lecturer', 'bundle']))
    for (const hit of filtered.hits) expect(hit.themes).toEqual(['基层治理新名'])
    expect((await search({ theme: '基层治理旧名' })).total).toBe(0)
    const facets = (await search({ q: '主题' })).facets.theme!
    expect(facets['基层治理新名']).toBe(items.length)
    expect(facets['基层治理旧名']).toBeUndefined()
    expect(idsOf(await search({ q: '基层治理新名' }))).toHaveLength(items.length)
  })

  it('a change that no search document copies (a theme description) queues nothing', async () => {
    const theme = await payload.create({ collection: 'themes', data: { name: '只改说明' } })
    await createLesson('只改说明的课', { themes: [theme.id] })
    await sync()
    await payload.update({ id: theme.id, collection: 'themes', data: { description: '新的说明' } })
    expect((await payload.count({ collection: 'search-outbox' })).totalDocs).toBe(0)
  })

  it('deleting a theme takes its name off the items that carried it', async () => {
    const theme = await payload.create({ collection: 'themes', data: { name: '将删除的主题' } })
    await createLesson('删除主题的课', { themes: [theme.id] })
    await sync()
    expect((await search({ theme: '将删除的主题' })).total).toBe(1)
    await payload.delete({ id: theme.id, collection: 'themes' })
    await sync()
    expect((await search({ theme: '将删除的主题' })).total).toBe(0)
    expect((await search({ q: '删除主题的课' })).hits[0].themes).toEqual([])
  })

  it('a lecturer rename reaches lessons, courseware, videos and the routes whose stops name the lecturer', async () => {
    const lecturer = await createLecturer('李春生')
    const site = await createSite('讲师路线教学点')
    const items = [
      await createLesson('讲师的课', { lecturers: [lecturer.id] }),
      await createCourseware('讲师的课件', { lecturers: [lecturer.id] }),
      await payload.create({ collection: 'videos', data: { ...owned(), externalUrl: 'https://video.example.cn/l', lecturers: [lecturer.id], title: '讲师的视频' } as never }),
      await createRoute('讲师带队的路线', [{ lecturer: lecturer.id, site: site.id }]),
    ]
    await sync()
    await payload.update({ id: lecturer.id, collection: 'lecturers', data: { name: '李秋实' } })
    await sync()
    const found = await search({ q: '李秋实' })
    expect(idsOf(found)).toEqual(
      [`lecturer-${lecturer.id}`, `lesson-${items[0]!.id}`, `courseware-${items[1]!.id}`, `video-${items[2]!.id}`, `field-route-${items[3]!.id}`].sort(),
    )
    expect((await search({ q: '李春生' })).total).toBe(0)
  })

  it('a lesson rename reaches the bundles that list it', async () => {
    const lesson = await createLesson('乡村振兴第一讲')
    const bundle = await payload.create({
      collection: 'bundles',
      data: { ...published(), items: [{ item: { relationTo: 'lessons', value: lesson.id } }], kind: '菜单', title: '七月菜单' } as never,
    })
    await sync()
    await payload.update({ id: lesson.id, collection: 'lessons', data: { title: '共同富裕第一讲' } })
    await sync()
    expect(idsOf(await search({ kind: 'bundle', q: '共同富裕' }))).toEqual([`bundle-${bundle.id}`])
    expect((await search({ kind: 'bundle', q: '乡村振兴第一讲' })).total).toBe(0)

    // a new title saved as a draft is not what the bundle lists yet; once published, it is
    await payload.update({ id: lesson.id, collection: 'lessons', data: { title: '基层党建第一讲' }, draft: true })
    await sync()
    expect((await search({ kind: 'bundle', q: '基层党建' })).total).toBe(0)
    await payload.update({ id: lesson.id, collection: 'lessons', data: { _status: 'published', title: '基层党建第一讲' } })
    await sync()
    expect(idsOf(await search({ kind: 'bundle', q: '基层党建' }))).toEqual([`bundle-${bundle.id}`])
  })

  it('a courseware, video, textbook or route rename reaches the bundles that list it', async () => {
    const site = await createSite('包内路线教学点')
    const parts = [
      { doc: await createCourseware('包内课件旧题'), relationTo: 'courseware' },
      { doc: await payload.create({ collection: 'videos', data: { ...owned(), externalUrl: 'https://video.example.cn/b', title: '包内视频旧题' } as never }), relationTo: 'videos' },
      { doc: await payload.create({ collection: 'textbooks', data: { ...published(), title: '包内教材旧题' } as never }), relationTo: 'textbooks' },
      { doc: await createRoute('包内路线旧题', [{ site: site.id }]), relationTo: 'field-routes' },
    ] as const
    const bundle = await payload.create({
      collection: 'bundles',
      data: { ...published(), items: parts.map(({ doc, relationTo }) => ({ item: { relationTo, value: doc.id } })), kind: '菜单', title: '混合课程包' } as never,
    })
    await sync()
    for (const [index, { doc, relationTo }] of parts.entries()) {
      await payload.update({ id: doc.id, collection: relationTo, data: { title: `包内新题${'甲乙丙丁'[index]}` } as never })
    }
    await sync()
    for (const word of ['包内新题甲', '包内新题乙', '包内新题丙', '包内新题丁']) {
      expect(idsOf(await search({ kind: 'bundle', q: word })), word).toEqual([`bundle-${bundle.id}`])
    }
  })

  it('a bundle’s theme rename reaches the bundle', async () => {
    const theme = await payload.create({ collection: 'themes', data: { name: '月训主题旧' } })
    const bundle = await payload.create({ collection: 'bundles', data: { ...published(), kind: '月训', theme: theme.id, title: '八月月训' } as never })
    await sync()
    await payload.update({ id: theme.id, collection: 'themes', data: { name: '月训主题新' } })
    await sync()
    expect(idsOf(await search({ theme: '月训主题新' }))).toEqual([`bundle-${bundle.id}`])
  })

  it('a site rename and move reach the routes through it', async () => {
    const site = await createSite('焦裕禄纪念馆', 35.1, 116.1)
    const route = await createRoute('红色足迹路线', [{ site: site.id }])
    await sync()
    await payload.update({ id: site.id, collection: 'field-sites', data: { title: '焦裕禄同志纪念馆' } })
    await sync()
    expect(idsOf(await search({ kind: 'field-route', q: '焦裕禄同志纪念馆' }))).toEqual([`field-route-${route.id}`])

    // moved 60 km north: the route starts there now
    expect(idsOf(await search({ kind: 'field-route', near: '35.1,116.1', radiusKm: 5 }))).toEqual([`field-route-${route.id}`])
    await payload.update({ id: site.id, collection: 'field-sites', data: { lat: 35.64 } })
    await sync()
    expect((await search({ kind: 'field-route', near: '35.1,116.1', radiusKm: 5 })).total).toBe(0)
    const near = await search({ kind: 'field-route', near: '35.64,116.1', radiusKm: 5, sort: 'nearest' })
    expect(idsOf(near)).toEqual([`field-route-${route.id}`])
  })

  it('a jurisdiction rename reaches what it owns, and a move what its subtree owns', async () => {
    const lesson = await createLesson('村里的党课', { jurisdiction: tree.village.id })
    await sync()
    await payload.update({ id: tree.village.id, collection: 'jurisdictions', data: { name: '东高新村' } })
    await sync()
    expect((await search({ q: '村里的党课' })).hits[0].jurisdiction.name).toBe('东高新村')
    await payload.update({ id: tree.town.id, collection: 'jurisdictions', data: { parent: tree.city.id } })
    await sync()
    expect(idsOf(await search({ jurisdiction: String(tree.district.id), q: '村里的党课' }))).toEqual([])
    expect(idsOf(await search({ jurisdiction: String(tree.city.id), q: '村里的党课' }))).toEqual([`lesson-${lesson.id}`])
  })

  it('every collection that search documents copy from queues its changes', () => {
    const hooked = copiedCollections(payload).filter((slug) =>
      payload.collections[slug].config.hooks.afterChange.includes(queueSearchSyncAfterChange),
    )
    expect(hooked).toEqual(copiedCollections(payload))
    expect(copiedCollections(payload)).toEqual(expect.arrayContaining(['themes', 'lecturers', 'field-sites', 'jurisdictions', 'lessons']))
  })
})

describe('a document the engine cannot take', () => {
  const outboxRow = async (key: string) =>
    (await payload.find({ collection: 'search-outbox', depth: 0, where: { key: { equals: key } } })).docs[0]
  /** Lets the row's backoff run out without waiting for it. */
  const dueNow = async (id: number | string) =>
    payload.update({ id, collection: 'search-outbox', data: { nextAttemptAt: new Date(Date.now() - 1000).toISOString() } })

  it('is retried with growing delays while the others get in, parked after repeated failures, and cleared by a reindex', async () => {
    const engine = await getSearchEngine()
    const poison = await createQuietLesson('无法索引的课')
    const upsert = engine.upsert.bind(engine)
    const spy = vi.spyOn(engine, 'upsert').mockImplementation(async (docs) => {
      if (docs.some((doc) => doc.id === `lesson-${poison.id}`)) throw new Error('engine refused lesson')
      return upsert(docs)
    })
    try {
      const others = [await createQuietLesson('同批次的课甲'), await createQuietLesson('同批次的课乙')]
      const key = `lessons:${poison.id}`
      /** drains, and checks the row's next try is `retryDelayMs(attempts)` after the failure */
      const drainAndCheckDelay = async () => {
        const startedAt = Date.now()
        await sync()
        const row = (await outboxRow(key))!
        const wait = Date.parse(row.nextAttemptAt!) - startedAt
        expect(wait).toBeGreaterThanOrEqual(retryDelayMs(row.attempts!))
        expect(wait).toBeLessThanOrEqual(retryDelayMs(row.attempts!) + (Date.now() - startedAt))
        return row
      }
      let row = await drainAndCheckDelay()
      expect(idsOf(await search({ q: '同批次的课' }))).toEqual(others.map((lesson) => `lesson-${lesson.id}`).sort())
      expect(row).toMatchObject({ attempts: 1, lastError: 'engine refused lesson', status: 'pending' })

      // before its delay runs out the row is left alone, and does not hold up the rest
      await sync()
      expect((await outboxRow(key))!.attempts).toBe(1)
      const later = await createQuietLesson('后来的课')
      await sync()
      expect(idsOf(await search({ q: '后来的课' }))).toEqual([`lesson-${later.id}`])

      for (let attempt = 2; attempt <= MAX_SYNC_ATTEMPTS; attempt++) {
        await dueNow(row.id)
        row = await drainAndCheckDelay()
        expect(row.attempts).toBe(attempt)
        expect(row.status).toBe(attempt < MAX_SYNC_ATTEMPTS ? 'pending' : 'parked')
        expect(retryDelayMs(attempt)).toBeGreaterThan(retryDelayMs(attempt - 1))
      }
      expect(row.status).toBe('parked')
      expect(await getSearchOutboxStatus(payload)).toMatchObject({ oldestPendingAt: null, parked: 1, pending: 0 })

      // parked: no longer tried
      await dueNow(row.id)
      await sync()
      expect((await outboxRow(key))!.attempts).toBe(MAX_SYNC_ATTEMPTS)
    } finally {
      spy.mockRestore()
    }
    expect((await search({ q: '无法索引的课' })).total).toBe(0)
    // the cause is fixed (here: the engine takes it again); a reindex writes it and clears the parked row
    const summary = await reindexAll(payload, engine)
    expect(summary.unparked).toBe(1)
    expect(idsOf(await search({ q: '无法索引的课' }))).toEqual([`lesson-${poison.id}`])
    expect(await getSearchOutboxStatus(payload)).toMatchObject({ parked: 0, pending: 0 })
  })

  it('an engine that does not answer at all is an outage, not a document’s fault: nothing counts towards parking', async () => {
    const engine = await getSearchEngine()
    const spyUpsert = vi.spyOn(engine, 'upsert').mockRejectedValue(new Error('connection refused'))
    const spyCount = vi.spyOn(engine, 'count').mockRejectedValue(new Error('connection refused'))
    const before = await getSearchOutboxStatus(payload)
    const lesson = await createLesson('停机时的课')
    try {
      await expect(sync()).rejects.toThrow('connection refused')
      expect(await outboxRow(`lessons:${lesson.id}`)).toMatchObject({ attempts: 0, status: 'pending' })
      const status = await getSearchOutboxStatus(payload)
      expect(status).toMatchObject({ parked: before.parked, pending: before.pending + 1 })
      expect(status.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(0)
    } finally {
      spyUpsert.mockRestore()
      spyCount.mockRestore()
    }
    await sync()
    expect(idsOf(await search({ q: '停机时的课' }))).toEqual([`lesson-${lesson.id}`])
  })

  it('admins see the queue with status and last error; others do not', async () => {
    const adminView = await rest.find('search-outbox', admin)
    expect(adminView.status).toBe(200)
    const config = payload.collections['search-outbox'].config
    expect(config.admin.defaultColumns).toEqual(expect.arrayContaining(['status', 'lastError', 'attempts']))
    const organizerView = await rest.find('search-outbox', organizer)
    expect(organizerView.status).toBe(403)
  })
})
