/**
 * Computed fields stay right after edits and reorders, their own and those of the items they add up
 * (a lesson's duration, a site's position); bad input gets a 4xx with a clear message and
 * leaves what is stored untouched. Bad inputs tried: missing required fields, an unknown theme, a route
 * stop at a site the editor cannot see, a bundle item the editor cannot see, a malformed month, a
 * latitude out of range, an organizer editing outside their subtree, a member creating content,
 * an instructor granting themself the admin role.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { haversineKm } from '@/utilities/geo'

import { createJurisdictionTree, createUser, TEST_PASSWORD, type Tree } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'

let payload: Payload
let stop: () => Promise<void>
let rest: RestClient
let tree: Tree
let organizer: string
let otherOrganizer: string
const sites: Array<{ id: number | string; lat: number; lng: number }> = []

const SITE_POINTS = [
  { lat: 36.4306, lng: 117.9512, title: '焦裕禄纪念馆' },
  { lat: 36.4391, lng: 117.9603, title: '源泉镇党建广场' },
  { lat: 36.4215, lng: 117.9387, title: '东高村红色书屋' },
]

const messageOf = (body: unknown) => JSON.stringify(body)

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  rest = new RestClient(payload)
  tree = await createJurisdictionTree(payload)
  await createUser(payload, { email: 'org@test.local', jurisdiction: tree.town.id, role: 'organizer' })
  await createUser(payload, { email: 'org2@test.local', jurisdiction: tree.otherTown.id, role: 'organizer' })
  organizer = await rest.login('org@test.local', TEST_PASSWORD)
  otherOrganizer = await rest.login('org2@test.local', TEST_PASSWORD)
  for (const point of SITE_POINTS) {
    const { body } = await rest.create(
      'field-sites',
      { ...point, address: '山东省淄博市博山区源泉镇', jurisdiction: tree.town.id, type: '红色教育', visibility: 'shared' },
      organizer,
    )
    sites.push({ id: body.doc.id, lat: point.lat, lng: point.lng })
  }
})
afterAll(async () => stop?.())

const legs = (order: number[]) =>
  order.slice(1).reduce((sum, index, i) => sum + haversineKm(sites[order[i]!]!, sites[index]!), 0)

describe('field route totals', () => {
  it('adds the distance between consecutive stops and the minutes of every stop, and follows reorders', async () => {
    const stops = (order: number[], minutes: number[]) =>
      order.map((index, i) => ({ minutes: minutes[i], site: sites[index]!.id, speaker: '讲解员', topic: `第${i + 1}站` }))
    const created = await rest.create(
      'field-routes',
      { _status: 'published', jurisdiction: tree.town.id, stops: stops([0, 1, 2], [30, 20, 40]), title: '红色经典路线', visibility: 'shared' },
      organizer,
    )
    expect(created.status, messageOf(created.body)).toBe(201)
    expect(created.body.doc.totalMinutes).toBe(90)
    expect(created.body.doc.totalDistanceKm).toBeCloseTo(legs([0, 1, 2]), 2)

    const reordered = await rest.update('field-routes', created.body.doc.id, { stops: stops([1, 0, 2], [20, 30, 15]) }, organizer)
    expect(reordered.status).toBe(200)
    expect(reordered.body.doc.totalMinutes).toBe(65)
    expect(reordered.body.doc.totalDistanceKm).toBeCloseTo(legs([1, 0, 2]), 2)
    expect(legs([1, 0, 2])).not.toBeCloseTo(legs([0, 1, 2]), 2)
  })
})

describe('bundle hours', () => {
  it('sums lesson and route durations, lets the bundle override an item, and follows edits', async () => {
    const lesson = await rest.create(
      'lessons',
      { _status: 'published', durationMinutes: 90, jurisdiction: tree.town.id, title: '学习焦裕禄精神', visibility: 'shared' },
      organizer,
    )
    const route = await rest.create(
      'field-routes',
      {
        _status: 'published',
        jurisdiction: tree.town.id,
        stops: [{ minutes: 60, site: sites[0]!.id, topic: '参观' }],
        title: '短线',
        visibility: 'shared',
      },
      organizer,
    )
    const items = [
      { item: { relationTo: 'lessons', value: lesson.body.doc.id } },
      { item: { relationTo: 'field-routes', value: route.body.doc.id } },
    ]
    const bundle = await rest.create(
      'bundles',
      { _status: 'published', items, jurisdiction: tree.town.id, kind: '月训', targetMonth: '2026-07', title: '七月月训', visibility: 'shared' },
      organizer,
    )
    expect(bundle.status, messageOf(bundle.body)).toBe(201)
    expect(bundle.body.doc.totalHours).toBe(2.5)

    const withOverride = await rest.update(
      'bundles',
      bundle.body.doc.id,
      { items: [items[1], { ...items[0], minutes: 30 }] },
      organizer,
    )
    expect(withOverride.body.doc.totalHours).toBe(1.5)
  })
})

describe('totals that depend on other items', () => {
  const hoursOf = async (id: number | string, draft = false) => {
    const { body } = await rest.findByID('bundles', id, organizer, draft ? { draft: true } : {})
    return { hours: body.totalHours as number, status: body._status as string, title: body.title as string }
  }
  /** a published lesson of `minutes` and a published bundle holding it */
  const lessonInBundle = async (minutes: number, title: string) => {
    const lesson = await rest.create(
      'lessons',
      { _status: 'published', durationMinutes: minutes, jurisdiction: tree.town.id, title: `${title}的课`, visibility: 'shared' },
      organizer,
    )
    const items = [{ item: { relationTo: 'lessons', value: lesson.body.doc.id } }]
    const data = { _status: 'published', items, jurisdiction: tree.town.id, kind: '菜单', title: `${title}课程包`, visibility: 'shared' }
    const bundle = (await rest.create('bundles', data, organizer)).body.doc
    return { bundle, data, lessonId: lesson.body.doc.id as number | string }
  }

  it('a bundle follows the duration of its lessons, on the published bundle and on a pending draft', async () => {
    const { bundle, data, lessonId } = await lessonInBundle(60, '时长会变')
    const other = (await rest.create('bundles', { ...data, title: '有草稿的课程包' }, organizer)).body.doc
    // an organizer is editing the second bundle: a draft over the published one
    const drafted = await rest.update('bundles', other.id, { _status: 'draft', title: '有草稿的课程包（修改中）' }, organizer, { draft: true })
    expect(drafted.status, messageOf(drafted.body)).toBe(200)

    const edited = await rest.update('lessons', lessonId, { durationMinutes: 150 }, organizer)
    expect(edited.status, messageOf(edited.body)).toBe(200)

    expect(await hoursOf(bundle.id)).toMatchObject({ hours: 2.5, status: 'published' })
    expect(await hoursOf(bundle.id, true)).toMatchObject({ hours: 2.5 })
    expect(await hoursOf(other.id)).toEqual({ hours: 2.5, status: 'published', title: '有草稿的课程包' })
    expect(await hoursOf(other.id, true)).toEqual({ hours: 2.5, status: 'draft', title: '有草稿的课程包（修改中）' })
    // the edit made no version of its own
    const versions = await payload.findVersions({ collection: 'bundles', where: { parent: { equals: bundle.id } } })
    expect(versions.totalDocs).toBe(1)
  })

  it('a lesson draft with another duration leaves the bundle until it is published', async () => {
    const { bundle, lessonId } = await lessonInBundle(30, '草稿改时长')
    await rest.update('lessons', lessonId, { _status: 'draft', durationMinutes: 90 }, organizer, { draft: true })
    expect((await hoursOf(bundle.id)).hours).toBe(0.5)
    // publishing sends the form as the admin does
    await rest.update('lessons', lessonId, { _status: 'published', durationMinutes: 90 }, organizer)
    expect((await hoursOf(bundle.id)).hours).toBe(1.5)
  })

  it('a route follows a field site that moved', async () => {
    const route = await rest.create(
      'field-routes',
      {
        _status: 'published',
        jurisdiction: tree.town.id,
        stops: [0, 1].map((index) => ({ minutes: 20, site: sites[index]!.id, topic: `第${index + 1}站` })),
        title: '会变长的路线',
        visibility: 'shared',
      },
      organizer,
    )
    expect(route.body.doc.totalDistanceKm).toBeCloseTo(legs([0, 1]), 2)
    // the site's coordinates were wrong: it is where the third point is
    const moved = await rest.update('field-sites', sites[1]!.id, { lat: sites[2]!.lat, lng: sites[2]!.lng }, organizer)
    expect(moved.status, messageOf(moved.body)).toBe(200)
    const after = (await rest.findByID('field-routes', route.body.doc.id, organizer)).body
    expect(after.totalDistanceKm).toBeCloseTo(haversineKm(sites[0]!, sites[2]!), 2)
    expect(after.totalDistanceKm).not.toBeCloseTo(legs([0, 1]), 2)
    expect((await rest.findByID('field-routes', route.body.doc.id, organizer, { draft: true })).body.totalDistanceKm).toBe(after.totalDistanceKm)
    await rest.update('field-sites', sites[1]!.id, { lat: sites[1]!.lat, lng: sites[1]!.lng }, organizer)
  })
})

