/**
 * `npm run backup` and `npm run restore`, run as a user runs them: a backup taken while the app keeps writing,
 * restored into an empty place, has the same counts, the same file checksums and the same top search results;
 * a dry run changes nothing; a non-empty target and a damaged backup are refused with a message.
 */
import type { Db } from 'mongodb'
import type { Payload } from 'payload'

import { execFile } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { getVisibilityScope } from '@/access/visibilityScope'
import { sqliteFile } from '@/database/adapter'
import { type BackupManifest, listFiles, MANIFEST, sha256File } from '@/ops/backup/files'
import { mongoCounts, mongoDb } from '@/ops/backup/mongo'
import { tableCounts } from '@/ops/backup/sqlite'
import { getSearchEngine, type SearchEngine } from '@/search'
import { EmbeddedSearchEngine } from '@/search/engines/embedded'
import { drainSearchOutbox } from '@/search/sync'
import { buildTextPdf } from '@/seed/pdf'

import { createJurisdictionTree, createUser, TEST_PASSWORD } from '../helpers/fixtures'
import { startPayload, testDatabase } from '../helpers/payload'
import { RestClient } from '../helpers/rest'

const dir = mkdtempSync(path.join(os.tmpdir(), 'commons-backup-'))
const backup = path.join(dir, 'backup')
const marker = path.join(dir, 'last-backup')
const TITLES = ['冬训动员第一课', '乡村振兴与基层党建', '党史学习教育专题', '三会一课规范化', '冬训宣讲提纲', '乡村振兴典型案例']
const QUERIES = ['冬训', '乡村振兴', '党史', '三会一课', '党建']
const everything = getVisibilityScope({ id: 'admin', role: 'admin' } as never)

let payload: Payload
let stop: () => Promise<void>
let rest: RestClient
let target: NodeJS.ProcessEnv

