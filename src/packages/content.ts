/**
 * What goes into a USB package: the bundle as the requester reads it through the API (`overrideAccess: false`,
 * depth 2), so an item, picture or linked file they may not read is simply not there, and nothing says it was.
 */
import type { CollectionSlug, PayloadRequest } from 'payload'

import type { Bundle, Courseware, FieldRoute, Lesson, Media, Textbook, Video } from '@/payload-types'
import type { SearchKind } from '@/search/types'

import { BUNDLE_ITEM_COLLECTIONS } from '@collections/Bundles'

import { downloadNameOf } from '@/ingest/downloads'
import { storedFileExists, type StoredFileRef } from '@/storage/storedFiles'
import { KIND_BY_COLLECTION, isIndexedCollection, richTextToPlain } from '@/search/documents'
import { isIdShaped } from '@/utilities/relationId'
import { visibleRelation, visibleRelations } from '@/utilities/visibleRelations'

/** A stored upload to copy into the package, read wherever it is stored (upload folder or S3 bucket). */
export interface PackageFile {
  collection: CollectionSlug
  /** the path inside the zip, `files/…` */
  path: string
  stored: StoredFileRef
}

export interface PackageSection {
  heading?: string
  text: string
}

export interface PackageItem {
  facts: Array<[string, string]>
  files: Array<{ label: string; path: string; picture: boolean }>
  kind: SearchKind
  /** links to outside addresses (an online video), shown as text the reader may open when online */
  links: string[]
  notes: string[]
  number: number
  sections: PackageSection[]
  title: string
}

export interface PackageContent {
  bundle: Bundle
  files: PackageFile[]
  items: PackageItem[]
  /** some content is not public: the instructions ask to keep the stick among those allowed to read it */
  restricted: boolean
}

export interface PackageOptions {
  maxVideoBytes: number
}

type Uploaded = Pick<StoredFileRef, '_objectKey' | 'prefix'> & { filename?: null | string; filesize?: null | number; id: number | string; originalFilename?: null | string }

const named = (value: unknown): string[] => visibleRelations<{ name?: string; title?: string }>(value).map((doc) => doc.name ?? doc.title ?? '').filter(Boolean)

/** Collects files once each (a courseware linked from two lessons is stored once) under readable, unique names. */
class FileShelf {
  readonly files: PackageFile[] = []
  private byKey = new Map<string, PackageFile>()

  constructor(private readonly req: PayloadRequest) {}

  async add(collection: CollectionSlug, doc: null | Uploaded | undefined): Promise<null | PackageFile> {
    if (!doc?.filename) return null
    const key = `${collection}/${doc.filename}`
    const known = this.byKey.get(key)
    if (known) return known
    if (!this.req.payload.collections[collection]?.config.upload) return null
    const stored: StoredFileRef = { _objectKey: doc._objectKey, filename: doc.filename, prefix: doc.prefix }
    if (!(await storedFileExists(this.req.payload, collection, stored))) {
      this.req.payload.logger.warn({ msg: `package: stored file missing, left out`, collection, filename: doc.filename })
      return null
    }
    const name = downloadNameOf(doc.originalFilename, doc.filename).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    const file = { collection, path: `files/${this.files.length + 1}-${name}`, stored }
    this.files.push(file)
    this.byKey.set(key, file)
    return file
  }
}

type BundleItemCollection = (typeof BUNDLE_ITEM_COLLECTIONS)[number]

const isBundleItemCollection = (slug: string): slug is BundleItemCollection => (BUNDLE_ITEM_COLLECTIONS as readonly string[]).includes(slug)

type Builder = (doc: any, item: PackageItem, shelf: FileShelf, options: PackageOptions) => Promise<void>

const addSection = (item: PackageItem, text: null | string | undefined, heading?: string) => {
  if (text && text.trim()) item.sections.push({ heading, text: text.trim() })
}

const addFile = async (item: PackageItem, shelf: FileShelf, collection: CollectionSlug, doc: null | Uploaded | undefined, label: string) => {
  const file = await shelf.add(collection, doc)
  if (file) item.files.push({ label, path: file.path, picture: collection === 'media' })
}

const addPicture = (item: PackageItem, shelf: FileShelf, media: unknown, label: string) =>
  addFile(item, shelf, 'media', visibleRelation<Media>(media), label)

const addCoursewareFile = async (item: PackageItem, shelf: FileShelf, courseware: Courseware, label = '课件文件') => {
  await addFile(item, shelf, 'courseware', courseware, `${label}：${courseware.title}`)
}

const addVideoFile = async (item: PackageItem, shelf: FileShelf, video: Video, options: PackageOptions) => {
  if (video.externalUrl) item.links.push(video.externalUrl)
  if (!video.filename) return
  if ((video.filesize ?? 0) > options.maxVideoBytes) {
    const megabytes = Math.ceil((video.filesize ?? 0) / 1024 / 1024)
    item.notes.push(`视频文件《${video.title}》有 ${megabytes} MB，超过本次导出的 ${Math.floor(options.maxVideoBytes / 1024 / 1024)} MB 上限，未放入本包。`)
    return
  }
  await addFile(item, shelf, 'videos', video, `视频文件：${video.title}`)
}

