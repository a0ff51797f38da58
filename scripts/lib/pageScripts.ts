/**
 * The JavaScript a page of the built app loads, measured on the build output (`<distDir>/static/…`), raw and
 * gzipped (what `next start` sends): either the `<script src>` chunks of a page's server-rendered HTML, or, for
 * every page route of the member site without a server, the chunks its build manifests name (Next's runtime,
 * then each segment's client entry: layout, not-found, page).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

export type PageScripts = { files: string[]; gzip: number; raw: number }

/** JavaScript per page of the member site, gzipped: Next's runtime and React (about 134 KB) included. */
export const JS_BUDGET_GZIP_BYTES = 150 * 1024

export const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`

/** sizes of build files named as `static/chunks/…` or `/_next/static/chunks/…` */
const measure = (distDir: string, files: string[]): PageScripts => {
  const unique = [...new Set(files.map((file) => file.replace(/^\/?(_next\/)?static\//, '')))]
  let raw = 0
  let gzip = 0
  for (const file of unique) {
    const body = readFileSync(path.join(distDir, 'static', decodeURIComponent(file)))
    raw += body.length
    gzip += gzipSync(body).length
  }
  return { files: unique, gzip, raw }
}

/** the `src` of each script a current browser runs: `nomodule` ones (Next's polyfills) are for old browsers only */
export const scriptSources = (html: string): string[] => {
  const tags = [...html.matchAll(/<script\b[^>]*>/gi)].map((match) => match[0]).filter((tag) => !/\snomodule\b/i.test(tag))
  return [...new Set(tags.flatMap((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1]?.replace(/&amp;/g, '&') ?? []))]
}

/** what a browser loads for this page of a running server, read from the build folder */
export async function pageScripts(baseURL: string, pagePath: string, distDir: string): Promise<PageScripts> {
  const response = await fetch(`${baseURL}${pagePath}`)
  if (!response.ok) throw new Error(`GET ${pagePath}: HTTP ${response.status}`)
  const sources = scriptSources(await response.text()).map((src) => new URL(src, baseURL).pathname)
  return measure(distDir, sources.filter((pathname) => pathname.startsWith('/_next/static/')))
}

const SITE_APP_DIR = 'server/app/(site)'

/** Every page route of the member site in a build, with the chunks its manifests name. */
export function builtSitePages(distDir: string): Array<{ route: string } & PageScripts> {
  const runtime = (JSON.parse(readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] }).rootMainFiles
  const root = path.join(distDir, SITE_APP_DIR)
  if (!existsSync(root)) throw new Error(`${root}: no member site in this build`)
  const manifests = (readdirSync(root, { recursive: true }) as string[]).filter((file) => file.endsWith('page_client-reference-manifest.js'))
  return manifests.map((file) => {
    const text = readFileSync(path.join(root, file), 'utf8')
    const entries = /"entryJSFiles":(\{[^}]*\})/.exec(text)
    if (!entries) throw new Error(`${file}: no entryJSFiles`)
    const segments = Object.values(JSON.parse(entries[1]!) as Record<string, string[]>).flat()
    const folder = path.dirname(file)
    const route = folder === '.' ? '/' : `/${folder}`
    return { route, ...measure(distDir, [...runtime, ...segments]) }
  })
}
