/**
 * Bundles from the shared library (issue 11): forks keep their origin, the origin's readers see where it was reused,
 * upstream changes are shown and pulled by a three-way merge, and an attacker learns and writes nothing through
 * them (REST and GraphQL).
 */
import type { Payload } from 'payload'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { relationId } from '@/utilities/relationId'

import { createJurisdictionTree, createUser, TEST_PASSWORD, type Tree } from '../helpers/fixtures'
import { startPayload, testDatabase } from '../helpers/payload'
import { RestClient } from '../helpers/rest'

let payload: Payload
let stop: () => Promise<void>
let tree: Tree
let rest: RestClient
let graphql: (query: string, token?: string) => Promise<any>
let otherDistrict: { id: number | string }
const tokens: Record<string, string> = {}
const items: Record<string, { id: number | string }> = {}
let source: { id: number | string }
let hidden: { id: number | string }

const BILINGUAL = /[\u4e00-\u9fff].* \/ [A-Za-z]/
const MADE_UP_ID = () => (testDatabase() === 'mongodb' ? '0123456789abcdef01234567' : '987654')

const lesson = (title: string, jurisdiction: number | string, visibility = 'shared') =>
  payload.create({ collection: 'lessons', data: { _status: 'published', jurisdiction, title, visibility } as never })
const row = (relationTo: string, doc: { id: number | string }) => ({ item: { relationTo, value: doc.id } })
const stored = (id: number | string) =>
  payload.findByID({ id, collection: 'bundles', depth: 0, draft: true, showHiddenFields: true }) as Promise<Record<string, any>>
const itemIds = (doc: { items?: Array<{ item: { value: unknown } }> | null }) => (doc.items ?? []).map((entry) => String(relationId(entry.item.value)))
const ids = (...docs: Array<{ id: number | string }>) => docs.map((doc) => String(doc.id))
const fork = (id: number | string, token: string | undefined, body: Record<string, unknown> = {}) =>
  rest.request('POST', `/bundles/${id}/fork`, { body, token })

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  tree = await createJurisdictionTree(payload)
  otherDistrict = await payload.create({ collection: 'jurisdictions', data: { level: '区/县', name: '淄川区', parent: tree.city.id } as never })
  const people = {
    district: await createUser(payload, { email: 'district@forks.local', jurisdiction: tree.district.id, role: 'organizer' }),
    member: await createUser(payload, { email: 'member@forks.local', jurisdiction: tree.village.id, role: 'member' }),
    other: await createUser(payload, { email: 'other@forks.local', jurisdiction: otherDistrict.id, role: 'organizer' }),
    otherTown: await createUser(payload, { email: 'othertown@forks.local', jurisdiction: tree.otherTown.id, role: 'organizer' }),
  }
  rest = new RestClient(payload)
  for (const [name, person] of Object.entries(people)) tokens[name] = await rest.login(person.email, TEST_PASSWORD)
  const post = GRAPHQL_POST(Promise.resolve(payload.config))
  graphql = async (query, token) => {
    const headers = new Headers({ 'Content-Type': 'application/json' })
    if (token) headers.set('Authorization', `JWT ${token}`)
    return (await post(new Request('http://localhost:3000/api/graphql', { body: JSON.stringify({ query }), headers, method: 'POST' }))).json()
  }

  items.a = await lesson('焦裕禄精神第一讲', tree.district.id)
  items.b = await lesson('焦裕禄精神第二讲', tree.district.id)
  items.c = await payload.create({ collection: 'videos', data: { _status: 'published', jurisdiction: tree.district.id, title: '红色电影', externalUrl: 'https://video.example.cn/1', visibility: 'public' } as never })
  items.narrowed = await lesson('后来收窄的一课', tree.district.id)
  source = await payload.create({
    collection: 'bundles',
    data: {
      _status: 'published',
      items: [row('lessons', items.a), row('lessons', items.b), row('videos', items.c), row('lessons', items.narrowed)],
      jurisdiction: tree.district.id,
      kind: 'monthly',
      title: '博山区七月月训',
      visibility: 'shared',
    } as never,
  })
  // narrowed after it was added: the district still sees it, 淄川区 no longer does
  await payload.update({ id: items.narrowed.id, collection: 'lessons', data: { visibility: 'local' } as never })
  items.townLocal = await lesson('池上镇本辖区课', tree.otherTown.id, 'local')
  hidden = await payload.create({
    collection: 'bundles',
    data: { _status: 'published', items: [row('lessons', items.townLocal)], jurisdiction: tree.otherTown.id, kind: 'monthly', title: '池上镇本辖区课程包', visibility: 'local' } as never,
  })
})
afterAll(async () => stop?.())

