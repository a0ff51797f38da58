import type { CollectionConfig } from 'payload'

import { ownedContentAccess } from '@/access/contentAccess'
import { ownershipFields } from '@/fields/ownership'
import { themesField } from '@/fields/taxonomy'
import { LECTURER_KINDS, LECTURER_LEVELS } from '@/fields/vocabulary'
import { assignOwnership } from '@/hooks/assignOwnership'
import { checkReferencesVisible } from '@/hooks/checkReferencesVisible'
import { termField } from '@/fields/terms'
import { label } from '@/utilities/labels'

export const Lecturers: CollectionConfig<'lecturers'> = {
  slug: 'lecturers',
  access: ownedContentAccess({ creators: ['organizer'], drafts: false }),
  admin: {
    defaultColumns: ['name', 'kind', 'level', 'jurisdiction'],
    group: label('师资', 'Lecturers'),
    useAsTitle: 'name',
  },
  fields: [
    { name: 'name', type: 'text', label: label('姓名', 'Name'), maxLength: 60, required: true },
    termField({ label: label('类别', 'Kind'), name: 'kind', required: true, terms: LECTURER_KINDS }),
    termField({ label: label('级别', 'Level'), name: 'level', terms: LECTURER_LEVELS }),
    { name: 'title', type: 'text', label: label('职务 / 身份', 'Position'), maxLength: 100 },
    { name: 'topics', type: 'text', hasMany: true, label: label('授课专题', 'Topics') },
    { name: 'bio', type: 'textarea', label: label('简介', 'Biography'), maxLength: 4000 },
    { name: 'photo', type: 'upload', label: label('照片', 'Photo'), relationTo: 'media' },
    themesField(),
    {
      name: 'user',
      type: 'relationship',
      admin: { description: label('讲师用此账号接单', 'The account this lecturer answers dispatches with'), position: 'sidebar' },
      index: true,
      label: label('登录账号', 'User account'),
      relationTo: 'users',
    },
    {
      type: 'row',
      fields: [
        { name: 'lat', type: 'number', label: label('常驻地纬度', 'Home latitude'), max: 90, min: -90 },
        { name: 'lng', type: 'number', label: label('常驻地经度', 'Home longitude'), max: 180, min: -180 },
      ],
    },
    ...ownershipFields(),
  ],
  hooks: {
    beforeChange: [
      assignOwnership,
      checkReferencesVisible([
        { field: 'themes', relationTo: 'themes' },
        { field: 'user', relationTo: 'users' },
      ]),
    ],
  },
  labels: { plural: label('讲师', 'Lecturers'), singular: label('讲师', 'Lecturer') },
}
