import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Payload, Where } from 'payload'

import type { SeedSummary } from '@/seed/demo'
import type { User } from '@/payload-types'

import { jurisdictionCalendar, monthPeriod } from '@/calendar/entries'
import { DEMO_ACCOUNTS, SEEDED_COLLECTIONS, seedDemoContent } from '@/seed/demo'
import { jurisdictionStats } from '@/stats/figures'

import { startPayload } from '../helpers/payload'

let payload: Payload
let stop: () => Promise<void>
let first: SeedSummary
let second: SeedSummary

const countAll = async () =>
  Object.fromEntries(
    await Promise.all(
      SEEDED_COLLECTIONS.map(async (collection) => [collection, (await payload.count({ collection })).totalDocs] as const),
    ),
  )

const userByEmail = async (email: string): Promise<User> => {
  const { docs } = await payload.find({ collection: 'users', limit: 1, where: { email: { equals: email } } })
  return docs[0]!
}

const jurisdictionId = async (name: string) =>
  (await payload.find({ collection: 'jurisdictions', limit: 1, where: { name: { equals: name } } })).docs[0]!.id

const titlesSeenBy = async (user: User, where: Where) =>
  (await payload.find({ collection: 'lessons', depth: 0, limit: 0, overrideAccess: false, user, where })).docs.map(
    (doc) => doc.title,
  )

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  first = await seedDemoContent(payload)
})
afterAll(async () => stop?.())

describe('demo seed', () => {
  it('creates content in every collection, then changes nothing on a second run', async () => {
    for (const collection of SEEDED_COLLECTIONS) expect(first[collection].created, collection).toBeGreaterThan(0)
    const before = await countAll()
    second = await seedDemoContent(payload)
    expect(await countAll()).toEqual(before)
    for (const collection of SEEDED_COLLECTIONS) {
      expect(second[collection], collection).toEqual({ created: 0, existing: first[collection].created })
    }
  })

  it('creates one account per demo entry, each able to sign in', async () => {
    expect((await payload.count({ collection: 'users' })).totalDocs).toBe(DEMO_ACCOUNTS.length)
    const { email, password } = DEMO_ACCOUNTS[0]
    const login = await payload.login({ collection: 'users', data: { email, password } })
    expect(login.user?.email).toBe(email)
  })

  it('spreads items over all three visibilities and keeps some drafts', async () => {
    for (const visibility of ['public', 'shared', 'local']) {
      expect((await payload.count({ collection: 'lessons', where: { visibility: { equals: visibility } } })).totalDocs).toBeGreaterThan(0)
    }
    const drafts = await payload.find({ collection: 'lessons', draft: true, where: { _status: { equals: 'draft' } } })
    expect(drafts.totalDocs).toBeGreaterThan(0)
  })

  it("hides another town's local items from a member but shows shared and public ones", async () => {
    const member = await userByEmail('member.tianchidian@demo.commons')
    const yuanquan = await jurisdictionId('源泉镇')
    const inYuanquan: Where = { jurisdiction: { equals: yuanquan } }
    const seen = await titlesSeenBy(member, inYuanquan)
    const all = await payload.find({ collection: 'lessons', depth: 0, limit: 0, where: { and: [inYuanquan, { _status: { equals: 'published' } }] } })
    const expected = all.docs.filter((doc) => doc.visibility !== 'local').map((doc) => doc.title)
    expect(all.docs.some((doc) => doc.visibility === 'local')).toBe(true)
    expect(expected.length).toBeGreaterThan(0)
    expect(seen.sort()).toEqual(expected.sort())

    const ownLocal = await titlesSeenBy(member, { visibility: { equals: 'local' } })
    expect(ownLocal).toContain('情景劇《嚴肅軍紀》')
  })

  it('hides local field sites of another place from a member of 成都', async () => {
    const member = await userByEmail('member.xinfeng@demo.commons')
    const sites = await payload.find({ collection: 'field-sites', depth: 0, limit: 0, overrideAccess: false, user: member })
    const titles = sites.docs.map((doc) => doc.title)
    expect(titles).toContain('新峰社区“微党校”')
    expect(titles).toContain('焦裕禄纪念馆（故居）')
    expect(titles).not.toContain('九九村水雾栽培试点示范基地')
    expect(titles).not.toContain('源泉镇猕猴桃基地')
  })

  it('computes route totals from the stops', async () => {
    const routes = await payload.find({ collection: 'field-routes', depth: 0, draft: true, limit: 0 })
    expect(routes.totalDocs).toBeGreaterThan(0)
    for (const route of routes.docs) {
      expect(route.totalDistanceKm, route.title).toBeGreaterThan(0)
      expect(route.totalMinutes, route.title).toBe((route.stops ?? []).reduce((sum, stop) => sum + stop.minutes, 0))
    }
  })

  it('gives every bundle a positive number of hours', async () => {
    const bundles = await payload.find({ collection: 'bundles', depth: 0, draft: true, limit: 0 })
    expect(bundles.docs.filter((bundle) => bundle.kind === 'monthly').every((bundle) => /^\d{4}-\d{2}$/.test(bundle.targetMonth ?? ''))).toBe(true)
    for (const bundle of bundles.docs) expect(bundle.totalHours, bundle.title).toBeGreaterThan(0)
  })

  it('stores lesson plans as Lexical rich text and videos as .invalid demo links', async () => {
    const { docs } = await payload.find({ collection: 'lessons', limit: 1, where: { title: { equals: '焦裕禄精神的形成及其时代价值' } } })
    const paragraph = docs[0]?.plan?.root.children[0] as unknown as { children: Array<{ text: string }> }
    expect(paragraph.children[0]?.text).toContain('焦裕禄精神')
    const videos = await payload.find({ collection: 'videos', limit: 0 })
    expect(videos.docs.every((video) => video.externalUrl?.startsWith('https://video.demo.commons.invalid/'))).toBe(true)
  })
})

