/**
 * Issue 11 in the browser: a public bundle exported as a USB package, unzipped and opened from `file://` in
 * Chromium — no request leaves the files, no console error, a Traditional query finds an item inside its longer
 * title, and its page and files open. Then the admin as organizers and lecturers see it: 课件共享库 branding on
 * the login page, the dashboard panel of each role, Chinese dates and the export button on a bundle.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { unzipSync } from 'fflate'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import * as OpenCC from 'opencc-js'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { DESKTOP, launchBrowser, newContext, restLogin, screenshot, signIn } from './browser'

const baseURL = inject('baseURL')
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' })

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => browser?.close())

/** A piece of the title (not its start, so a word inside a longer one) that reads differently in Traditional. */
function traditionalPiece(title: string): null | string {
  const chars = Array.from(title)
  for (let start = 1; start < chars.length - 1; start++) {
    const piece = chars.slice(start, start + 3).join('')
    if (piece.length >= 2 && toTraditional(piece) !== piece && !/[\s《》（）()]/.test(piece)) return toTraditional(piece)
  }
  return null
}

describe('USB package opened from file://', () => {
  let context: BrowserContext
  let page: Page
  let dir: string
  let courseware: { id: number; jurisdiction: number; title: string }
  const outside: string[] = []
  const errors: string[] = []

  beforeAll(async () => {
    context = await newContext(browser, DESKTOP)
    context.on('request', (request) => {
      if (!request.url().startsWith('file:')) outside.push(request.url())
    })
    page = await context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(String(error)))
    // as the admin: a public bundle of a public lesson and a public courseware with its file
    // the first API call may wait for a cold compile of the API route
    await page.request.get(`${baseURL}/api/bundles?depth=0&limit=1`, { timeout: 240_000 })
    const token = await restLogin(page.request, baseURL, 'admin@demo.commons')
    const asAdmin = { headers: { Authorization: `JWT ${token}` }, timeout: 240_000 }
    const find = async (collection: string, where: string) => (await (await page.request.get(`${baseURL}/api/${collection}?depth=0&limit=1&${where}`, asAdmin)).json()).docs[0]
    const published = 'where[visibility][equals]=public&where[_status][equals]=published'
    courseware = await find('courseware', `${published}&where[filename][exists]=true`)
    const lesson = await find('lessons', published)
    expect(courseware, 'a public demo courseware with a file').toBeTruthy()
    const created = await page.request.post(`${baseURL}/api/bundles`, {
      ...asAdmin,
      data: {
        _status: 'published',
        items: [{ item: { relationTo: 'lessons', value: lesson.id } }, { item: { relationTo: 'courseware', value: courseware.id } }],
        jurisdiction: courseware.jurisdiction,
        kind: 'monthly',
        title: '送学上门U盘课程包',
        visibility: 'public',
      },
    })
    expect(created.status()).toBe(201)
    const bundle = (await created.json()).doc as { id: number; title: string }
    // anonymous from here on: a public bundle is for everyone
    await context.clearCookies()
    const started = Date.now()
    const response = await page.request.get(`${baseURL}/api/bundles/${bundle!.id}/package`, { timeout: 240_000 })
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toBe('application/zip')
    const zip = unzipSync(new Uint8Array(await response.body()))
    console.log(`[e2e] package of 《${bundle!.title}》: ${Object.keys(zip).length} entries in ${Date.now() - started} ms`)
    dir = mkdtempSync(path.join(os.tmpdir(), 'commons-usb-'))
    for (const [name, bytes] of Object.entries(zip)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
      writeFileSync(path.join(dir, name), bytes)
    }
  })
  afterAll(async () => {
    await context?.close()
    if (dir) rmSync(dir, { force: true, recursive: true })
  })

  it('opens index.html with Chinese text, finds an item from a Traditional query inside a longer title, and opens its page and files', async () => {
    await page.goto(pathToFileURL(path.join(dir, 'index.html')).href)
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    const titles = await page.locator('#items a').allTextContents()
    expect(titles.length).toBeGreaterThan(0)
    const target = titles.find((title) => traditionalPiece(title))
    expect(target, `an item title with a character that differs in Traditional: ${titles.join(' | ')}`).toBeTruthy()
    const query = traditionalPiece(target!)!
    await page.locator('#q').fill(query)
    const hit = page.locator('#results a', { hasText: target! }).first()
    await hit.waitFor({ timeout: 5000 })
    await screenshot(page, 'package-search')
    await hit.click()
    await page.waitForURL(/\/items\/\d+\.html$/)
    expect((await page.locator('h1').textContent())?.trim()).toBe(target)
    await screenshot(page, 'package-item')

    // the courseware's page links its file, which is there with the manifest's checksum
    await page.goto(pathToFileURL(path.join(dir, 'index.html')).href)
    await page.locator('#items a', { hasText: courseware.title }).first().click()
    await page.waitForURL(/\/items\/\d+\.html$/)
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: Array<{ path: string; sha256: string }> }
    const sums = new Map(manifest.files.map((file) => [file.path, file.sha256]))
    const links = await page.locator('ul.files a, img').evaluateAll((nodes) => nodes.map((node) => (node as HTMLAnchorElement).href || (node as HTMLImageElement).src))
    expect(links.length).toBeGreaterThan(0)
    for (const link of links) {
      const file = fileURLToPath(link)
      expect(existsSync(file), file).toBe(true)
      expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(sums.get(path.relative(dir, file).split(path.sep).join('/')))
    }
    const pictures = await page.locator('img').evaluateAll((images) => images.map((image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0))
    expect(pictures.every(Boolean)).toBe(true)
    await screenshot(page, 'package-courseware')
    expect(outside).toEqual([])
    expect(errors).toEqual([])
  })
})

