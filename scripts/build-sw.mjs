/**
 * Bundles the member site's service worker (src/site/offline/sw.ts, with Serwist) into public/sw.js. Run by
 * next.config.mjs before `next dev` and `next build` (Turbopack cannot build a worker at a fixed URL), and by hand:
 * `node scripts/build-sw.mjs`. The offline page's hash versions its precached copy.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export async function buildServiceWorker() {
  const { build } = await import('esbuild')
  const revision = createHash('sha256').update(readFileSync(path.join(root, 'public/offline.html'))).digest('hex').slice(0, 16)
  await build({
    bundle: true,
    define: { 'process.env.NODE_ENV': '"production"', OFFLINE_PAGE_REVISION: JSON.stringify(revision) },
    entryPoints: [path.join(root, 'src/site/offline/sw.ts')],
    format: 'iife',
    legalComments: 'none',
    logLevel: 'warning',
    minify: true,
    outfile: path.join(root, 'public/sw.js'),
    target: 'es2020',
  })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildServiceWorker()
