/**
 * Issue 8, "Reads that must follow the §3 rule": everything derived from an item is exactly as visible as the
 * item. Versions, preview pictures, parts of routes and bundles, queries on hidden fields and the duplicate check,
 * each tried as an attacker would, through REST and GraphQL.
 */
import type { Payload } from 'payload'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildTextPdf } from '@/seed/pdf'
import { getSearchEngine } from '@/search'
import { drainSearchOutbox } from '@/search/sync'

import { createJurisdictionTree, createUser, TEST_PASSWORD, type Tree } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { downloadViaRest, storedFiles, uploadViaRest } from '../helpers/upload'

let payload: Payload
let stop: () => Promise<void>
let rest: RestClient
let tree: Tree
let graphql: (query: string, token?: string) => Promise<any>
const token: Record<string, string> = {}

const READER_EMAILS = {
  admin: 'admin@leaks.local',
  author: 'author@leaks.local',
  farInstructor: 'far.instructor@leaks.local',
  farMember: 'far.member@leaks.local',
  farOrganizer: 'far.organizer@leaks.local',
  member: 'member@leaks.local',
  organizer: 'organizer@leaks.local',
} as const
type ReaderName = keyof typeof READER_EMAILS | 'anonymous'
const tokenOf = (reader: ReaderName): string | undefined => (reader === 'anonymous' ? undefined : token[reader])

/** An id as a GraphQL literal: a number on SQLite, a string on MongoDB. */
const idLiteral = (id: number | string): string => (/^\d+$/.test(String(id)) ? String(id) : JSON.stringify(String(id)))

const ids = (body: any): string[] => (body?.docs ?? []).map((doc: { id: number | string }) => String(doc.id)).sort()

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  await (await getSearchEngine()).clear()
  rest = new RestClient(payload)
  tree = await createJurisdictionTree(payload)
  const post = GRAPHQL_POST(Promise.resolve(payload.config))
  graphql = async (query, jwt) => {
    const headers = new Headers({ 'Content-Type': 'application/json' })
    if (jwt) headers.set('Authorization', `JWT ${jwt}`)
    const response = await post(new Request('http://localhost:3000/api/graphql', { body: JSON.stringify({ query }), headers, method: 'POST' }))
    return response.json()
  }
  const accounts: Array<[keyof typeof READER_EMAILS, number | string, 'admin' | 'instructor' | 'member' | 'organizer']> = [
    ['admin', tree.province.id, 'admin'],
    ['author', tree.town.id, 'instructor'],
    ['organizer', tree.district.id, 'organizer'],
    ['member', tree.town.id, 'member'],
    ['farMember', tree.otherTown.id, 'member'],
    ['farOrganizer', tree.otherTown.id, 'organizer'],
    ['farInstructor', tree.otherTown.id, 'instructor'],
  ]
  for (const [name, jurisdiction, role] of accounts) {
    await createUser(payload, { email: READER_EMAILS[name], jurisdiction, role })
    token[name] = await rest.login(READER_EMAILS[name], TEST_PASSWORD)
  }
})
afterAll(async () => stop?.())