const BUILDERS: Record<BundleItemCollection, Builder> = {
  courseware: async (doc: Courseware, item, shelf) => {
    addSection(item, doc.description)
    const pages = (doc.fileText as { pages?: unknown } | null)?.pages
    if (Array.isArray(pages)) pages.forEach((text, index) => addSection(item, typeof text === 'string' ? text : '', `第 ${index + 1} 页`))
    await addCoursewareFile(item, shelf, doc)
    await addPicture(item, shelf, doc.preview, '首页预览')
  },
  'field-routes': async (doc: FieldRoute, item) => {
    addSection(item, doc.summary)
    if (doc.totalMinutes) item.facts.push(['总时长', `${doc.totalMinutes} 分钟`])
    if (doc.totalDistanceKm) item.facts.push(['总路程', `${doc.totalDistanceKm} 公里`])
    ;(doc.stops ?? []).forEach((stop, index) => {
      const site = visibleRelation<{ title: string }>(stop.site)
      const who = stop.speaker || named(stop.lecturer)[0]
      addSection(item, [stop.topic, who ? `讲解：${who}` : '', `${stop.minutes} 分钟`].filter(Boolean).join('；'), `第 ${index + 1} 站 ${site?.title ?? ''}`.trim())
    })
  },
  lessons: async (doc: Lesson, item, shelf, options) => {
    addSection(item, doc.summary)
    addSection(item, richTextToPlain(doc.plan), '教案')
    if (doc.durationMinutes) item.facts.push(['时长', `${doc.durationMinutes} 分钟`])
    const lecturers = named(doc.lecturers)
    if (lecturers.length) item.facts.push(['讲师', lecturers.join('、')])
    const textbooks = named(doc.textbooks)
    if (textbooks.length) item.facts.push(['本土教材', textbooks.join('、')])
    for (const courseware of visibleRelations<Courseware>(doc.courseware)) await addCoursewareFile(item, shelf, courseware)
    for (const video of visibleRelations<Video>(doc.videos)) await addVideoFile(item, shelf, video, options)
    await addPicture(item, shelf, doc.cover, '封面')
  },
  textbooks: async (doc: Textbook, item, shelf) => {
    addSection(item, doc.summary)
    const editors = (doc.editors ?? []).map((editor) => [editor.name, editor.role].filter(Boolean).join(' ')).filter(Boolean)
    if (editors.length) item.facts.push(['编者', editors.join('、')])
    if (doc.publishYear) item.facts.push(['出版年份', String(doc.publishYear)])
    for (const chapter of doc.chapters ?? []) addSection(item, richTextToPlain(chapter.content) || ' ', chapter.title)
    const pdf = visibleRelation<Courseware>(doc.pdf)
    if (pdf) await addCoursewareFile(item, shelf, pdf, '教材 PDF')
    await addPicture(item, shelf, doc.cover, '封面')
  },
  videos: async (doc: Video, item, shelf, options) => {
    addSection(item, doc.description)
    if (doc.durationSeconds) item.facts.push(['时长', `${Math.round(doc.durationSeconds / 60)} 分钟`])
    const lecturers = named(doc.lecturers)
    if (lecturers.length) item.facts.push(['讲师', lecturers.join('、')])
    await addVideoFile(item, shelf, doc, options)
    await addPicture(item, shelf, doc.poster, '封面')
  },
}

/** The bundle as the requester may read it, or null when they may not (or it does not exist): the same 404. */
export async function readBundle(req: PayloadRequest, id: string): Promise<Bundle | null> {
  if (!isIdShaped(req.payload, id)) return null
  const { docs } = await req.payload.find({
    collection: 'bundles',
    depth: 2,
    limit: 1,
    overrideAccess: false,
    pagination: false,
    req,
    user: req.user,
    where: { id: { equals: id } },
  })
  return (docs[0] as Bundle | undefined) ?? null
}

/** Items the requester can read, in the bundle's order, with their text and files. */
export async function collectPackage(req: PayloadRequest, bundle: Bundle, options: PackageOptions): Promise<PackageContent> {
  const shelf = new FileShelf(req)
  const items: PackageItem[] = []
  let restricted = bundle.visibility !== 'public'
  for (const row of bundle.items ?? []) {
    const doc = visibleRelation<{ id: number | string; title: string; visibility?: string }>(row.item.value)
    const collection = row.item.relationTo
    if (!doc || !isBundleItemCollection(collection) || !isIndexedCollection(collection)) continue
    const item: PackageItem = { facts: [], files: [], kind: KIND_BY_COLLECTION[collection], links: [], notes: [], number: items.length + 1, sections: [], title: doc.title }
    if (row.minutes) item.facts.push(['本包学时', `${row.minutes} 分钟`])
    if (row.note) item.facts.push(['备注', row.note])
    await BUILDERS[collection](doc, item, shelf, options)
    if (doc.visibility && doc.visibility !== 'public') restricted = true
    items.push(item)
  }
  return { bundle, files: shelf.files, items, restricted }
}
