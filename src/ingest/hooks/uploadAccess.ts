import type { CollectionSlug, PayloadRequest, SanitizedCollectionConfig, Where } from 'payload'

import { executeAccess, Forbidden } from 'payload'

/**
 * Payload asks for create/update rights only after the beforeOperation hooks, but the upload check reads the
 * file and answers "the library holds this" before that. So the rights come first: someone who may not write
 * here is refused (403, as Payload refuses) before anything about the file is looked up.
 */
export async function assertMayWriteUpload(
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  { data, id, operation }: { data: Record<string, unknown>; id?: number | string; operation: 'create' | 'update' },
): Promise<void> {
  const result = await executeAccess({ data, id, req }, collection.access[operation])
  if (result === true || id === undefined) return
  const where: Where = { and: [{ id: { equals: id } }, result as Where] }
  const { totalDocs } = await req.payload.count({ collection: collection.slug as CollectionSlug, overrideAccess: true, req, where })
  if (totalDocs === 0) throw new Forbidden(req.t)
}