describe('versions are read exactly by those who may read the item’s drafts', () => {
  let lessonId: string
  let versionId: string

  beforeAll(async () => {
    const created = await rest.create('lessons', { _status: 'draft', jurisdiction: tree.town.id, title: '版本-草稿', visibility: 'local' }, token.author, { draft: true })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    lessonId = String(created.body.doc.id)
    await rest.update('lessons', lessonId, { title: '版本-草稿二' }, token.author, { draft: true })
    const all = await payload.findVersions({ collection: 'lessons', where: { parent: { equals: lessonId } } })
    expect(all.docs.length).toBeGreaterThanOrEqual(2)
    versionId = String(all.docs[0]!.id)
  })

  const VERSION_READERS: Array<[ReaderName, boolean]> = [
    ['anonymous', false],
    ['member', false],
    ['farMember', false],
    ['farOrganizer', false],
    ['farInstructor', false],
    ['author', true],
    ['organizer', true],
    ['admin', true],
  ]

  it.each(VERSION_READERS)('REST /versions and /versions/<id>: %s sees them: %s', async (reader, sees) => {
    const listed = await rest.request('GET', '/lessons/versions', { query: { depth: 0, limit: 100, where: { parent: { equals: lessonId } } }, token: tokenOf(reader) })
    const listedIds = (listed.body?.docs ?? []).map((doc: { id: unknown }) => String(doc.id))
    expect(listedIds.includes(versionId), `${reader} lists the version`).toBe(sees)
    const one = await rest.request('GET', `/lessons/versions/${versionId}`, { query: { depth: 0 }, token: tokenOf(reader) })
    if (sees) expect(one.status).toBe(200)
    else {
      expect([403, 404]).toContain(one.status)
      expect(JSON.stringify(one.body)).not.toContain('版本-草稿')
    }
  })

  it.each(VERSION_READERS)('GraphQL versionsLessons / versionLesson: %s sees them: %s', async (reader, sees) => {
    const listed = await graphql(`{ versionsLessons(limit: 100, where: { parent: { equals: ${idLiteral(lessonId)} } }) { docs { id version { title } } } }`, tokenOf(reader))
    const titles = JSON.stringify(listed.data ?? null)
    expect(titles.includes('版本-草稿'), `${reader}: ${JSON.stringify(listed)}`).toBe(sees)
    const one = await graphql(`{ versionLesson(id: ${idLiteral(versionId)}) { id version { title } } }`, tokenOf(reader))
    expect(Boolean(one.data?.versionLesson?.version?.title), `${reader}: ${JSON.stringify(one)}`).toBe(sees)
  })

  it('after a jurisdiction moves away, its old organizers read none of its items’ versions', async () => {
    const movingTown = await payload.create({ collection: 'jurisdictions', data: { level: '镇/街道' as never, name: '迁出镇', parent: tree.district.id } })
    const lesson = await payload.create({ collection: 'lessons', data: { _status: 'draft', jurisdiction: movingTown.id, title: '迁出镇草稿', visibility: 'local' }, draft: true })
    await payload.update({ id: lesson.id, collection: 'lessons', data: { title: '迁出镇草稿二' }, draft: true })
    const versionsSeenBy = async (reader: ReaderName) =>
      (await rest.request('GET', '/lessons/versions', { query: { depth: 0, where: { parent: { equals: lesson.id } } }, token: tokenOf(reader) })).body.docs.length
    expect(await versionsSeenBy('organizer')).toBeGreaterThanOrEqual(2)
    await payload.update({ id: movingTown.id, collection: 'jurisdictions', data: { parent: tree.city.id } })
    expect(await versionsSeenBy('organizer')).toBe(0)
    expect(await versionsSeenBy('admin')).toBeGreaterThanOrEqual(2)
  })

  it('restoring a version nobody showed you answers as for a version that does not exist', async () => {
    for (const reader of ['anonymous', 'farMember', 'farOrganizer'] as const) {
      const real = await rest.request('POST', `/lessons/versions/${versionId}`, { token: tokenOf(reader) })
      const missing = await rest.request('POST', `/lessons/versions/${Number.isNaN(Number(versionId)) ? '0123456789abcdef01234567' : '999999'}`, { token: tokenOf(reader) })
      expect(real.status, reader).toBe(missing.status)
    }
    const restored = await rest.request('POST', `/lessons/versions/${versionId}`, { query: { draft: true }, token: token.organizer })
    expect(restored.status, JSON.stringify(restored.body)).toBe(200)
  })
})

