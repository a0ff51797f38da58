/**
 * The member site (/, /search and a page per kind) in Chromium at phone size (390×844) and desktop size (1280×800):
 * search in Traditional script, facets, every kind's page, a courseware page at the match, member sign-in showing
 * local items, a hidden item's 404, text size and script that persist, and no request to any other host.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

import jsQR from 'jsqr'
import * as OpenCC from 'opencc-js'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { DEMO_PASSWORD, DESKTOP, launchBrowser, newContext, PHONE, restLogin, screenshot } from './browser'

const baseURL = inject('baseURL')
const MEMBER = 'member.tianchidian@demo.commons'
const KINDS = ['lesson', 'courseware', 'video', 'textbook', 'field-site', 'field-route', 'lecturer', 'bundle'] as const

type Hit = { kind: string; title: string; url: string; pages?: number[]; visibility: string; jurisdiction: { name: string } }

/** the site shows text in Simplified by default (the 简/繁 switch), whatever script it was written in */
const simplified = OpenCC.Converter({ from: 'tw', to: 'cn' })
const htmlAttribute = (page: Page, name: 'lang' | 'size') =>
  page.evaluate((attribute) => (attribute === 'lang' ? document.documentElement?.lang : document.documentElement?.dataset.size), name).catch(() => null)

