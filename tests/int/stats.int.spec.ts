/**
 * Statistics of a jurisdiction's subtree (issue 11): every figure equals a direct count of the database at each
 * level (city, district, town, village), counted a different way (the subtree walked through `parent`, items by
 * owner id), nothing from outside the subtree enters, only organizers of the subtree or above (and admins) read
 * them, and the CSV exports open in Chinese Excel (BOM, CRLF) and stream every row.
 */
import type { CollectionSlug, Payload, Where } from 'payload'

import { handleEndpoints } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { MonthFigures } from '@/stats/figures'

import { issueCodes } from '@/records/ratings'
import { LIBRARY_COLLECTIONS } from '@/stats/figures'
import { monthsBetween, monthSpan } from '@/utilities/localTime'
import { relationId } from '@/utilities/relationId'

import { createJurisdictionTree, createUser, TEST_PASSWORD, type Tree } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'

let payload: Payload
let stop: () => Promise<void>
let tree: Tree
let rest: RestClient
const tokens: Record<string, string> = {}
const places: Record<string, { id: number | string }> = {}
const FROM = '2026-11'
const TO = '2026-12'
const period = `from=${FROM}&to=${TO}`

const get = async (path: string, token?: string) => {
  const headers = new Headers({ 'Accept-Language': 'zh' })
  if (token) headers.set('Authorization', `JWT ${token}`)
  const response = await handleEndpoints({ config: payload.config, request: new Request(`http://localhost:3000/api${path}`, { headers }) })
  return { bytes: new Uint8Array(await response.arrayBuffer()), headers: response.headers, status: response.status }
}
const getJson = async (path: string, token?: string) => {
  const { bytes, status } = await get(path, token)
  return { body: JSON.parse(new TextDecoder().decode(bytes)), status }
}

const session = (jurisdiction: { id: number | string }, startsAt: string, count: number, lecturers: Array<number | string> = []) =>
  payload.create({ collection: 'training-sessions', data: { attendance: { count }, jurisdiction: jurisdiction.id, kind: 'monthly', lecturers, startsAt, title: `培训 ${startsAt}` } as never })

