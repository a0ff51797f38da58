/**
 * Issue 8, "Uploads and input" and "Headers": what an attacker (or a clumsy program) sends reaches the app
 * through the same route handlers Next serves at /api and /api/graphql, and gets a 4xx with a message in
 * Chinese and English, never a 500; uploads stream to disk up to each collection's documented limit; API
 * answers carry the security headers, and answers to signed-in callers are never cached; only admins run jobs
 * over HTTP; GraphQL introspection and the playground are off in production.
 */
import type { Payload } from 'payload'

import {
  GRAPHQL_PLAYGROUND_GET,
  GRAPHQL_POST,
  REST_DELETE,
  REST_GET,
  REST_PATCH,
  REST_POST,
} from '@payloadcms/next/routes'
import { mkdtempSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { guardGraphqlRoute, guardRestRoute, MAX_JSON_BODY_BYTES, MAX_PAGE_SIZE } from '@/http/apiRoute'
import { TAG_LIMITS } from '@/fields/tags'

import { createJurisdictionTree, createUser, TEST_PASSWORD, type Tree } from '../helpers/fixtures'
import { startPayload, testDatabase } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { storedFiles } from '../helpers/upload'

// Upload temp files go to a folder of this suite's own, to prove refusals and successes leave none behind.
const uploadTempDir = mkdtempSync(path.join(os.tmpdir(), 'commons-upload-tmp-'))
process.env.UPLOAD_TEMP_DIR = uploadTempDir

let payload: Payload
let stop: () => Promise<void>
let tree: Tree
const tokens: Record<'admin' | 'instructor' | 'member' | 'organizer', string> = { admin: '', instructor: '', member: '', organizer: '' }

type Method = 'DELETE' | 'GET' | 'PATCH' | 'POST'
type Answer = { status: number; headers: Headers; body: any; text: string }

const handlers = () => {
  const config = Promise.resolve(payload.config)
  return {
    DELETE: guardRestRoute(REST_DELETE(config)),
    GET: guardRestRoute(REST_GET(config)),
    PATCH: guardRestRoute(REST_PATCH(config)),
    POST: guardRestRoute(REST_POST(config)),
  }
}

const answerOf = async (response: Response): Promise<Answer> => {
  const text = await response.text()
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    body = text
  }
  return { body, headers: response.headers, status: response.status, text }
}

/** A request to the REST route handler exactly as Next calls it: the raw body and headers a client sends. */
async function api(method: Method, pathAndQuery: string, options: { body?: BodyInit; contentType?: string; token?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers = new Headers({ 'Accept-Language': 'zh', ...options.headers })
  // JSON unless told otherwise; a FormData body sets its own multipart type.
  const contentType = options.contentType ?? (typeof options.body === 'string' ? 'application/json' : undefined)
  if (contentType) headers.set('Content-Type', contentType)
  if (options.token) headers.set('Authorization', `JWT ${options.token}`)
  const slug = pathAndQuery.split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent)
  const request = new Request(`http://localhost:3000/api/${pathAndQuery}`, { body: options.body, duplex: 'half', headers, method } as RequestInit)
  return answerOf(await handlers()[method](request, { params: Promise.resolve({ slug }) }))
}

async function graphql(body: BodyInit, options: { contentType?: string; token?: string } = {}): Promise<Answer> {
  const headers = new Headers({ 'Content-Type': options.contentType ?? 'application/json' })
  if (options.token) headers.set('Authorization', `JWT ${options.token}`)
  const post = guardGraphqlRoute(GRAPHQL_POST(Promise.resolve(payload.config)))
  return answerOf(await post(new Request('http://localhost:3000/api/graphql', { body, headers, method: 'POST' }), undefined))
}

