/** Phone-sized viewport (390×844): a member signs in, searches in Traditional script, sees the dashboard. */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import * as OpenCC from 'opencc-js'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser, newContext, PHONE, screenshot, search, signIn } from './browser'

const baseURL = inject('baseURL')
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' })
/** Written in Simplified characters: converting Traditional→Simplified leaves it as it is. */
const isSimplified = (text: string): boolean => toSimplified(text) === text

describe('member on a phone', () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page

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

  it('signs in and sees the Chinese dashboard at phone size', async () => {
    await page.goto(`${baseURL}/admin/login`, { waitUntil: 'domcontentloaded' })
    await page.locator('#field-email').waitFor()
    await screenshot(page, 'phone-01-login')
    await signIn(page, baseURL, 'member.tianchidian@demo.commons')
    await page.getByText('课程资源', { exact: true }).first().waitFor()
    const body = await page.locator('body').innerText()
    expect(body).toContain('课程')
    // nothing wider than the screen
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
    await screenshot(page, 'phone-02-dashboard')
  })

  it('finds Simplified-script lessons for a Traditional query (黨員教育)', async () => {
    const hits = await search(page.request, baseURL, '黨員教育')
    const lessons = hits.filter((hit) => hit.kind === 'lesson')
    expect(lessons.length).toBeGreaterThan(0)
    const simplified = lessons.filter((hit) => isSimplified(hit.title))
    console.log(`[e2e] 黨員教育 as member: ${hits.length} hits; Simplified-script lessons: ${simplified.map((hit) => hit.title).join(' | ')}`)
    expect(simplified.length).toBeGreaterThan(0)
    // the member's own line (天池店乡) is visible to them, 源泉镇's local items are not
    const foreignLocal = hits.filter((hit) => hit.visibility === 'local' && (hit.jurisdiction as { name: string }).name === '源泉镇')
    expect(foreignLocal).toEqual([])

    await page.goto(`${baseURL}/admin/collections/lessons`, { waitUntil: 'domcontentloaded' })
    await page.locator('.collection-list, table, .no-results').first().waitFor()
    await screenshot(page, 'phone-03-lessons-list')
  })
})
