import { relationId } from '@/utilities/relationId'

import { getPathIds } from './visibilityScope'

/** What decides who sees an owned item: its sharing scope, owner (and the owner's path) and publication. */
export type OwnedItem = { _status?: null | string; jurisdiction?: unknown; jurisdictionPath?: null | string; visibility?: null | string }

/**
 * May this part sit in this whole (DESIGN.md §3: a wider item never reveals a narrower part)? Yes when everyone
 * who can see the whole can see the part: a public whole takes public parts; a shared whole public or shared
 * ones; a local whole owned by J also local parts owned by J or an ancestor of J (whose readers include J's
 * whole line). A published whole takes no unpublished part. Items without a sharing scope (themes) always fit.
 */
export const isSeenByReadersOf = (whole: OwnedItem, part: OwnedItem): boolean => {
  if (part._status === 'draft' && whole._status !== 'draft') return false
  switch (part.visibility) {
    case 'public':
      return true
    case 'shared':
      return whole.visibility === 'shared' || whole.visibility === 'local'
    case 'local': {
      const owner = relationId(part.jurisdiction)
      return whole.visibility === 'local' && owner !== null && getPathIds(whole.jurisdictionPath).includes(String(owner))
    }
    default:
      return typeof part.visibility !== 'string'
  }
}