/** A 4xx whose message has Chinese and English (`中文 / English`). */
const expectBilingual4xx = (answer: Answer, status: number) => {
  expect(answer.status, answer.text).toBe(status)
  // A field's refusal carries its message on the field (`data.errors`), as the admin shows it.
  const error = answer.body?.errors?.[0]
  const message: string = error?.data?.errors?.[0]?.message ?? error?.message ?? answer.body?.message ?? ''
  expect(message).toMatch(/[\u4e00-\u9fff]/)
  expect(message).toMatch(/ \/ [A-Za-z]/)
}

const lessonData = (title: string, extra: Record<string, unknown> = {}) => ({ jurisdiction: tree.town.id, title, visibility: 'public', ...extra })

/** A well-formed PDF of about `size` bytes: one page plus a padding stream, with a correct xref. */
function paddedPdf(size: number): Buffer {
  const padding = 'x'.repeat(Math.max(0, size - 600))
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Length ${padding.length} >>\nstream\n${padding}\nendstream`,
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, index) => {
    offsets.push(body.length)
    body += `${index + 1} 0 obj\n${object}\nendobj\n`
  })
  const xrefAt = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

function multipart(fileName: string, mimetype: string, bytes: Uint8Array, data: Record<string, unknown>): FormData {
  const form = new FormData()
  form.append('_payload', JSON.stringify(data))
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimetype }), fileName)
  return form
}

/**
 * A multipart body produced chunk by chunk while it is read, as a browser streams a large file: an MP4 made of an
 * `ftyp` box and one `mdat` box of `size` bytes. Nothing holds the whole file in this process.
 */
function streamedVideoUpload(size: number, data: Record<string, unknown>): { body: ReadableStream<Uint8Array>; contentType: string } {
  const boundary = `----commons${Date.now()}`
  const ftyp = Buffer.from('00000018667479706973736f0000020069736f6d6d703431', 'hex')
  const mdatHeader = Buffer.alloc(8)
  mdatHeader.writeUInt32BE(size - ftyp.length, 0)
  mdatHeader.write('mdat', 4, 'latin1')
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n${JSON.stringify(data)}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  const chunk = new Uint8Array(1024 * 1024)
  let remaining = size - ftyp.length - mdatHeader.length
  let stage: 'body' | 'done' | 'head' = 'head'
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stage === 'head') {
        controller.enqueue(new Uint8Array(Buffer.concat([head, ftyp, mdatHeader])))
        stage = 'body'
      } else if (stage === 'body' && remaining > 0) {
        const length = Math.min(remaining, chunk.length)
        controller.enqueue(chunk.slice(0, length))
        remaining -= length
      } else if (stage === 'body') {
        controller.enqueue(new Uint8Array(tail))
        stage = 'done'
      } else {
        controller.close()
      }
    },
  })
  return { body, contentType: `multipart/form-data; boundary=${boundary}` }
}

const MiB = 1024 * 1024
const tempFilesLeft = () => readdirSync(uploadTempDir)

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  tree = await createJurisdictionTree(payload)
  const rest = new RestClient(payload)
  for (const role of ['admin', 'organizer', 'instructor', 'member'] as const) {
    await createUser(payload, { email: `${role}@input.local`, jurisdiction: tree.town.id, role })
    tokens[role] = await rest.login(`${role}@input.local`, TEST_PASSWORD)
  }
})
afterAll(async () => stop?.())

describe('upload size limits and streaming', () => {
  afterEach(() => {
    delete process.env.INGEST_MAX_MB_COURSEWARE_PDF
  })

  it('takes a 25 MB PDF on courseware (limit 100 MB, above Payload’s old 20 MB), from a temp file it then removes', async () => {
    const pdf = paddedPdf(25 * MiB)
    const answer = await api('POST', 'courseware', {
      body: multipart('大文件.pdf', 'application/pdf', pdf, { jurisdiction: tree.town.id, title: '二十五兆讲义', visibility: 'shared' }),
      token: tokens.instructor,
    })
    expect(answer.status, answer.text).toBe(201)
    expect(answer.body.doc.filesize).toBe(pdf.length)
    expect(await storedFiles(payload, 'courseware')).toContain(answer.body.doc.filename)
    expect(tempFilesLeft()).toEqual([])
  })

  it('refuses a 2 MB PDF with a bilingual 413 when INGEST_MAX_MB_COURSEWARE_PDF=1, storing nothing', async () => {
    process.env.INGEST_MAX_MB_COURSEWARE_PDF = '1'
    const before = { files: await storedFiles(payload, 'courseware'), records: (await payload.count({ collection: 'courseware' })).totalDocs }
    const answer = await api('POST', 'courseware', {
      body: multipart('两兆.pdf', 'application/pdf', paddedPdf(2 * MiB), { jurisdiction: tree.town.id, title: '超限讲义', visibility: 'shared' }),
      token: tokens.instructor,
    })
    expectBilingual4xx(answer, 413)
    expect(answer.body.errors[0].data.code).toBe('file_too_large')
    expect(await storedFiles(payload, 'courseware')).toEqual(before.files)
    expect((await payload.count({ collection: 'courseware' })).totalDocs).toBe(before.records)
    expect(tempFilesLeft()).toEqual([])
  })

  it('refuses an upload whose declared size is above its collection’s limits before reading it', async () => {
    process.env.INGEST_MAX_MB_MEDIA_IMAGE = '1'
    try {
      // 5 MB declared for a picture (media takes pictures only, here up to 1 MB): answered before the body is read.
      let pulls = 0
      const body = new ReadableStream<Uint8Array>({ pull: (controller) => (++pulls > 5 ? controller.close() : controller.enqueue(new Uint8Array(1024 * 1024))) })
      const answer = await api('POST', 'media', {
        body,
        contentType: 'multipart/form-data; boundary=xyz',
        headers: { 'Content-Length': String(5 * MiB) },
        token: tokens.instructor,
      })
      expectBilingual4xx(answer, 413)
      expect(answer.body.errors[0].data.code).toBe('file_too_large')
      expect(pulls).toBeLessThanOrEqual(1)
      expect(tempFilesLeft()).toEqual([])
    } finally {
      delete process.env.INGEST_MAX_MB_MEDIA_IMAGE
    }
  })

  it('streams a 300 MB video to disk: the process grows far less than the file', async () => {
    const size = 300 * MiB
    const { body, contentType } = streamedVideoUpload(size, { jurisdiction: tree.town.id, title: '三百兆录像', visibility: 'shared' })
    globalThis.gc?.()
    const baseline = process.memoryUsage().rss
    let peak = baseline
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
    const answer = await api('POST', 'videos', { body, contentType, token: tokens.instructor }).finally(() => clearInterval(sampler))
    peak = Math.max(peak, process.memoryUsage().rss)
    const deltaMiB = (peak - baseline) / MiB
    console.log(`[leaks-input] 300 MB video upload: peak RSS +${deltaMiB.toFixed(0)} MiB (baseline ${(baseline / MiB).toFixed(0)} MiB)`)
    expect(answer.status, answer.text).toBe(201)
    expect(answer.body.doc.filesize).toBe(size)
    expect(deltaMiB).toBeLessThan(150)
    expect(tempFilesLeft()).toEqual([])
  }, 300_000)
})

describe('bad input answers 4xx, never 500', () => {
  it('a malformed id is a bilingual 400 on read, update and delete', async () => {
    const malformed = 'abc'
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const body = method === 'PATCH' ? JSON.stringify({ title: '改' }) : undefined
      expectBilingual4xx(await api(method, `lessons/${malformed}`, { body, token: tokens.organizer }), 400)
    }
    // A well-formed id of the other database's kind: on SQLite an ObjectId, on MongoDB a number.
    const otherKind = testDatabase() === 'mongodb' ? '12' : '507f1f77bcf86cd799439011'
    expectBilingual4xx(await api('GET', `lessons/${otherKind}`), 400)
    expect((await api('GET', `lessons/versions/${malformed}`, { token: tokens.admin })).status).toBeLessThan(500)
  })

  it('a null, list, string or broken JSON body is a bilingual 400 and changes nothing', async () => {
    const lesson = await payload.create({ collection: 'lessons', data: lessonData('原标题') as never })
    for (const body of ['null', '[1,2]', '"str"', '{bad', '42']) {
      expectBilingual4xx(await api('POST', 'lessons', { body, token: tokens.organizer }), 400)
      expectBilingual4xx(await api('PATCH', `lessons/${lesson.id}`, { body, token: tokens.organizer }), 400)
    }
    expect((await payload.findByID({ id: lesson.id, collection: 'lessons' })).title).toBe('原标题')
  })

  it('a broken multipart body is a bilingual 400 and leaves no temp file', async () => {
    for (const body of ['--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 cut here', 'no parts at all']) {
      expectBilingual4xx(await api('POST', 'courseware', { body, contentType: 'multipart/form-data; boundary=xyz', token: tokens.instructor }), 400)
    }
    expectBilingual4xx(await api('POST', 'courseware', { body: 'x', contentType: 'multipart/form-data', token: tokens.instructor }), 400)
    expect(tempFilesLeft()).toEqual([])
  })

  it('a JSON body over 1 MB is a bilingual 413', async () => {
    const body = JSON.stringify(lessonData('大', { summary: 'x'.repeat(MAX_JSON_BODY_BYTES) }))
    expectBilingual4xx(await api('POST', 'lessons', { body, token: tokens.organizer }), 413)
  })

  it('GraphQL: broken JSON, a null body and a non-JSON body are 4xx with a bilingual message', async () => {
    expectBilingual4xx(await graphql('{bad'), 400)
    expectBilingual4xx(await graphql('null'), 400)
    expectBilingual4xx(await graphql('{ Lessons { docs { id } } }', { contentType: 'text/plain' }), 415)
    expect((await graphql(JSON.stringify({ query: '{ Lessons { totalDocs } }' }))).status).toBe(200)
  })

  it('a NUL character in a title or a nested text is a bilingual 400 naming the field, not silently cut', async () => {
    const answer = await api('POST', 'lessons', { body: JSON.stringify(lessonData('党课\u0000第一讲')), token: tokens.organizer })
    expectBilingual4xx(answer, 400)
    expect(answer.body.errors[0].data.errors[0].path).toBe('title')
    const nested = await api('POST', 'lessons', { body: JSON.stringify(lessonData('正常标题', { tags: ['好', '坏\u0000'] })), token: tokens.organizer })
    expectBilingual4xx(nested, 400)
    expect((await payload.count({ collection: 'lessons', where: { title: { like: '党课' } } })).totalDocs).toBe(0)
    const localApi = await payload.create({ collection: 'lessons', data: lessonData('本地\u0000接口') as never }).catch((error: unknown) => error)
    expect((localApi as { data?: { errors?: Array<{ message: string }> } }).data?.errors?.[0]?.message).toMatch(/NUL/)
  })

  it('more tags than allowed, or a too long tag, is a bilingual 400', async () => {
    const many = Array.from({ length: TAG_LIMITS.maxTags + 1 }, (_, i) => `标签${i}`)
    expectBilingual4xx(await api('POST', 'lessons', { body: JSON.stringify(lessonData('标签多', { tags: many })), token: tokens.organizer }), 400)
    const long = ['长'.repeat(TAG_LIMITS.maxLength + 1)]
    expectBilingual4xx(await api('POST', 'lessons', { body: JSON.stringify(lessonData('标签长', { tags: long })), token: tokens.organizer }), 400)
    const fine = await api('POST', 'lessons', { body: JSON.stringify(lessonData('标签正常', { tags: many.slice(0, TAG_LIMITS.maxTags) })), token: tokens.organizer })
    expect(fine.status, fine.text).toBe(201)
  })

  describe('rich text', () => {
    const paragraph = (children: unknown[]) => ({ type: 'paragraph', children, direction: 'ltr', format: '', indent: 0, textFormat: 0, version: 1 })
    const text = (value: string) => ({ type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text: value, version: 1 })
    const editorState = (children: unknown[]) => ({ root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } })
    const save = (plan: unknown, title: string) => api('POST', 'lessons', { body: JSON.stringify(lessonData(title, { plan })), token: tokens.organizer })

    it('keeps a normal plan', async () => {
      const answer = await save(editorState([paragraph([text('第一讲：党的基本理论')])]), '正常教案')
      expect(answer.status, answer.text).toBe(201)
    })

    it('refuses a node type the editor does not know, so the editor never breaks on it', async () => {
      expectBilingual4xx(await save(editorState([{ type: 'evil-widget', children: [], version: 1 }]), '怪节点'), 400)
      expect((await payload.count({ collection: 'lessons', where: { title: { equals: '怪节点' } } })).totalDocs).toBe(0)
    })

    it('refuses nesting deeper than the bound, too many nodes and too much text', async () => {
      let deep: any = text('底')
      for (let level = 0; level < 40; level++) deep = paragraph([deep])
      expectBilingual4xx(await save(editorState([deep]), '太深'), 400)
      const many = Array.from({ length: 10_001 }, () => ({ type: 'linebreak', version: 1 }))
      expectBilingual4xx(await save(editorState([paragraph(many)]), '太多'), 400)
      const long = Array.from({ length: 5 }, () => paragraph([text('长'.repeat(45_000))]))
      expectBilingual4xx(await save(editorState(long), '太长'), 400)
    })

    it('applies to textbooks’ chapters too', async () => {
      const answer = await api('POST', 'textbooks', {
        body: JSON.stringify(lessonData('教材', { chapters: [{ content: editorState([{ type: 'evil-widget', version: 1 }]), title: '第一章' }] })),
        token: tokens.organizer,
      })
      expectBilingual4xx(answer, 400)
    })
  })

  describe('page size', () => {
    beforeAll(async () => {
      for (let i = 0; i < MAX_PAGE_SIZE + 5; i++) {
        await payload.create({ collection: 'themes', data: { name: `主题${String(i).padStart(3, '0')}` } as never })
      }
    })

    it('caps REST lists at 100 for a large limit, limit=0 and pagination=false, anonymous or not', async () => {
      const total = (await payload.count({ collection: 'themes' })).totalDocs
      expect(total).toBeGreaterThan(MAX_PAGE_SIZE)
      for (const query of ['limit=100000', 'limit=0', 'pagination=false', 'limit=0&pagination=false', 'limit=-5']) {
        for (const token of [undefined, tokens.member]) {
          const answer = await api('GET', `themes?${query}&depth=0`, { token })
          expect(answer.status, answer.text).toBe(200)
          expect(answer.body.docs.length, query).toBe(MAX_PAGE_SIZE)
          expect(answer.body.totalDocs).toBe(total)
        }
      }
      expect((await api('GET', 'themes?limit=20')).body.docs).toHaveLength(20)
    })

    it('refuses the same on GraphQL', async () => {
      for (const args of ['limit: 100000', 'limit: 0', 'pagination: false']) {
        const answer = await graphql(JSON.stringify({ query: `{ Themes(${args}) { docs { id } } }` }))
        expect(answer.body.errors?.[0]?.message, args).toMatch(/每页最多.* \/ At most/)
        expect(answer.body.data).toBeUndefined()
      }
      const viaVariable = await graphql(JSON.stringify({ query: 'query($n: Int) { Themes(limit: $n) { docs { id } } }', variables: { n: 5000 } }))
      expect(viaVariable.body.errors?.[0]?.message).toMatch(/At most/)
      expect((await graphql(JSON.stringify({ query: '{ Themes(limit: 100) { docs { id } } }' }))).body.data.Themes.docs).toHaveLength(MAX_PAGE_SIZE)
    })
  })
})

describe('headers', () => {
  it('every API answer carries the CSP, nosniff and Referrer-Policy, and no X-Powered-By', async () => {
    const answer = await api('GET', 'lessons')
    expect(answer.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'self'")
    expect(answer.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(answer.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin')
    expect(answer.headers.has('X-Powered-By')).toBe(false)
    expect(answer.headers.get('Cache-Control') ?? '').not.toContain('no-store')
    const refused = await api('GET', 'lessons/abc')
    expect(refused.headers.get('X-Content-Type-Options')).toBe('nosniff')
  })

  it('answers to a signed-in caller (token or session cookie) are private, no-store', async () => {
    expect((await api('GET', 'lessons', { token: tokens.member })).headers.get('Cache-Control')).toBe('private, no-store')
    expect((await api('GET', 'users/me', { headers: { Cookie: `payload-token=${tokens.member}` } })).headers.get('Cache-Control')).toBe('private, no-store')
    const graph = guardGraphqlRoute(GRAPHQL_POST(Promise.resolve(payload.config)))
    const response = await graph(
      new Request('http://localhost:3000/api/graphql', {
        body: JSON.stringify({ query: '{ Lessons { totalDocs } }' }),
        headers: { Authorization: `JWT ${tokens.member}`, 'Content-Type': 'application/json' },
        method: 'POST',
      }),
      undefined,
    )
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
  })

  it('a local item’s file is private, no-store for its reader, refused to anonymous; a public file keeps caching', async () => {
    const upload = async (title: string, visibility: string, name: string) => {
      const answer = await api('POST', 'courseware', {
        body: multipart(name, 'application/pdf', paddedPdf(4096 + title.length), { _status: 'published', jurisdiction: tree.town.id, title, visibility }),
          token: tokens.instructor,
      })
      expect(answer.status, answer.text).toBe(201)
      return answer.body.doc.filename as string
    }
    const local = await upload('本辖区讲义', 'local', 'local.pdf')
    const open = await upload('公开讲义', 'public', 'open.pdf')
    const forReader = await api('GET', `courseware/file/${encodeURIComponent(local)}`, { token: tokens.member })
    expect(forReader.status).toBe(200)
    expect(forReader.headers.get('Cache-Control')).toBe('private, no-store')
    expect((await api('GET', `courseware/file/${encodeURIComponent(local)}`)).status).toBeGreaterThanOrEqual(400)
    const anonymous = await api('GET', `courseware/file/${encodeURIComponent(open)}`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.headers.get('Cache-Control') ?? '').not.toContain('no-store')
  })
})

describe('jobs and GraphQL in production', () => {
  it('only an admin may run jobs through /api/payload-jobs/run', async () => {
    expect((await api('GET', 'payload-jobs/run')).status).toBe(401)
    for (const role of ['member', 'instructor', 'organizer'] as const) {
      expect([401, 403], role).toContain((await api('GET', 'payload-jobs/run', { token: tokens[role] })).status)
      expect((await api('POST', 'payload-jobs/run', { token: tokens[role] })).status, role).toBeGreaterThanOrEqual(400)
    }
    expect((await api('GET', 'payload-jobs/run', { token: tokens.admin })).status).toBe(200)
  })

  it('refuses introspection and hides the playground when NODE_ENV is production', async () => {
    const introspection = JSON.stringify({ query: '{ __schema { types { name } } }' })
    const previous = process.env.NODE_ENV
    try {
      ;(process.env as Record<string, string>).NODE_ENV = 'production'
      const answer = await graphql(introspection)
      expect(answer.body.errors?.[0]?.message).toMatch(/introspection is not allowed/)
      expect(answer.body.data?.__schema).toBeUndefined()
      const playground = await GRAPHQL_PLAYGROUND_GET(Promise.resolve(payload.config))(new Request('http://localhost:3000/api/graphql-playground'))
      expect(playground.status).toBe(404)
    } finally {
      ;(process.env as Record<string, string>).NODE_ENV = previous!
    }
    expect((await graphql(introspection)).body.data.__schema.types.length).toBeGreaterThan(0)
  })
})