describe("demo organizers' work (issue 11)", () => {
  const statsOf = (name: string) => jurisdictionId(name).then((id) => jurisdictionStats(payload, id, '2026-01', '2026-12'))

  it('gives 天池店乡 the 22 专题报告 and 527 人次 of its report, half of them in 孔河沟村', async () => {
    const { totals } = await statsOf('天池店乡')
    expect(totals).toMatchObject({ attendance: 527, coveredUnits: 1, sessions: 22, units: 1 })
    expect(totals.satisfaction).toBeGreaterThan(4)
  })

  it('gives 源泉镇 its half-year: 9 sessions, 1,600 members, every village covered', async () => {
    const { totals } = await statsOf('源泉镇')
    expect(totals).toMatchObject({ attendance: 1600, coveredUnits: 2, sessions: 9, units: 2 })
    // 宁津县's December 月训 bundle borrows two of 博山区's public items
    expect((await statsOf('博山区')).totals.reusedItems).toBeGreaterThanOrEqual(2)
  })

  it('has 建国社区 orders from 麻山区’s menu in every state, moved by the real roles', async () => {
    const requests = await payload.find({ collection: 'course-requests', depth: 0, pagination: false })
    expect(requests.docs.map((doc) => doc.status).sort()).toEqual(['accepted', 'cancelled', 'declined', 'delivered', 'dispatched', 'requested'])
    const delivered = requests.docs.find((doc) => doc.status === 'delivered')!
    expect(delivered.history!.map((entry) => entry.action)).toEqual(['order', 'dispatch', 'accept', 'deliver'])
    const session = (await payload.find({ collection: 'training-sessions', depth: 0, limit: 1, where: { request: { equals: delivered.id } } })).docs[0]!
    expect(session).toMatchObject({ kind: 'ordered', ratingCount: 6 })
    expect((await payload.count({ collection: 'ratings', where: { session: { equals: session.id } } })).totalDocs).toBe(6)
  })

  it('shows 宁津县’s December 月训 bundle in its public calendar', async () => {
    const entries = await jurisdictionCalendar(payload, await jurisdictionId('宁津县'), monthPeriod('2026-12'), { user: null })
    expect(entries.map((entry) => entry.title)).toContain('“月訓”2026年12月：學習焦裕祿精神')
  })
})
