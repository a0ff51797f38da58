import type { CollectionConfig } from 'payload'

import { ownedContentAccess } from '@/access/contentAccess'
import { ownershipFields } from '@/fields/ownership'
import { audiencesField, themesField, titleField } from '@/fields/taxonomy'
import { assignOwnership } from '@/hooks/assignOwnership'
import { checkReferencesVisible } from '@/hooks/checkReferencesVisible'
import { computeRouteTotals, refreshBundleHours, routeTotalsOf } from '@/hooks/computeTotals'
import { hideUnreadableParts } from '@/hooks/hideUnreadableParts'
import { label } from '@/utilities/labels'

export const FieldRoutes: CollectionConfig<'field-routes'> = {
  slug: 'field-routes',
  access: ownedContentAccess({ creators: ['organizer'], drafts: true }),
  admin: {
    defaultColumns: ['title', 'totalDistanceKm', 'totalMinutes', 'jurisdiction', '_status'],
    group: label('现场教学', 'Field teaching'),
    useAsTitle: 'title',
  },
  fields: [
    titleField('路线名称', 'Name'),
    { name: 'summary', type: 'textarea', label: label('路线简介', 'Summary'), maxLength: 2000 },
    {
      name: 'stops',
      type: 'array',
      fields: [
        {
          name: 'site',
          type: 'relationship',
          admin: {
            description: label(
              '能看到本路线的人都必须能看到该教学点：公开路线只含公开教学点，系统内共享路线只含公开或共享教学点，本辖区路线还可含本辖区或上级辖区的本辖区教学点。教学点之后收窄时，看不到它的人看不到这一站。',
              'Everyone who can see this route must be able to see the site: a public route takes public sites, a shared route public or shared ones, a local route also local sites of its own jurisdiction or above. A site that narrows later is hidden, with its stop, from readers who may not see it.',
            ),
          },
          label: label('教学点', 'Site'),
          relationTo: 'field-sites',
          required: true,
        },
        { name: 'topic', type: 'text', label: label('教学主题', 'Topic'), required: true },
        { name: 'speaker', type: 'text', label: label('讲解人', 'Speaker') },
        { name: 'lecturer', type: 'relationship', label: label('师资库讲师', 'Lecturer'), relationTo: 'lecturers' },
        { name: 'minutes', type: 'number', label: label('时长（分钟）', 'Minutes'), max: 600, min: 1, required: true },
      ],
      label: label('站点（按行走顺序）', 'Stops, in walking order'),
      minRows: 1,
    },
    {
      type: 'row',
      fields: [
        { name: 'totalDistanceKm', type: 'number', admin: { readOnly: true }, label: label('总距离（公里）', 'Total distance (km)') },
        { name: 'totalMinutes', type: 'number', admin: { readOnly: true }, label: label('总时长（分钟）', 'Total time (minutes)') },
      ],
    },
    themesField(),
    audiencesField(),
    ...ownershipFields(),
  ],
  hooks: {
    afterChange: [refreshBundleHours],
    afterRead: [
      hideUnreadableParts(
        [
          { array: 'stops', field: 'site', relationTo: 'field-sites', row: true },
          { array: 'stops', field: 'lecturer', relationTo: 'lecturers', row: false },
        ],
        routeTotalsOf,
      ),
    ],
    beforeChange: [
      assignOwnership,
      checkReferencesVisible([
        { field: 'themes', relationTo: 'themes' },
        { array: 'stops', field: 'site', part: true, relationTo: 'field-sites' },
        { array: 'stops', field: 'lecturer', part: true, relationTo: 'lecturers' },
      ]),
      computeRouteTotals,
    ],
  },
  labels: { plural: label('现场教学路线', 'Field routes'), singular: label('现场教学路线', 'Field route') },
  versions: { drafts: true, maxPerDoc: 10 },
}