describe('the admin for organizers and lecturers', () => {
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    context = await newContext(browser, DESKTOP)
    page = await context.newPage()
  })
  afterAll(async () => context?.close())

  it('shows 课件共享库 on the login page, with its own icon', async () => {
    await page.goto(`${baseURL}/admin/login`, { timeout: 240_000, waitUntil: 'domcontentloaded' })
    await expect.poll(() => page.locator('.commons-logo').textContent(), { timeout: 120_000 }).toContain('课件共享库')
    expect(await page.title()).toContain('课件共享库')
    expect(await page.locator('link[rel="icon"][href$="favicon.svg"]').count()).toBeGreaterThan(0)
    await screenshot(page, 'admin-login-brand')
  })

  it('gives an organizer the orders to dispatch and their counts, with no internal collection in the navigation', async () => {
    await signIn(page, baseURL, 'organizer.boshan@demo.commons')
    await page.locator('[data-panel="orders"]').waitFor({ timeout: 120_000 })
    expect(await page.locator('[data-panel="library"]').count()).toBe(1)
    expect(await page.locator('[data-panel="answers"]').count()).toBe(0)
    expect(await page.locator('[data-panel="searchQueue"]').count()).toBe(0)
    expect(await page.locator('nav a[href*="/collections/search-outbox"], nav a[href*="/collections/lecturer-slots"]').count()).toBe(0)
    await screenshot(page, 'admin-dashboard-organizer')
  })

  it('writes dates the Chinese way, names the creator and offers the USB export on a bundle', async () => {
    const list = await (await page.request.get(`${baseURL}/api/bundles?depth=0&limit=1`, { timeout: 240_000 })).json()
    await page.goto(`${baseURL}/admin/collections/bundles/${list.docs[0].id}`, { timeout: 240_000, waitUntil: 'domcontentloaded' })
    const button = page.locator(`a[href$="/api/bundles/${list.docs[0].id}/package"]`)
    await button.waitFor({ timeout: 240_000 })
    expect(await button.textContent()).toContain('导出 U 盘课程包')
    await expect.poll(async () => /\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/.test((await page.locator('body').textContent()) ?? ''), { timeout: 60_000 }).toBe(true)
    // the creator is named when the organizer may read the account, else only by jurisdiction — never as an id
    const creator = (await page.locator('.commons-creator').textContent()) ?? ''
    expect(creator).toMatch(/创建人(.+（.+）|.+的用户)/)
    expect(creator).not.toContain('ID')
    await screenshot(page, 'admin-bundle-export')
  })

  it('gives a lecturer the dispatches awaiting their answer', async () => {
    await context.clearCookies()
    await signIn(page, baseURL, 'instructor.yuanquan@demo.commons')
    await page.locator('[data-panel="answers"]').waitFor({ timeout: 120_000 })
    expect(await page.locator('[data-panel="orders"]').count()).toBe(0)
    await screenshot(page, 'admin-dashboard-lecturer')
  })
})
