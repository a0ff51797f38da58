/**
 * `GET /api/bundles/:id/package[?maxVideoMb=N]`: the bundle (a monthly bundle or a menu) as a zip for a USB
 * stick. Whoever may read the bundle may export it, anonymous visitors included for a public one; what goes in
 * is what they may read. A bundle they may not read is the same 404 as one that does not exist.
 */
import type { CollectionConfig, Endpoint, Payload, PayloadRequest } from 'payload'

import { Readable } from 'node:stream'

import type { ZipEntry } from './zip'

import { contentDisposition } from '@/ingest/downloads'
import { withRateLimit } from '@/security/rateLimits'
import { openStoredFile } from '@/storage/storedFiles'
import { apiError } from '@/utilities/errors'

import { collectPackage, readBundle, type PackageContent } from './content'
import { itemPath, renderData, renderIndex, renderInstructions, renderItem, SEARCH_SCRIPT } from './render'
import { streamZip } from './zip'

const MiB = 1024 * 1024

/** The largest video file a package takes (`COMMONS_PACKAGE_VIDEO_MAX_MB`, default 500); an export may ask for less. */
export const packageVideoCapMb = (): number => {
  const configured = Number(process.env.COMMONS_PACKAGE_VIDEO_MAX_MB)
  return Number.isFinite(configured) && configured >= 0 ? configured : 500
}

const requestedVideoCapMb = (req: PayloadRequest): number => {
  const cap = packageVideoCapMb()
  const asked = new URL(req.url ?? 'http://localhost').searchParams.get('maxVideoMb')
  if (asked === null) return cap
  if (!/^\d{1,7}$/.test(asked) || Number(asked) > cap) {
    throw apiError(400, `maxVideoMb 应为 0 到 ${cap} 之间的整数（单个视频文件的大小上限，MB）`, `maxVideoMb must be a whole number from 0 to ${cap} (the size limit of one video file, in MB)`)
  }
  return Number(asked)
}

/** Files whose bytes are compressed already; deflating them again costs CPU and saves nothing. */
const STORED = /\.(mp4|m4v|mov|webm|mp3|m4a|jpe?g|png|webp|gif|pdf|pptx|docx|xlsx|zip)$/i

function* packageEntries(payload: Payload, content: PackageContent, exportedAt: Date, videoCapMb: number): Generator<ZipEntry> {
  yield { content: renderIndex(content, exportedAt), path: 'index.html' }
  yield { content: renderData(content), path: 'data.js' }
  yield { content: SEARCH_SCRIPT, path: 'search.js' }
  yield { content: renderInstructions(content, exportedAt, videoCapMb), path: '使用说明.txt' }
  for (const item of content.items) yield { content: renderItem(item, content.bundle.title), path: itemPath(item) }
  for (const file of content.files) yield { compressed: STORED.test(file.path), content: { open: () => openStoredFile(payload, file.collection, file.stored) }, path: file.path }
}

const manifestOf = (content: PackageContent, exportedAt: Date) => (files: Array<{ bytes: number; path: string; sha256: string }>) => ({
  bundle: { id: content.bundle.id, items: content.items.length, title: content.bundle.title },
  exportedAt: exportedAt.toISOString(),
  files,
})

/** Every export reads and packs whole files: counted per address like searches (`COMMONS_RATE_PACKAGE_IP`). */
export const packageEndpoint: Endpoint = withRateLimit({
  handler: async (req) => {
    const videoCapMb = requestedVideoCapMb(req)
    const bundle = await readBundle(req, String(req.routeParams?.id ?? ''))
    if (!bundle) throw apiError(404, '课程包不存在或您无权查看', 'No such bundle, or you may not read it')
    const content = await collectPackage(req, bundle, { maxVideoBytes: videoCapMb * MiB })
    const exportedAt = new Date()
    const zip = streamZip(packageEntries(req.payload, content, exportedAt, videoCapMb), manifestOf(content, exportedAt))
    return new Response(Readable.toWeb(zip) as ReadableStream, {
      headers: {
        'Cache-Control': 'private, no-store',
        'Content-Disposition': contentDisposition(`${bundle.title}-离线课程包.zip`, { attachment: true, fallbackStem: `bundle-${bundle.id}-package` }),
        'Content-Type': 'application/zip',
      },
    })
  },
  method: 'get',
  path: '/:id/package',
}, 'package')

/** Adds the export to the bundles collection: the endpoint, and a button above the edit form. */
export const addPackageExport = (collection: CollectionConfig<'bundles'>): CollectionConfig<'bundles'> => ({
  ...collection,
  admin: {
    ...collection.admin,
    components: {
      ...collection.admin?.components,
      edit: {
        ...collection.admin?.components?.edit,
        beforeDocumentControls: [...(collection.admin?.components?.edit?.beforeDocumentControls ?? []), '/packages/admin/ExportButton#ExportButton'],
      },
    },
  },
  endpoints: [...(collection.endpoints || []), packageEndpoint],
})
