/**
 * The admin as organizers use it (issue 11): internal collections out of the navigation for all but admins,
 * derived from one flag; Chinese dates; and the dashboard's panels per role — a lecturer's dispatches awaiting an
 * answer, an organizer's new orders, an admin's parked search changes — each only with what that user may read.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'

import { dashboardPanels } from '@/admin/dashboard'
import { isInternalCollection } from '@/admin/internalCollections'

import { createJurisdictionTree, createUser, TEST_PASSWORD, type Tree } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'
import { createMenuScenario, type MenuScenario, orderBody } from '../helpers/requests'
import { RestClient } from '../helpers/rest'

let payload: Payload
let stop: () => Promise<void>
let tree: Tree
let scenario: MenuScenario
let rest: RestClient
let admin: User
const tokens: Record<string, string> = {}

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  tree = await createJurisdictionTree(payload)
  scenario = await createMenuScenario(payload, tree, 'd')
  admin = (await createUser(payload, { email: 'admin@dash.local', jurisdiction: tree.province.id, role: 'admin' })) as User
  rest = new RestClient(payload)
  for (const key of ['districtOrganizer', 'villageOrganizer', 'lecturerAccount'] as const) tokens[key] = await rest.login(scenario.people[key].email, TEST_PASSWORD)
})
afterAll(async () => stop?.())

const panelsOf = async (user: unknown) => Object.fromEntries((await dashboardPanels(payload, user as User)).map((panel) => [panel.key, panel]))

describe('internal collections', () => {
  const configOf = (slug: string) => payload.config.collections.find((collection) => collection.slug === slug)!
  const hiddenFor = (slug: string, role: string) => {
    const hidden = configOf(slug).admin.hidden
    return typeof hidden === 'function' ? hidden({ user: { role } as never }) : Boolean(hidden)
  }

  it('are the flagged ones: the search queue and its claims, time slots, request locks and rating codes', () => {
    const flagged = payload.config.collections.filter(isInternalCollection).map((collection) => collection.slug)
    expect(flagged.sort()).toEqual(['lecturer-slots', 'rating-codes', 'request-locks', 'search-claims', 'search-outbox'])
  })

  it('are out of the navigation for organizers, instructors and members, and in it for admins', () => {
    for (const { slug } of payload.config.collections) {
      const internal = isInternalCollection(configOf(slug))
      const system = slug.startsWith('payload-')
      for (const role of ['organizer', 'instructor', 'member']) expect(hiddenFor(slug, role), `${slug} for ${role}`).toBe(internal || system)
      if (!system) expect(hiddenFor(slug, 'admin'), `${slug} for admin`).toBe(false)
    }
  })
})

it('writes dates the Chinese way in the admin, which speaks Simplified Chinese first', () => {
  expect(payload.config.admin.dateFormat).toBe('yyyy年M月d日 HH:mm')
  expect(payload.config.i18n.fallbackLanguage).toBe('zh')
  expect(payload.config.admin.meta.titleSuffix).toContain('课件共享库')
})

describe('dashboard panels', () => {
  let requestId: number | string

  it('shows the district organizer a new order from a village, and nobody else in its place', async () => {
    const before = await panelsOf(scenario.people.districtOrganizer)
    expect(before.orders?.count).toBe(0)
    const { body, status } = await rest.create('course-requests', orderBody(tree, scenario), tokens.villageOrganizer)
    expect(status).toBe(201)
    requestId = body.doc.id
    const after = await panelsOf(scenario.people.districtOrganizer)
    expect(after.orders?.count).toBe(1)
    expect(after.orders?.links[0]).toMatchObject({ href: `/admin/collections/course-requests/${requestId}`, meta: '2026年12月10日 10:00' })
    expect(after.answers).toBeUndefined()
    expect(after.library?.links.find((link) => link.title === '课程')?.meta).toBe('2')
    // another town's organizer dispatches nothing of 博山区's
    expect((await panelsOf(scenario.people.otherTownOrganizer)).orders?.count).toBe(0)
  })

  it('shows the lecturer the dispatch awaiting their answer until they answer', async () => {
    expect((await panelsOf(scenario.people.lecturerAccount)).answers?.count).toBe(0)
    const move = (token: string, body: object) => rest.request('POST', `/course-requests/${requestId}/move`, { body, token })
    expect((await move(tokens.districtOrganizer!, { action: 'dispatch', lecturers: [scenario.lecturers.linked.id] })).status).toBe(200)
    const waiting = await panelsOf(scenario.people.lecturerAccount)
    expect(waiting.answers?.count).toBe(1)
    expect(waiting.answers?.links[0]?.href).toBe(`/admin/collections/course-requests/${requestId}`)
    expect(waiting.orders).toBeUndefined()
    expect((await panelsOf(scenario.people.otherLecturerAccount)).answers?.count).toBe(0)
    expect((await panelsOf(scenario.people.districtOrganizer)).orders?.count).toBe(0)
    expect((await move(tokens.lecturerAccount!, { action: 'accept' })).status).toBe(200)
    expect((await panelsOf(scenario.people.lecturerAccount)).answers?.count).toBe(0)
  })

  it('shows admins the parked search changes, and members nothing', async () => {
    await payload.create({ collection: 'search-outbox', data: { docId: '1', key: 'lessons:999', queuedAt: new Date().toISOString(), sourceCollection: 'lessons', status: 'parked' } })
    const panels = await panelsOf(admin)
    expect(panels.searchQueue?.count).toBe(1)
    expect(panels.searchQueue?.links[0]?.href).toBe('/admin/collections/search-outbox?where[status][equals]=parked')
    expect(await dashboardPanels(payload, scenario.people.villageMember as User)).toEqual([])
  })
})
