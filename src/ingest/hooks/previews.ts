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
 * A courseware item's published state's preview is readable as the item, its pending draft's preview only by
 * draft readers, and every other picture made from one of its files (a replaced file, a draft that was published
 * over) is deleted with its files.
 */
const settlePreviewsOf = async (req: PayloadRequest, coursewareId: Id): Promise<void> => {
  const previews = await previewsOf(req, coursewareId)
  if (previews.length === 0) return
  const [published, latest] = [await previewIdOf(req, coursewareId, false), await previewIdOf(req, coursewareId, true)]
  for (const picture of previews) {
    const ofDraft = sameId(picture.id, published) ? false : sameId(picture.id, latest) ? true : null
    if (ofDraft === null) await removePicture(req, picture.id)
    else if (Boolean(picture.previewOfDraft) !== ofDraft) {
      // straight to the database: a flag of our own, and a version restore would fail the picture's required fields
      await req.payload.db.updateOne({ id: picture.id, collection: 'media', data: { previewOfDraft: ofDraft }, req })
    }
  }
}

/** After every change of a courseware item, its previews follow it (settlePreviewsOf). */
export const settlePreviews: CollectionAfterChangeHook = async ({ doc, req }) => {
  await settlePreviewsOf(req, doc.id)
  return doc
}

/**
 * A deleted courseware item takes its previews (and their files) with it: before it goes, since SQLite then
 * empties `previewOf`, which would leave an ordinary picture that anyone may read.
 */
export const removePreviews: CollectionBeforeDeleteHook = async ({ id, req }) => {
  for (const picture of await previewsOf(req, id)) await removePicture(req, picture.id)
}

/**
 * Previews made before pictures knew their item (no `previewOf`, the title in `alt`) are readable by anyone.
 * This adopts every picture a courseware item (or its latest draft) names as its preview, then settles them as
 * a change of the item would. Safe to run again: adopted pictures are skipped. Returns how many it adopted.
 */
export const adoptPreviews = async (req: PayloadRequest): Promise<number> => {
  const named = new Map<string, Id>()
  for (const draft of [false, true]) {
    const { docs } = await req.payload.find({ collection: 'courseware', depth: 0, draft, overrideAccess: true, pagination: false, req, select: { preview: true }, where: { preview: { exists: true } } })
    for (const doc of docs) {
      const picture = relationId(doc.preview)
      if (picture !== null) named.set(String(picture), doc.id)
    }
  }
  let adopted = 0
  for (const [picture, coursewareId] of named) {
    const media = await req.payload.findByID({ id: picture, collection: 'media', depth: 0, disableErrors: true, overrideAccess: true, req })
    if (!media || relationId(media.previewOf) !== null) continue
    await req.payload.db.updateOne({ id: media.id, collection: 'media', data: { alt: PREVIEW_ALT, previewOf: coursewareId, previewOfDraft: true }, req })
    await settlePreviewsOf(req, coursewareId)
    adopted += 1
  }
  return adopted
}
