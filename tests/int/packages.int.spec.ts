/**
 * USB packages (issue 11): `GET /api/bundles/:id/package` streams a zip with index.html, a page per item, the
 * files, an offline search and a manifest whose SHA-256 values match every entry. Only what the requester may
 * read goes in; a bundle they may not read is the same 404 as a made-up id; bad input is a bilingual 400.
 */
import type { Payload } from 'payload'

import { unzipSync, strFromU8 } from 'fflate'
import { createHash } from 'node:crypto'
import { handleEndpoints } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildCjkPdf, buildMp4Head } from '../fixtures/ingest/build'
import { createJurisdictionTree, createUser, TEST_PASSWORD, type Tree } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'

let payload: Payload
let stop: () => Promise<void>
let tree: Tree
let rest: RestClient
const tokens: Record<string, string> = {}
const ids: Record<string, number | string> = {}
let pdfBytes: Uint8Array

const BILINGUAL = /[\u4e00-\u9fff].* \/ [A-Za-z]/
const HIDDEN_TITLE = '源泉镇内部研讨课'

type Zip = Record<string, Uint8Array>

// a low per-address limit for the last test; calls without X-Forwarded-For (all others) count per account only
process.env.COMMONS_RATE_PACKAGE_IP = '3/3600'

async function exportPackage(bundleId: number | string, token?: string, query = '', address?: string): Promise<{ headers: Headers; status: number; zip?: Zip; body?: any }> {
  const headers = new Headers({ 'Accept-Language': 'zh' })
  if (address) headers.set('X-Forwarded-For', address)
  if (token) headers.set('Authorization', `JWT ${token}`)
  const response = await handleEndpoints({ config: payload.config, request: new Request(`http://localhost:3000/api/bundles/${bundleId}/package${query}`, { headers }) })
  if (response.status !== 200) return { body: await response.json(), headers: response.headers, status: response.status }
  expect(response.body).toBeInstanceOf(ReadableStream)
  return { headers: response.headers, status: 200, zip: unzipSync(new Uint8Array(await response.arrayBuffer())) }
}

const text = (zip: Zip, name: string) => strFromU8(zip[name]!)
const everyText = (zip: Zip) => Object.entries(zip).map(([name, bytes]) => `${name}\n${strFromU8(bytes)}`).join('\n')

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  tree = await createJurisdictionTree(payload)
  const people = {
    district: await createUser(payload, { email: 'organizer@pkg.local', jurisdiction: tree.district.id, role: 'organizer' }),
    otherTown: await createUser(payload, { email: 'member-other@pkg.local', jurisdiction: tree.otherTown.id, role: 'member' }),
    town: await createUser(payload, { email: 'member-town@pkg.local', jurisdiction: tree.town.id, role: 'member' }),
  }
  rest = new RestClient(payload)
  for (const [key, person] of Object.entries(people)) tokens[key] = await rest.login(person.email, TEST_PASSWORD)

  const owned = (jurisdiction: number | string, visibility: string) => ({ _status: 'published', jurisdiction, visibility })
  pdfBytes = await buildCjkPdf(2)
  const courseware = await payload.create({
    collection: 'courseware',
    data: { ...owned(tree.district.id, 'public'), title: '乡村振兴讲稿' } as never,
    file: { data: Buffer.from(pdfBytes), mimetype: 'application/pdf', name: '乡村振兴讲稿（第一讲）.pdf', size: pdfBytes.length },
  })
  const png = await sharp({ create: { background: '#a4161a', channels: 3, height: 40, width: 60 } }).png().toBuffer()
  const cover = await payload.create({ collection: 'media', data: { alt: '封面', jurisdiction: tree.district.id } as never, file: { data: png, mimetype: 'image/png', name: '封面.png', size: png.length } })
  const clip = Buffer.concat([Buffer.from(buildMp4Head()), Buffer.alloc(2 * 1024 * 1024)])
  const video = await payload.create({
    collection: 'videos',
    data: { ...owned(tree.district.id, 'public'), title: '红色记忆纪录片' } as never,
    file: { data: clip, mimetype: 'video/mp4', name: '红色记忆.mp4', size: clip.length },
  })
  const lesson = await payload.create({
    collection: 'lessons',
    data: { ...owned(tree.district.id, 'public'), courseware: [courseware.id], cover: cover.id, summary: '面向农村党员的乡村振兴专题党课', title: '乡村振兴专题党课', videos: [video.id] } as never,
  })
  const shared = await payload.create({ collection: 'lessons', data: { ...owned(tree.district.id, 'shared'), summary: '基层治理研讨', title: HIDDEN_TITLE } as never })
  const bundle = await payload.create({
    collection: 'bundles',
    data: { ...owned(tree.district.id, 'shared'), items: [{ item: { relationTo: 'lessons', value: lesson.id } }, { item: { relationTo: 'lessons', value: shared.id }, note: '仅限本镇' }], kind: 'monthly', title: '七月月训课程包' } as never,
  })
  // the second lesson narrows after it was put in the bundle: only 源泉镇's line may read it now
  await payload.update({ collection: 'lessons', data: { jurisdiction: tree.town.id, visibility: 'local' } as never, id: shared.id })
  const local = await payload.create({ collection: 'bundles', data: { ...owned(tree.town.id, 'local'), kind: 'monthly', title: '源泉镇本辖区课程包' } as never })
  Object.assign(ids, { bundle: bundle.id, courseware: courseware.id, local: local.id })
})
afterAll(async () => stop?.())