describe('defaults', () => {
  it('an item created without a jurisdiction belongs to its creator’s jurisdiction', async () => {
    const { body, status } = await rest.create('lessons', { _status: 'published', title: '默认辖区', visibility: 'shared' }, organizer)
    expect(status, messageOf(body)).toBe(201)
    expect(String(body.doc.jurisdiction?.id ?? body.doc.jurisdiction)).toBe(String(tree.town.id))
  })
})

describe('glossary words', () => {
  it('are stored as codes whether the client sends the code, the Simplified or the Traditional word', async () => {
    const { body, status } = await rest.create(
      'lessons',
      { _status: 'published', audiences: ['农村党员', '青年黨員', 'mobile'], formats: ['現場教學'], jurisdiction: tree.town.id, kind: '微黨課', title: '术语', visibility: 'shared' },
      organizer,
    )
    expect(status, messageOf(body)).toBe(201)
    expect(body.doc.audiences).toEqual(['rural', 'youth', 'mobile'])
    expect(body.doc.formats).toEqual(['field'])
    expect(body.doc.kind).toBe('micro')
  })

  it('an unknown word is refused with a 400 naming the field', async () => {
    const result = await rest.create(
      'lessons',
      { _status: 'published', audiences: ['外星党员'], jurisdiction: tree.town.id, title: '坏术语', visibility: 'shared' },
      organizer,
    )
    expect(result.status).toBe(400)
    expect(messageOf(result.body)).toContain('audiences')
  })
})

