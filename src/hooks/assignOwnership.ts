import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { isPathInSubtreeOf } from '@/access/jurisdictionScope'
import { isAdmin } from '@/access/roles'
import { fieldError } from '@/utilities/errors'
import { relationId } from '@/utilities/relationId'

import { getOwnPath } from './refreshJurisdictionPaths'

/** The path ('/1/5/9/') of the jurisdiction a document or user belongs to; a 400 on the field when it is missing or unknown. */
export const resolveOwnerPath = async (req: PayloadRequest, collection: string, jurisdiction: unknown): Promise<string> => {
  const ownerId = relationId(jurisdiction)
  if (ownerId === null) {
    throw fieldError(req, collection, 'jurisdiction', '请选择所属辖区', 'An owning jurisdiction is required')
  }
  // disableErrors covers a missing document; an id of the wrong shape (MongoDB) throws, and means the same.
  const owner = await req.payload
    .findByID({ id: ownerId, collection: 'jurisdictions', depth: 0, disableErrors: true, req })
    .catch(() => null)
  if (!owner) {
    throw fieldError(req, collection, 'jurisdiction', '所属辖区不存在', 'The owning jurisdiction does not exist')
  }
  return getOwnPath(owner)
}

/**
 * Keeps the ownership fields honest whatever the client sends: the creator is set once, the
 * jurisdiction path is derived from the owner, and nobody but an admin places items outside their subtree.
 */
export const assignOwnership: CollectionBeforeChangeHook = async ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  data.createdBy =
    operation === 'create'
      ? (req.user?.id ?? relationId(data.createdBy))
      : relationId(originalDoc?.createdBy ?? data.createdBy)

  data.jurisdictionPath = await resolveOwnerPath(req, collection.slug, data.jurisdiction ?? originalDoc?.jurisdiction)

  if (req.user && !isAdmin(req.user) && !isPathInSubtreeOf(data.jurisdictionPath, req.user)) {
    throw fieldError(
      req,
      collection.slug,
      'jurisdiction',
      '只能把内容放在本辖区或下级辖区',
      'You can only place items in your own jurisdiction or below it',
    )
  }
  return data
}