describe('preview pictures are exactly as visible as their courseware', () => {
  const uploadPdf = async (title: string, visibility: string, status: 'draft' | 'published', jwt = token.author) => {
    const bytes = buildTextPdf(title, [`${title} 第一页`])
    const result = await uploadViaRest(payload, 'courseware', {
      bytes,
      data: { _status: status, jurisdiction: tree.town.id, title, visibility },
      filename: `${title}.pdf`,
      path: status === 'draft' ? '/courseware?draft=true' : '/courseware',
      token: jwt,
    })
    expect(result.status, JSON.stringify(result.body)).toBe(201)
    await payload.jobs.run({ limit: 100 })
    const doc = await payload.findByID({ id: result.body.doc.id, collection: 'courseware', depth: 0, draft: true })
    expect(doc.preview, 'a preview was made').toBeTruthy()
    const media = await payload.findByID({ id: doc.preview as number, collection: 'media', depth: 0 })
    return { courseware: doc, media }
  }

  const canSeePreview = async (mediaId: number | string, filename: string, reader: ReaderName) => {
    const jwt = tokenOf(reader)
    const one = await rest.findByID('media', mediaId, jwt)
    const listed = await rest.find('media', jwt)
    const file = await downloadViaRest(payload, `/media/file/${filename}`, { token: jwt })
    const gql = await graphql(`{ allMedia(limit: 100) { docs { id } } }`, jwt)
    const inGraphql = (gql.data?.allMedia?.docs ?? []).some((doc: { id: unknown }) => String(doc.id) === String(mediaId))
    const answers = [one.status === 200, ids(listed.body).includes(String(mediaId)), file.status === 200, inGraphql]
    expect(new Set(answers).size, `${reader}: REST one/list, file, GraphQL agree ${JSON.stringify(answers)}`).toBe(1)
    return answers[0]!
  }

  it('a local draft’s preview: only its creator, organizers above and admins; no title in its description or name', async () => {
    const { media } = await uploadPdf('本镇内部课件草稿', 'local', 'draft')
    expect(media.alt).not.toContain('本镇内部课件草稿')
    expect(media.filename).not.toContain('本镇内部课件草稿')
    expect(media.originalFilename ?? '').not.toContain('本镇内部课件草稿')
    const expected: Array<[ReaderName, boolean]> = [
      ['anonymous', false],
      ['member', false],
      ['farMember', false],
      ['farOrganizer', false],
      ['author', true],
      ['organizer', true],
      ['admin', true],
    ]
    for (const [reader, sees] of expected) expect(await canSeePreview(media.id, media.filename!, reader), reader).toBe(sees)
  })

  it('a published local item’s preview: its jurisdiction line, not other towns or anonymous visitors', async () => {
    const { media } = await uploadPdf('本镇内部课件', 'local', 'published')
    for (const [reader, sees] of [['anonymous', false], ['farMember', false], ['member', true]] as const) {
      expect(await canSeePreview(media.id, media.filename!, reader), reader).toBe(sees)
    }
  })

  it('a public item’s preview is public; a draft with a new file keeps its new preview to draft readers', async () => {
    const { courseware, media } = await uploadPdf('公开课件', 'public', 'published')
    expect(await canSeePreview(media.id, media.filename!, 'anonymous')).toBe(true)
    const replaced = await uploadViaRest(payload, 'courseware', {
      bytes: buildTextPdf('公开课件新版', ['新版第一页']),
      data: { _status: 'draft' },
      filename: '公开课件新版.pdf',
      method: 'PATCH',
      path: `/courseware/${courseware.id}?draft=true`,
      token: token.author,
    })
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200)
    await payload.jobs.run({ limit: 100 })
    const draft = await payload.findByID({ id: courseware.id, collection: 'courseware', depth: 0, draft: true })
    expect(draft.preview).toBeTruthy()
    expect(String(draft.preview)).not.toBe(String(media.id))
    const draftPreview = await payload.findByID({ id: draft.preview as number, collection: 'media', depth: 0 })
    expect(await canSeePreview(draftPreview.id, draftPreview.filename!, 'anonymous')).toBe(false)
    expect(await canSeePreview(draftPreview.id, draftPreview.filename!, 'author')).toBe(true)
    expect(await canSeePreview(media.id, media.filename!, 'anonymous'), 'the published preview stays').toBe(true)
    // publishing the draft: the new preview becomes public, the old one and its files go
    const published = await rest.update('courseware', courseware.id, { _status: 'published' }, token.author)
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    expect(await canSeePreview(draftPreview.id, draftPreview.filename!, 'anonymous')).toBe(true)
    expect(await payload.count({ collection: 'media', where: { id: { equals: media.id } } })).toMatchObject({ totalDocs: 0 })
    expect(await storedFiles(payload, 'media')).not.toContain(media.filename)
  })

  it('a preview goes with its file when the file is replaced, and with its item when the item is deleted', async () => {
    const { courseware, media } = await uploadPdf('将被替换的课件', 'shared', 'published')
    const replaced = await uploadViaRest(payload, 'courseware', {
      bytes: buildTextPdf('替换后的课件', ['替换后第一页']),
      data: { _status: 'published' },
      filename: '替换后的课件.pdf',
      method: 'PATCH',
      path: `/courseware/${courseware.id}`,
      token: token.author,
    })
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200)
    expect(await payload.count({ collection: 'media', where: { id: { equals: media.id } } })).toMatchObject({ totalDocs: 0 })
    expect(await storedFiles(payload, 'media')).not.toContain(media.filename)
    await payload.jobs.run({ limit: 100 })
    const current = await payload.findByID({ id: courseware.id, collection: 'courseware', depth: 0 })
    expect(current.preview).toBeTruthy()
    const newPreview = await payload.findByID({ id: current.preview as number, collection: 'media', depth: 0 })
    const removed = await rest.delete('courseware', courseware.id, token.author)
    expect(removed.status).toBe(200)
    expect(await payload.count({ collection: 'media', where: { id: { equals: newPreview.id } } })).toMatchObject({ totalDocs: 0 })
    expect(await storedFiles(payload, 'media')).not.toContain(newPreview.filename)
  })

  it('previews made before this rule (no previewOf, the title in alt) are adopted by npm run previews:adopt', async () => {
    const { courseware, media } = await uploadPdf('旧版预览的本地课件', 'local', 'published')
    // as the old extraction job left it: an ordinary picture with the title in its description
    await payload.db.updateOne({ id: media.id, collection: 'media', data: { alt: '旧版预览的本地课件（首页预览）', previewOf: null, previewOfDraft: null } })
    expect((await rest.findByID('media', media.id)).status, 'before: anyone reads it').toBe(200)
    const { adoptPreviews } = await import('@/ingest/hooks/previews')
    const { createLocalReq } = await import('payload')
    expect(await adoptPreviews(await createLocalReq({}, payload))).toBe(1)
    expect(await adoptPreviews(await createLocalReq({}, payload)), 'a second run changes nothing').toBe(0)
    expect(await canSeePreview(media.id, media.filename!, 'anonymous')).toBe(false)
    expect(await canSeePreview(media.id, media.filename!, 'member')).toBe(true)
    const adopted = await payload.findByID({ id: media.id, collection: 'media', depth: 0 })
    expect(adopted.alt).not.toContain('旧版预览')
    expect(String(adopted.previewOf)).toBe(String(courseware.id))
  })

  it('ordinary pictures stay readable by anyone', async () => {
    const picture = await payload.create({
      collection: 'media',
      data: { alt: '封面', jurisdiction: tree.town.id },
      file: { data: Buffer.from(await (await import('sharp')).default({ create: { background: '#c00', channels: 3, height: 8, width: 8 } }).png().toBuffer()), mimetype: 'image/png', name: 'cover.png', size: 0 },
    })
    expect((await rest.findByID('media', picture.id)).status).toBe(200)
  })
})

