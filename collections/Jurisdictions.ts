import type { Access, CollectionBeforeChangeHook, CollectionBeforeDeleteHook, CollectionConfig } from 'payload'

import { pathSegment, getUserJurisdictionId } from '@/access/jurisdictionScope'
import { anyone } from '@/access/contentAccess'
import { isAdmin, isOrganizer } from '@/access/roles'
import { JURISDICTION_LEVELS, SCHOOL_TIERS } from '@/fields/vocabulary'
import { computeAncestorPath, OWNED_COLLECTIONS, refreshJurisdictionPaths } from '@/hooks/refreshJurisdictionPaths'
import { APIError } from 'payload'
import { termField } from '@/fields/terms'
import { publicFeedEndpoint } from '@/calendar/feeds'
import { statsEndpoints } from '@/stats/endpoints'
import { bilingual, label } from '@/utilities/labels'

/** Organizers manage the nodes strictly below their own. */
const manageDescendants: Access = ({ req: { user } }) => {
  if (isAdmin(user)) return true
  if (!user || !isOrganizer(user)) return false
  return { ancestorPath: { contains: pathSegment(getUserJurisdictionId(user) ?? 'none') } }
}

const refuseDeletingNonEmpty: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const children = await req.payload.count({ collection: 'jurisdictions', req, where: { parent: { equals: id } } })
  let owned = children.totalDocs
  for (const collection of OWNED_COLLECTIONS) {
    owned += (await req.payload.count({ collection, req, where: { jurisdiction: { equals: id } } })).totalDocs
  }
  if (owned > 0) {
    throw new APIError(
      bilingual('该辖区下还有下级辖区、用户或内容，不能删除', 'This jurisdiction still has sub-units, users or content'),
      409,
      null,
      true,
    )
  }
}

/** An organizer may only create or move nodes inside their own subtree. */
const checkOrganizerPlacement: CollectionBeforeChangeHook = ({ data, req }) => {
  if (!req.user || !isOrganizer(req.user)) return data
  const root = getUserJurisdictionId(req.user)
  if (!root || !String(data.ancestorPath ?? '').includes(pathSegment(root))) {
    throw new APIError(
      bilingual('只能在本辖区之下新建或移动辖区', 'You can only create or move units below your own jurisdiction'),
      403,
      null,
      true,
    )
  }
  return data
}

export const Jurisdictions: CollectionConfig<'jurisdictions'> = {
  slug: 'jurisdictions',
  access: {
    create: ({ req: { user } }) => isAdmin(user) || isOrganizer(user),
    delete: manageDescendants,
    read: anyone,
    update: manageDescendants,
  },
  admin: {
    defaultColumns: ['name', 'level', 'schoolTier', 'parent'],
    group: label('组织', 'Organization'),
    useAsTitle: 'name',
  },
  // the public 月训 calendar and, for its organizers, the statistics of the subtree
  endpoints: [publicFeedEndpoint, ...statsEndpoints],
  fields: [
    { name: 'reports', type: 'ui', admin: { components: { Field: '/stats/admin/JurisdictionLinks#JurisdictionLinks' } }, label: label('日历与统计', 'Calendar and statistics') },
    { name: 'name', type: 'text', label: label('名称', 'Name'), maxLength: 100, required: true },
    termField({ label: label('层级', 'Level'), name: 'level', required: true, terms: JURISDICTION_LEVELS }),
    termField({ label: label('所办党校', 'Party school tier'), name: 'schoolTier', terms: SCHOOL_TIERS }),
    {
      name: 'parent',
      type: 'relationship',
      admin: { position: 'sidebar' },
      label: label('上级辖区', 'Parent'),
      relationTo: 'jurisdictions',
    },
    { name: 'description', type: 'textarea', label: label('简介', 'About') },
    { name: 'ancestorPath', type: 'text', admin: { hidden: true }, index: true },
    { name: 'depth', type: 'number', admin: { hidden: true } },
  ],
  hooks: {
    afterChange: [refreshJurisdictionPaths],
    beforeChange: [
      computeAncestorPath,
      checkOrganizerPlacement,
    ],
    beforeDelete: [refuseDeletingNonEmpty],
  },
  labels: { plural: label('辖区', 'Jurisdictions'), singular: label('辖区', 'Jurisdiction') },
}
