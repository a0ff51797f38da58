import type { CollectionConfig } from 'payload'

import { ownedContentAccess } from '@/access/contentAccess'
import { ownershipFields } from '@/fields/ownership'
import { audiencesField, themesField, titleField } from '@/fields/taxonomy'
import { assignOwnership } from '@/hooks/assignOwnership'
import { checkReferencesVisible } from '@/hooks/checkReferencesVisible'
import { hideUnreadableParts } from '@/hooks/hideUnreadableParts'
import { downloadWithOriginalName } from '@/ingest/downloads'
import { checkUpload, removeUploadTempFile } from '@/ingest/hooks/checkUpload'
import { duplicateCheckEndpoint } from '@/ingest/hooks/duplicateCheck'
import { answerDuplicateRace, rememberPendingUpload } from '@/ingest/hooks/duplicateRace'
import { duplicateNoticeField, originalFilenameField, sha256Field } from '@/ingest/hooks/fileFields'
import { removePreviews, settlePreviews } from '@/ingest/hooks/previews'
import { queueExtraction } from '@/ingest/hooks/queueExtraction'
import { uploadDir } from '@/utilities/uploadDir'
import { label } from '@/utilities/labels'

/**
 * Payload checks the content again after our own sniffing (checkUpload), with `file-type`, which calls every legacy
 * Office file `application/x-cfb`. That type is listed so legacy .ppt/.doc pass it: checkUpload has already refused
 * every compound file that is not PowerPoint or Word (spreadsheets, installers, encrypted or damaged files), and the
 * stored mimeType is the one it decided (application/vnd.ms-powerpoint, application/msword).
 */
export const COURSEWARE_MIME_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-powerpoint',
  'application/msword',
  'application/x-cfb',
  'image/jpeg',
  'image/png',
  'image/webp',
]

export const Courseware: CollectionConfig<'courseware'> = {
  slug: 'courseware',
  access: ownedContentAccess({ creators: ['organizer', 'instructor'], drafts: true }),
  admin: {
    defaultColumns: ['title', 'filename', 'jurisdiction', 'visibility', '_status'],
    group: label('课程资源', 'Library'),
    useAsTitle: 'title',
  },
  fields: [
    duplicateNoticeField(),
    titleField('课件名称', 'Title'),
    { name: 'description', type: 'textarea', label: label('说明', 'Description'), maxLength: 2000 },
    {
      name: 'lecturers',
      type: 'relationship',
      hasMany: true,
      label: label('讲师', 'Lecturers'),
      relationTo: 'lecturers',
    },
    {
      type: 'collapsible',
      admin: { initCollapsed: true },
      fields: [
        {
          name: 'extractionStatus',
          type: 'select',
          admin: { readOnly: true },
          label: label('文字提取', 'Text extraction'),
          options: [
            { label: label('待处理', 'Pending'), value: 'pending' },
            { label: label('已完成', 'Done'), value: 'done' },
            { label: label('失败', 'Failed'), value: 'failed' },
            { label: label('不支持', 'Unsupported'), value: 'unsupported' },
          ],
        },
        { name: 'extractionError', type: 'text', admin: { readOnly: true }, label: label('提取说明', 'Extraction note') },
        { name: 'pageCount', type: 'number', admin: { readOnly: true }, label: label('页数 / 幻灯片数', 'Pages / slides') },
        {
          name: 'fileText',
          type: 'json',
          admin: { hidden: true },
          label: label('提取的文字（按页）', 'Extracted text by page'),
        },
        sha256Field({ unique: true }),
        originalFilenameField(),
        {
          name: 'preview',
          type: 'upload',
          admin: { readOnly: true },
          label: label('首页预览', 'First-page preview'),
          relationTo: 'media',
        },
      ],
      label: label('文件信息', 'File details'),
    },
    themesField(),
    audiencesField(),
    ...ownershipFields(),
  ],
  disableDuplicate: true,
  // Downloads offer the name the file was uploaded with; the admin asks whether a chosen file is already held.
  endpoints: [downloadWithOriginalName('courseware'), duplicateCheckEndpoint('courseware')],
  hooks: {
    afterOperation: [removeUploadTempFile()],
    afterChange: [queueExtraction, settlePreviews],
    afterRead: [hideUnreadableParts([{ field: 'lecturers', relationTo: 'lecturers' }])],
    afterError: [answerDuplicateRace],
    beforeOperation: [
      checkUpload({
        dedupe: true,
        derivedFields: ['extractionStatus', 'extractionError', 'pageCount', 'fileText', 'preview'],
        nameField: 'title',
        onNewFile: { extractionError: null, extractionStatus: 'pending', fileText: null, pageCount: null, preview: null },
        policy: 'courseware',
      }),
    ],
    beforeChange: [
      assignOwnership,
      checkReferencesVisible([
        { field: 'themes', relationTo: 'themes' },
        { field: 'lecturers', relationTo: 'lecturers' },
      ]),
      rememberPendingUpload,
    ],
    beforeDelete: [removePreviews],
  },
  labels: { plural: label('课件', 'Courseware'), singular: label('课件', 'Courseware item') },
  upload: {
    mimeTypes: COURSEWARE_MIME_TYPES,
    staticDir: uploadDir('courseware'),
  },
  versions: { drafts: true, maxPerDoc: 10 },
}