describe('what a wider item shows of its parts', () => {
  let publicSite: any
  let localSite: any
  let route: any

  const createSite = (title: string, visibility: string, lat: number) =>
    payload.create({
      collection: 'field-sites',
      data: { address: `${title}地址`, jurisdiction: tree.town.id, lat, lng: 117.9, title, type: '红色教育', visibility } as never,
    })

  beforeAll(async () => {
    publicSite = await createSite('公开纪念馆', 'public', 36.4)
    localSite = await createSite('内部党史馆秘点', 'local', 36.45)
    const created = await rest.create(
      'field-routes',
      { _status: 'published', jurisdiction: tree.town.id, stops: [{ minutes: 30, site: publicSite.id, topic: '第一站' }], title: '公开红色路线', visibility: 'public' },
      token.organizer,
    )
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    route = created.body.doc
  })

  it('a public route cannot take a local stop: 400 on the stop, in Chinese and English', async () => {
    const refused = await rest.update('field-routes', route.id, { stops: [...route.stops.map((stop: any) => ({ ...stop, site: publicSite.id })), { minutes: 20, site: localSite.id, topic: '第二站' }] }, token.organizer)
    expect(refused.status).toBe(400)
    const error = refused.body.errors[0]
    expect(JSON.stringify(error)).toMatch(/stops\.1\.site/)
    expect(JSON.stringify(error)).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/)
    const local = await rest.create(
      'field-routes',
      { _status: 'published', jurisdiction: tree.town.id, stops: [{ minutes: 30, site: localSite.id, topic: '站' }], title: '本镇路线', visibility: 'local' },
      token.organizer,
    )
    expect(local.status, 'a local route of the same town may take it').toBe(201)
    const widened = await rest.update('field-routes', local.body.doc.id, { visibility: 'public' }, token.organizer)
    expect(widened.status, 'nor may it be widened around it').toBe(400)
    expect(JSON.stringify(widened.body)).toMatch(/stops\.0\.site/)
  })

  it('a public bundle cannot take a shared lesson; a shared bundle can', async () => {
    const lesson = await rest.create('lessons', { _status: 'published', durationMinutes: 60, jurisdiction: tree.town.id, title: '共享课程', visibility: 'shared' }, token.author)
    const item = { item: { relationTo: 'lessons', value: lesson.body.doc.id } }
    const publicBundle = await rest.create('bundles', { _status: 'published', items: [item], jurisdiction: tree.town.id, kind: '月训', title: '公开包', visibility: 'public' }, token.organizer)
    expect(publicBundle.status).toBe(400)
    expect(JSON.stringify(publicBundle.body)).toMatch(/items\.0\.item/)
    const sharedBundle = await rest.create('bundles', { _status: 'published', items: [item], jurisdiction: tree.town.id, kind: '月训', title: '共享包', visibility: 'shared' }, token.organizer)
    expect(sharedBundle.status, JSON.stringify(sharedBundle.body)).toBe(201)
  })

  it('a stop that narrows later disappears for readers who may not see it: REST at any depth, GraphQL, search', async () => {
    const narrowing = await createSite('后来收窄的教学点', 'public', 36.5)
    const created = await rest.create(
      'field-routes',
      {
        _status: 'published',
        jurisdiction: tree.town.id,
        stops: [
          { minutes: 30, site: publicSite.id, topic: '开头' },
          { minutes: 40, site: narrowing.id, topic: '秘密站点讲解' },
        ],
        title: '会收窄的路线',
        visibility: 'public',
      },
      token.organizer,
    )
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const routeId = created.body.doc.id
    await payload.update({ id: narrowing.id, collection: 'field-sites', data: { visibility: 'local' } })
    await drainSearchOutbox(payload)

    for (const depth of [0, 1, 2]) {
      const seen = await rest.findByID('field-routes', routeId, undefined, { depth })
      expect(seen.status).toBe(200)
      const text = JSON.stringify(seen.body)
      expect(text, `depth ${depth}`).not.toContain('后来收窄的教学点')
      expect(seen.body.stops.map((stop: any) => String(typeof stop.site === 'object' ? stop.site.id : stop.site)), `depth ${depth}`).not.toContain(String(narrowing.id))
      expect(seen.body.totalMinutes, 'totals count only what the reader sees').toBe(30)
    }
    const listed = await rest.find('field-routes', undefined, { id: { equals: routeId } }, { depth: 1 })
    expect(JSON.stringify(listed.body)).not.toContain('后来收窄的教学点')
    const gql = await graphql(`{ FieldRoutes(where: { id: { equals: ${idLiteral(routeId)} } }) { docs { totalMinutes stops { topic site { id title } } } } }`)
    expect(JSON.stringify(gql)).not.toContain('后来收窄的教学点')
    expect(JSON.stringify(gql)).not.toContain('秘密站点讲解')
    // a reader who may see the site still sees the whole route
    const insider = await rest.findByID('field-routes', routeId, token.member, { depth: 1 })
    expect(JSON.stringify(insider.body)).toContain('后来收窄的教学点')
    expect(insider.body.totalMinutes).toBe(70)

    const byName = await rest.request('GET', '/search', { query: { q: '后来收窄的教学点' } })
    expect(JSON.stringify(byName.body.hits)).not.toContain('后来收窄的教学点')
    expect(byName.body.hits.map((hit: any) => hit.docId)).not.toContain(String(routeId))
    const near = await rest.request('GET', '/search', { query: { near: '36.5,117.9', radiusKm: 1 } })
    expect(near.status).toBe(200)
    expect(near.body.hits.map((hit: any) => hit.title)).toEqual([])
    const insiderSearch = await rest.request('GET', '/search', { query: { q: '后来收窄的教学点' }, token: token.member })
    expect(insiderSearch.body.hits.map((hit: any) => hit.title)).toContain('后来收窄的教学点')
  })

  it('a bundle item that narrows later disappears with its id and minutes', async () => {
    const lesson = await rest.create('lessons', { _status: 'published', durationMinutes: 90, jurisdiction: tree.town.id, title: '后来收窄的课程', visibility: 'public' }, token.author)
    const other = await rest.create('lessons', { _status: 'published', durationMinutes: 30, jurisdiction: tree.town.id, title: '一直公开的课程', visibility: 'public' }, token.author)
    const bundle = await rest.create(
      'bundles',
      {
        _status: 'published',
        items: [{ item: { relationTo: 'lessons', value: other.body.doc.id } }, { item: { relationTo: 'lessons', value: lesson.body.doc.id } }],
        jurisdiction: tree.town.id,
        kind: '月训',
        title: '会收窄的课程包',
        visibility: 'public',
      },
      token.organizer,
    )
    expect(bundle.status, JSON.stringify(bundle.body)).toBe(201)
    expect(bundle.body.doc.totalHours).toBe(2)
    await payload.update({ id: lesson.body.doc.id, collection: 'lessons', data: { visibility: 'local' } })
    await drainSearchOutbox(payload)
    for (const depth of [0, 1]) {
      const seen = await rest.findByID('bundles', bundle.body.doc.id, undefined, { depth })
      const itemIds = seen.body.items.map((row: any) => String(typeof row.item.value === 'object' ? row.item.value.id : row.item.value))
      expect(itemIds).toEqual([String(other.body.doc.id)])
      expect(seen.body.totalHours).toBe(0.5)
    }
    const gql = await graphql(`{ Bundles(where: { title: { equals: "会收窄的课程包" } }) { docs { totalHours items { item { relationTo value { ... on Lesson { id title } } } } } } }`)
    expect(JSON.stringify(gql)).not.toContain('后来收窄的课程')
    expect(JSON.stringify(gql)).toContain('一直公开的课程')
    const hits = await rest.request('GET', '/search', { query: { q: '后来收窄的课程' } })
    expect(hits.body.hits.map((hit: any) => hit.title)).not.toContain('会收窄的课程包')
  })
})

