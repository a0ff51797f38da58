/**
 * Issue 11 end to end, as its users do it over REST: the district publishes the month's menu, a village orders
 * from it, the district dispatches a lecturer who accepts, the village records the session with attendance, two
 * members rate it with one-time codes, the statistics show it, and the menu is exported as a USB package.
 * Every step is one `it`, in order; each builds on the one before.
 */
import type { Payload } from 'payload'

import { strFromU8, unzipSync } from 'fflate'
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { relationId } from '@/utilities/relationId'

import { buildCjkPdf } from '../fixtures/ingest/build'
import { createJurisdictionTree, TEST_PASSWORD, type Tree } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'
import { createMenuScenario, type MenuScenario, orderBody } from '../helpers/requests'
import { RestClient } from '../helpers/rest'
import { downloadViaRest, uploadViaRest } from '../helpers/upload'

let payload: Payload
let stop: () => Promise<void>
let tree: Tree
let scenario: MenuScenario
let rest: RestClient
const tokens: Record<string, string> = {}
const ids: Record<string, number | string> = {}
let pdfBytes: Uint8Array

const MONTH = 'from=2026-12&to=2026-12'
const ATTENDANCE = 35
const SCORES = [5, 4]

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  tree = await createJurisdictionTree(payload)
  scenario = await createMenuScenario(payload, tree, 'f')
  rest = new RestClient(payload)
  for (const [role, person] of Object.entries(scenario.people)) tokens[role] = await rest.login(person.email, TEST_PASSWORD)
})
afterAll(async () => stop?.())

const move = (token: string | undefined, body: Record<string, unknown>) => rest.request('POST', `/course-requests/${ids.request}/move`, { body, token })
const getBytes = (path: string, token?: string) => downloadViaRest(payload, path, { headers: { 'Accept-Language': 'zh' }, token })

