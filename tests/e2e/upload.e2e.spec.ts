/**
 * The admin in a real browser (desktop 1280×800): Chinese UI for an English browser, uploading courseware
 * through the create form, its text becoming searchable with page numbers, refused and duplicate files.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { buildCjkPdf, buildPptx, buildWindowsExe } from '../fixtures/ingest/build'
import { launchBrowser, newContext, pollSearch, restLogin, screenshot, search, signIn } from './browser'

const baseURL = inject('baseURL')
const INSTRUCTOR = 'instructor.yuanquan@demo.commons'
const run = Date.now().toString(36)

/** Words only in the slides' text (not in the title), absent from the demo content. */
const SLIDE_WORD = '鸿雁传书'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

async function openCreateForm(page: Page): Promise<void> {
  await page.goto(`${baseURL}/admin/collections/courseware/create`, { waitUntil: 'domcontentloaded' })
  // the form's inputs stay disabled until the client has loaded the document state
  await page.locator('#field-title:not([disabled])').waitFor()
}

/** Chooses the file, names it and presses 发布 (publish); returns the time of the click. */
async function submitUpload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, title: string): Promise<number> {
  await openCreateForm(page)
  await page.locator('input[type=file]').setInputFiles(file)
  await page.locator('#field-title').fill(title)
  const publish = page.locator('#action-save')
  await publish.waitFor()
  await expect.poll(() => publish.isEnabled()).toBe(true)
  const clickedAt = Date.now()
  await publish.click()
  return clickedAt
}

/** Text of the toasts the admin shows (sonner). */
const toastText = (page: Page) => page.locator('.payload-toast-container, [data-sonner-toaster]').innerText()

async function countCoursewareTitled(page: Page, title: string): Promise<number> {
  const token = await restLogin(page.request, baseURL, 'admin@demo.commons')
  const response = await page.request.get(
    `${baseURL}/api/courseware?depth=0&draft=true&where[title][equals]=${encodeURIComponent(title)}`,
    { headers: { Authorization: `JWT ${token}` } },
  )
  expect(response.status()).toBe(200)
  return ((await response.json()) as { totalDocs: number }).totalDocs
}

describe('admin on desktop', () => {
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    context = await newContext(browser)
    page = await context.newPage()
    page.setDefaultTimeout(180_000)
    page.setDefaultNavigationTimeout(300_000)
  })

  afterAll(async () => {
    await context?.close()
  })

  it('signs the instructor in; the admin speaks Simplified Chinese to an en-US browser', async () => {
    await signIn(page, baseURL, INSTRUCTOR)
    expect(await page.evaluate(() => navigator.language)).toBe('en-US')
    await page.getByText('课程资源', { exact: true }).first().waitFor()
    const body = await page.locator('body').innerText()
    for (const label of ['课程', '课件', '音像资料', '仪表板']) expect(body).toContain(label)
    expect(body).not.toMatch(/\bDashboard\b|\bCollections\b/)
    expect(await page.locator('html').getAttribute('lang')).toBe('zh')
    await screenshot(page, 'desktop-01-dashboard-zh')
  })

  it('uploads a PPTX with Chinese slides; its slide text becomes searchable with slide numbers', async () => {
    const title = `浏览器测试课件 ${run}`
    expect(await search(page.request, baseURL, SLIDE_WORD)).not.toContainEqual(expect.objectContaining({ title }))
    const pptx = buildPptx([
      { body: ['学习贯彻党的二十大精神'], notes: '', title: '第一张 党员教育培训' },
      { body: [`${SLIDE_WORD}：讲好红色故事`, '乡村振兴与基层治理'], notes: '', title: '第二张 红色故事' },
      { body: ['廉政教育专题课'], notes: '', title: '第三张 廉政教育' },
    ])

    await openCreateForm(page)
    // the owning jurisdiction defaults to the instructor's own
    await expect.poll(() => page.locator('#field-jurisdiction').innerText(), { timeout: 60_000 }).toContain('源泉镇')
    const saved = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/courseware' && res.request().method() === 'POST')
    const clickedAt = await submitUpload(
      page,
      { buffer: Buffer.from(pptx), mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', name: '红色故事课件.pptx' },
      title,
    )
    const saveResponse = await saved
    const savedAt = Date.now()
    expect(saveResponse.status()).toBe(201)
    const id = String(((await saveResponse.json()) as { doc: { id: number } }).doc.id)

    const { hits } = await pollSearch(page.request, baseURL, SLIDE_WORD, (found) => found.some((hit) => hit.docId === id), 30_000)
    const searchableAt = Date.now()
    const hit = hits.find((found) => found.docId === id)!
    console.log(
      `[e2e] PPTX save→searchable: ${((searchableAt - savedAt) / 1000).toFixed(2)}s after the upload answered ` +
        `(the upload itself took ${((savedAt - clickedAt) / 1000).toFixed(2)}s from the click on 发布修改)`,
    )
    expect(hit.kind).toBe('courseware')
    expect(hit.title).toBe(title)
    expect(hit.pages).toEqual([2])
    expect(searchableAt - savedAt).toBeLessThan(15_000)

    const doc = await page.request.get(`${baseURL}/api/courseware/${id}?depth=0&draft=true`)
    expect(await doc.json()).toMatchObject({ extractionStatus: 'done', originalFilename: '红色故事课件.pptx', pageCount: 3 })
    await page.waitForURL(new RegExp(`/admin/collections/courseware/${id}`))
    await page.reload({ waitUntil: 'domcontentloaded' })
    await page.locator('#field-title:not([disabled])').waitFor()
    await screenshot(page, 'desktop-03-pptx-after-extraction')
  })

  it('refuses an .exe renamed .pdf with a Chinese message and stores nothing', async () => {
    const title = `伪装的可执行文件 ${run}`
    await submitUpload(page, { buffer: Buffer.from(buildWindowsExe()), mimeType: 'application/pdf', name: '学习资料.pdf' }, title)
    await expect.poll(() => toastText(page), { timeout: 60_000 }).toMatch(/不允许上传可执行文件/)
    await page.waitForTimeout(500) // let the toast finish sliding in
    await screenshot(page, 'desktop-04-exe-refused')
    expect(page.url()).toMatch(/\/courseware\/create/)
    expect(await countCoursewareTitled(page, title)).toBe(0)
  })
})

