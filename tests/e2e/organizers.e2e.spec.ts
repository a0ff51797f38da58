/**
 * The 月训 calendar and the statistics page in Chromium (issue 11): an anonymous visitor sees 宁津县's public
 * December bundle and its .ics feed; 麻山区's organizer, signed in on the site, sees its orders on the calendar,
 * the statistics with server-drawn SVG charts and tables (axe: no serious violation), downloads the CSV for Excel,
 * and gets a 404 for another county's statistics.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { DEMO_PASSWORD, DESKTOP, launchBrowser, newContext, screenshot } from './browser'

const baseURL = inject('baseURL')
const ORGANIZER = 'organizer.mashan@demo.commons'
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

let browser: Browser
let context: BrowserContext
let page: Page
const ids: Record<string, number | string> = {}

const jurisdictionId = async (name: string) => {
  const response = await page.request.get(`${baseURL}/api/jurisdictions?depth=0&limit=1&where[name][equals]=${encodeURIComponent(name)}`)
  return ((await response.json()) as { docs: Array<{ id: number | string }> }).docs[0]!.id
}

beforeAll(async () => {
  browser = await launchBrowser()
  context = await newContext(browser, DESKTOP)
  page = await context.newPage()
  // the first compile of each page in `next dev` takes a while on a small machine
  page.setDefaultTimeout(300_000)
  ids.ningjin = await jurisdictionId('宁津县')
  ids.mashan = await jurisdictionId('麻山区')
}, 300_000)
afterAll(async () => browser?.close())

describe('月训 calendar and statistics in the browser', () => {
  it('shows an anonymous visitor the public December 月训 bundle and a feed calendar apps read', async () => {
    const response = await page.goto(`${baseURL}/calendar/${ids.ningjin}?month=2026-12`, { timeout: 300_000, waitUntil: 'domcontentloaded' })
    expect(response?.status()).toBe(200)
    expect(await page.locator('h1').innerText()).toContain('宁津县 月训日历')
    expect(await page.locator('main').innerText()).toContain('学习焦裕禄精神')
    expect(await page.locator('.calendar-days').count()).toBe(0)
    const feed = await page.request.get(`${baseURL}/api/jurisdictions/${ids.ningjin}/calendar.ics`)
    expect(feed.headers()['content-type']).toMatch(/^text\/calendar/)
    expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*DTSTART;VALUE=DATE:20261201\r\n/)
    console.log(`[e2e] ${await screenshot(page, 'organizers-01-public-calendar')}`)
  }, 600_000)

  it('signs 麻山区’s organizer in and shows its orders, statistics, charts and CSV; another county’s statistics are a 404', async () => {
    await page.goto(`${baseURL}/signin`, { waitUntil: 'domcontentloaded' })
    await page.getByLabel('邮箱').fill(ORGANIZER)
    await page.getByLabel('密码').fill(DEMO_PASSWORD)
    await Promise.all([page.waitForURL((url) => url.pathname === '/', { timeout: 300_000 }), page.getByRole('button', { name: '登录', exact: true }).click()])

    await page.goto(`${baseURL}/calendar/${ids.mashan}?month=2026-12`, { timeout: 300_000, waitUntil: 'domcontentloaded' })
    const days = await page.locator('.calendar-days').innerText()
    expect(days).toContain('已接单')
    expect(days).toContain('已派单')

    const stats = await page.goto(`${baseURL}/stats/${ids.mashan}?from=2026-01&to=2026-12`, { timeout: 300_000, waitUntil: 'load' })
    expect(stats?.status()).toBe(200)
    expect(await page.locator('figure.chart svg').count()).toBeGreaterThanOrEqual(3)
    expect(await page.locator('table').first().locator('tbody tr').count()).toBe(12)
    expect(await page.locator('main').innerText()).toContain('覆盖率')
    console.log(`[e2e] ${await screenshot(page, 'organizers-02-stats')}`)
    await page.addScriptTag({ content: AXE_SOURCE })
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe
      return (await axe.run(document)).violations.map(({ id, impact }) => `${impact} ${id}`)
    })
    expect(violations.filter((line) => /^(serious|critical) /.test(line))).toEqual([])

    const href = await page.getByRole('link', { name: '导出培训记录明细（CSV）' }).getAttribute('href')
    const csv = await page.request.get(`${baseURL}${href}`)
    expect(csv.status()).toBe(200)
    const bytes = await csv.body()
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.toString('utf8')).toContain('\r\n')

    expect((await page.goto(`${baseURL}/stats/${ids.ningjin}`, { timeout: 300_000, waitUntil: 'domcontentloaded' }))?.status()).toBe(404)
  }, 900_000)
})
