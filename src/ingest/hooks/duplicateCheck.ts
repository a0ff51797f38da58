import type { CollectionSlug, Endpoint, PayloadHandler } from 'payload'

import { describeDuplicate, DuplicateFileError, findFileBySha256 } from './duplicates'

const SHA256 = /^[0-9a-f]{64}$/

const bilingual = (status: number, zh: string, en: string) => Response.json({ errors: [{ message: `${zh} / ${en}` }] }, { status })

/**
 * `GET /api/<collection>/duplicate?sha256=<hex>[&exclude=<id>]`: does the library already hold this file? The
 * admin asks as soon as a file is chosen (the browser hashes it), so the uploader can open the existing item
 * instead of waiting for a long upload to end in a 409. It tells exactly what that 409 would: the item, its
 * jurisdiction and its admin page when the asker may see it; otherwise only who holds it. Only people who may
 * create items in the collection may ask.
 */
export const duplicateCheckEndpoint = (collection: CollectionSlug): Endpoint => {
  const handler: PayloadHandler = async (req) => {
    if (!req.user) return bilingual(401, '请先登录', 'Sign in first')
    const create = req.payload.collections[collection]!.config.access.create
    if (!(await create({ data: {}, req }))) return bilingual(403, '您无权在此上传', 'You may not upload here')
    const sha256 = req.searchParams.get('sha256')?.toLowerCase() ?? ''
    if (!SHA256.test(sha256)) return bilingual(400, '参数 sha256 须为 64 位十六进制', 'sha256 must be 64 hex digits')
    const exclude = req.searchParams.get('exclude') || undefined
    const existing = await findFileBySha256(req, collection, sha256, exclude)
    if (!existing) return Response.json({ duplicate: false })
    const duplicate = new DuplicateFileError(await describeDuplicate(req, collection, existing))
    return Response.json({ duplicate: true, ...duplicate.data, message: duplicate.message })
  }
  return { handler, method: 'get', path: '/duplicate' }
}
