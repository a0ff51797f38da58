import type { CollectionAfterChangeHook, CollectionBeforeDeleteHook, Field, PayloadRequest } from 'payload'

import { label } from '@/utilities/labels'
import { relationId, sameId } from '@/utilities/relationId'

/**
 * What a preview picture says about itself: nothing that only the item's readers may know (no title). Its name
 * carries the item's id, so that previews of two items with the same first page stored at once do not collide.
 */
export const PREVIEW_ALT = '课件预览 / Courseware preview'
export const previewFileName = (coursewareId: number | string): string => `courseware-${coursewareId}-preview.webp`

const nobody = () => false

/**
 * A picture made from a courseware file is that item's preview (`previewOf`); it is read by the item's rule
 * (readPictures). `previewOfDraft` marks the preview of a pending draft's new file. Only the extraction job and
 * settlePreviews write them.
 */
export const previewFields = (): Field[] => [
  {
    name: 'previewOf',
    type: 'relationship',
    access: { create: nobody, update: nobody },
    admin: { position: 'sidebar', readOnly: true },
    index: true,
    label: label('课件预览图', 'Preview of courseware'),
    relationTo: 'courseware',
  },
  {
    name: 'previewOfDraft',
    type: 'checkbox',
    access: { create: nobody, update: nobody },
    admin: { hidden: true },
    defaultValue: true,
  },
]

type Id = number | string

const previewsOf = async (req: PayloadRequest, coursewareId: Id) =>
  (
    await req.payload.find({
      collection: 'media',
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: { previewOfDraft: true },
      where: { previewOf: { equals: coursewareId } },
    })
  ).docs

const previewIdOf = async (req: PayloadRequest, coursewareId: Id, draft: boolean) => {
  const doc = await req.payload.findByID({ id: coursewareId, collection: 'courseware', depth: 0, disableErrors: true, draft, overrideAccess: true, req, select: { preview: true } })
  return relationId(doc?.preview)
}

const removePicture = (req: PayloadRequest, id: Id) => req.payload.delete({ id, collection: 'media', overrideAccess: true, req })

/**
 * After every change of a courseware item: its published state's preview is readable as the item, its pending
 * draft's preview only by draft readers, and every other picture made from one of its files (a replaced file,
 * a draft that was published over) is deleted with its files.
 */
export const settlePreviews: CollectionAfterChangeHook = async ({ doc, req }) => {
  const previews = await previewsOf(req, doc.id)
  if (previews.length === 0) return doc
  const [published, latest] = [await previewIdOf(req, doc.id, false), await previewIdOf(req, doc.id, true)]
  for (const picture of previews) {
    const ofDraft = sameId(picture.id, published) ? false : sameId(picture.id, latest) ? true : null
    if (ofDraft === null) await removePicture(req, picture.id)
    else if (Boolean(picture.previewOfDraft) !== ofDraft) {
      // straight to the database: a flag of our own, and a version restore would fail the picture's required fields
      await req.payload.db.updateOne({ id: picture.id, collection: 'media', data: { previewOfDraft: ofDraft }, req })
    }
  }
  return doc
}

/**
 * A deleted courseware item takes its previews (and their files) with it: before it goes, since SQLite then
 * empties `previewOf`, which would leave an ordinary picture that anyone may read.
 */
export const removePreviews: CollectionBeforeDeleteHook = async ({ id, req }) => {
  for (const picture of await previewsOf(req, id)) await removePicture(req, picture.id)
}
