/**
 * The printable walking-route sheet of a 12-stop route: printed on A4 by Chromium it takes two pages, and every
 * QR code on them, read from a greyscale picture of the printed pages, leads to its stop's site (`/r/<code>`).
 */
import type { Browser, Page } from 'playwright-core'

import '@/ingest/node20Polyfills'

import path from 'node:path'

import jsQR from 'jsqr'
import sharp from 'sharp'
import { getDocumentProxy, renderPageAsImage } from 'unpdf'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { DESKTOP, launchBrowser, newContext, restLogin, screenshot, SCREENSHOT_DIR } from './browser'

const baseURL = inject('baseURL')
const STOPS = 12

const SCALE = 3 // 216 dpi: a QR module is about 7 pixels

/**
 * The QR codes of one printed page, as a phone camera in greyscale would read them: the page is drawn by pdf.js,
 * and the square above each printed short link (found in the PDF's text) is cut out and read by jsQR, which
 * reads one code per picture. Returns each printed link with what its code says.
 */
async function readCodes(pdf: Uint8Array, number: number): Promise<Array<{ decoded: null | string; printed: string }>> {
  const page = await (await getDocumentProxy(pdf.slice())).getPage(number)
  const viewport = page.getViewport({ scale: SCALE })
  const captions = (await page.getTextContent()).items.flatMap((item) => ('str' in item && /\/r\/[a-z0-9]+$/.test(item.str) ? [item] : []))
  const png = Buffer.from(await renderPageAsImage(pdf.slice(), number, { canvasImport: () => import('@napi-rs/canvas'), scale: SCALE }))
  const codes: Array<{ decoded: null | string; printed: string }> = []
  for (const caption of captions) {
    const [x, y] = viewport.convertToViewportPoint(caption.transform[4], caption.transform[5]) as [number, number]
    const centre = x + (caption.width * SCALE) / 2
    const box = { height: 330, left: Math.max(0, Math.round(centre - 170)), top: Math.max(0, Math.round(y - 330)), width: 340 }
    const { data, info } = await sharp(png).flatten({ background: '#fff' }).extract(box).greyscale().raw().toBuffer({ resolveWithObject: true })
    const rgba = new Uint8ClampedArray(info.width * info.height * 4)
    data.forEach((grey, at) => rgba.set([grey, grey, grey, 255], at * 4))
    codes.push({ decoded: jsQR(rgba, info.width, info.height)?.data ?? null, printed: caption.str })
  }
  return codes
}

describe('route sheet of a 12-stop route', () => {
  let browser: Browser
  let page: Page
  let routeId: number | string

  beforeAll(async () => {
    browser = await launchBrowser()
    page = await (await newContext(browser, DESKTOP)).newPage()
    page.setDefaultTimeout(180_000)
    page.setDefaultNavigationTimeout(300_000)
    // 12 stops over public sites (a public route takes public sites only)
    const token = await restLogin(page.request, baseURL, 'admin@demo.commons')
    const headers = { Authorization: `JWT ${token}` }
    const listed = await page.request.get(`${baseURL}/api/field-routes?depth=0&limit=20&where[visibility][equals]=public`, { headers, timeout: 300_000 })
    const routes = ((await listed.json()) as { docs: Array<{ jurisdiction: number | string; stops: Array<{ site: number | string }> }> }).docs
    // the sites of one demo route, walked again as needed: a route of one place, as a real one would be
    const longest = routes.sort((a, b) => b.stops.length - a.stops.length)[0]!
    const sites = [...new Set(longest.stops.map((stop) => stop.site))]
    expect(sites.length, 'public sites on the demo routes').toBeGreaterThan(0)
    const created = await page.request.post(`${baseURL}/api/field-routes`, {
      data: {
        _status: 'published',
        jurisdiction: longest.jurisdiction,
        stops: Array.from({ length: STOPS }, (_, index) => ({
          minutes: 15 + index,
          site: sites[index % sites.length],
          speaker: `讲解员${index + 1}号`,
          topic: `第${index + 1}站：重温入党誓词，学习革命先辈不忘初心、牢记使命的精神`,
        })),
        summary: '十二站的红色教育步行路线，用来检查打印的路线单。',
        title: '十二站红色教育步行路线（打印检查）',
        visibility: 'public',
      },
      headers,
      timeout: 300_000,
    })
    expect(created.status(), await created.text()).toBe(201)
    routeId = ((await created.json()) as { doc: { id: number | string } }).doc.id
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('prints on two A4 pages whose QR codes, read in greyscale, lead to each stop', async () => {
    const response = await page.goto(`${baseURL}/routes/${routeId}/sheet`, { waitUntil: 'load' })
    expect(response?.status()).toBe(200)
    expect(await page.locator('.sheet-stops li').count()).toBe(STOPS)
    await page.emulateMedia({ media: 'print' })
    console.log(`[e2e] ${await screenshot(page, 'site-sheet-12-stops-print')}`)
    const pdf = await page.pdf({ format: 'A4', path: path.join(SCREENSHOT_DIR, 'site-sheet-12-stops.pdf'), printBackground: true })
    console.log(`[e2e] ${path.join(SCREENSHOT_DIR, 'site-sheet-12-stops.pdf')}`)
    const document = await getDocumentProxy(new Uint8Array(pdf))
    expect(document.numPages, 'A4 pages').toBe(2)

    const codes: Array<{ decoded: null | string; printed: string }> = []
    for (let number = 1; number <= document.numPages; number++) codes.push(...(await readCodes(new Uint8Array(pdf), number)))
    console.log(`[e2e] route sheet: ${STOPS} stops on ${document.numPages} A4 pages, ${codes.filter((code) => code.decoded).length} of ${codes.length} QR codes read`)
    // the route's code and one per stop, each saying the link printed under it
    expect(codes).toHaveLength(STOPS + 1)
    for (const { decoded, printed } of codes) expect(decoded, printed).toBe(`${new URL(baseURL).protocol}//${printed}`)
    const links = codes.map((code) => code.decoded!)
    const stopLinks = links.filter((link) => /\/r\/s[a-z0-9]+$/.test(link))
    const routeLinks = links.filter((link) => /\/r\/r[a-z0-9]+$/.test(link))
    expect(stopLinks).toHaveLength(STOPS)
    expect(routeLinks).toHaveLength(1)
    expect(stopLinks.map((link) => link.replace(/^https?:\/\//, ''))).toEqual(await page.locator('.sheet-stops li figcaption').allInnerTexts())
    for (const link of [...new Set([...stopLinks, ...routeLinks])]) {
      expect(link.startsWith(`${baseURL}/r/`), link).toBe(true)
      const landing = await page.request.get(link, { timeout: 300_000 })
      expect(landing.status(), link).toBe(200)
      expect(new URL(landing.url()).pathname).toMatch(/^\/(sites|routes)\/\w+$/)
    }
    expect(new URL(routeLinks[0]!).pathname).toMatch(/^\/r\/r/)
    const route = await page.request.get(routeLinks[0]!, { timeout: 300_000 })
    expect(new URL(route.url()).pathname).toBe(`/routes/${routeId}`)
  })
})