describe('fork (复制)', () => {
  let first: Record<string, any>

  it('copies a readable bundle into the forker’s jurisdiction as a draft, with its origin; items the forker cannot read are not copied', async () => {
    const { body, status } = await fork(source.id, tokens.other)
    expect(status).toBe(201)
    expect(body.copied).toBe(3)
    first = await stored(body.doc.id)
    expect(String(relationId(first.jurisdiction))).toBe(String(otherDistrict.id))
    expect(first._status).toBe('draft')
    expect(itemIds(first)).toEqual(ids(items.a!, items.b!, items.c!))
    expect(String(relationId(first.forkedFrom))).toBe(String(source.id))
    expect(String(relationId(first.forkRoot))).toBe(String(source.id))
    expect(first.forkPath).toBe(`/${source.id}/`)
    expect(first.forkBase.items.map((entry: any) => String(entry.value))).toEqual(ids(items.a!, items.b!, items.c!))
    expect(first.forkBase.updatedAt).toBeTruthy()
    expect(first.forkBase.version).toBeTruthy()
    expect(first.forkedAt).toBeTruthy()
  })

  it('a fork of a fork keeps the root and its whole lineage', async () => {
    await rest.update('bundles', first.id, { _status: 'published' }, tokens.other)
    const { body, status } = await fork(first.id, tokens.otherTown)
    expect(status).toBe(201)
    const second = await stored(body.doc.id)
    expect(String(relationId(second.forkedFrom))).toBe(String(first.id))
    expect(String(relationId(second.forkRoot))).toBe(String(source.id))
    expect(second.forkPath).toBe(`/${source.id}/${first.id}/`)
  })

  it('forking a bundle you cannot read is the same 404 as a made-up id (REST)', async () => {
    const hiddenAnswer = await fork(hidden.id, tokens.other)
    const madeUp = await fork(MADE_UP_ID(), tokens.other)
    expect(hiddenAnswer.status).toBe(404)
    expect(hiddenAnswer).toEqual(madeUp)
    expect(JSON.stringify(hiddenAnswer.body)).toMatch(BILINGUAL)
  })

  it('forking into a jurisdiction you do not organize is a 403; members and anonymous callers cannot fork', async () => {
    const into = await fork(source.id, tokens.other, { jurisdiction: tree.town.id })
    expect(into.status).toBe(403)
    expect(JSON.stringify(into.body)).toMatch(BILINGUAL)
    expect((await fork(source.id, tokens.member)).status).toBe(403)
    expect((await fork(source.id, undefined)).status).toBe(401)
  })

  it('bad input is a bilingual 400: an unknown jurisdiction, a bad sharing scope, the source’s own jurisdiction', async () => {
    for (const body of [{ jurisdiction: MADE_UP_ID() }, { visibility: 'everyone' }]) {
      const answer = await fork(source.id, tokens.other, body)
      expect(answer.status).toBe(400)
      expect(JSON.stringify(answer.body)).toMatch(BILINGUAL)
    }
    expect((await fork(source.id, tokens.district)).status).toBe(400)
  })

  it('items that would be narrower than the copy are skipped and named', async () => {
    const { body, status } = await fork(hidden.id, tokens.district, { visibility: 'shared' })
    expect(status).toBe(201)
    expect(body.copied).toBe(0)
    expect(body.skipped.map((entry: any) => String(entry.value))).toEqual(ids(items.townLocal!))
  })
})

