/**
 * The bundle builder in a real browser (desktop 1280×800): an organizer searches the library from inside the bundle
 * form in Traditional script, adds two items with one click each, drags the second above the first, publishes, and
 * the member site's bundle page lists them in that order.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser, newContext, screenshot, type SearchHitLike, signIn } from './browser'

const baseURL = inject('baseURL')
const ORGANIZER = 'organizer.boshan@demo.commons'
const ITEM_KINDS = ['lesson', 'courseware', 'video', 'textbook', 'field-route']

let browser: Browser
let context: BrowserContext
let page: Page
let bundleId: number | string

beforeAll(async () => {
  browser = await launchBrowser()
  context = await newContext(browser)
  page = await context.newPage()
  page.setDefaultTimeout(180_000)
  page.setDefaultNavigationTimeout(300_000)
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
})

/** The titles of the bundle's rows, in the order the form holds them. */
const rowTitles = (page: Page) => page.locator('.array-field__row .bundle-item-row strong').allInnerTexts()

describe('bundle builder', () => {
  it('search (Traditional) → add two → drag the second above the first → publish → the member page keeps that order', async () => {
    await signIn(page, baseURL, ORGANIZER)
    // the two items to add: hits a shared bundle may hold (public or shared), as the organizer's own search gives them
    const answer = await page.request.get(`${baseURL}/api/search?q=${encodeURIComponent('焦裕祿')}&perPage=20`)
    expect(answer.status()).toBe(200)
    const hits = ((await answer.json()) as { hits: SearchHitLike[] }).hits
    const usable = hits.filter((hit) => ITEM_KINDS.includes(hit.kind) && hit.visibility !== 'local')
    expect(usable.length).toBeGreaterThanOrEqual(2)
    const [first, second] = usable as [SearchHitLike, SearchHitLike]

    await page.goto(`${baseURL}/admin/collections/bundles/create`, { waitUntil: 'domcontentloaded' })
    await page.locator('#field-title:not([disabled])').waitFor()
    const title = `浏览器测试课程包 ${Date.now().toString(36)}`
    await page.locator('#field-title').fill(title)
    await page.locator('#field-kind').click()
    await page.locator('.rs__option', { hasText: '月训' }).first().click()

    await page.locator('#bundle-item-search').fill('焦裕祿')
    const hitRow = (hit: SearchHitLike) => page.locator(`.bundle-item-search__hit[data-hit="${hit.kind}-${hit.docId}"]`)
    await hitRow(first).waitFor({ timeout: 60_000 })
    await expect.poll(() => page.locator('.bundle-item-search__hit').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/课程|课件|音像资料|本土教材|现场教学路线/)]))
    await hitRow(first).getByRole('button').click()
    await hitRow(second).getByRole('button').click()
    await expect.poll(() => rowTitles(page), { timeout: 60_000 }).toEqual([first.title, second.title])
    await expect.poll(() => hitRow(first).getByRole('button').innerText()).toBe('已添加')
    await screenshot(page, 'bundle-builder-added')

    // drag the second row's handle above the first row (dnd-kit starts a drag after 5 px of movement)
    await page.locator('.array-field__row').nth(1).scrollIntoViewIfNeeded()
    const handle = page.locator('.array-field__row').nth(1).locator('.collapsible__drag')
    const target = page.locator('.array-field__row').nth(0)
    const from = (await handle.boundingBox())!
    const to = (await target.boundingBox())!
    const x = from.x + from.width / 2
    await page.mouse.move(x, from.y + from.height / 2)
    await page.mouse.down()
    for (const y of [from.y + from.height / 2 - 8, to.y + to.height / 2, to.y + 4]) {
      await page.mouse.move(x, y, { steps: 10 })
      await page.waitForTimeout(150)
    }
    await page.mouse.up()
    await expect.poll(() => rowTitles(page), { timeout: 30_000 }).toEqual([second.title, first.title])
    await screenshot(page, 'bundle-builder-dragged')

    const saved = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/bundles' && res.request().method() === 'POST')
    await page.locator('#action-save').click()
    const response = await saved
    expect(response.status()).toBe(201)
    const id = ((await response.json()) as { doc: { id: number } }).doc.id

    await page.goto(`${baseURL}/bundles/${id}`, { waitUntil: 'domcontentloaded' })
    const listed = await page.locator('ol.stops li .hit-title').allInnerTexts()
    expect(listed).toEqual([second.title, first.title])
    await screenshot(page, 'bundle-member-page')
    bundleId = id
  })

  it('an organizer of another jurisdiction forks it from the admin; the copy shows its origin, up to date', async () => {
    const other = await newContext(browser)
    try {
      const otherPage = await other.newPage()
      otherPage.setDefaultTimeout(180_000)
      otherPage.setDefaultNavigationTimeout(300_000)
      await signIn(otherPage, baseURL, 'organizer.ningjin@demo.commons')
      await otherPage.goto(`${baseURL}/admin/collections/bundles/${bundleId}`, { waitUntil: 'domcontentloaded' })
      const forkButton = otherPage.getByRole('button', { name: '复制为本辖区课程包' })
      await forkButton.waitFor({ timeout: 120_000 })
      await expect.poll(() => otherPage.locator('#bundle-fork-target option:checked').innerText()).toContain('宁津县')
      const forked = otherPage.waitForResponse((res) => new URL(res.url()).pathname === `/api/bundles/${bundleId}/fork`)
      await forkButton.click()
      expect((await forked).status()).toBe(201)
      await otherPage.waitForURL((url) => /\/admin\/collections\/bundles\/\w+$/.test(url.pathname) && !url.pathname.endsWith(`/${bundleId}`))
      await otherPage.locator('.bundle-origin__upstream', { hasText: '与上游一致' }).waitFor({ timeout: 120_000 })
      expect(await otherPage.locator('.bundle-origin__upstream').innerText()).toContain('复制自')
      await screenshot(otherPage, 'bundle-fork-origin')
    } finally {
      await other.close()
    }
  })
})