const rate = async (sessionId: number | string, scores: number[]) => {
  const codes = await issueCodes(payload, sessionId, scores.length)
  for (const [index, score] of scores.entries()) expect((await rest.request('POST', `/rate/${codes[index]}`, { body: { score } })).status).toBe(201)
}

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  tree = await createJurisdictionTree(payload)
  const create = (name: string, level: string, parent: number | string) => payload.create({ collection: 'jurisdictions', data: { level: level as never, name, parent: parent as number } })
  places.village2 = await create('西高村', '村/社区', tree.town.id)
  places.outside = await create('淄川区', '区/县', tree.city.id)
  const user = (name: string, jurisdiction: number | string, role: 'admin' | 'member' | 'organizer') => createUser(payload, { email: `${name}@stats.local`, jurisdiction, role })
  const people = {
    admin: await user('admin', tree.province.id, 'admin'),
    districtOrganizer: await user('district-org', tree.district.id, 'organizer'),
    districtMember: await user('district-member', tree.district.id, 'member'),
    outsider: await user('outsider', places.outside.id, 'organizer'),
    townOrganizer: await user('town-org', tree.town.id, 'organizer'),
  }
  rest = new RestClient(payload)
  for (const [role, person] of Object.entries(people)) tokens[role] = await rest.login(person.email, TEST_PASSWORD)

  const lesson = (title: string, jurisdiction: { id: number | string }, status: 'draft' | 'published' = 'published') =>
    payload.create({ collection: 'lessons', data: { _status: status, jurisdiction: jurisdiction.id as number, title, visibility: 'shared' }, draft: status === 'draft' })
  const villageLesson = await lesson('东高村微党课', tree.village)
  await lesson('东高村草稿', tree.village, 'draft')
  const townLesson = await lesson('源泉镇专题课', tree.town)
  await lesson('博山区专题课', tree.district)
  const outsideLesson = await lesson('淄川区专题课', places.outside)
  await payload.create({ collection: 'field-sites', data: { address: '源泉镇', jurisdiction: tree.town.id, lat: 36.4, lng: 117.9, title: '源泉镇教学点', type: 'red_heritage', visibility: 'shared' } as never })
  const bundle = (title: string, jurisdiction: { id: number | string }, items: Array<{ id: number | string }>) =>
    payload.create({
      collection: 'bundles',
      data: { _status: 'published', items: items.map((item) => ({ item: { relationTo: 'lessons', value: item.id } })), jurisdiction: jurisdiction.id, kind: 'monthly', title, visibility: 'shared' } as never,
    })
  await bundle('淄川区借用的课', places.outside, [villageLesson, townLesson, outsideLesson])
  places.districtBundle = await bundle('博山区月训', tree.district, [villageLesson])

  const lecturer = (name: string, jurisdiction: { id: number | string }) =>
    payload.create({ collection: 'lecturers', data: { jurisdiction: jurisdiction.id, kind: 'expert', name, visibility: 'shared' } as never })
  const inside = await lecturer('张讲师', tree.district)
  const outsideLecturer = await lecturer('刘讲师', places.outside)
  await session(tree.village, '2026-11-05T02:00:00.000Z', 30, [inside.id])
  const villageDecember = await session(tree.village, '2026-12-03T02:00:00.000Z', 20, [inside.id, outsideLecturer.id])
  // 01:00 on 1 December in China: a December session
  await session(tree.village, '2026-11-30T17:00:00.000Z', 5)
  await session(places.village2, '2026-12-15T02:00:00.000Z', 10, [outsideLecturer.id])
  const townSession = await session(tree.town, '2026-12-20T02:00:00.000Z', 50, [inside.id])
  await session(tree.otherTown, '2026-11-20T02:00:00.000Z', 15)
  const outsideSession = await session(places.outside, '2026-12-01T02:00:00.000Z', 100, [outsideLecturer.id])
  // outside the period
  await session(tree.village, '2026-10-31T15:00:00.000Z', 7)
  await rate(villageDecember.id, [5, 4])
  await rate(townSession.id, [3])
  await rate(outsideSession.id, [1])
})
afterAll(async () => stop?.())

/** The subtree's ids, walked through `parent` (not through the stored paths the statistics use). */
const subtreeIds = async (root: number | string): Promise<Array<number | string>> => {
  const ids = [root]
  for (let index = 0; index < ids.length; index++) {
    const children = await payload.find({ collection: 'jurisdictions', depth: 0, pagination: false, where: { parent: { equals: ids[index] } } })
    ids.push(...children.docs.map((doc) => doc.id))
  }
  return ids
}

const inMonth = (field: string, month: string): Where => ({ and: [{ [field]: { greater_than_equal: monthSpan(month).start.toISOString() } }, { [field]: { less_than: monthSpan(month).end.toISOString() } }] })