describe('what any item shows of the items it links to', () => {
  it('a lesson’s courseware, lecturer and a textbook’s PDF that turned local show no id or name to readers who may not see them', async () => {
    const lecturer = await rest.create('lecturers', { jurisdiction: tree.town.id, kind: '老党员', name: '本镇内部讲师甲', visibility: 'public' }, token.organizer)
    expect(lecturer.status, JSON.stringify(lecturer.body)).toBe(201)
    const courseware = await uploadViaRest(payload, 'courseware', {
      bytes: buildTextPdf('将收窄的配套课件', ['配套']),
      data: { _status: 'published', jurisdiction: tree.town.id, title: '将收窄的配套课件', visibility: 'public' },
      filename: '配套.pdf',
      token: token.author,
    })
    const lesson = await rest.create(
      'lessons',
      { _status: 'published', courseware: [courseware.body.doc.id], jurisdiction: tree.town.id, lecturers: [lecturer.body.doc.id], title: '有配套的公开课', visibility: 'public' },
      token.author,
    )
    expect(lesson.status, JSON.stringify(lesson.body)).toBe(201)
    const book = await rest.create('textbooks', { _status: 'published', jurisdiction: tree.town.id, pdf: courseware.body.doc.id, title: '有电子版的公开教材', visibility: 'public' }, token.organizer)
    expect(book.status, JSON.stringify(book.body)).toBe(201)
    await payload.update({ id: courseware.body.doc.id, collection: 'courseware', data: { visibility: 'local' } })
    await payload.update({ id: lecturer.body.doc.id, collection: 'lecturers', data: { visibility: 'local' } })
    await drainSearchOutbox(payload)

    for (const depth of [0, 1]) {
      const seen = await rest.findByID('lessons', lesson.body.doc.id, undefined, { depth })
      expect(seen.body.courseware, `depth ${depth}`).toEqual([])
      expect(seen.body.lecturers, `depth ${depth}`).toEqual([])
      const seenBook = await rest.findByID('textbooks', book.body.doc.id, undefined, { depth })
      expect(seenBook.body.pdf ?? null, `depth ${depth}`).toBeNull()
    }
    const gql = await graphql(`{ Lessons(where: { title: { equals: "有配套的公开课" } }) { docs { courseware { id title } lecturers { id name } } } }`)
    expect(JSON.stringify(gql)).not.toContain('将收窄的配套课件')
    expect(JSON.stringify(gql)).not.toContain('本镇内部讲师甲')
    const insider = await rest.findByID('lessons', lesson.body.doc.id, token.member, { depth: 0 })
    expect(insider.body.courseware.map(String)).toEqual([String(courseware.body.doc.id)])
    const hits = await rest.request('GET', '/search', { query: { q: '本镇内部讲师甲' } })
    expect(hits.body.hits.map((hit: any) => hit.title)).not.toContain('有配套的公开课')
    expect(JSON.stringify(hits.body)).not.toContain('本镇内部讲师甲')
  })
})

