import type { CollectionConfig } from 'payload'

import { ownedContentAccess } from '@/access/contentAccess'
import { ownershipFields } from '@/fields/ownership'
import { themesField, titleField } from '@/fields/taxonomy'
import { FIELD_SITE_SERVICES, FIELD_SITE_TYPES } from '@/fields/vocabulary'
import { assignOwnership } from '@/hooks/assignOwnership'
import { checkReferencesVisible } from '@/hooks/checkReferencesVisible'
import { refreshRouteTotals } from '@/hooks/computeTotals'
import { termField } from '@/fields/terms'
import { label } from '@/utilities/labels'

// Plain numbers, not a `point` field: point needs geo indexes that SQLite and FerretDB lack; geo queries go to search.
export const FieldSites: CollectionConfig<'field-sites'> = {
  slug: 'field-sites',
  access: ownedContentAccess({ creators: ['organizer'], drafts: false }),
  admin: {
    defaultColumns: ['title', 'type', 'address', 'jurisdiction', 'visibility'],
    group: label('现场教学', 'Field teaching'),
    useAsTitle: 'title',
  },
  fields: [
    titleField('教学点名称', 'Name'),
    termField({ label: label('类型', 'Type'), name: 'type', required: true, terms: FIELD_SITE_TYPES }),
    { name: 'address', type: 'text', label: label('地址', 'Address'), maxLength: 200, required: true },
    {
      type: 'row',
      fields: [
        { name: 'lat', type: 'number', label: label('纬度', 'Latitude'), max: 90, min: -90, required: true },
        { name: 'lng', type: 'number', label: label('经度', 'Longitude'), max: 180, min: -180, required: true },
        {
          name: 'coordinateSystem',
          type: 'select',
          defaultValue: 'wgs84',
          label: label('坐标系', 'Coordinate system'),
          options: [
            { label: label('WGS-84（手机定位、GPS）', 'WGS-84 (phone location, GPS)'), value: 'wgs84' },
            { label: label('GCJ-02（高德、腾讯地图）', 'GCJ-02 (Amap, Tencent Maps)'), value: 'gcj02' },
          ],
        },
      ],
    },
    { name: 'capacity', type: 'number', label: label('可容纳人数', 'Capacity'), min: 0 },
    termField({ hasMany: true, label: label('配套服务', 'Services'), name: 'services', terms: FIELD_SITE_SERVICES }),
    { name: 'openHours', type: 'text', label: label('开放时间', 'Opening hours') },
    { name: 'description', type: 'textarea', label: label('简介', 'About'), maxLength: 4000 },
    { name: 'photos', type: 'upload', hasMany: true, label: label('照片', 'Photos'), relationTo: 'media' },
    themesField(),
    ...ownershipFields(),
  ],
  hooks: {
    afterChange: [refreshRouteTotals],
    beforeChange: [assignOwnership, checkReferencesVisible([{ field: 'themes', relationTo: 'themes' }])],
  },
  labels: { plural: label('现场教学点', 'Field sites'), singular: label('现场教学点', 'Field site') },
}