/** The figures counted straight from the database, one simple query at a time. */
const directCount = async (root: number | string): Promise<MonthFigures[]> => {
  const ids = await subtreeIds(root)
  const own = new Set(ids.map(String))
  const villages = new Set(
    (await payload.find({ collection: 'jurisdictions', depth: 0, pagination: false, where: { and: [{ id: { in: ids } }, { level: { equals: 'village' } }] } })).docs.map((doc) => String(doc.id)),
  )
  const figures: MonthFigures[] = []
  for (const month of monthsBetween(FROM, TO)) {
    let contributed = 0
    for (const collection of LIBRARY_COLLECTIONS) {
      const drafts = payload.collections[collection].config.versions?.drafts ? [{ _status: { equals: 'published' } }] : []
      contributed += (await payload.count({ collection, where: { and: [{ jurisdiction: { in: ids } }, inMonth('createdAt', month), ...drafts] } })).totalDocs
    }
    const sessions = (await payload.find({ collection: 'training-sessions', depth: 0, pagination: false, where: { and: [{ jurisdiction: { in: ids } }, inMonth('startsAt', month)] } })).docs
    const ratings = sessions.length ? (await payload.find({ collection: 'ratings', depth: 0, pagination: false, where: { session: { in: sessions.map((doc) => doc.id) } } })).docs : []
    const others = (await payload.find({ collection: 'bundles', depth: 0, pagination: false, where: { and: [{ jurisdiction: { not_in: ids } }, { _status: { equals: 'published' } }, inMonth('createdAt', month)] } })).docs
    let reuses = 0
    for (const bundle of others) {
      for (const row of bundle.items ?? []) {
        const item = await payload.findByID({ id: relationId(row.item.value)!, collection: row.item.relationTo as CollectionSlug, depth: 0 })
        if (own.has(String(relationId((item as { jurisdiction?: unknown }).jurisdiction)))) reuses += 1
      }
    }
    const scores = ratings.map((rating) => rating.score)
    figures.push({
      attendance: sessions.reduce((sum, doc) => sum + (doc.attendance?.count ?? 0), 0),
      contributed,
      coveredUnits: new Set(sessions.map((doc) => String(relationId(doc.jurisdiction))).filter((id) => villages.has(id))).size,
      lecturers: new Set(sessions.flatMap((doc) => (doc.lecturers ?? []).map((lecturer) => String(relationId(lecturer))))).size,
      month,
      ratings: scores.length,
      reuses,
      satisfaction: scores.length ? Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 100) / 100 : null,
      sessions: sessions.length,
    })
  }
  return figures
}

describe('figures at every level', () => {
  for (const level of ['city', 'district', 'town', 'village'] as const) {
    it(`equal a direct database count for the ${level}`, async () => {
      const root = tree[level].id
      const { body, status } = await getJson(`/jurisdictions/${root}/stats?${period}`, tokens.admin)
      expect(status, JSON.stringify(body)).toBe(200)
      expect(body.months).toEqual(await directCount(root))
    })
  }

  it('count what the seeded data says, and nothing from outside the subtree', async () => {
    const district = (await getJson(`/jurisdictions/${tree.district.id}/stats?${period}`, tokens.districtOrganizer)).body
    expect(district.totals).toMatchObject({ attendance: 130, coveredUnits: 2, ratings: 3, reuses: 2, reusedItems: 2, sessions: 6, units: 2 })
    expect(district.totals.satisfaction).toBe(4)
    expect(district.months.map((month: MonthFigures) => month.sessions)).toEqual([2, 4])
    expect(district.lecturerLoad).toEqual([
      { id: expect.anything(), name: '张讲师', sessions: 3 },
      { id: expect.anything(), name: '刘讲师', sessions: 2 },
    ])
    const village = (await getJson(`/jurisdictions/${tree.village.id}/stats?${period}`, tokens.districtOrganizer)).body
    // the village lesson sits in 淄川区's bundle and in the district's: both are other jurisdictions for the village
    expect(village.totals).toMatchObject({ attendance: 55, contributed: 1, coveredUnits: 1, reuses: 2, reusedItems: 1, sessions: 3, units: 1 })
    expect(village.months.map((month: MonthFigures) => month.sessions)).toEqual([1, 2])
    expect(typeof district.forksCounted).toBe('boolean')
  })
})

describe('who reads the statistics', () => {
  it('organizers of the subtree or above and admins; others get 401/403, bad periods 400', async () => {
    expect((await get(`/jurisdictions/${tree.village.id}/stats`, tokens.townOrganizer)).status).toBe(200)
    expect((await get(`/jurisdictions/${tree.district.id}/stats`, tokens.townOrganizer)).status).toBe(403)
    const outsider = await getJson(`/jurisdictions/${tree.district.id}/stats`, tokens.outsider)
    expect(outsider.status).toBe(403)
    expect(outsider.body.errors[0].message).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/)
    expect((await get(`/jurisdictions/${tree.district.id}/stats.csv`, tokens.outsider)).status).toBe(403)
    expect((await get(`/jurisdictions/${tree.district.id}/sessions.csv`, tokens.outsider)).status).toBe(403)
    expect((await get(`/jurisdictions/${tree.district.id}/stats`, tokens.districtMember)).status).toBe(403)
    expect((await get(`/jurisdictions/${tree.district.id}/stats`)).status).toBe(401)
    expect((await get(`/jurisdictions/999999/stats`, tokens.admin)).status).toBe(404)
    expect((await get(`/jurisdictions/${tree.district.id}/stats?from=2026-13`, tokens.admin)).status).toBe(400)
    expect((await get(`/jurisdictions/${tree.district.id}/stats?from=2026-12&to=2026-01`, tokens.admin)).status).toBe(400)
  })
})