const run = async (script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> => {
  try {
    const { stderr, stdout } = await promisify(execFile)('npm', ['run', '--silent', script, '--', ...args], { env, maxBuffer: 64 << 20 })
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const { code, stderr, stdout } = error as { code: number; stderr: string; stdout: string }
    return { code, output: stdout + stderr }
  }
}

const targetDb = (): Db => {
  const client = (payload.db as unknown as { connection: { getClient: () => { db: (name: string) => Db } } }).connection.getClient()
  return client.db(new URL(target.DATABASE_URI!).pathname.slice(1))
}
/** rows per table (SQLite) or documents per collection (MongoDB) */
const sourceCounts = () => (testDatabase() === 'mongodb' ? mongoCounts(mongoDb(payload)) : tableCounts(sqliteFile()))
const targetCounts = async () => (testDatabase() === 'mongodb' ? mongoCounts(targetDb()) : existsSync(sqliteFile(target.DATABASE_URI)) ? tableCounts(sqliteFile(target.DATABASE_URI)) : {})
const nonEmpty = (counts: Record<string, number>) => Object.values(counts).some((count) => count > 0)

const checksums = async (root: string) =>
  Object.fromEntries(await Promise.all((await listFiles(root)).map(async (file) => [file, await sha256File(path.join(root, file))] as const)))

/** each query's top 10 hits; as a set: equal scores come in index order, which a rebuilt index may not share */
const topResults = async (engine: SearchEngine) =>
  Object.fromEntries(await Promise.all(QUERIES.map(async (q) => [q, (await engine.search({ perPage: 10, q, scope: everything })).hits.map((hit) => hit.id).sort()] as const)))

beforeAll(async () => {
  process.env.COMMONS_BACKUP_MARKER = marker
  ;({ payload, stop } = await startPayload())
  rest = new RestClient(payload)
  const tree = await createJurisdictionTree(payload)
  await createUser(payload, { email: 'backup-admin@test.local', jurisdiction: tree.province.id, role: 'admin' })
  const data = { _status: 'published', jurisdiction: tree.town.id, visibility: 'shared' }
  for (const title of TITLES) await payload.create({ collection: 'lessons', data: { ...data, title } as never })
  for (const title of TITLES.slice(0, 2)) {
    const pdf = buildTextPdf(title, ['党员教育', title])
    await payload.create({ collection: 'courseware', data: { ...data, title } as never, file: { data: pdf, mimetype: 'application/pdf', name: `${title}.pdf`, size: pdf.length } })
  }
  await drainSearchOutbox(payload)
  const uri = process.env.DATABASE_URI!
  target = {
    ...process.env,
    DATABASE_URI: testDatabase() === 'mongodb' ? Object.assign(new URL(uri), { pathname: `${new URL(uri).pathname}_restored` }).toString() : `file:${path.join(dir, 'target', 'commons.db')}`,
    MEDIA_DIR: path.join(dir, 'target-media'),
    SEARCH_DB_FILE: path.join(dir, 'target-search', 'search.db'),
  }
})
afterAll(async () => {
  if (testDatabase() === 'mongodb' && target) await targetDb().dropDatabase().catch(() => undefined)
  await stop?.()
  rmSync(dir, { force: true, recursive: true })
})

describe(`npm run backup / restore (${testDatabase()})`, () => {
  it('backup copies the database while the app writes, the media and a manifest with checksums; health shows its age', async () => {
    const before = await sourceCounts()
    // people keep writing while the backup runs
    let writing = true
    let written = 0
    const writer = (async () => {
      while (writing) {
        await payload.create({ collection: 'themes', context: { deferSearchDrain: true }, data: { name: `备份期间写入${++written}` } as never })
        // SQLite's client answers without giving the event loop a turn: let the child's exit be seen
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    })()
    const { code, output } = await run('backup', ['--out', backup], process.env)
    writing = false
    await writer
    expect(code, output).toBe(0)
    expect(output).toMatch(/Done: \d+ database rows \((sqlite|mongodb)\), \d+ media files/)

    const manifest = JSON.parse(readFileSync(path.join(backup, MANIFEST), 'utf8')) as BackupManifest
    expect(manifest.database.kind).toBe(testDatabase())
    const media = await checksums(process.env.MEDIA_DIR!)
    expect(Object.keys(media).length).toBeGreaterThanOrEqual(2)
    expect(manifest.media).toMatchObject({ files: Object.keys(media).length, included: true })
    for (const file of manifest.files) expect(await sha256File(path.join(backup, file.path)), file.path).toBe(file.sha256)
    for (const [file, sum] of Object.entries(media)) expect(manifest.files.find((listed) => listed.path === `media/${file}`)?.sha256).toBe(sum)
    // a snapshot from one moment: every item there before, none of those written after
    const themes = 'themes'
    expect(manifest.database.counts[themes]).toBeGreaterThanOrEqual(before[themes] ?? 0)
    expect(manifest.database.counts[themes]).toBeLessThanOrEqual((before[themes] ?? 0) + written)
    expect(written).toBeGreaterThan(0)

    const token = await rest.login('backup-admin@test.local', TEST_PASSWORD)
    const health = await rest.request('GET', '/health', { token })
    expect(health.body.components.backup).toMatchObject({ status: 'ok' })
    expect(health.body.components.backup.ageSeconds).toBeLessThan(120)
  }, 300_000)

  it('a dry run verifies and says what it would do, changing nothing', async () => {
    const { code, output } = await run('restore', [backup, '--dry-run'], target)
    expect(code, output).toBe(0)
    expect(output).toMatch(/Dry run: the backup verified; nothing was changed/)
    expect(output).toMatch(/target holds 0 now/)
    expect(nonEmpty(await targetCounts())).toBe(false)
    expect(await listFiles(target.MEDIA_DIR!)).toEqual([])
    expect(existsSync(target.SEARCH_DB_FILE!)).toBe(false)
  }, 300_000)

  it('a damaged or missing backup is refused before anything changes', async () => {
    const damaged = path.join(dir, 'damaged')
    cpSync(backup, damaged, { recursive: true })
    const [mediaFile] = await listFiles(path.join(damaged, 'media'))
    writeFileSync(path.join(damaged, 'media', mediaFile!), 'not the uploaded file')
    const corrupt = await run('restore', [damaged], target)
    expect(corrupt.code).not.toBe(0)
    expect(corrupt.output).toMatch(/The backup is damaged; nothing was changed/)
    expect(corrupt.output).toContain(`checksum mismatch: media/${mediaFile}`)

    const missing = await run('restore', [path.join(dir, 'no-such-backup')], target)
    expect(missing.code).not.toBe(0)
    expect(missing.output).toMatch(/No manifest\.json/)
    expect(nonEmpty(await targetCounts())).toBe(false)
    expect(await listFiles(target.MEDIA_DIR!)).toEqual([])
  }, 300_000)

  it('restores into an empty place: the same counts, file checksums and top search results', async () => {
    const { code, output } = await run('restore', [backup], target)
    expect(code, output).toBe(0)
    expect(output).toMatch(/Done: restored; \d+ items indexed/)

    const manifest = JSON.parse(readFileSync(path.join(backup, MANIFEST), 'utf8')) as BackupManifest
    const restored = await targetCounts()
    for (const [name, count] of Object.entries(manifest.database.counts)) expect(restored[name] ?? 0, name).toBe(count)
    expect(restored.lessons).toBe(TITLES.length)
    expect(await checksums(target.MEDIA_DIR!)).toEqual(await checksums(process.env.MEDIA_DIR!))

    const restoredEngine = new EmbeddedSearchEngine({ file: target.SEARCH_DB_FILE })
    try {
      const results = await topResults(restoredEngine)
      expect(results).toEqual(await topResults(await getSearchEngine()))
      expect(results['冬训']!.length).toBeGreaterThanOrEqual(2)
    } finally {
      await restoredEngine.close()
    }
  }, 300_000)

  it('refuses a target that holds data unless forced, and then keeps what was there aside', async () => {
    const refused = await run('restore', [backup], target)
    expect(refused.code).not.toBe(0)
    expect(refused.output).toMatch(/The target is not empty, nothing was changed/)

    const forced = await run('restore', [backup, '--force'], target)
    expect(forced.code, forced.output).toBe(0)
    const kept = [...forced.output.matchAll(/What was there is kept at: (.+)/g)].map((match) => match[1]!.trim())
    expect(kept.length).toBeGreaterThanOrEqual(testDatabase() === 'mongodb' ? 1 : 2)
    for (const place of kept) expect(existsSync(place), place).toBe(true)
    const restored = await targetCounts()
    expect(restored.lessons).toBe(TITLES.length)
  }, 300_000)
})
