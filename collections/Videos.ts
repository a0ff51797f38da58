import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { ownedContentAccess } from '@/access/contentAccess'
import { ownershipFields } from '@/fields/ownership'
import { audiencesField, themesField, titleField } from '@/fields/taxonomy'
import { VIDEO_KINDS } from '@/fields/vocabulary'
import { assignOwnership } from '@/hooks/assignOwnership'
import { checkReferencesVisible } from '@/hooks/checkReferencesVisible'
import { hideUnreadableParts } from '@/hooks/hideUnreadableParts'
import { refreshBundleHours } from '@/hooks/computeTotals'
import { downloadWithOriginalName } from '@/ingest/downloads'
import { checkUpload, removeUploadTempFile } from '@/ingest/hooks/checkUpload'
import { duplicateCheckEndpoint } from '@/ingest/hooks/duplicateCheck'
import { answerDuplicateRace, rememberPendingUpload } from '@/ingest/hooks/duplicateRace'
import { duplicateNoticeField, originalFilenameField, sha256Field } from '@/ingest/hooks/fileFields'
import { queueVideoProbe } from '@/ingest/hooks/queueExtraction'
import { fieldError } from '@/utilities/errors'
import { uploadDir } from '@/utilities/uploadDir'
import { termField } from '@/fields/terms'
import { label } from '@/utilities/labels'

/** 音像资料 is either an uploaded recording or a link to one hosted elsewhere. */
const requireFileOrLink: CollectionBeforeChangeHook = ({ collection, data, originalDoc, req }) => {
  if (data.filename || originalDoc?.filename || data.externalUrl) return data
  throw fieldError(req, collection.slug, 'externalUrl', '请上传音视频文件或填写外部链接', 'Upload a file or give an external link')
}

const validateHttpUrl = (value: null | string | undefined) =>
  !value || /^https?:\/\/[^\s]+$/i.test(value) || '链接须以 http:// 或 https:// 开头 / The link must start with http:// or https://'

export const Videos: CollectionConfig<'videos'> = {
  slug: 'videos',
  access: ownedContentAccess({ creators: ['organizer', 'instructor'], drafts: false }),
  admin: {
    defaultColumns: ['title', 'kind', 'jurisdiction', 'visibility'],
    group: label('课程资源', 'Library'),
    useAsTitle: 'title',
  },
  fields: [
    duplicateNoticeField(),
    titleField('名称', 'Title'),
    termField({ label: label('类型', 'Kind'), name: 'kind', terms: VIDEO_KINDS }),
    { name: 'description', type: 'textarea', label: label('简介', 'Description'), maxLength: 2000 },
    {
      name: 'externalUrl',
      type: 'text',
      label: label('外部链接（不上传文件时填写）', 'External link (instead of a file)'),
      validate: validateHttpUrl,
    },
    { name: 'durationSeconds', type: 'number', label: label('时长（秒）', 'Duration (seconds)'), min: 0 },
    { name: 'poster', type: 'upload', label: label('封面', 'Poster'), relationTo: 'media' },
    originalFilenameField(),
    sha256Field({ unique: true }),
    {
      name: 'lecturers',
      type: 'relationship',
      hasMany: true,
      label: label('讲师', 'Lecturers'),
      relationTo: 'lecturers',
    },
    themesField(),
    audiencesField(),
    ...ownershipFields(),
  ],
  disableDuplicate: true,
  // Downloads offer the name the file was uploaded with; the admin asks whether a chosen file is already held.
  endpoints: [downloadWithOriginalName('videos'), duplicateCheckEndpoint('videos')],
  hooks: {
    afterOperation: [removeUploadTempFile()],
    afterChange: [queueVideoProbe, refreshBundleHours],
    afterRead: [hideUnreadableParts([{ field: 'lecturers', relationTo: 'lecturers' }])],
    afterError: [answerDuplicateRace],
    beforeOperation: [checkUpload({ dedupe: true, nameField: 'title', policy: 'videos' })],
    beforeChange: [
      requireFileOrLink,
      assignOwnership,
      checkReferencesVisible([
        { field: 'themes', relationTo: 'themes' },
        { field: 'lecturers', relationTo: 'lecturers' },
      ]),
      rememberPendingUpload,
    ],
  },
  labels: { plural: label('音像资料', 'Videos'), singular: label('音像资料', 'Video') },
  upload: {
    filesRequiredOnCreate: false,
    mimeTypes: ['video/mp4', 'video/webm', 'audio/mpeg', 'audio/mp4', 'audio/x-m4a'],
    staticDir: uploadDir('videos'),
  },
}
