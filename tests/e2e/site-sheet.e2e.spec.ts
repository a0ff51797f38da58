/**
 * The printable walking-route sheet of a 12-stop route: printed on A4 by Chromium it takes two pages, and every
 * QR code on them, read from a greyscale picture of the printed pages, leads to its stop's site (`/r/<code>`).
 */
import type { Browser, Page } from 'playwright-core'

import jsQR from 'jsqr'
import { getDocumentProxy, renderPageAsImage } from 'unpdf'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { DESKTOP, launchBrowser, newContext, restLogin, screenshot } from './browser'

const baseURL = inject('baseURL')
const STOPS = 12

type Grey = { data: Uint8ClampedArray; height: number; width: number }

/** Every QR code in a picture: jsQR reads one, which is then painted white, until none is left. */
function decodeAll(picture: Grey): string[] {
  const found: string[] = []
  for (let round = 0; round < 40; round++) {
    const code = jsQR(picture.data, picture.width, picture.height, { inversionAttempts: 'dontInvert' })
    if (!code) break
    found.push(code.data)
    const corners = [code.location.topLeftCorner, code.location.topRightCorner, code.location.bottomLeftCorner, code.location.bottomRightCorner]
    const margin = 12
    const [left, right] = [Math.min(...corners.map((c) => c.x)) - margin, Math.max(...corners.map((c) => c.x)) + margin]
    const [top, bottom] = [Math.min(...corners.map((c) => c.y)) - margin, Math.max(...corners.map((c) => c.y)) + margin]
    for (let y = Math.max(0, Math.floor(top)); y < Math.min(picture.height, bottom); y++)
      for (let x = Math.max(0, Math.floor(left)); x < Math.min(picture.width, right); x++) picture.data.fill(255, (y * picture.width + x) * 4, (y * picture.width + x) * 4 + 3)
  }
  return found
}

/** a printed page as a phone camera in greyscale would see it */
async function greyPage(pdf: Uint8Array, page: number): Promise<Grey> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas')
  const png = await renderPageAsImage(new Uint8Array(pdf), page, { canvasImport: () => import('@napi-rs/canvas'), scale: 3 })
  const image = await loadImage(Buffer.from(png))
  const canvas = createCanvas(image.width, image.height)
  const context = canvas.getContext('2d')
  context.fillStyle = '#fff'
  context.fillRect(0, 0, image.width, image.height)
  context.drawImage(image, 0, 0)
  const { data } = context.getImageData(0, 0, image.width, image.height)
  const grey = new Uint8ClampedArray(data.length)
  for (let at = 0; at < data.length; at += 4) {
    const value = Math.round(0.299 * data[at]! + 0.587 * data[at + 1]! + 0.114 * data[at + 2]!)
    grey.set([value, value, value, 255], at)
  }
  return { data: grey, height: image.height, width: image.width }
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
    // 12 stops over the public sites of the demo's public routes (a public route takes public sites only)
    const token = await restLogin(page.request, baseURL, 'admin@demo.commons')
    const headers = { Authorization: `JWT ${token}` }
    const listed = await page.request.get(`${baseURL}/api/field-routes?depth=0&limit=20&where[visibility][equals]=public`, { headers, timeout: 300_000 })
    const routes = ((await listed.json()) as { docs: Array<{ jurisdiction: number | string; stops: Array<{ site: number | string }> }> }).docs
    const sites = [...new Set(routes.flatMap((route) => route.stops.map((stop) => stop.site)))]
    expect(sites.length, 'public sites on the demo routes').toBeGreaterThan(0)
    const created = await page.request.post(`${baseURL}/api/field-routes`, {
      data: {
        _status: 'published',
        jurisdiction: routes[0]!.jurisdiction,
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
    const pdf = await page.pdf({ format: 'A4', printBackground: true })
    const document = await getDocumentProxy(new Uint8Array(pdf))
    expect(document.numPages, 'A4 pages').toBe(2)

    const links: string[] = []
    for (let number = 1; number <= document.numPages; number++) links.push(...decodeAll(await greyPage(pdf, number)))
    console.log(`[e2e] route sheet: ${STOPS} stops on ${document.numPages} A4 pages, ${links.length} QR codes read`)
    const stopLinks = links.filter((link) => /\/r\/s[a-z0-9]+$/.test(link))
    const routeLinks = links.filter((link) => /\/r\/r[a-z0-9]+$/.test(link))
    expect(stopLinks).toHaveLength(STOPS)
    expect(routeLinks).toHaveLength(1)
    // each stop's code is its site's short link, in order, and each opens the site's page
    const sitePaths = await page.locator('.sheet-stops li figcaption').allInnerTexts()
    expect(stopLinks.map((link) => link.replace(/^https?:\/\//, ''))).toEqual(expect.arrayContaining(sitePaths))
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
