/** Shared helpers for the browser tests: Debian's Chromium through playwright-core, sign-in, screenshots, search. */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { chromium, type APIRequestContext, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const DEMO_PASSWORD = 'demo-pass-2026'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const SCREENSHOT_DIR = path.join(projectRoot, 'test-results/e2e')

export const DESKTOP = { height: 800, width: 1280 }
export const PHONE = { height: 844, width: 390 }

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    executablePath: CHROMIUM_PATH,
    headless: true,
  })
}

/** An English-speaking browser: the admin must still come up in Simplified Chinese. */
export function newContext(browser: Browser, viewport = DESKTOP, phone = false): Promise<BrowserContext> {
  return browser.newContext({
    deviceScaleFactor: 1,
    hasTouch: phone,
    isMobile: phone,
    locale: 'en-US',
    viewport,
  })
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path: file })
  return file
}

/** Signs in through the admin's login form and waits for the dashboard. */
export async function signIn(page: Page, baseURL: string, email: string): Promise<void> {
  await page.goto(`${baseURL}/admin/login`, { waitUntil: 'domcontentloaded' })
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(DEMO_PASSWORD)
  await page.locator('button[type=submit]').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/admin/login'), { timeout: 120_000 })
  await page.locator('.dashboard, .template-default').first().waitFor({ timeout: 120_000 })
}

export interface SearchHitLike {
  docId: number | string
  kind: string
  title: string
  pages?: number[]
  [key: string]: unknown
}

export async function search(request: APIRequestContext, baseURL: string, q: string): Promise<SearchHitLike[]> {
  const response = await request.get(`${baseURL}/api/search?q=${encodeURIComponent(q)}`)
  if (!response.ok()) throw new Error(`GET /api/search?q=${q}: HTTP ${response.status()} ${await response.text()}`)
  const body = (await response.json()) as { hits: SearchHitLike[] }
  return body.hits
}

/** Polls until `found` accepts the hits; returns them and the milliseconds waited. */
export async function pollSearch(
  request: APIRequestContext,
  baseURL: string,
  q: string,
  found: (hits: SearchHitLike[]) => boolean,
  timeoutMs: number,
  intervalMs = 100,
): Promise<{ hits: SearchHitLike[]; ms: number }> {
  const started = Date.now()
  let hits: SearchHitLike[] = []
  while (Date.now() - started < timeoutMs) {
    // A poll that loses its kept-alive connection (ECONNRESET) is asked again, like any other miss.
    hits = await search(request, baseURL, q).catch((error: unknown) => {
      if (!String(error).includes('ECONNRESET')) throw error
      return []
    })
    if (found(hits)) return { hits, ms: Date.now() - started }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
  throw new Error(`search for "${q}" did not find the expected hit within ${timeoutMs} ms; last hits: ${JSON.stringify(hits.slice(0, 5))}`)
}

/** A REST session as a demo account, for checks outside the browser (e.g. as the admin). */
export async function restLogin(request: APIRequestContext, baseURL: string, email: string): Promise<string> {
  const response = await request.post(`${baseURL}/api/users/login`, { data: { email, password: DEMO_PASSWORD } })
  if (!response.ok()) throw new Error(`login ${email}: HTTP ${response.status()}`)
  return ((await response.json()) as { token: string }).token
}
