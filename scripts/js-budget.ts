/**
 * JavaScript budget of the member site, on a production build: every page route's chunks (from the build's
 * manifests) must stay within JS_BUDGET_GZIP_BYTES gzipped. With a running server's address, the scripts in the
 * HTML of / and /search are also checked to be among the chunks counted, so the manifests are read right.
 *   npx tsx scripts/js-budget.ts <distDir> [baseURL]        exit 1 when a page is over the budget
 */
import { builtSitePages, JS_BUDGET_GZIP_BYTES, kilobytes, pageScripts } from './lib/pageScripts'

const [distDir = '.next', baseURL] = process.argv.slice(2)
const pages = builtSitePages(distDir)
let failed = 0
for (const page of pages.sort((a, b) => a.route.localeCompare(b.route))) {
  const over = page.gzip > JS_BUDGET_GZIP_BYTES
  if (over) failed++
  console.log(`js-budget: ${page.route.padEnd(22)} ${kilobytes(page.gzip).padStart(9)} gzip ${kilobytes(page.raw).padStart(9)} raw ${page.files.length} files${over ? '  OVER BUDGET' : ''}`)
}
if (baseURL) {
  for (const [pagePath, route] of [['/', '/'], ['/search?q=%E5%85%9A%E5%91%98', '/search']] as const) {
    const loaded = await pageScripts(baseURL, pagePath, distDir)
    const counted = new Set(pages.find((page) => page.route === route)?.files)
    const missing = loaded.files.filter((file) => !counted.has(file))
    if (missing.length) {
      failed++
      console.log(`js-budget: ${pagePath} loads chunks the manifests did not name: ${missing.join(', ')}`)
    }
  }
}
console.log(`js-budget: ${pages.length} pages, budget ${kilobytes(JS_BUDGET_GZIP_BYTES)} gzip per page: ${failed ? 'FAILED' : 'OK'}`)
process.exit(failed ? 1 : 0)
