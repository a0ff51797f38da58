import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { APIError } from 'payload'

export interface DuplicateFileData {
  code: 'duplicate_file'
  collection: string
  /** Whether the uploader may open the existing item; its id and title are given only then. */
  visible: boolean
  existingId?: number | string
  existingTitle?: string
  messageEn: string
  messageZh: string
}

/** 409: the library already holds this exact file. The uploader is told which item, or only that it exists. */
export class DuplicateFileError extends APIError<DuplicateFileData> {
  readonly code = 'duplicate_file'

  constructor(data: Omit<DuplicateFileData, 'code' | 'messageEn' | 'messageZh'>) {
    const messages = data.visible
      ? {
          messageEn: `This file is already in the library: "${data.existingTitle}" (id ${data.existingId}). Link to it instead of uploading it again.`,
          messageZh: `该文件已在库中：《${data.existingTitle}》（编号 ${data.existingId}），请直接引用，无需重复上传。`,
        }
      : {
          messageEn: 'This file already exists in another jurisdiction and is not shared with you.',
          messageZh: '该文件已由其他辖区上传，但未向您共享。',
        }
    super(`${messages.messageZh} / ${messages.messageEn}`, 409, { ...data, ...messages, code: 'duplicate_file' }, true)
  }
}

interface ExistingFile {
  id: number | string
  title: string
}

export async function findFileBySha256(
  req: PayloadRequest,
  collection: CollectionSlug,
  sha256: string,
  excludeId?: number | string,
): Promise<ExistingFile | undefined> {
  const where: Where = excludeId === undefined ? { sha256: { equals: sha256 } } : { and: [{ sha256: { equals: sha256 } }, { id: { not_equals: excludeId } }] }
  const found = await req.payload.find({ collection, depth: 0, limit: 1, overrideAccess: true, pagination: false, req, where })
  const doc = found.docs[0] as { id: number | string; title?: string } | undefined
  return doc ? { id: doc.id, title: doc.title ?? String(doc.id) } : undefined
}

/** Visible under the uploader's own read rule; server-side callers without a user (seed, import) see everything. */
async function canRead(req: PayloadRequest, collection: CollectionSlug, id: number | string): Promise<boolean> {
  if (!req.user) return true
  const { totalDocs } = await req.payload.count({ collection, overrideAccess: false, req, where: { id: { equals: id } } })
  return totalDocs > 0
}

export async function assertNotDuplicate(
  req: PayloadRequest,
  collection: CollectionSlug,
  sha256: string,
  excludeId?: number | string,
): Promise<void> {
  const existing = await findFileBySha256(req, collection, sha256, excludeId)
  if (!existing) return
  const visible = await canRead(req, collection, existing.id)
  throw new DuplicateFileError(
    visible ? { collection, existingId: existing.id, existingTitle: existing.title, visible } : { collection, visible },
  )
}