describe('duplicate across towns', () => {
  it('warns an organizer of another town as soon as the PDF is chosen, links to the existing item, and refuses the upload', async () => {
    const pdf = Buffer.from(await buildCjkPdf(2))
    const first = await newContext(browser)
    const second = await newContext(browser)
    try {
      const page = await first.newPage()
      page.setDefaultTimeout(180_000)
      await signIn(page, baseURL, INSTRUCTOR)
      const firstTitle = `源泉镇 学习资料 ${run}`
      const saved = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/courseware' && res.request().method() === 'POST')
      await submitUpload(page, { buffer: pdf, mimeType: 'application/pdf', name: '学习资料（源泉镇）.pdf' }, firstTitle)
      const firstDoc = ((await (await saved).json()) as { doc: { filename: string; id: number } }).doc
      await page.waitForURL(/\/admin\/collections\/courseware\/\d+/)

      // The stored file downloads under the name it was uploaded with (through the real Next route).
      const download = await page.request.get(`${baseURL}/api/courseware/file/${encodeURIComponent(firstDoc.filename)}`)
      expect(download.status()).toBe(200)
      const disposition = download.headers()['content-disposition'] ?? ''
      expect(decodeURIComponent(/filename\*=UTF-8''(\S+)/.exec(disposition)?.[1] ?? '')).toBe('学习资料（源泉镇）.pdf')

      const other = await second.newPage()
      other.setDefaultTimeout(180_000)
      await signIn(other, baseURL, 'organizer.mashan@demo.commons')
      await openCreateForm(other)
      await other.locator('input[type=file]').setInputFiles({ buffer: pdf, mimeType: 'application/pdf', name: '同一份资料.pdf' })
      const notice = other.getByTestId('duplicate-notice')
      await expect.poll(() => notice.innerText(), { timeout: 60_000 }).toContain(`该文件已在库中：《${firstTitle}》（源泉镇，编号 ${firstDoc.id}），请直接引用，无需重复上传。`)
      const link = notice.getByRole('link')
      expect(await link.innerText()).toBe(`打开《${firstTitle}》（源泉镇）`)
      expect(await link.getAttribute('href')).toBe(`/admin/collections/courseware/${firstDoc.id}`)
      await screenshot(other, 'desktop-05a-duplicate-warned-on-choosing')

      const secondTitle = `麻山区 同一份资料 ${run}`
      await other.locator('#field-title').fill(secondTitle)
      const publish = other.locator('#action-save')
      await expect.poll(() => publish.isEnabled()).toBe(true)
      await publish.click()
      await expect.poll(() => toastText(other), { timeout: 60_000 }).toMatch(new RegExp(`该文件已在库中：《${firstTitle}》`))
      await other.waitForTimeout(500)
      await screenshot(other, 'desktop-05b-duplicate-refused')
      expect(other.url()).toMatch(/\/courseware\/create/)
      expect(await countCoursewareTitled(other, secondTitle)).toBe(0)
      expect(await countCoursewareTitled(other, firstTitle)).toBe(1)

      // The link opens the existing item in a new tab, leaving the form as it is.
      const [opened] = await Promise.all([second.waitForEvent('page'), link.click()])
      opened.setDefaultTimeout(180_000)
      await opened.waitForURL(new RegExp(`/admin/collections/courseware/${firstDoc.id}$`))
      await expect.poll(() => opened.locator('#field-title').inputValue(), { timeout: 120_000 }).toBe(firstTitle)
      await screenshot(opened, 'desktop-05c-existing-item-opened')
      expect(other.url()).toMatch(/\/courseware\/create/)
    } finally {
      await first.close()
      await second.close()
    }
  })
})