describe('provenance cannot be written by a client', () => {
  it('REST: create and PATCH ignore forkedFrom, forkRoot, forkPath, forkedAt and forkBase', async () => {
    const forged = { forkBase: { items: [], updatedAt: '2020-01-01', version: 'x' }, forkedAt: '2020-01-01', forkedFrom: hidden.id, forkPath: `/${hidden.id}/`, forkRoot: hidden.id }
    const created = await rest.create('bundles', { ...forged, jurisdiction: otherDistrict.id, kind: 'monthly', title: '伪造来源', visibility: 'shared' }, tokens.other)
    expect(created.status).toBe(201)
    const plain = await stored(created.body.doc.id)
    expect(plain.forkedFrom ?? null).toBeNull()
    expect(plain.forkPath ?? null).toBeNull()
    const forkId = (await payload.find({ collection: 'bundles', where: { forkedFrom: { equals: source.id }, jurisdiction: { equals: otherDistrict.id } } })).docs[0]!.id
    const before = await stored(forkId)
    const patched = await rest.update('bundles', forkId, { ...forged, title: '改名' }, tokens.other)
    expect(patched.status).toBe(200)
    const after = await stored(forkId)
    expect(after.title).toBe('改名')
    for (const field of ['forkedFrom', 'forkRoot', 'forkPath', 'forkedAt', 'forkBase']) expect(after[field]).toEqual(before[field])
  })

  it('GraphQL: createBundle and updateBundle cannot set them either', async () => {
    const forkId = (await payload.find({ collection: 'bundles', where: { forkedFrom: { equals: source.id }, jurisdiction: { equals: otherDistrict.id } } })).docs[0]!.id
    const before = await stored(forkId)
    const idLiteral = (id: number | string) => (typeof id === 'number' ? id : JSON.stringify(id))
    const update = await graphql(`mutation { updateBundle(id: ${idLiteral(forkId)}, data: { forkedFrom: ${idLiteral(hidden.id)}, forkRoot: ${idLiteral(hidden.id)} }) { id } }`, tokens.other)
    const after = await stored(forkId)
    expect(String(relationId(after.forkedFrom))).toBe(String(relationId(before.forkedFrom)))
    expect(String(relationId(after.forkRoot))).toBe(String(relationId(before.forkRoot)))
    const create = await graphql(
      `mutation { createBundle(data: { title: "伪造", kind: monthly, jurisdiction: ${idLiteral(otherDistrict.id)}, visibility: shared, forkedFrom: ${idLiteral(hidden.id)} }) { id } }`,
      tokens.other,
    )
    const createdId = create.data?.createBundle?.id
    if (createdId) expect((await stored(createdId)).forkedFrom ?? null).toBeNull()
    // refused or ignored, never stored
    expect(update.errors || update.data?.updateBundle).toBeTruthy()
  })

  it('the merge base and lineage are never handed out, nor queryable', async () => {
    const forkId = (await payload.find({ collection: 'bundles', where: { forkedFrom: { equals: source.id }, jurisdiction: { equals: otherDistrict.id } } })).docs[0]!.id
    const { body } = await rest.findByID('bundles', forkId, tokens.other)
    expect(body.forkBase ?? {}).toEqual({})
    expect(body).not.toHaveProperty('forkPath')
    const query = await rest.find('bundles', tokens.other, { forkPath: { contains: `/${source.id}/` } })
    expect(query.status).toBe(400)
    const gq = await graphql('{ Bundles { docs { id } } }', tokens.other)
    expect(gq.data.Bundles.docs.length).toBeGreaterThan(0)
    const fields = await graphql('{ Bundles { docs { forkPath forkBase { version updatedAt items } } } }', tokens.other)
    for (const doc of fields.data.Bundles.docs) expect(doc).toEqual({ forkBase: { items: null, updatedAt: null, version: null }, forkPath: null })
    const gqWhere = await graphql(`{ Bundles(where: { forkPath: { contains: "/${source.id}/" } }) { docs { id } } }`, tokens.other)
    expect(gqWhere.errors?.length).toBeGreaterThan(0)
  })

  it('a fork does not show its origin to a reader who may not read the origin (REST and GraphQL)', async () => {
    const copy = (await payload.find({ collection: 'bundles', where: { forkedFrom: { equals: hidden.id } } })).docs[0]!
    await payload.update({ id: copy.id, collection: 'bundles', data: { _status: 'published' } as never })
    const { body } = await rest.findByID('bundles', copy.id, tokens.other)
    expect(body.id).toBe(copy.id)
    expect(body.forkedFrom ?? null).toBeNull()
    expect(body.forkRoot ?? null).toBeNull()
    const idLiteral = typeof copy.id === 'number' ? copy.id : JSON.stringify(copy.id)
    const gq = await graphql(`{ Bundle(id: ${idLiteral}) { id forkedFrom { id } forkRoot { id } } }`, tokens.other)
    expect(gq.data.Bundle.forkedFrom).toBeNull()
    expect(gq.data.Bundle.forkRoot).toBeNull()
  })
})

