import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionSlug,
  PayloadRequest,
} from 'payload'

import { pathSegment } from '@/access/jurisdictionScope'
import { getPathIds } from '@/access/visibilityScope'
import { fieldError } from '@/utilities/errors'
import { rewriteLatestVersions } from '@/utilities/latestVersions'
import { relationId } from '@/utilities/relationId'

type PathNode = { ancestorPath?: null | string; id: number | string }

/** '/1/5/' + 9 → '/1/5/9/': the path items owned by this node carry. */
export const getOwnPath = (node: PathNode): string => `${node.ancestorPath || '/'}${node.id}/`

/** Collections whose documents carry `jurisdiction` + `jurisdictionPath`. */
export const OWNED_COLLECTIONS = [
  'users',
  'lessons',
  'courseware',
  'videos',
  'textbooks',
  'field-sites',
  'field-routes',
  'lecturers',
  'bundles',
  'media',
  'course-requests',
  'training-sessions',
] as const satisfies readonly CollectionSlug[]

const DRAFT_COLLECTIONS = new Set<string>(['lessons', 'courseware', 'textbooks', 'field-routes', 'bundles'])

/** beforeChange on jurisdictions: derive the ancestor path from the parent and refuse cycles. */
export const computeAncestorPath: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req }) => {
  const parentId = relationId(data.parent !== undefined ? data.parent : originalDoc?.parent)
  if (parentId === null) {
    data.ancestorPath = '/'
    data.depth = 0
    return data
  }
  const parent = await req.payload
    .findByID({ id: parentId, collection: 'jurisdictions', depth: 0, disableErrors: true, req })
    .catch(() => null)
  if (!parent) {
    throw fieldError(req, collection.slug, 'parent', '上级辖区不存在', 'The parent jurisdiction does not exist')
  }
  const parentPath = getOwnPath(parent)
  if (originalDoc?.id !== undefined && parentPath.includes(pathSegment(originalDoc.id))) {
    throw fieldError(
      req,
      collection.slug,
      'parent',
      '不能把辖区移到它自己或它的下级之下',
      'A jurisdiction cannot be moved under itself or one of its descendants',
    )
  }
  data.ancestorPath = parentPath
  data.depth = getPathIds(parentPath).length
  return data
}

/**
 * afterChange on jurisdictions: when a node moves, its descendants' paths and the paths of everything
 * they own follow, so subtree checks stay one query.
 */
export const refreshJurisdictionPaths: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  if (operation !== 'update' || previousDoc?.ancestorPath === doc.ancestorPath) return doc
  const oldOwnPath = getOwnPath(previousDoc)
  const descendants = await req.payload.find({
    collection: 'jurisdictions',
    depth: 0,
    limit: 0,
    pagination: false,
    req,
    where: { ancestorPath: { contains: oldOwnPath } },
  })
  const moved: PathNode[] = [doc]
  for (const node of descendants.docs) {
    const ancestorPath = `${getOwnPath(doc)}${(node.ancestorPath ?? '').slice(oldOwnPath.length)}`
    const depth = getPathIds(ancestorPath).length
    await req.payload.db.updateOne({ id: node.id, collection: 'jurisdictions', data: { ancestorPath, depth }, req })
    moved.push({ ancestorPath, id: node.id })
  }
  for (const node of moved) await refreshOwnedPaths(req, node)
  return doc
}

const refreshOwnedPaths = async (req: PayloadRequest, node: PathNode): Promise<void> => {
  const jurisdictionPath = getOwnPath(node)
  for (const collection of OWNED_COLLECTIONS) {
    await req.payload.db.updateMany({
      collection,
      data: { jurisdictionPath },
      req,
      returning: false,
      where: { jurisdiction: { equals: node.id } },
    })
    if (DRAFT_COLLECTIONS.has(collection)) {
      await rewriteLatestVersions(req, collection, { 'version.jurisdiction': { equals: node.id } }, () => ({ jurisdictionPath }))
    }
  }
}