/** presses a 大/中/小 or 简/繁 button: a form post, then the same page again */
const choose = async (page: Page, name: RegExp) => {
  await Promise.all([page.waitForResponse((response) => response.url().endsWith('/account/prefs')), page.getByRole('button', { name }).click()])
  await page.waitForLoadState('domcontentloaded')
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/** Records every request's host, so a test can prove nothing left the machine (no tiles, fonts or analytics). */
const watchHosts = (context: BrowserContext): Set<string> => {
  const hosts = new Set<string>()
  context.on('request', (request) => {
    const url = new URL(request.url())
    if (url.protocol.startsWith('http')) hosts.add(url.hostname)
  })
  return hosts
}

async function apiHits(page: Page, query: string): Promise<Hit[]> {
  const response = await page.request.get(`${baseURL}/api/search?${query}`)
  expect(response.status()).toBe(200)
  return ((await response.json()) as { hits: Hit[] }).hits
}

/** The id of a lesson with this title, asked as the admin (sees everything). */
async function lessonId(page: Page, title: string): Promise<number> {
  const token = await restLogin(page.request, baseURL, 'admin@demo.commons')
  const response = await page.request.get(`${baseURL}/api/lessons?depth=0&limit=1&where[title][equals]=${encodeURIComponent(title)}`, {
    headers: { Authorization: `JWT ${token}` },
  })
  const doc = ((await response.json()) as { docs: Array<{ id: number }> }).docs[0]
  expect(doc, `demo lesson ${title}`).toBeTruthy()
  return doc!.id
}

const noHorizontalScroll = async (page: Page, width: number) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const)('member site at %s size', (size, viewport) => {
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let hosts: Set<string>

  beforeAll(async () => {
    browser = await launchBrowser()
    context = await newContext(browser, viewport, size === 'phone')
    hosts = watchHosts(context)
    page = await context.newPage()
    page.setDefaultTimeout(180_000)
    page.setDefaultNavigationTimeout(300_000)
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('finds lessons about 焦裕禄 written in Traditional script, with highlights, and filters by a facet', async () => {
    await page.goto(`${baseURL}/`, { waitUntil: 'domcontentloaded' })
    await page.getByLabel('搜索课程、课件、讲师、现场教学点').fill('焦裕祿')
    await Promise.all([page.waitForURL(/\/search\?q=/), page.getByRole('button', { name: '搜索', exact: true }).click()])
    expect(new URL(page.url()).searchParams.get('q')).toBe('焦裕祿')
    const results = page.locator('.hit')
    expect(await results.count()).toBeGreaterThan(0)
    expect(await page.locator('.hit mark').first().innerText()).toBe('焦裕禄')
    await noHorizontalScroll(page, viewport.width)
    console.log(`[e2e] ${await screenshot(page, `site-${size}-01-search`)}`)

    // the kind facet names its values; choosing 课程 keeps the query and shows lessons only
    const kindFacet = page.locator('.facets a', { hasText: /^课程 \(\d+\)$/ })
    await Promise.all([page.waitForURL(/kind=lesson/), kindFacet.click()])
    const url = new URL(page.url())
    expect(url.searchParams.get('q')).toBe('焦裕祿')
    const badges = await page.locator('.hit .badge').allInnerTexts()
    expect(badges.length).toBeGreaterThan(0)
    expect(new Set(badges)).toEqual(new Set(['课程']))
    // audiences are named, not coded
    const facetText = (await page.locator('.facets').textContent()) ?? ''
    expect(facetText).toContain('农村党员')
    expect(facetText).not.toMatch(/\brural\b/)
    // the jurisdiction facet names places and drills down
    await page.locator('.facets summary', { hasText: '辖区' }).click()
    const place = page.locator('.facets details', { hasText: '辖区' }).locator('a').first()
    const placeName = (await place.innerText()).replace(/\s*\(\d+\)$/, '')
    await Promise.all([page.waitForURL(/jurisdiction=/), place.click()])
    expect(await page.locator('.facets').innerText()).toContain(placeName)
    console.log(`[e2e] ${await screenshot(page, `site-${size}-02-filtered`)}`)
  })

  it('opens a page for every kind at the URL its hits carry', async () => {
    for (const kind of KINDS) {
      const [hit] = await apiHits(page, `kind=${kind}&perPage=1`)
      expect(hit, `a public ${kind} in the demo content`).toBeTruthy()
      const response = await page.goto(`${baseURL}${hit!.url}`, { waitUntil: 'domcontentloaded' })
      expect(response?.status(), hit!.url).toBe(200)
      expect(await page.locator('h1').innerText()).toBe(kind === 'lecturer' ? hit!.title : simplified(hit!.title))
      await noHorizontalScroll(page, viewport.width)
      if (kind === 'field-route' || kind === 'field-site') {
        // the map is drawn on the server: an inline SVG with a scale bar and north arrow, no tiles
        expect(await page.locator('svg.map').count()).toBe(1)
        expect(await page.locator('svg.map').innerHTML()).toContain('北')
        expect(await page.locator('a[href^="https://uri.amap.com/"]').count()).toBeGreaterThan(0)
      }
      if (size === 'phone' || kind === 'field-route') console.log(`[e2e] ${await screenshot(page, `site-${size}-kind-${kind}`)}`)
    }
  })

  it('opens courseware at the page that matches', async () => {
    const hit = (await apiHits(page, `q=${encodeURIComponent('红色资源')}&kind=courseware`)).find((one) => one.pages?.length)
    expect(hit, 'a public courseware page mentions 红色资源').toBeTruthy()
    await page.goto(`${baseURL}/search?q=${encodeURIComponent('红色资源')}&kind=courseware`, { waitUntil: 'domcontentloaded' })
    const pageLink = page.locator('.hit .pages a').first()
    const target = Number(new URL(await pageLink.evaluate((a) => (a as HTMLAnchorElement).href)).searchParams.get('page'))
    expect(target).toBe(hit!.pages![0])
    await Promise.all([page.waitForURL(/\/courseware\/\w+\?page=/), pageLink.click()])
    const image = page.locator('img.page-image')
    expect(await image.getAttribute('src')).toMatch(new RegExp(`/pages/${target}$`))
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 60_000 }).toBeGreaterThan(100)
    expect(await page.locator('a[href*="/api/courseware/file/"][href$="?download"]').count()).toBe(1)
    console.log(`[e2e] ${await screenshot(page, `site-${size}-03-courseware-page`)}`)
  })

  it('prints a route sheet whose QR codes decode to working short links', async () => {
    const [route] = await apiHits(page, 'kind=field-route&perPage=1')
    await page.goto(`${baseURL}${route!.url}`, { waitUntil: 'domcontentloaded' })
    await Promise.all([page.waitForURL(/\/sheet$/), page.getByRole('link', { name: '打印路线单' }).click()])
    const codes = page.locator('.sheet-stops svg.qr')
    const count = await codes.count()
    expect(count).toBeGreaterThan(0)
    for (let index = 0; index < count; index++) {
      // a greyscale picture of the printed code, as a phone camera would see it
      const png = await codes.nth(index).screenshot()
      const { data, info } = await sharp(png).removeAlpha().greyscale().raw().toBuffer({ resolveWithObject: true })
      const rgba = new Uint8ClampedArray(info.width * info.height * 4)
      data.forEach((grey, at) => rgba.set([grey, grey, grey, 255], at * 4))
      const decoded = jsQR(rgba, info.width, info.height)
      expect(decoded?.data, `QR code ${index + 1}`).toMatch(new RegExp(`^${baseURL}/r/s[a-z0-9]+$`))
      const landing = await page.request.get(decoded!.data)
      expect(landing.status()).toBe(200)
      expect(new URL(landing.url()).pathname).toMatch(/^\/sites\/\w+$/)
    }
    await page.emulateMedia({ media: 'print' })
    console.log(`[e2e] ${await screenshot(page, `site-${size}-07-route-sheet-print`)}`)
    const pdf = size === 'desktop' ? await page.pdf({ format: 'A4' }).catch(() => null) : null
    if (pdf) console.log(`[e2e] route sheet: ${count} stops, ${(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length} A4 page(s)`)
    await page.emulateMedia({ media: 'screen' })
  })

  it('lists what is near the phone’s location, nearest first, with walking minutes', async () => {
    await context.grantPermissions(['geolocation'], { origin: baseURL })
    await context.setGeolocation({ latitude: 36.4305, longitude: 117.9505 }) // by 源泉镇's demo sites
    await page.goto(`${baseURL}/near`, { waitUntil: 'load' })
    await Promise.all([page.waitForURL(/\/near\?lat=/), page.getByRole('button', { name: '用我现在的位置' }).click()])
    const distances = await page.locator('.hit .meta').allInnerTexts()
    expect(distances.length).toBeGreaterThan(0)
    expect(distances[0]).toMatch(/步行约 \d+ 分钟/)
    const meters = distances.map((line) => {
      const match = /([\d.]+) (米|公里)/.exec(line)!
      return Number(match[1]) * (match[2] === '公里' ? 1000 : 1)
    })
    expect(meters).toEqual([...meters].sort((a, b) => a - b))
    console.log(`[e2e] ${await screenshot(page, `site-${size}-08-near-me`)}`)
  })

  it('switches text size and script on the server, and keeps them', async () => {
    await page.goto(`${baseURL}/search?q=${encodeURIComponent('党员教育')}`, { waitUntil: 'domcontentloaded' })
    // large by default: body ≥ 24px (18pt), line height ≥ 1.3, buttons ≥ 60px tall
    const large = await page.evaluate(() => {
      const body = getComputedStyle(document.body)
      const button = document.querySelector('.search-form button')!.getBoundingClientRect()
      return { fontSize: parseFloat(body.fontSize), lineHeight: parseFloat(body.lineHeight), buttonHeight: button.height, size: document.documentElement.dataset.size }
    })
    expect(large.size).toBe('large')
    expect(large.fontSize).toBeGreaterThanOrEqual(24)
    expect(large.lineHeight / large.fontSize).toBeGreaterThanOrEqual(1.3)
    expect(large.buttonHeight).toBeGreaterThanOrEqual(60)

    await choose(page, /繁/)
    await expect.poll(() => htmlAttribute(page, 'lang'), { timeout: 30_000 }).toBe('zh-Hant')
    expect(await page.locator('.brand').innerText()).toBe('課件共享庫')
    expect(new URL(page.url()).searchParams.get('q')).toBe('党员教育')
    await choose(page, /^小/)
    await expect.poll(() => htmlAttribute(page, 'size'), { timeout: 30_000 }).toBe('small')

    // a new visit: the server renders the chosen size and script straight away
    const response = await page.request.get(`${baseURL}/`)
    const html = await response.text()
    expect(html).toMatch(/<html[^>]*data-size="small"/)
    expect(html).toMatch(/<html[^>]*lang="zh-Hant"/)
    expect(html).toContain('課件共享庫')
    await page.goto(`${baseURL}/`, { waitUntil: 'domcontentloaded' })
    console.log(`[e2e] ${await screenshot(page, `site-${size}-04-small-traditional`)}`)
    // back to the defaults for the next tests
    await choose(page, /簡|简/)
    await expect.poll(() => htmlAttribute(page, 'lang'), { timeout: 30_000 }).toBe('zh-Hans')
    await choose(page, /^大/)
    await expect.poll(() => htmlAttribute(page, 'size'), { timeout: 30_000 }).toBe('large')
  })

  it('shows a member their own line’s local items after signing in, and 404s what is not theirs', async () => {
    const localTitle = '情景劇《嚴肅軍紀》' // local to 天池店乡, the member's town
    const foreignTitle = '全国脱贫攻坚先进个人亓庆良讲座' // local to 源泉镇
    const localId = await lessonId(page, localTitle)
    const foreignId = await lessonId(page, foreignTitle)
    await context.clearCookies()

    // anonymous: neither shows up, and both URLs are the same plain 404
    await page.goto(`${baseURL}/search?q=${encodeURIComponent('嚴肅軍紀')}`, { waitUntil: 'domcontentloaded' })
    expect(await page.locator('.hit-title', { hasText: '严肃军纪' }).count()).toBe(0)
    const anonymous = await page.goto(`${baseURL}/lessons/${localId}`, { waitUntil: 'domcontentloaded' })
    expect(anonymous?.status()).toBe(404)

    await page.goto(`${baseURL}/signin`, { waitUntil: 'domcontentloaded' })
    await page.getByLabel('邮箱').fill(MEMBER)
    await page.getByLabel('密码').fill('wrong-password')
    await Promise.all([page.waitForURL(/problem=wrong/), page.getByRole('button', { name: '登录', exact: true }).click()])
    expect(await page.locator('.notice[role=alert]').innerText()).toContain('邮箱或密码不正确')
    await page.getByLabel('邮箱').fill(MEMBER)
    await page.getByLabel('密码').fill(DEMO_PASSWORD)
    await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.getByRole('button', { name: '登录', exact: true }).click()])
    expect(await page.locator('.account').innerText()).toContain('退出登录')

    await page.goto(`${baseURL}/search?q=${encodeURIComponent('嚴肅軍紀')}`, { waitUntil: 'domcontentloaded' })
    expect(await page.locator('.hit-title', { hasText: '严肃军纪' }).count()).toBe(1)
    console.log(`[e2e] ${await screenshot(page, `site-${size}-05-member-local-hit`)}`)
    const own = await page.goto(`${baseURL}/lessons/${localId}`, { waitUntil: 'domcontentloaded' })
    expect(own?.status()).toBe(200)
    expect(await page.locator('h1').innerText()).toBe(simplified(localTitle))

    const foreign = await page.goto(`${baseURL}/lessons/${foreignId}`, { waitUntil: 'domcontentloaded' })
    expect(foreign?.status()).toBe(404)
    const missing = await page.request.get(`${baseURL}/lessons/987654321`)
    expect(missing.status()).toBe(404)
    const foreignHtml = await (await page.request.get(`${baseURL}/lessons/${foreignId}`)).text()
    expect(foreignHtml).not.toContain('亓庆良')
    console.log(`[e2e] ${await screenshot(page, `site-${size}-06-hidden-404`)}`)

    await page.goto(`${baseURL}/`, { waitUntil: 'domcontentloaded' })
    await Promise.all([page.waitForLoadState('domcontentloaded'), page.getByRole('button', { name: '退出登录' }).click()])
    await page.locator('.account a', { hasText: '登录' }).waitFor()
    expect((await page.request.get(`${baseURL}/lessons/${localId}`)).status()).toBe(404)
  })

  it('passes axe-core with no serious or critical violation on the main pages', async () => {
    const [route] = await apiHits(page, 'kind=field-route&perPage=1')
    const [courseware] = await apiHits(page, 'kind=courseware&perPage=1')
    const [lesson] = await apiHits(page, 'kind=lesson&perPage=1')
    for (const path of ['/', `/search?q=${encodeURIComponent('焦裕祿')}`, lesson!.url, courseware!.url, route!.url, `${route!.url}/sheet`, '/signin', '/near']) {
      await page.goto(`${baseURL}${path}`, { waitUntil: 'load' })
      await page.addScriptTag({ content: AXE_SOURCE })
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe
        return (await axe.run(document)).violations.map(({ id, impact }) => `${impact} ${id}`)
      })
      expect(violations.filter((line) => /^(serious|critical) /.test(line)), path).toEqual([])
    }
  })

  it('made no request to any host but this machine', () => {
    expect([...hosts].filter((host) => !LOOPBACK.has(host))).toEqual([])
  })
})