describe('queries on fields the reader may not read', () => {
  let lessonId: string

  beforeAll(async () => {
    const created = await rest.create('lessons', { _status: 'published', jurisdiction: tree.town.id, title: '查询测试课程', visibility: 'public' }, token.author)
    lessonId = String(created.body.doc.id)
  })

  /** Two queries that differ only in the hidden condition answer alike (both refused, or the same documents). */
  const sameAnswer = async (reader: ReaderName, where: (value: unknown) => Record<string, unknown>, values: [unknown, unknown], extra: Record<string, unknown> = {}) => {
    const [a, b] = await Promise.all(values.map((value) => rest.find('lessons', tokenOf(reader), where(value) as never, extra)))
    expect(a!.status, `${reader} ${JSON.stringify(where(values[0]))}`).toBe(b!.status)
    expect(ids(a!.body)).toEqual(ids(b!.body))
    return a!
  }

  const HIDDEN_PATHS: Array<[string, [unknown, unknown], string]> = [
    ['createdBy.sessions.id', [true, false], 'exists'],
    ['createdBy.sessions.expiresAt', [true, false], 'exists'],
    ['createdBy.email', [READER_EMAILS.author, 'nobody@leaks.local'], 'equals'],
    ['createdBy.hash', [true, false], 'exists'],
    ['createdBy.salt', [true, false], 'exists'],
    ['createdBy.resetPasswordToken', [true, false], 'exists'],
    ['createdBy.jurisdictionPath', ['/', '/none/'], 'contains'],
    ['createdBy.name', ['author', 'nobody'], 'equals'],
  ]

  it.each(HIDDEN_PATHS)('anonymous and a member cannot filter lessons on %s', async (path, values, operator) => {
    for (const reader of ['anonymous', 'member', 'farMember'] as const) {
      const answer = await sameAnswer(reader, (value) => ({ [path]: { [operator]: value } }), values)
      expect(answer.status, `${reader}: ${JSON.stringify(answer.body)}`).toBe(400)
      expect(JSON.stringify(answer.body)).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('nor through a nested where on a linked lecturer’s creator', async () => {
    for (const reader of ['anonymous', 'member'] as const) {
      const answer = await sameAnswer(reader, (value) => ({ lecturers: { contains: { 'createdBy.sessions.id': { exists: value } } } }), [true, false])
      expect(answer.status, reader).toBe(400)
    }
  })

  it('nor sort on a creator’s email', async () => {
    for (const reader of ['anonymous', 'member'] as const) {
      const answer = await rest.find('lessons', tokenOf(reader), undefined, { sort: 'createdBy.email' })
      expect(answer.status, reader).toBe(400)
    }
  })

  it('nobody but an admin may filter users on their sign-in secrets, not even an organizer over them', async () => {
    for (const path of ['sessions.id', 'hash', 'salt', 'resetPasswordToken', 'sessions.expiresAt', 'loginAttempts']) {
      const answer = await rest.find('users', token.organizer, { [path]: { exists: true } })
      expect(answer.status, path).toBe(400)
    }
  })

  it('a filter through a relation to another kind of item only matches items the reader may read', async () => {
    const lesson = await rest.create('lessons', { _status: 'published', jurisdiction: tree.town.id, title: '将收窄的关联课程', visibility: 'public' }, token.author)
    const bundle = await rest.create(
      'bundles',
      { _status: 'published', items: [{ item: { relationTo: 'lessons', value: lesson.body.doc.id } }], jurisdiction: tree.town.id, kind: '月训', title: '关联查询包', visibility: 'public' },
      token.organizer,
    )
    expect(bundle.status, JSON.stringify(bundle.body)).toBe(201)
    await payload.update({ id: lesson.body.doc.id, collection: 'lessons', data: { visibility: 'local' } })
    for (const path of ['items.item.value.title', 'items.item.title']) {
      const [a, b] = await Promise.all(
        ['将收窄的关联课程', '不存在的标题'].map((title) => rest.request('GET', '/bundles', { query: { depth: 0, where: { [path]: { equals: title } } } })),
      )
      expect(a!.status, path).toBe(b!.status)
      expect(ids(a!.body), path).toEqual(ids(b!.body))
    }
  })

  it('a textbook’s PDF that turned local: no filter or order through it tells its title', async () => {
    const pdf = await uploadViaRest(payload, 'courseware', {
      bytes: buildTextPdf('教材电子版', ['电子版']),
      data: { _status: 'published', jurisdiction: tree.town.id, title: '将收窄的电子版', visibility: 'public' },
      filename: '教材电子版.pdf',
      token: token.author,
    })
    expect(pdf.status, JSON.stringify(pdf.body)).toBe(201)
    const book = await rest.create('textbooks', { _status: 'published', jurisdiction: tree.town.id, pdf: pdf.body.doc.id, title: '公开教材', visibility: 'public' }, token.organizer)
    expect(book.status, JSON.stringify(book.body)).toBe(201)
    await payload.update({ id: pdf.body.doc.id, collection: 'courseware', data: { visibility: 'local' } })
    const [a, b] = await Promise.all(
      ['将收窄的电子版', '不存在的标题'].map((title) => rest.find('textbooks', undefined, { 'pdf.title': { equals: title } })),
    )
    expect(a!.status).toBe(b!.status)
    expect(ids(a!.body)).toEqual(ids(b!.body))
    const insider = await rest.find('textbooks', token.member, { 'pdf.title': { equals: '将收窄的电子版' } })
    expect(ids(insider.body), 'a reader who may read the PDF may filter on it').toEqual([String(book.body.doc.id)])
    for (const reader of ['anonymous', 'member'] as const) {
      const ordered = await rest.find('textbooks', tokenOf(reader), undefined, { sort: '-pdf.title' })
      expect(ordered.status, reader).toBe(400)
      expect(JSON.stringify(ordered.body)).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/)
    }
  })

  it('GraphQL where offers no path into accounts, and account fields stay hidden', async () => {
    const users = await graphql(`{ Users(where: { email: { exists: true } }) { docs { id } } }`)
    expect(users.data?.Users?.docs ?? []).toEqual([])
    const nested = await graphql(`{ Lessons(where: { createdBy__email: { exists: true } }) { docs { id } } }`)
    expect(nested.errors?.length, JSON.stringify(nested)).toBeGreaterThan(0)
    const own = await graphql(`{ Lessons(where: { title: { equals: "查询测试课程" } }) { docs { id } } }`)
    expect(own.data.Lessons.docs.map((doc: { id: unknown }) => String(doc.id))).toEqual([lessonId])
  })
})

describe('the duplicate check is no oracle', () => {
  let held: any

  beforeAll(async () => {
    const bytes = buildTextPdf('本镇内部讲义', ['内部'])
    const result = await uploadViaRest(payload, 'courseware', {
      bytes,
      data: { _status: 'draft', jurisdiction: tree.town.id, title: '本镇内部讲义草稿', visibility: 'local' },
      filename: '内部讲义.pdf',
      path: '/courseware?draft=true',
      token: token.author,
    })
    expect(result.status, JSON.stringify(result.body)).toBe(201)
    held = { bytes, doc: result.body.doc }
  })

  it('an anonymous upload of a held file is refused for want of rights, naming nothing', async () => {
    const result = await uploadViaRest(payload, 'courseware', { bytes: held.bytes, data: { jurisdiction: tree.town.id }, filename: 'x.pdf' })
    expect([401, 403]).toContain(result.status)
    const text = JSON.stringify(result.body)
    expect(text).not.toContain('本镇内部讲义草稿')
    expect(text).not.toContain(String(held.doc.id))
    expect(text).not.toContain('duplicate_file')
  })

  it('a member (who may not upload courseware) is refused the same way', async () => {
    const result = await uploadViaRest(payload, 'courseware', { bytes: held.bytes, data: { jurisdiction: tree.town.id }, filename: 'x.pdf', token: token.member })
    expect(result.status).toBe(403)
    expect(JSON.stringify(result.body)).not.toContain('本镇内部讲义草稿')
  })

  it('an instructor who may not read the held item learns only its jurisdiction', async () => {
    const result = await uploadViaRest(payload, 'courseware', { bytes: held.bytes, data: { jurisdiction: tree.otherTown.id, visibility: 'shared' }, filename: 'x.pdf', token: token.farInstructor })
    expect(result.status).toBe(409)
    expect(result.body.errors[0].data).toMatchObject({ existingJurisdiction: { name: tree.town.name }, visible: false })
    expect(JSON.stringify(result.body)).not.toContain('本镇内部讲义草稿')
    expect(JSON.stringify(result.body)).not.toContain(`/${held.doc.id}`)
    const check = await rest.request('GET', `/courseware/duplicate?sha256=${held.doc.sha256}`, { token: token.farInstructor })
    expect(check.body).toMatchObject({ duplicate: true, visible: false })
    expect(JSON.stringify(check.body)).not.toContain('本镇内部讲义草稿')
  })

  it('a PATCH carrying a held file onto another item is refused before the check, for anonymous visitors and members', async () => {
    const target = await uploadViaRest(payload, 'courseware', {
      bytes: buildTextPdf('公开的另一份课件', ['另一份']),
      data: { _status: 'published', jurisdiction: tree.town.id, title: '公开的另一份课件', visibility: 'public' },
      filename: '另一份.pdf',
      token: token.author,
    })
    expect(target.status, JSON.stringify(target.body)).toBe(201)
    for (const reader of ['anonymous', 'member'] as const) {
      const result = await uploadViaRest(payload, 'courseware', { bytes: held.bytes, filename: 'x.pdf', method: 'PATCH', path: `/courseware/${target.body.doc.id}`, token: tokenOf(reader) })
      expect([401, 403, 404], reader).toContain(result.status)
      expect(JSON.stringify(result.body)).not.toContain('本镇内部讲义草稿')
      expect(JSON.stringify(result.body)).not.toContain('duplicate_file')
    }
  })

  it('the duplicate-check endpoint answers anonymous visitors and members without looking', async () => {
    expect((await rest.request('GET', `/courseware/duplicate?sha256=${held.doc.sha256}`)).status).toBe(401)
    expect((await rest.request('GET', `/courseware/duplicate?sha256=${held.doc.sha256}`, { token: token.member })).status).toBe(403)
  })
})
