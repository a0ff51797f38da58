/**
 * DESIGN.md §3 as a table: every role × relation to the owner × visibility, through the REST API.
 * Owner J is a town; users sit in J, in its district (ancestor), in a village below it (descendant)
 * and in a sibling town (unrelated); anonymous visitors too.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  createJurisdictionTree,
  createUser,
  jurisdictionFor,
  RELATIONS,
  type Relation,
  SIGNED_IN_ROLES,
  type SignedInRole,
  TEST_PASSWORD,
  type Tree,
} from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'

type Reader = { relation: 'anonymous' | Relation; role: 'anonymous' | SignedInRole }
type ItemCase = 'draft' | 'local' | 'public' | 'shared'
const ITEM_CASES: ItemCase[] = ['public', 'shared', 'local', 'draft']

const READERS: Reader[] = [
  { relation: 'anonymous', role: 'anonymous' },
  ...SIGNED_IN_ROLES.flatMap((role) => RELATIONS.map((relation) => ({ relation, role }))),
]

const organizerOfOwnerOrAbove = ({ relation, role }: Reader) =>
  role === 'organizer' && (relation === 'same' || relation === 'ancestor')

/** What §3 says a reader may read. */
const expectedRead = (reader: Reader, item: ItemCase): boolean => {
  if (reader.role === 'admin') return true
  if (item === 'draft') return organizerOfOwnerOrAbove(reader)
  if (item === 'public') return true
  if (reader.role === 'anonymous') return false
  if (item === 'shared') return true
  return reader.relation !== 'unrelated'
}

/** What §3 says a reader may change or delete (none of them created the items). */
const expectedManage = (reader: Reader): boolean => reader.role === 'admin' || organizerOfOwnerOrAbove(reader)

const readerName = ({ relation, role }: Reader) => (role === 'anonymous' ? 'anonymous' : `${role}@${relation}`)

let payload: Payload
let stop: () => Promise<void>
let rest: RestClient
let tree: Tree
const tokens = new Map<string, string | undefined>()
let authorToken: string
let authorId: number | string

const COLLECTIONS = [
  { drafts: true, slug: 'lessons', data: { durationMinutes: 45, title: '焦裕禄精神专题课' } },
  { drafts: false, slug: 'videos', data: { externalUrl: 'https://video.demo.commons.invalid/a', title: '专题片' } },
] as const

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  rest = new RestClient(payload)
  tree = await createJurisdictionTree(payload)
  const author = await createUser(payload, { email: 'author@test.local', jurisdiction: tree.town.id, role: 'instructor' })
  authorId = author.id
  authorToken = await rest.login('author@test.local', TEST_PASSWORD)
  for (const reader of READERS) {
    if (reader.role === 'anonymous') continue
    const email = `${reader.role}.${reader.relation}@test.local`
    await createUser(payload, {
      email,
      jurisdiction: jurisdictionFor(tree, reader.relation as Relation).id,
      role: reader.role,
    })
    tokens.set(readerName(reader), await rest.login(email, TEST_PASSWORD))
  }
})
afterAll(async () => stop?.())

