import type { CollectionConfig } from 'payload'

import { ownedContentAccess } from '@/access/contentAccess'
import { ownershipFields } from '@/fields/ownership'
import { richTextField } from '@/fields/richText'
import { audiencesField, formatsField, themesField, titleField } from '@/fields/taxonomy'
import { LESSON_KINDS } from '@/fields/vocabulary'
import { assignOwnership } from '@/hooks/assignOwnership'
import { checkReferencesVisible } from '@/hooks/checkReferencesVisible'
import { refreshBundleHours } from '@/hooks/computeTotals'
import { tagsField } from '@/fields/tags'
import { hideUnreadableParts } from '@/hooks/hideUnreadableParts'
import { termField } from '@/fields/terms'
import { label } from '@/utilities/labels'

export const Lessons: CollectionConfig<'lessons'> = {
  slug: 'lessons',
  access: ownedContentAccess({ creators: ['organizer', 'instructor'], drafts: true }),
  admin: {
    defaultColumns: ['title', 'kind', 'jurisdiction', 'visibility', '_status'],
    group: label('课程资源', 'Library'),
    useAsTitle: 'title',
  },
  fields: [
    titleField('课程名称', 'Title'),
    termField({ label: label('课程类型', 'Kind'), name: 'kind', terms: LESSON_KINDS }),
    { name: 'summary', type: 'textarea', label: label('课程简介', 'Summary'), maxLength: 2000 },
    richTextField({ label: label('教案', 'Lesson plan'), name: 'plan' }),
    formatsField(),
    {
      name: 'durationMinutes',
      type: 'number',
      label: label('时长（分钟）', 'Duration (minutes)'),
      max: 24 * 60,
      min: 1,
    },
    {
      name: 'lecturers',
      type: 'relationship',
      hasMany: true,
      label: label('授课讲师', 'Lecturers'),
      relationTo: 'lecturers',
    },
    {
      type: 'collapsible',
      fields: [
        { name: 'courseware', type: 'relationship', hasMany: true, label: label('课件', 'Courseware'), relationTo: 'courseware' },
        { name: 'videos', type: 'relationship', hasMany: true, label: label('音像资料', 'Videos'), relationTo: 'videos' },
        { name: 'textbooks', type: 'relationship', hasMany: true, label: label('本土教材', 'Textbooks'), relationTo: 'textbooks' },
      ],
      label: label('配套资源', 'Attached resources'),
    },
    { name: 'cover', type: 'upload', label: label('封面', 'Cover'), relationTo: 'media' },
    themesField(),
    audiencesField(),
    tagsField(),
    {
      name: 'featured',
      type: 'checkbox',
      admin: { position: 'sidebar' },
      defaultValue: false,
      label: label('精品课', 'Featured'),
    },
    ...ownershipFields(),
  ],
  hooks: {
    afterChange: [refreshBundleHours],
    afterRead: [
      hideUnreadableParts([
        { field: 'lecturers', relationTo: 'lecturers' },
        { field: 'courseware', relationTo: 'courseware' },
        { field: 'videos', relationTo: 'videos' },
        { field: 'textbooks', relationTo: 'textbooks' },
      ]),
    ],
    beforeChange: [
      assignOwnership,
      checkReferencesVisible([
        { field: 'themes', relationTo: 'themes' },
        { field: 'lecturers', relationTo: 'lecturers' },
        { field: 'courseware', relationTo: 'courseware' },
        { field: 'videos', relationTo: 'videos' },
        { field: 'textbooks', relationTo: 'textbooks' },
      ]),
    ],
  },
  labels: { plural: label('课程', 'Lessons'), singular: label('课程', 'Lesson') },
  versions: { drafts: true, maxPerDoc: 25 },
}
