import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { APIError } from 'payload'

import { relationId } from '@/utilities/relationId'

export interface DuplicateJurisdiction {
  id: number | string
  name: string
}

export interface DuplicateFileData {
  code: 'duplicate_file'
  collection: string
  /** Whether the uploader may open the existing item; its id, title and link are given only then. */
  visible: boolean
  existingId?: number | string
  existingTitle?: string
  /** The admin page of the existing item (`/admin/collections/courseware/12`), when visible. */
  existingUrl?: string
  /** Who holds the file, visible or not: whom to ask to share it. */
  existingJurisdiction?: DuplicateJurisdiction
  messageEn: string
  messageZh: string
}

export type DuplicateFacts = Omit<DuplicateFileData, 'code' | 'messageEn' | 'messageZh'>

/**
 * The English half avoids ASCII commas after its first colon: the admin's error toast splits a message there
 * into a list.
 */
function messagesOf(data: DuplicateFacts): Pick<DuplicateFileData, 'messageEn' | 'messageZh'> {
  const where = data.existingJurisdiction?.name
  if (data.visible) {
    const held = [where, `编号 ${data.existingId}`].filter(Boolean).join('，')
    const heldEn = [where, `id ${data.existingId}`].filter(Boolean).join(' · ')
    const open = data.existingUrl ? `：${data.existingUrl}` : '。'
    const openEn = data.existingUrl ? ` Open it at ${data.existingUrl} and link to it` : ' Link to it'
    return {
      messageEn: `This file is already in the library: "${data.existingTitle}" (${heldEn}).${openEn} instead of uploading it again.`,
      messageZh: `该文件已在库中：《${data.existingTitle}》（${held}），请直接引用，无需重复上传${open}`,
    }
  }
  return where
    ? {
        messageEn: `This file was already uploaded by ${where} and is not shared with you. Ask ${where} to share it.`,
        messageZh: `该文件已由其他辖区（${where}）上传，但未向您共享；如需使用，请联系该辖区共享。`,
      }
    : {
        messageEn: 'This file already exists in another jurisdiction and is not shared with you.',
        messageZh: '该文件已由其他辖区上传，但未向您共享。',
      }
}

/** 409: the library already holds this exact file. The uploader is told which item, or only who holds it. */
export class DuplicateFileError extends APIError<DuplicateFileData> {
  readonly code = 'duplicate_file'

  constructor(data: DuplicateFacts) {
    const messages = messagesOf(data)
    super(`${messages.messageZh} / ${messages.messageEn}`, 409, { ...data, ...messages, code: 'duplicate_file' }, true)
  }
}

interface ExistingFile {
  id: number | string
  title: string
  filename?: string | null
  jurisdiction?: unknown
}

export async function findFileBySha256(
  req: PayloadRequest,
  collection: CollectionSlug,
  sha256: string,
  excludeId?: number | string,
): Promise<ExistingFile | undefined> {
  const where: Where = excludeId === undefined ? { sha256: { equals: sha256 } } : { and: [{ sha256: { equals: sha256 } }, { id: { not_equals: excludeId } }] }
  const found = await req.payload.find({ collection, depth: 0, limit: 1, overrideAccess: true, pagination: false, req, where })
  const doc = found.docs[0] as { filename?: string | null; id: number | string; jurisdiction?: unknown; title?: string } | undefined
  return doc ? { filename: doc.filename, id: doc.id, jurisdiction: doc.jurisdiction, title: doc.title ?? String(doc.id) } : undefined
}

/** Visible under the uploader's own read rule; server-side callers without a user (seed, import) see everything. */
async function canRead(req: PayloadRequest, collection: CollectionSlug, id: number | string): Promise<boolean> {
  if (!req.user) return true
  const { totalDocs } = await req.payload.count({ collection, overrideAccess: false, req, where: { id: { equals: id } } })
  return totalDocs > 0
}

async function jurisdictionOf(req: PayloadRequest, value: unknown): Promise<DuplicateJurisdiction | undefined> {
  const id = relationId(value)
  if (id === null) return undefined
  const found = await req.payload.findByID({ id, collection: 'jurisdictions', depth: 0, disableErrors: true, overrideAccess: true, req, select: { name: true } })
  return found ? { id: found.id, name: String((found as { name?: unknown }).name ?? found.id) } : undefined
}

const adminUrlOf = (req: PayloadRequest, collection: CollectionSlug, id: number | string): string =>
  `${req.payload.config.routes.admin.replace(/\/$/, '')}/collections/${collection}/${id}`

/** What the uploader may learn about the item that holds their file. */
export async function describeDuplicate(req: PayloadRequest, collection: CollectionSlug, existing: ExistingFile): Promise<DuplicateFacts> {
  const [visible, existingJurisdiction] = await Promise.all([canRead(req, collection, existing.id), jurisdictionOf(req, existing.jurisdiction)])
  if (!visible) return { collection, existingJurisdiction, visible }
  return { collection, existingId: existing.id, existingJurisdiction, existingTitle: existing.title, existingUrl: adminUrlOf(req, collection, existing.id), visible }
}

export async function assertNotDuplicate(
  req: PayloadRequest,
  collection: CollectionSlug,
  sha256: string,
  excludeId?: number | string,
): Promise<void> {
  const existing = await findFileBySha256(req, collection, sha256, excludeId)
  if (!existing) return
  throw new DuplicateFileError(await describeDuplicate(req, collection, existing))
}