describe.each(COLLECTIONS)('$slug: who sees and manages what', ({ data, drafts, slug }) => {
  const items = new Map<ItemCase, number | string>()

  beforeAll(async () => {
    for (const item of ITEM_CASES) {
      if (item === 'draft' && !drafts) continue
      const visibility = item === 'draft' ? 'local' : item
      const status = drafts ? { _status: item === 'draft' ? 'draft' : 'published' } : {}
      const { body, status: code } = await rest.create(
        slug,
        { ...data, ...status, jurisdiction: tree.town.id, visibility },
        authorToken,
        item === 'draft' ? { draft: true } : undefined,
      )
      expect(code, JSON.stringify(body)).toBe(201)
      items.set(item, body.doc.id)
    }
  })

  it.each(READERS)('read and list: $role @ $relation', async (reader) => {
    const token = tokens.get(readerName(reader))
    const listed = await rest.find(slug, token)
    expect(listed.status).toBe(200)
    const listedIds = new Set(listed.body.docs.map((doc: { id: number | string }) => String(doc.id)))
    for (const [item, id] of items) {
      const expected = expectedRead(reader, item)
      const read = await rest.findByID(slug, id, token)
      expect(read.status === 200, `${readerName(reader)} reads ${item}`).toBe(expected)
      if (!expected) expect([403, 404]).toContain(read.status)
      expect(listedIds.has(String(id)), `${readerName(reader)} lists ${item}`).toBe(expected)
    }
  })

  it.each(READERS)('update: $role @ $relation', async (reader) => {
    const token = tokens.get(readerName(reader))
    for (const [item, id] of items) {
      const before = await payload.findByID({ id, collection: slug, depth: 0, draft: true })
      const title = `${before.title}·${readerName(reader)}`
      const result = await rest.update(slug, id, { title }, token, item === 'draft' ? { draft: true } : undefined)
      const after = await payload.findByID({ id, collection: slug, depth: 0, draft: true })
      if (expectedManage(reader)) {
        expect(result.status, `${readerName(reader)} updates ${item}: ${JSON.stringify(result.body)}`).toBe(200)
        expect(after.title).toBe(title)
      } else {
        expect([401, 403, 404], `${readerName(reader)} updates ${item}`).toContain(result.status)
        expect(after.title).toBe(before.title)
      }
    }
  })

  it.each(READERS)('delete: $role @ $relation', async (reader) => {
    const token = tokens.get(readerName(reader))
    const status = drafts ? { _status: 'published' } : {}
    const created = await rest.create(slug, { ...data, ...status, jurisdiction: tree.town.id, visibility: 'shared' }, authorToken)
    const id = created.body.doc.id
    const result = await rest.delete(slug, id, token)
    const remaining = await payload.count({ collection: slug, where: { id: { equals: id } } })
    if (expectedManage(reader)) {
      expect(result.status).toBe(200)
      expect(remaining.totalDocs).toBe(0)
    } else {
      expect([401, 403, 404]).toContain(result.status)
      expect(remaining.totalDocs).toBe(1)
    }
  })

  it('the creator reads and edits their own items, drafts included', async () => {
    for (const [item, id] of items) {
      expect((await rest.findByID(slug, id, authorToken)).status, item).toBe(200)
      const edited = await rest.update(slug, id, { title: `作者修改 ${item}` }, authorToken, item === 'draft' ? { draft: true } : undefined)
      expect(edited.status, item).toBe(200)
    }
  })

  it('the Local API with overrideAccess: false applies the same rule', async () => {
    const member = await payload.find({
      collection: 'users',
      where: { email: { equals: 'member.unrelated@test.local' } },
    })
    const seen = await payload.find({ collection: slug, overrideAccess: false, user: member.docs[0], limit: 100 })
    const ids = new Set(seen.docs.map((doc) => String(doc.id)))
    expect(ids.has(String(items.get('shared')))).toBe(true)
    expect(ids.has(String(items.get('local')))).toBe(false)
  })
})

describe('instructors', () => {
  it('cannot publish or edit another instructor’s draft, and nothing changes', async () => {
    const other = await createUser(payload, { email: 'other@test.local', jurisdiction: tree.town.id, role: 'instructor' })
    const otherToken = await rest.login(other.email, TEST_PASSWORD)
    const { body } = await rest.create(
      'lessons',
      { _status: 'draft', jurisdiction: tree.town.id, title: '他人的草稿', visibility: 'public' },
      authorToken,
      { draft: true },
    )
    const attempt = await rest.update('lessons', body.doc.id, { _status: 'published' }, otherToken)
    expect([403, 404]).toContain(attempt.status)
    const after = await payload.findByID({ id: body.doc.id, collection: 'lessons', depth: 0, draft: true })
    expect(after._status).toBe('draft')
    expect(after.createdBy).toEqual(authorId)
  })

  it('cannot create themes, bundles or field sites', async () => {
    for (const [slug, data] of [
      ['themes', { name: '新主题' }],
      ['bundles', { jurisdiction: tree.town.id, kind: '月训', title: '包' }],
      ['field-sites', { address: '某地', jurisdiction: tree.town.id, lat: 36, lng: 117, title: '点', type: '红色教育' }],
    ] as const) {
      const result = await rest.create(slug, data, authorToken)
      expect(result.status, slug).toBe(403)
    }
  })
})