describe('bad input', () => {
  const expectUnchanged = async (collection: 'bundles' | 'field-routes' | 'lessons', before: number) =>
    expect((await payload.count({ collection })).totalDocs).toBe(before)

  it('a lesson without a title is refused with a 400 naming the field', async () => {
    const before = (await payload.count({ collection: 'lessons' })).totalDocs
    const result = await rest.create('lessons', { _status: 'published', jurisdiction: tree.town.id, visibility: 'shared' }, organizer)
    expect(result.status).toBe(400)
    expect(messageOf(result.body)).toContain('title')
    await expectUnchanged('lessons', before)
  })

  it('an unknown theme is refused', async () => {
    const before = (await payload.count({ collection: 'lessons' })).totalDocs
    const result = await rest.create(
      'lessons',
      { _status: 'published', jurisdiction: tree.town.id, themes: [999999], title: '未知主题', visibility: 'shared' },
      organizer,
    )
    expect(result.status).toBe(400)
    expect(messageOf(result.body)).toMatch(/引用的内容不存在或您无权查看.*themes/)
    await expectUnchanged('lessons', before)
  })

  it('a route stop at a site the editor cannot see is refused', async () => {
    const hidden = await payload.create({
      collection: 'field-sites',
      data: { address: '池上镇', jurisdiction: tree.otherTown.id, lat: 36.3, lng: 117.8, title: '池上镇展馆', type: 'red_heritage', visibility: 'local' },
    })
    const before = (await payload.count({ collection: 'field-routes' })).totalDocs
    const result = await rest.create(
      'field-routes',
      { _status: 'published', jurisdiction: tree.town.id, stops: [{ minutes: 10, site: hidden.id, topic: 'x' }], title: '越界路线', visibility: 'shared' },
      organizer,
    )
    expect(result.status).toBe(400)
    expect(messageOf(result.body)).toMatch(/stops\.0\.site/)
    expect(messageOf(result.body)).toMatch(/not visible to you/)
    await expectUnchanged('field-routes', before)
  })

  it('a bundle item the editor cannot see is refused, and an existing bundle keeps its items', async () => {
    const hiddenLesson = await payload.create({
      collection: 'lessons',
      data: { _status: 'published', jurisdiction: tree.otherTown.id, title: '池上镇内部课', visibility: 'local' },
    })
    const bundle = await rest.create(
      'bundles',
      { _status: 'published', items: [], jurisdiction: tree.town.id, kind: '菜单', title: '菜单点课', visibility: 'shared' },
      organizer,
    )
    const result = await rest.update(
      'bundles',
      bundle.body.doc.id,
      { items: [{ item: { relationTo: 'lessons', value: hiddenLesson.id } }] },
      organizer,
    )
    expect(result.status).toBe(400)
    expect(messageOf(result.body)).toMatch(/items\.0\.item/)
    const after = await payload.findByID({ id: bundle.body.doc.id, collection: 'bundles', depth: 0 })
    expect(after.items).toEqual([])
  })

  it('a malformed target month and an impossible latitude are refused', async () => {
    const month = await rest.create(
      'bundles',
      { _status: 'published', jurisdiction: tree.town.id, kind: '月训', targetMonth: '2026-13', title: '坏月份', visibility: 'shared' },
      organizer,
    )
    expect(month.status).toBe(400)
    expect(messageOf(month.body)).toMatch(/YYYY-MM/)
    const site = await rest.create(
      'field-sites',
      { address: 'x', jurisdiction: tree.town.id, lat: 123, lng: 117, title: '坏坐标', type: '红色教育', visibility: 'shared' },
      organizer,
    )
    expect(site.status).toBe(400)
  })

  it('an organizer cannot create in, or edit, another town’s subtree', async () => {
    const created = await rest.create(
      'lessons',
      { _status: 'published', jurisdiction: tree.town.id, title: '越权创建', visibility: 'shared' },
      otherOrganizer,
    )
    expect(created.status).toBe(400)
    expect(messageOf(created.body)).toMatch(/只能把内容放在本辖区或下级辖区/)

    const lesson = await rest.create(
      'lessons',
      { _status: 'published', jurisdiction: tree.town.id, title: '源泉镇的课', visibility: 'shared' },
      organizer,
    )
    const edited = await rest.update('lessons', lesson.body.doc.id, { title: '被改了' }, otherOrganizer)
    expect(edited.status).toBe(403)
    const moved = await rest.update('lessons', lesson.body.doc.id, { jurisdiction: tree.otherTown.id }, organizer)
    expect(moved.status).toBe(400)
    const after = await payload.findByID({ id: lesson.body.doc.id, collection: 'lessons', depth: 0 })
    expect(after.title).toBe('源泉镇的课')
    expect(String(after.jurisdiction)).toBe(String(tree.town.id))
  })

  it('a member cannot create content, and an instructor cannot make themself admin', async () => {
    const member = await createUser(payload, { email: 'm@test.local', jurisdiction: tree.town.id, role: 'member' })
    const memberToken = await rest.login(member.email, TEST_PASSWORD)
    const created = await rest.create('lessons', { jurisdiction: tree.town.id, title: 'x', visibility: 'shared' }, memberToken)
    expect(created.status).toBe(403)

    const instructor = await createUser(payload, { email: 'i@test.local', jurisdiction: tree.town.id, role: 'instructor' })
    const token = await rest.login(instructor.email, TEST_PASSWORD)
    await rest.update('users', instructor.id, { jurisdiction: tree.province.id, name: '新名字', role: 'admin' }, token)
    const after = await payload.findByID({ id: instructor.id, collection: 'users', depth: 0 })
    expect(after.role).toBe('instructor')
    expect(String(after.jurisdiction)).toBe(String(tree.town.id))
    expect(after.name).toBe('新名字')
  })
})
