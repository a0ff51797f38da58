import type { CollectionConfig } from 'payload'

import { ownedContentAccess } from '@/access/contentAccess'
import { ownershipFields } from '@/fields/ownership'
import { richTextField } from '@/fields/richText'
import { audiencesField, themesField, titleField } from '@/fields/taxonomy'
import { assignOwnership } from '@/hooks/assignOwnership'
import { checkReferencesVisible } from '@/hooks/checkReferencesVisible'
import { hideUnreadableParts } from '@/hooks/hideUnreadableParts'
import { label } from '@/utilities/labels'

export const Textbooks: CollectionConfig<'textbooks'> = {
  slug: 'textbooks',
  access: ownedContentAccess({ creators: ['organizer'], drafts: true }),
  admin: {
    defaultColumns: ['title', 'publishYear', 'jurisdiction', 'visibility', '_status'],
    group: label('课程资源', 'Library'),
    useAsTitle: 'title',
  },
  fields: [
    titleField('书名', 'Title'),
    { name: 'summary', type: 'textarea', label: label('内容简介', 'Summary'), maxLength: 4000 },
    {
      name: 'editors',
      type: 'array',
      fields: [
        { name: 'name', type: 'text', label: label('姓名 / 单位', 'Name or body'), required: true },
        { name: 'role', type: 'text', label: label('职责（主编、编写…）', 'Role (editor-in-chief, author …)') },
      ],
      label: label('编写人员', 'Editors'),
    },
    { name: 'publishYear', type: 'number', label: label('出版年份', 'Year'), max: 2100, min: 1921 },
    { name: 'cover', type: 'upload', label: label('封面', 'Cover'), relationTo: 'media' },
    {
      name: 'chapters',
      type: 'array',
      fields: [
        { name: 'title', type: 'text', label: label('章节标题', 'Chapter title'), required: true },
        richTextField({ label: label('正文', 'Text'), name: 'content' }),
      ],
      label: label('章节', 'Chapters'),
    },
    { name: 'pdf', type: 'relationship', label: label('电子版（PDF 课件）', 'PDF edition'), relationTo: 'courseware' },
    themesField(),
    audiencesField(),
    ...ownershipFields(),
  ],
  hooks: {
    afterRead: [hideUnreadableParts([{ field: 'pdf', relationTo: 'courseware' }])],
    beforeChange: [
      assignOwnership,
      checkReferencesVisible([
        { field: 'themes', relationTo: 'themes' },
        { field: 'pdf', relationTo: 'courseware' },
      ]),
    ],
  },
  labels: { plural: label('本土教材', 'Textbooks'), singular: label('本土教材', 'Textbook') },
  versions: { drafts: true, maxPerDoc: 10 },
}
