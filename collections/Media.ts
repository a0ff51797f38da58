import type { CollectionConfig } from 'payload'

import { createOwnedContent, manageOwnedContent, readPictures } from '@/access/contentAccess'
import { ownershipFields } from '@/fields/ownership'
import { assignOwnership } from '@/hooks/assignOwnership'
import { downloadWithOriginalName } from '@/ingest/downloads'
import { checkUpload, removeUploadTempFile } from '@/ingest/hooks/checkUpload'
import { originalFilenameField, sha256Field } from '@/ingest/hooks/fileFields'
import { previewFields } from '@/ingest/hooks/previews'
import { uploadDir } from '@/utilities/uploadDir'
import { label } from '@/utilities/labels'

/** Covers, photos and portraits, readable by anyone; and courseware previews, as visible as their item. */
export const Media: CollectionConfig<'media'> = {
  slug: 'media',
  access: {
    create: createOwnedContent(['organizer', 'instructor']),
    delete: manageOwnedContent,
    read: readPictures,
    update: manageOwnedContent,
  },
  admin: { group: label('资源', 'Resources') },
  fields: [
    { name: 'alt', type: 'text', label: label('图片说明', 'Alt text'), maxLength: 200, required: true },
    originalFilenameField(),
    sha256Field(),
    ...previewFields(),
    ...ownershipFields({ visibility: false }),
  ],
  // Downloads offer the name the file was uploaded with, not the safe stored name.
  endpoints: [downloadWithOriginalName('media')],
  hooks: {
    afterOperation: [removeUploadTempFile()],
    beforeChange: [assignOwnership],
    // Pictures may repeat (the same portrait on two lecturers), so they are checked but not deduplicated.
    beforeOperation: [checkUpload({ dedupe: false, nameField: 'alt', policy: 'media' })],
  },
  labels: { plural: label('图片', 'Images'), singular: label('图片', 'Image') },
  upload: {
    focalPoint: true,
    formatOptions: { format: 'webp', options: { quality: 82 } },
    imageSizes: [
      { name: 'thumbnail', formatOptions: { format: 'webp' }, height: 300, width: 300 },
      { name: 'card', formatOptions: { format: 'webp' }, width: 768 },
      { name: 'large', formatOptions: { format: 'webp' }, width: 1600, withoutEnlargement: true },
    ],
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
    staticDir: uploadDir('images'),
  },
}
