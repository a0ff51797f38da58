/** An organizer renames a lesson in the admin; the new title is searchable within two seconds. */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser, newContext, pollSearch, restLogin, screenshot, search, signIn } from './browser'

const baseURL = inject('baseURL')
const ORGANIZER = 'organizer.boshan@demo.commons'
/** a word absent from the demo content */
const NEW_WORD = '金秋硕果'
const run = Date.now().toString(36)

describe('organizer edits a lesson', () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    browser = await launchBrowser()
    context = await newContext(browser)
    page = await context.newPage()
    page.setDefaultTimeout(180_000)
    page.setDefaultNavigationTimeout(300_000)
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('finds the new title through /api/search within 2 seconds of saving', async () => {
    await signIn(page, baseURL, ORGANIZER)
    // a published lesson of 源泉镇 (under 博山区), shared with every signed-in user
    const token = await restLogin(page.request, baseURL, ORGANIZER)
    const response = await page.request.get(
      `${baseURL}/api/lessons?depth=0&limit=1&sort=id&where[jurisdictionPath][like]=/3/&where[_status][equals]=published&where[visibility][equals]=shared`,
      { headers: { Authorization: `JWT ${token}` } },
    )
    expect(response.status()).toBe(200)
    const lesson = ((await response.json()) as { docs: { id: number; title: string }[] }).docs[0]
    expect(lesson, 'the demo seed has a shared, published lesson of 源泉镇').toBeTruthy()
    const newTitle = `${lesson.title.replace(/（金秋硕果修订版[^）]*）$/, '')}（${NEW_WORD}修订版 ${run}）`
    expect((await search(page.request, baseURL, NEW_WORD)).filter((hit) => hit.title === newTitle)).toEqual([])

    await page.goto(`${baseURL}/admin/collections/lessons/${lesson.id}`, { waitUntil: 'domcontentloaded' })
    const title = page.locator('#field-title:not([disabled])')
    await title.waitFor()
    await expect.poll(() => title.inputValue(), { timeout: 60_000 }).toBe(lesson.title)
    await title.fill(newTitle)
    const publish = page.locator('#action-save')
    await expect.poll(() => publish.isEnabled(), { timeout: 60_000 }).toBe(true)

    const saved = page.waitForResponse(
      (res) => new URL(res.url()).pathname === `/api/lessons/${lesson.id}` && res.request().method() !== 'GET',
    )
    const clickedAt = Date.now()
    await publish.click()
    const saveResponse = await saved
    const savedAt = Date.now()
    expect(saveResponse.status()).toBe(200)
    const { hits } = await pollSearch(page.request, baseURL, NEW_WORD, (found) => found.some((hit) => hit.docId === String(lesson.id) && hit.title === newTitle), 10_000, 50)
    const ms = Date.now() - savedAt
    console.log(
      `[e2e] lesson title edit→searchable: ${(ms / 1000).toFixed(2)}s after the save answered ` +
        `(the save itself took ${((savedAt - clickedAt) / 1000).toFixed(2)}s from the click on 发布修改)`,
    )
    expect(hits.find((hit) => hit.docId === String(lesson.id))?.title).toBe(newTitle)
    await screenshot(page, 'desktop-06-lesson-renamed')
    expect(ms).toBeLessThan(2000)
  })
})