describe('a month of organizers’ work, start to finish (issue 11)', () => {
  it('the district organizer uploads a courseware and publishes December’s menu with it and a lesson', async () => {
    pdfBytes = await buildCjkPdf(1)
    const upload = await uploadViaRest(payload, 'courseware', {
      bytes: pdfBytes,
      data: { _status: 'published', jurisdiction: tree.district.id, title: '乡村振兴讲稿', visibility: 'shared' },
      filename: '乡村振兴讲稿.pdf',
      mimetype: 'application/pdf',
      token: tokens.districtOrganizer,
    })
    expect(upload.status, JSON.stringify(upload.body)).toBe(201)
    ids.courseware = upload.body.doc.id
    const { body, status } = await rest.create(
      'bundles',
      {
        _status: 'published',
        items: [
          { item: { relationTo: 'lessons', value: scenario.lesson.id } },
          { item: { relationTo: 'courseware', value: ids.courseware }, note: '配套讲稿' },
        ],
        jurisdiction: tree.district.id,
        kind: 'menu',
        orderableFrom: '2026-12-01T00:00:00.000Z',
        orderableUntil: '2026-12-31T00:00:00.000Z',
        title: '博山区十二月月训菜单',
        visibility: 'local',
      },
      tokens.districtOrganizer,
    )
    expect(status, JSON.stringify(body)).toBe(201)
    ids.menu = body.doc.id
  })

  it('the village organizer finds it among the menus and orders its lesson', async () => {
    const menus = await rest.find('bundles', tokens.villageOrganizer, { kind: { equals: 'menu' } })
    expect(menus.body.docs.map((doc: any) => doc.id)).toContain(ids.menu)
    const { body, status } = await rest.create('course-requests', orderBody(tree, scenario, { menu: ids.menu }), tokens.villageOrganizer)
    expect(status, JSON.stringify(body)).toBe(201)
    expect(body.doc.status).toBe('requested')
    ids.request = body.doc.id
  })

  it('the district organizer dispatches the suggested lecturer; the lecturer, signed in, accepts', async () => {
    const suggested = await rest.request('GET', `/course-requests/${ids.request}/lecturers`, { token: tokens.districtOrganizer })
    expect(suggested.status).toBe(200)
    expect(suggested.body.lecturers.map((entry: any) => String(entry.id))).toContain(String(scenario.lecturers.linked.id))
    const dispatched = await move(tokens.districtOrganizer, { action: 'dispatch', lecturers: [scenario.lecturers.linked.id] })
    expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200)
    expect(dispatched.body.doc.status).toBe('dispatched')
    const mine = await rest.find('course-requests', tokens.lecturerAccount)
    expect(mine.body.docs.map((doc: any) => doc.id)).toContain(ids.request)
    const accepted = await move(tokens.lecturerAccount, { action: 'accept' })
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
    expect(accepted.body.doc.status).toBe('accepted')
  })

  it('the village organizer records the session with its attendance; the request becomes delivered', async () => {
    const { body, status } = await rest.create(
      'training-sessions',
      { attendance: { count: ATTENDANCE, members: [scenario.people.villageMember.id] }, notes: '学习乡村振兴政策', request: ids.request },
      tokens.villageOrganizer,
    )
    expect(status, JSON.stringify(body)).toBe(201)
    ids.session = body.doc.id
    const stored = await rest.findByID('training-sessions', ids.session, tokens.districtOrganizer)
    expect(stored.body).toMatchObject({ attendance: { count: ATTENDANCE }, kind: 'ordered', startsAt: '2026-12-10T02:00:00.000Z' })
    expect(stored.body.lecturers.map(String)).toEqual([String(scenario.lecturers.linked.id)])
    expect(String(relationId(stored.body.jurisdiction))).toBe(String(tree.village.id))
    expect((await rest.findByID('course-requests', ids.request, tokens.villageOrganizer)).body.status).toBe('delivered')
  })

  it('two members rate it with the codes handed out, each code once', async () => {
    const issued = await rest.request('POST', `/training-sessions/${ids.session}/codes`, { body: { count: 2 }, token: tokens.villageOrganizer })
    expect(issued.status, JSON.stringify(issued.body)).toBe(201)
    const codes: string[] = issued.body.codes.map((entry: any) => entry.code)
    expect(codes).toHaveLength(2)
    for (const [index, code] of codes.entries()) {
      const slip = await rest.request('GET', `/rate/${code}`)
      expect(slip.body).toMatchObject({ used: false })
      expect((await rest.request('POST', `/rate/${code}`, { body: { score: SCORES[index] } })).status).toBe(201)
    }
    const again = await rest.request('POST', `/rate/${codes[0]}`, { body: { score: 1 } })
    expect(again.status).toBe(409)
    expect(again.body.errors[0].message).toMatch(/此评价码已使用过.* \/ This code has already been used/)
    const session = await rest.findByID('training-sessions', ids.session, tokens.lecturerAccount)
    expect(session.body).toMatchObject({ ratingAverage: 4.5, ratingCount: 2 })
  })

  it('the statistics of the district and of the village show the session, its attendance and its average rating', async () => {
    const average = SCORES.reduce((sum, score) => sum + score, 0) / SCORES.length
    for (const place of [tree.district, tree.village]) {
      const { body, status } = await rest.request('GET', `/jurisdictions/${place.id}/stats?${MONTH}`, { token: tokens.districtOrganizer })
      expect(status, JSON.stringify(body)).toBe(200)
      expect(body.totals).toMatchObject({ attendance: ATTENDANCE, coveredUnits: 1, ratings: SCORES.length, satisfaction: average, sessions: 1 })
      expect(body.lecturerLoad).toEqual([{ id: expect.anything(), name: scenario.lecturers.linked.name, sessions: 1 }])
      const csv = await getBytes(`/jurisdictions/${place.id}/sessions.csv?${MONTH}`, tokens.districtOrganizer)
      expect(csv.status).toBe(200)
      const rows = new TextDecoder().decode(csv.bytes).split('\r\n').filter(Boolean)
      expect(rows).toHaveLength(2)
      expect(rows[1]).toContain('乡村振兴第一课')
      expect(rows[1]).toContain(scenario.lecturers.linked.name)
      expect(rows[1]!.split(',').slice(-3)).toEqual([String(ATTENDANCE), String(SCORES.length), String(average)])
    }
    expect((await rest.request('GET', `/jurisdictions/${tree.village.id}/stats?${MONTH}`, { token: tokens.villageOrganizer })).body.totals.sessions).toBe(1)
  })

  it('the village organizer exports the menu as a USB package: its items, index.html and a manifest whose checksums hold', async () => {
    const answer = await getBytes(`/bundles/${ids.menu}/package`, tokens.villageOrganizer)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('Content-Type')).toBe('application/zip')
    const zip = unzipSync(answer.bytes)
    const names = Object.keys(zip)
    expect(names).toEqual(expect.arrayContaining(['index.html', 'items/1.html', 'items/2.html', 'manifest.json']))
    const index = strFromU8(zip['index.html']!)
    expect(index).toContain('博山区十二月月训菜单')
    expect(index).toContain('items/1.html')
    expect(index).toContain('items/2.html')
    expect(index).not.toMatch(/type="module"|fetch\(|https?:\/\//) // opens from file:// with no network
    expect(strFromU8(zip['items/1.html']!)).toContain('乡村振兴第一课')
    expect(strFromU8(zip['items/2.html']!)).toContain('乡村振兴讲稿')
    const pdf = names.find((name) => name.startsWith('files/') && name.endsWith('乡村振兴讲稿.pdf'))
    expect(pdf).toBeDefined()
    expect(Buffer.from(zip[pdf!]!).equals(Buffer.from(pdfBytes))).toBe(true)
    const manifest = JSON.parse(strFromU8(zip['manifest.json']!)) as { files: Array<{ bytes: number; path: string; sha256: string }> }
    expect(manifest.files.map((file) => file.path).sort()).toEqual(names.filter((name) => name !== 'manifest.json').sort())
    for (const file of manifest.files) {
      expect(file.bytes, file.path).toBe(zip[file.path]!.length)
      expect(file.sha256, file.path).toBe(createHash('sha256').update(zip[file.path]!).digest('hex'))
    }
  })
})