describe('reuse (复用情况)', () => {
  it('the origin’s organizer sees every fork they may read, direct and further down, by jurisdiction', async () => {
    const { body, status } = await rest.request('GET', `/bundles/${source.id}/reuse`, { token: tokens.district })
    expect(status).toBe(200)
    expect(body.total).toBe(2)
    expect(body.direct).toBe(1)
    expect(body.jurisdictions.map((entry: any) => entry.name).sort()).toEqual(['池上镇', '淄川区'].sort())
  })

  it('lists only what the viewer may read: a member does not learn of a draft fork; a local fork elsewhere is not told', async () => {
    const member = await rest.request('GET', `/bundles/${source.id}/reuse`, { token: tokens.member })
    expect(member.body.total).toBe(1)
    expect(member.body.jurisdictions.map((entry: any) => entry.name)).toEqual(['淄川区'])
    const local = await fork(source.id, tokens.other, { visibility: 'local' })
    await payload.update({ id: local.body.doc.id, collection: 'bundles', data: { _status: 'published' } as never })
    const district = await rest.request('GET', `/bundles/${source.id}/reuse`, { token: tokens.district })
    expect(district.body.forks.map((entry: any) => String(entry.id))).not.toContain(String(local.body.doc.id))
    const owner = await rest.request('GET', `/bundles/${source.id}/reuse`, { token: tokens.other })
    expect(owner.body.forks.map((entry: any) => String(entry.id))).toContain(String(local.body.doc.id))
  })

  it('the reuse of a bundle one may not read is the same 404 as a made-up id', async () => {
    const hiddenAnswer = await rest.request('GET', `/bundles/${hidden.id}/reuse`, { token: tokens.other })
    const madeUp = await rest.request('GET', `/bundles/${MADE_UP_ID()}/reuse`, { token: tokens.other })
    expect(hiddenAnswer.status).toBe(404)
    expect(hiddenAnswer).toEqual(madeUp)
  })
})