const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)

describe('CSV for Chinese Excel', () => {
  it('the monthly figures: UTF-8 with a BOM, CRLF lines, Chinese headers', async () => {
    const { bytes, headers, status } = await get(`/jurisdictions/${tree.district.id}/stats.csv?${period}`, tokens.districtOrganizer)
    expect(status).toBe(200)
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = text(bytes).slice(1).split('\r\n')
    expect(lines[0]).toMatch(/^月份,贡献资源,被其他辖区引用,开展培训（场）,参训人次/)
    expect(lines.slice(1, 3).map((line) => line.split(',')[0])).toEqual(['2026-11', '2026-12'])
    expect(lines.at(-1)).toBe('')
    expect(text(bytes).replace(/\r\n/g, '')).not.toContain('\n')
  })

  it('every session of the subtree, streamed across pages with no row cap', async () => {
    for (let index = 0; index < 205; index++) await session(places.village2 as { id: number | string }, `2026-11-${String(1 + (index % 28)).padStart(2, '0')}T06:00:00.000Z`, 1)
    const expected = (await payload.count({ collection: 'training-sessions', where: { and: [{ jurisdiction: { in: await subtreeIds(tree.district.id) } }, inMonth('startsAt', '2026-11')] } })).totalDocs
      + (await payload.count({ collection: 'training-sessions', where: { and: [{ jurisdiction: { in: await subtreeIds(tree.district.id) } }, inMonth('startsAt', '2026-12')] } })).totalDocs
    const { bytes, status } = await get(`/jurisdictions/${tree.district.id}/sessions.csv?${period}`, tokens.districtOrganizer)
    expect(status).toBe(200)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = text(bytes).slice(1).split('\r\n').filter(Boolean)
    expect(rows[0]).toBe('日期,时间,单位,培训名称,类型,讲师,地点,参训人数,评价人数,平均满意度')
    expect(rows).toHaveLength(expected + 1)
    expect(expected).toBe(211)
    expect(rows.join('\n')).not.toContain('淄川区')
    expect(rows).toContain('2026-12-03,10:00,东高村,培训 2026-12-03T02:00:00.000Z,月训,张讲师、刘讲师,,20,2,4.5')
  })
})

describe('bundle forks (when the schema keeps their origin)', () => {
  it('count a published fork in another jurisdiction as one more reuse of the bundle, besides its items', async (context) => {
    if (!payload.collections.bundles.config.flattenedFields.some((field) => field.name === 'forkRoot')) return context.skip()
    const before = (await getJson(`/jurisdictions/${tree.district.id}/stats?${period}`, tokens.admin)).body.totals
    const fork = await rest.request('POST', `/bundles/${places.districtBundle!.id}/fork`, { body: {}, token: tokens.outsider })
    expect(fork.status, JSON.stringify(fork.body)).toBe(201)
    const forkId = fork.body.doc?.id ?? fork.body.id
    expect((await rest.update('bundles', forkId, { _status: 'published' }, tokens.outsider)).status).toBe(200)
    const after = (await getJson(`/jurisdictions/${tree.district.id}/stats?${period}`, tokens.admin)).body
    expect(after.forksCounted).toBe(true)
    // the fork holds the village's lesson (an item of the district) and is a copy of the district's bundle
    expect(after.totals.reuses).toBe(before.reuses + 2)
    expect(after.totals.reusedItems).toBe(before.reusedItems + 1)
  })
})
