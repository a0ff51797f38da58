import type { CollectionConfig } from 'payload'

import { ownedContentAccess } from '@/access/contentAccess'
import { ownershipFields } from '@/fields/ownership'
import { audiencesField, titleField } from '@/fields/taxonomy'
import { BUNDLE_KINDS } from '@/fields/vocabulary'
import { assignOwnership } from '@/hooks/assignOwnership'
import { bundleEndpoints } from '@/bundles/endpoints'
import { keepProvenance, provenanceFields } from '@/bundles/provenance'
import { checkReferencesVisible } from '@/hooks/checkReferencesVisible'
import { bundleTotalsOf, computeBundleHours } from '@/hooks/computeTotals'
import { hideUnreadableParts } from '@/hooks/hideUnreadableParts'
import { termField } from '@/fields/terms'
import { label } from '@/utilities/labels'
import { menuPeriodFields } from '@/requests/menus'

export const BUNDLE_ITEM_COLLECTIONS = ['lessons', 'courseware', 'videos', 'textbooks', 'field-routes'] as const

const validateMonth = (value: null | string | undefined) =>
  !value || /^\d{4}-(0[1-9]|1[0-2])$/.test(value) || '月份格式应为 YYYY-MM，例如 2026-07 / Month must look like 2026-07'

export const Bundles: CollectionConfig<'bundles'> = {
  slug: 'bundles',
  access: ownedContentAccess({ creators: ['organizer'], drafts: true }),
  admin: {
    defaultColumns: ['title', 'kind', 'targetMonth', 'totalHours', 'jurisdiction', '_status'],
    group: label('课程资源', 'Library'),
    useAsTitle: 'title',
  },
  endpoints: bundleEndpoints,
  fields: [
    // 来源与复用: a fork's upstream and its changes, where this bundle was reused, the fork button (src/bundles/admin)
    { name: 'origin', type: 'ui', admin: { components: { Field: '/bundles/admin/BundleOrigin#BundleOrigin' } }, label: label('来源与复用', 'Origin and reuse') },
    titleField('课程包名称', 'Title'),
    termField({ label: label('类型（月训 / 菜单）', 'Kind'), name: 'kind', required: true, terms: BUNDLE_KINDS }),
    { name: 'theme', type: 'relationship', label: label('主题', 'Theme'), relationTo: 'themes' },
    {
      name: 'targetMonth',
      type: 'text',
      admin: { placeholder: '2026-07' },
      label: label('月训月份', 'Target month'),
      validate: validateMonth,
    },
    ...menuPeriodFields(),
    { name: 'description', type: 'textarea', label: label('说明', 'Description'), maxLength: 4000 },
    // search the library and add with one click; the rows below are then ordered by dragging
    { name: 'itemSearch', type: 'ui', admin: { components: { Field: '/bundles/admin/ItemSearch#ItemSearch' } }, label: label('从共享库添加', 'Add from the library') },
    {
      name: 'items',
      type: 'array',
      admin: { components: { RowLabel: '/bundles/admin/ItemRowLabel#ItemRowLabel' }, initCollapsed: true },
      fields: [
        {
          name: 'item',
          type: 'relationship',
          admin: {
            description: label(
              '能看到本课程包的人都必须能看到该内容：公开课程包只含公开内容，系统内共享课程包只含公开或共享内容，本辖区课程包还可含本辖区或上级辖区的本辖区内容；草稿不能放入已发布的课程包。内容之后收窄、撤回或删除时，看不到它的人看不到这一项。',
              'Everyone who can see this bundle must be able to see the item: a public bundle takes public items, a shared bundle public or shared ones, a local bundle also local items of its own jurisdiction or above; a published bundle takes no draft. An item that narrows, is unpublished or deleted later is hidden, with its row, from readers who may not see it.',
            ),
          },
          label: label('内容', 'Item'),
          relationTo: [...BUNDLE_ITEM_COLLECTIONS],
          required: true,
        },
        { name: 'minutes', type: 'number', label: label('学时（分钟，可不填）', 'Minutes (optional)'), min: 0 },
        { name: 'note', type: 'text', label: label('备注', 'Note') },
      ],
      label: label('课程内容（按顺序）', 'Items, in order'),
      labels: { plural: label('内容', 'Items'), singular: label('内容', 'Item') },
    },
    { name: 'totalHours', type: 'number', admin: { readOnly: true }, label: label('总学时（小时）', 'Total hours') },
    audiencesField(),
    ...ownershipFields(),
    ...provenanceFields(),
  ],
  hooks: {
    afterRead: [
      hideUnreadableParts(
        [
          { array: 'items', field: 'item', polymorphic: true, row: true },
          { field: 'forkedFrom', relationTo: 'bundles' },
          { field: 'forkRoot', relationTo: 'bundles' },
        ],
        bundleTotalsOf,
      ),
    ],
    beforeChange: [
      assignOwnership,
      keepProvenance,
      checkReferencesVisible([
        { field: 'theme', relationTo: 'themes' },
        { array: 'items', field: 'item', part: true, polymorphic: true },
      ]),
      computeBundleHours,
    ],
  },
  labels: { plural: label('专题课程包', 'Bundles'), singular: label('专题课程包', 'Bundle') },
  versions: { drafts: true, maxPerDoc: 10 },
}