describe('upstream changes (上游更新)', () => {
  let forkId: number | string

  beforeAll(async () => {
    const { body } = await fork(source.id, tokens.other)
    forkId = body.doc.id
    items.local = await lesson('淄川区自己加的课', otherDistrict.id)
  })

  it('the fork shows no change right after the copy', async () => {
    const { body } = await rest.request('GET', `/bundles/${forkId}/upstream`, { token: tokens.other })
    expect(body).toMatchObject({ fork: true, upstream: { changed: false } })
  })

  it('after the upstream changes, the fork shows what changed, but nothing the viewer may not read', async () => {
    // locally: B removed, a lesson of 淄川区 added
    await rest.update('bundles', forkId, { items: [row('lessons', items.a!), row('videos', items.c!), row('lessons', items.local!)] }, tokens.other)
    // upstream: D added first, C removed, E added and then narrowed (the forker no longer reads it); the lesson
    // narrowed before the fork goes too (a saved bundle takes no narrower part)
    items.d = await lesson('新增的一课', tree.district.id)
    items.e = await lesson('又收窄的一课', tree.district.id)
    const upstream = await rest.update(
      'bundles',
      source.id,
      { items: [row('lessons', items.d), row('lessons', items.a!), row('lessons', items.b!), row('lessons', items.e)] },
      tokens.district,
    )
    expect(upstream.status).toBe(200)
    await payload.update({ id: items.e.id, collection: 'lessons', data: { visibility: 'local' } as never })
    const { body } = await rest.request('GET', `/bundles/${forkId}/upstream`, { token: tokens.other })
    expect(body.upstream.changed).toBe(true)
    expect(body.upstream.added.map((entry: any) => String(entry.value))).toEqual(ids(items.d))
    expect(body.upstream.removed.map((entry: any) => String(entry.value))).toEqual(ids(items.c!))
    expect(JSON.stringify(body)).not.toContain('又收窄的一课')
    expect(JSON.stringify(body)).not.toContain('后来收窄的一课')
  })

  it('pulling into someone else’s fork is refused: 403 to a reader who may not edit it, 404 to one who may not read it', async () => {
    await payload.update({ id: forkId, collection: 'bundles', data: { _status: 'published' } as never })
    const reader = await rest.request('POST', `/bundles/${forkId}/pull-upstream`, { token: tokens.district })
    expect(reader.status).toBe(403)
    expect(JSON.stringify(reader.body)).toMatch(BILINGUAL)
    const draft = (await payload.find({ collection: 'bundles', draft: true, where: { jurisdiction: { equals: tree.otherTown.id }, forkedFrom: { exists: true } } })).docs[0]!
    const stranger = await rest.request('POST', `/bundles/${draft.id}/pull-upstream`, { token: tokens.other })
    const madeUp = await rest.request('POST', `/bundles/${MADE_UP_ID()}/pull-upstream`, { token: tokens.other })
    expect(stranger.status).toBe(404)
    expect(stranger).toEqual(madeUp)
    const notFork = await rest.request('POST', `/bundles/${source.id}/pull-upstream`, { token: tokens.district })
    expect(notFork.status).toBe(400)
  })

  it('a pull applies upstream additions and removals, keeps local additions and removals, never copies what the puller cannot read', async () => {
    const { body, status } = await rest.request('POST', `/bundles/${forkId}/pull-upstream`, { token: tokens.other })
    expect(status).toBe(200)
    const after = await stored(forkId)
    expect(itemIds(after)).toEqual(ids(items.d!, items.a!, items.local!))
    expect(body.added.map((entry: any) => String(entry.value))).toEqual(ids(items.d!))
    const status2 = await rest.request('GET', `/bundles/${forkId}/upstream`, { token: tokens.other })
    expect(status2.body.upstream.changed).toBe(false)
  })

  it('an upstream reorder is applied on the next pull, the local addition staying after its predecessor', async () => {
    await rest.update('bundles', source.id, { items: [row('lessons', items.b!), row('lessons', items.a!), row('lessons', items.d!)] }, tokens.district)
    const { status } = await rest.request('POST', `/bundles/${forkId}/pull-upstream`, { token: tokens.other })
    expect(status).toBe(200)
    expect(itemIds(await stored(forkId))).toEqual(ids(items.a!, items.local!, items.d!))
  })
})

describe('the builder’s server side', () => {
  it('an item the organizer cannot read can never be added (bilingual 400)', async () => {
    const copy = (await payload.find({ collection: 'bundles', where: { jurisdiction: { equals: otherDistrict.id } } })).docs[0]!
    const answer = await rest.update('bundles', copy.id, { items: [row('lessons', items.townLocal!)] }, tokens.other)
    expect(answer.status).toBe(400)
    expect(JSON.stringify(answer.body)).toMatch(BILINGUAL)
  })
})
