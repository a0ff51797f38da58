/**
 * Downloads carry the name people gave the file. On disk a file has a safe name (`党员教育培训-c672bab6a7.pdf`,
 * see filenames.ts); Payload's file route (`/api/<collection>/file/<stored name>`) would offer that name, so an
 * endpoint in front of it adds `Content-Disposition` with the original (Chinese) name in RFC 5987/6266
 * `filename*=UTF-8''…` and an ASCII `filename="…"` for clients that do not read the former.
 */
import type { CollectionSlug, Endpoint, PayloadHandler, PayloadRequest, Where } from 'payload'

import { toDisplayName, UNTITLED_DISPLAY_NAME } from './filenames'
import { declaredExtensionOf } from './sniff'

const FILE_ROUTE = '/file/:filename'

/** Shown in the browser (PDF viewer, picture, player) unless `?download` asks for a file to save. */
const INLINE_EXTENSIONS = new Set(['pdf', 'jpg', 'jpeg', 'png', 'webp', 'gif', 'mp4', 'm4v', 'mov', 'webm', 'mp3', 'm4a'])

/**
 * The name to offer: the original display name, with the extension of what is stored (a deck uploaded as
 * `课件.ppt` that is really PPTX is offered as `课件.pptx`; a picture stored as WebP as `照片.webp`).
 */
export function downloadNameOf(originalFilename: null | string | undefined, storedFilename: string): string {
  const storedExt = declaredExtensionOf(storedFilename)
  const display = toDisplayName(originalFilename ?? '')
  if (display === UNTITLED_DISPLAY_NAME && !originalFilename) return toDisplayName(storedFilename)
  if (!storedExt) return display
  const declared = declaredExtensionOf(display)
  if (declared === storedExt) return display
  const stem = declared ? display.slice(0, -(declared.length + 1)) : display
  return `${stem || UNTITLED_DISPLAY_NAME}.${storedExt}`
}

/** RFC 5987 ext-value characters: attr-char stays, everything else is percent-encoded UTF-8. */
const encodeRfc5987 = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)

/** Printable ASCII without quotes, backslashes or separators; `fallbackStem` when nothing readable is left. */
function asciiFallback(name: string, fallbackStem: string): string {
  const ext = declaredExtensionOf(name)
  const stem = ext ? name.slice(0, -(ext.length + 1)) : name
  const ascii = stem
    .replace(/[^\x20-\x7e]+/g, '_')
    .replace(/["\\;%]/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[\s_.-]+|[\s_.-]+$/g, '')
  const readable = /[A-Za-z]/.test(ascii) ? ascii : fallbackStem
  return ext ? `${readable}.${ext}` : readable
}

export interface ContentDispositionOptions {
  attachment: boolean
  /** ASCII stem used when the name has no Latin letters left, e.g. `courseware-12`. */
  fallbackStem: string
}

export function contentDisposition(name: string, options: ContentDispositionOptions): string {
  const type = options.attachment ? 'attachment' : 'inline'
  return `${type}; filename="${asciiFallback(name, options.fallbackStem)}"; filename*=UTF-8''${encodeRfc5987(name)}`
}

interface StoredFileDoc {
  id: number | string
  filename?: null | string
  originalFilename?: null | string
}

/** The document a stored file (or one of its image sizes) belongs to; drafts too, since their files are served. */
async function findFileOwner(req: PayloadRequest, collection: CollectionSlug, filename: string): Promise<StoredFileDoc | undefined> {
  const config = req.payload.collections[collection]!.config
  const sizes = (typeof config.upload === 'object' ? (config.upload.imageSizes ?? []) : []).map(({ name }) => ({ [`sizes.${name}.filename`]: { equals: filename } }))
  const where: Where = { or: [{ filename: { equals: filename } }, ...sizes] }
  for (const draft of config.versions ? [false, true] : [false]) {
    const { docs } = await req.payload.find({ collection, depth: 0, draft, limit: 1, overrideAccess: true, pagination: false, req, where })
    if (docs[0]) return docs[0] as StoredFileDoc
  }
  return undefined
}

/** Payload's own file handler for this collection: the first endpoint on the route that is not this one. */
function payloadFileHandler(req: PayloadRequest, collection: CollectionSlug, self: PayloadHandler): PayloadHandler {
  const endpoints = req.payload.collections[collection]!.config.endpoints || []
  const found = endpoints.find((endpoint) => endpoint.path === FILE_ROUTE && endpoint.method === 'get' && endpoint.handler !== self)
  if (!found) throw new Error(`no file endpoint for ${collection}`)
  return found.handler
}

/**
 * Serves `/api/<collection>/file/<stored name>` through Payload's handler (access checks, ranges, types) and adds
 * the original name. `?download` asks for `attachment` whatever the type.
 */
export const downloadWithOriginalName = (collection: CollectionSlug): Endpoint => {
  const handler: PayloadHandler = async (req) => {
    const response = await payloadFileHandler(req, collection, handler)(req)
    const filename = req.routeParams?.filename
    if (!response.ok || typeof filename !== 'string') return response
    const doc = await findFileOwner(req, collection, filename)
    if (!doc) return response
    const name = downloadNameOf(doc.originalFilename, filename)
    const attachment = req.searchParams.has('download') || !INLINE_EXTENSIONS.has(declaredExtensionOf(filename) ?? '')
    const headers = new Headers(response.headers)
    headers.set('Content-Disposition', contentDisposition(name, { attachment, fallbackStem: `${collection}-${doc.id}` }))
    return new Response(response.body, { headers, status: response.status, statusText: response.statusText })
  }
  return { handler, method: 'get', path: FILE_ROUTE }
}
