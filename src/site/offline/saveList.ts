/**
 * What saving a lesson or a bundle keeps on the phone, read as the signed-in member (so nothing they may not
 * see is listed): its page, the pages of what it holds, each courseware's reading pages, PDF page images and
 * file. Video files are left out (a video page opens offline; its film needs the network).
 */
import type { Courseware, Lesson } from '@/payload-types'

import { isIndexedCollection, KIND_BY_COLLECTION, memberUrl } from '@/search/documents'

import { readItem, textPages, visibleRelations } from '../content'
import type { SavableKind } from './saved'

/** a longer courseware is a book: its first pages are kept, the rest read online */
const MAX_PAGES = 120

export type SaveList = { title: string; urls: string[] }

const coursewareUrls = (item: Courseware): string[] => {
  const pages = Math.min(item.pageCount ?? textPages(item.fileText).length, MAX_PAGES)
  const numbers = Array.from({ length: pages }, (_, index) => index + 1)
  return [
    `/courseware/${item.id}`,
    ...numbers.map((n) => `/courseware/${item.id}?page=${n}`),
    ...(item.mimeType === 'application/pdf' ? numbers.map((n) => `/courseware/${item.id}/pages/${n}`) : []),
    ...(item.url ? [`${item.url}?download`] : []),
  ]
}

const lessonUrls = (lesson: Lesson): string[] => [
  `/lessons/${lesson.id}`,
  ...visibleRelations<Courseware>(lesson.courseware).flatMap(coursewareUrls),
  ...visibleRelations<{ id: number | string }>(lesson.videos).map((video) => `/videos/${video.id}`),
  ...visibleRelations<{ id: number | string }>(lesson.textbooks).map((book) => `/textbooks/${book.id}`),
  ...visibleRelations<{ id: number | string }>(lesson.lecturers).map((lecturer) => `/lecturers/${lecturer.id}`),
]

async function bundleItemUrls(collection: string, doc: { id: number | string }): Promise<string[]> {
  if (collection === 'lessons') {
    const lesson = await readItem('lessons', String(doc.id))
    return lesson ? lessonUrls(lesson) : []
  }
  if (collection === 'courseware') return coursewareUrls(doc as Courseware)
  return isIndexedCollection(collection) ? [memberUrl(KIND_BY_COLLECTION[collection], String(doc.id))] : []
}

export async function saveList(kind: SavableKind, id: string): Promise<null | SaveList> {
  if (kind === 'lessons') {
    const lesson = await readItem('lessons', id)
    return lesson ? { title: lesson.title, urls: lessonUrls(lesson) } : null
  }
  const bundle = await readItem('bundles', id)
  if (!bundle) return null
  const nested = await Promise.all(
    (bundle.items ?? []).map(({ item }) => {
      const doc = visibleRelations<{ id: number | string }>(item.value)[0]
      return doc ? bundleItemUrls(item.relationTo, doc) : []
    }),
  )
  return { title: bundle.title, urls: [...new Set([`/bundles/${bundle.id}`, ...nested.flat()])] }
}
