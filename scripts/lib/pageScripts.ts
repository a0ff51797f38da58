/**
 * The JavaScript a page of the built app loads: the `<script src>` chunks in its server-rendered HTML, read
 * from the build folder (`<distDir>/static/…`) and measured raw and gzipped (what `next start` sends).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

export type PageScripts = { files: string[]; gzip: number; raw: number }

/** JavaScript per page of the member site, gzipped: Next's runtime and React included. */
export const JS_BUDGET_GZIP_BYTES = 160 * 1024

export const scriptSources = (html: string): string[] =>
  [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&')))]

export async function pageScripts(baseURL: string, pagePath: string, distDir: string): Promise<PageScripts> {
  const response = await fetch(`${baseURL}${pagePath}`)
  if (!response.ok) throw new Error(`GET ${pagePath}: HTTP ${response.status}`)
  const files = scriptSources(await response.text())
    .map((src) => new URL(src, baseURL).pathname)
    .filter((pathname) => pathname.startsWith('/_next/static/'))
  let raw = 0
  let gzip = 0
  for (const file of files) {
    const body = readFileSync(path.join(distDir, 'static', decodeURIComponent(file.slice('/_next/static/'.length))))
    raw += body.length
    gzip += gzipSync(body).length
  }
  return { files, gzip, raw }
}

export const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`
