/**
 * Save for offline on the member site, in Chromium at phone size: a member saves a lesson and a bundle; with the
 * network cut their pages, a courseware's PDF page image and its file still open, an unsaved page gives the
 * Chinese offline page; one more lesson over the 50 MB budget is refused with a message and nothing saved is lost;
 * the admin and the users API are never in any cache; signing out drops the saved copies.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { DEMO_PASSWORD, launchBrowser, newContext, PHONE, screenshot } from './browser'

const baseURL = inject('baseURL')
const MEMBER = 'member.tianchidian@demo.commons'

type Hit = { kind: string; title: string; url: string }

/** every key of every Cache Storage cache of the site, as paths */
const cachedPaths = (page: Page) =>
  page.evaluate(async () => {
    const names = await caches.keys()
    const keys = await Promise.all(names.map(async (name) => (await (await caches.open(name)).keys()).map((request) => ({ name, path: new URL(request.url).pathname + new URL(request.url).search }))))
    return keys.flat()
  })

describe('save for offline', () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let lessonPath = ''
  let coursewarePath = ''
  let bundlePath = ''

  beforeAll(async () => {
    browser = await launchBrowser()
    context = await newContext(browser, PHONE, true)
    page = await context.newPage()
    page.setDefaultTimeout(180_000)
    page.setDefaultNavigationTimeout(300_000)
  })

  afterAll(async () => {
    await browser?.close()
  })

  const hits = async (query: string): Promise<Hit[]> => {
    const response = await page.request.get(`${baseURL}/api/search?${query}`, { timeout: 300_000 })
    expect(response.status()).toBe(200)
    return ((await response.json()) as { hits: Hit[] }).hits
  }

  const saveHere = async () => {
    await page.getByRole('button', { name: '保存到手机，断网也能看' }).click()
    await page.getByText('已保存到手机，断网也能打开。').waitFor({ timeout: 300_000 })
  }

  it('a signed-in member saves a lesson with a PDF courseware and a bundle', async () => {
    await page.goto(`${baseURL}/signin`, { waitUntil: 'domcontentloaded' })
    await page.getByLabel('邮箱').fill(MEMBER)
    await page.getByLabel('密码').fill(DEMO_PASSWORD)
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/signin')), page.getByRole('button', { name: '登录' }).click()])

    // a lesson whose courseware is a PDF (read as page images)
    for (const hit of await hits('kind=lesson&perPage=50')) {
      await page.goto(`${baseURL}${hit.url}`, { waitUntil: 'domcontentloaded' })
      for (const href of await page.locator('main a[href^="/courseware/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!))) {
        const response = await page.request.get(`${baseURL}${href}`, { timeout: 300_000 })
        if ((await response.text()).includes('class="page-image"')) {
          lessonPath = hit.url
          coursewarePath = href
          break
        }
      }
      if (lessonPath) break
    }
    expect(lessonPath, 'a lesson with a PDF courseware the member may read').not.toBe('')
    await page.goto(`${baseURL}${lessonPath}`, { waitUntil: 'domcontentloaded' })
    await saveHere()
    console.log(`[e2e] ${await screenshot(page, 'site-offline-01-lesson-saved')}`)

    const [bundle] = await hits('kind=bundle&perPage=1')
    expect(bundle, 'a bundle the member may read').toBeTruthy()
    bundlePath = bundle!.url
    await page.goto(`${baseURL}${bundlePath}`, { waitUntil: 'domcontentloaded' })
    await saveHere()
    expect(await page.locator('.save-offline .meta').innerText()).toMatch(/已用 [\d.]+ (KB|MB)，最多 50\.0 MB/)

    // the admin and the users API are opened while the worker runs: they must still never be cached
    const admin = await page.goto(`${baseURL}/admin/login`, { waitUntil: 'domcontentloaded' })
    expect(admin?.status()).toBe(200)
    await page.goto(`${baseURL}/api/users/me`, { waitUntil: 'domcontentloaded' })
    const paths = await cachedPaths(page)
    expect(paths.filter(({ name }) => name.startsWith('commons-saved:')).map(({ path }) => path)).toEqual(expect.arrayContaining([lessonPath, bundlePath, coursewarePath]))
    expect(paths.filter(({ path }) => /^\/(admin|api\/users)/.test(path))).toEqual([])
  }, 900_000)

  it('with the network cut, the saved pages, a PDF page image and the file still open; an unsaved page says it is offline', async () => {
    await context.setOffline(true)
    try {
      await page.goto(`${baseURL}${lessonPath}`, { waitUntil: 'domcontentloaded' })
      expect(await page.locator('h1').count()).toBe(1)
      await Promise.all([page.waitForURL((url) => url.pathname === coursewarePath), page.locator(`main a[href="${coursewarePath}"]`).first().click()])
      const image = page.locator('img.page-image')
      await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 30_000 }).toBeGreaterThan(100)
      const file = await page.locator('a[download]').getAttribute('href')
      const fetched = await page.evaluate(async (href) => {
        const response = await fetch(href!)
        return { bytes: (await response.arrayBuffer()).byteLength, status: response.status }
      }, file)
      expect(fetched.status).toBe(200)
      expect(fetched.bytes).toBeGreaterThan(1000)
      console.log(`[e2e] ${await screenshot(page, 'site-offline-02-courseware-offline')}`)

      await page.goto(`${baseURL}${bundlePath}`, { waitUntil: 'domcontentloaded' })
      expect(await page.locator('ol.stops li').count()).toBeGreaterThan(0)
      const item = await page.locator('ol.stops a').first().getAttribute('href')
      await page.goto(`${baseURL}${item}`, { waitUntil: 'domcontentloaded' })
      expect(await page.locator('h1').count()).toBe(1)

      await page.goto(`${baseURL}/near`, { waitUntil: 'domcontentloaded' })
      expect(await page.locator('h1').innerText()).toBe('现在没有网络')
      console.log(`[e2e] ${await screenshot(page, 'site-offline-03-unsaved-page')}`)
    } finally {
      await context.setOffline(false)
    }
  })

  it('a phone that holds nearly the budget: saving one more lesson says what it needs, keeps what was saved, stores none of it', async () => {
    const other = (await hits('kind=lesson&perPage=50')).find((hit) => hit.url !== lessonPath)
    expect(other, 'a second lesson the member may read').toBeTruthy()
    await page.goto(`${baseURL}${other!.url}`, { waitUntil: 'domcontentloaded' })
    await page.locator('.save-offline').waitFor()
    // what the index holds is what the save counts against the budget: make it 49.99 MB
    const readIndex = () =>
      page.evaluate(async () => {
        const name = (await caches.keys()).find((key) => key.startsWith('commons-saved:'))!
        return (await (await (await caches.open(name)).match('/offline/index'))!.json()) as Record<string, { bytes: number; urls: string[] }>
      })
    const before = await readIndex()
    const filler = 50 * 1024 * 1024 - 10 * 1024 - Object.values(before).reduce((sum, item) => sum + item.bytes, 0)
    await page.evaluate(async (bytes) => {
      const name = (await caches.keys()).find((key) => key.startsWith('commons-saved:'))!
      const cache = await caches.open(name)
      const index = await (await cache.match('/offline/index'))!.json()
      await cache.put('/offline/index', Response.json({ ...index, 'lessons/filler': { bytes, title: '占位', urls: [] } }))
    }, filler)
    await page.reload({ waitUntil: 'domcontentloaded' })
    await page.getByRole('button', { name: '保存到手机，断网也能看' }).click()
    const alert = page.getByRole('alert').filter({ hasText: '离线空间不够' })
    await alert.waitFor({ timeout: 300_000 })
    expect(await alert.innerText()).toMatch(/每人最多 50\.0 MB，已用 49\.99 MB，这一项至少要 \d+ KB。请先删除别的已保存内容。/)
    console.log(`[e2e] ${await screenshot(page, 'site-offline-04-over-budget')}`)
    const after = await readIndex()
    expect(Object.keys(after).sort()).toEqual([...Object.keys(before), 'lessons/filler'].sort())
    const kept = (await cachedPaths(page)).filter(({ name }) => name.startsWith('commons-saved:')).map(({ path }) => path)
    expect(kept).toEqual(expect.arrayContaining([lessonPath, bundlePath, coursewarePath]))
    expect(kept).not.toContain(other!.url)
    await page.evaluate(async () => {
      const name = (await caches.keys()).find((key) => key.startsWith('commons-saved:'))!
      const cache = await caches.open(name)
      const { 'lessons/filler': _filler, ...index } = await (await cache.match('/offline/index'))!.json()
      await cache.put('/offline/index', Response.json(index))
    })
  }, 600_000)

  it('signing out drops the member’s saved copies', async () => {
    await page.goto(`${baseURL}${lessonPath}`, { waitUntil: 'domcontentloaded' })
    expect((await cachedPaths(page)).filter(({ name }) => name.startsWith('commons-saved:')).length).toBeGreaterThan(0)
    await Promise.all([page.waitForLoadState('domcontentloaded'), page.getByRole('button', { name: '退出登录' }).click()])
    await expect.poll(async () => (await cachedPaths(page)).filter(({ name }) => name.startsWith('commons-saved:')).length, { timeout: 30_000 }).toBe(0)
    await context.setOffline(true)
    try {
      const response = await page.goto(`${baseURL}${lessonPath}`, { waitUntil: 'domcontentloaded' }).catch(() => null)
      expect(response?.ok() && (await page.locator('.save-offline').count()) > 0).toBeFalsy()
    } finally {
      await context.setOffline(false)
    }
  })
})