describe('USB package export', () => {
  let zip: Zip

  beforeAll(async () => {
    const answer = await exportPackage(ids.bundle!, tokens.town)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('Content-Type')).toBe('application/zip')
    expect(answer.headers.get('Content-Disposition')).toContain(encodeURIComponent('七月月训课程包-离线课程包.zip'))
    expect(answer.headers.get('Content-Disposition')).toContain(`filename="bundle-${ids.bundle}-package.zip"`)
    zip = answer.zip!
  })

  it('holds index.html, the search scripts, a page per item, the files and the instructions', () => {
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(['index.html', 'data.js', 'search.js', '使用说明.txt', 'items/1.html', 'items/2.html', 'manifest.json']))
    const index = text(zip, 'index.html')
    expect(index).toContain('<meta charset="utf-8">')
    expect(index).toContain('<script src="data.js"></script>')
    expect(index).not.toMatch(/type="module"|fetch\(|https?:\/\//)
    expect(index).toContain('items/1.html')
    expect(text(zip, 'items/1.html')).toContain('面向农村党员的乡村振兴专题党课')
    const stored = Object.keys(zip).filter((name) => name.startsWith('files/'))
    expect(stored.some((name) => name.endsWith('乡村振兴讲稿（第一讲）.pdf'))).toBe(true)
    const picture = stored.find((name) => /\.(png|webp|jpe?g)$/.test(name))
    expect(picture).toBeDefined()
    expect(text(zip, 'items/1.html')).toContain(`<img src="../${picture!.split('/').map(encodeURIComponent).join('/')}"`)
    expect(stored.some((name) => name.endsWith('红色记忆.mp4'))).toBe(true)
    const pdf = stored.find((name) => name.endsWith('.pdf'))!
    expect(Buffer.from(zip[pdf]!).equals(Buffer.from(pdfBytes))).toBe(true)
    expect(text(zip, 'items/1.html')).toContain(`href="../${pdf.split('/').map(encodeURIComponent).join('/')}"`)
  })

  it('lists every other entry in the manifest with its size and a SHA-256 that matches', () => {
    const manifest = JSON.parse(text(zip, 'manifest.json')) as { files: Array<{ bytes: number; path: string; sha256: string }> }
    const listed = manifest.files.map((file) => file.path).sort()
    expect(listed).toEqual(Object.keys(zip).filter((name) => name !== 'manifest.json').sort())
    for (const file of manifest.files) {
      expect(file.bytes, file.path).toBe(zip[file.path]!.length)
      expect(file.sha256, file.path).toBe(createHash('sha256').update(zip[file.path]!).digest('hex'))
    }
  })

  it('makes Simplified and Traditional queries find the same items: data.js folds both to Simplified', () => {
    const window: { PACKAGE_DATA?: { fold: Record<string, string>; items: Array<{ text: string; title: string }> } } = {}
    new Function('window', text(zip, 'data.js'))(window)
    const data = window.PACKAGE_DATA!
    const fold = (query: string) => Array.from(query, (char) => data.fold[char] ?? char).join('')
    expect(fold('鄉村振興')).toBe('乡村振兴')
    expect(data.items.filter((item) => item.text.includes(fold('農村黨員'))).map((item) => item.title)).toEqual(['乡村振兴专题党课'])
  })

  it('leaves out an item the requester may not read, and says nothing of it', async () => {
    const answer = await exportPackage(ids.bundle!, tokens.otherTown)
    expect(answer.status).toBe(200)
    const all = everyText(answer.zip!)
    expect(all).not.toContain(HIDDEN_TITLE)
    expect(all).not.toContain('仅限本镇')
    expect(all).not.toContain('基层治理研讨')
    expect(Object.keys(answer.zip!)).not.toContain('items/2.html')
    expect(everyText(zip)).toContain(HIDDEN_TITLE)
  })

  it('leaves out videos over the size asked for, with a note on the page', async () => {
    const answer = await exportPackage(ids.bundle!, tokens.town, '?maxVideoMb=1')
    expect(Object.keys(answer.zip!).some((name) => name.endsWith('.mp4'))).toBe(false)
    expect(text(answer.zip!, 'items/1.html')).toContain('超过本次导出的 1 MB 上限')
  })

  it('answers a bundle the requester may not read with the same 404 as a made-up id', async () => {
    const hidden = await exportPackage(ids.local!, tokens.otherTown)
    const anonymous = await exportPackage(ids.bundle!)
    const madeUp = await exportPackage(typeof ids.local === 'number' ? 987654 : 'ffffffffffffffffffffffff', tokens.otherTown)
    const malformed = await exportPackage('abc', tokens.otherTown)
    for (const answer of [hidden, anonymous, madeUp, malformed]) {
      expect(answer.status).toBe(404)
      expect(answer.body).toEqual(madeUp.body)
    }
    expect(madeUp.body.errors[0].message).toMatch(BILINGUAL)
    expect((await exportPackage(ids.local!, tokens.town)).status).toBe(200)
  })

  it('refuses a bad size limit with a bilingual 400', async () => {
    for (const query of ['?maxVideoMb=abc', '?maxVideoMb=-1', '?maxVideoMb=999999']) {
      const answer = await exportPackage(ids.bundle!, tokens.town, query)
      expect(answer.status, query).toBe(400)
      expect(answer.body.errors[0].message).toMatch(BILINGUAL)
    }
  })

  it('counts exports per address: past the limit a bilingual 429 with Retry-After', async () => {
    for (let call = 0; call < 3; call++) expect((await exportPackage(ids.bundle!, tokens.town, '', '203.0.113.9')).status).toBe(200)
    const refused = await exportPackage(ids.bundle!, tokens.town, '', '203.0.113.9')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('Retry-After')).toMatch(/^\d+$/)
    expect(refused.body.errors[0].message).toMatch(BILINGUAL)
    expect((await exportPackage(ids.bundle!, tokens.town, '', '203.0.113.10')).status).toBe(200)
  })
})
