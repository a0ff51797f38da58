import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import type { Media } from '@/payload-types'

import { termWord } from '@/fields/terms'
import { LECTURER_KINDS, LECTURER_LEVELS } from '@/fields/vocabulary'
import { listVisible, readItem, visibleRelation } from '@/site/content'
import { itemMetadata } from '@/site/metadata'
import { getPrefs } from '@/site/prefs'
import { ItemHeader } from '@/site/ui/ItemHeader'
import { RelatedList } from '@/site/ui/RelatedList'

type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lecturer = await readItem('lecturers', (await params).id)
  return lecturer ? itemMetadata(lecturer.name, lecturer.bio, lecturer.photo) : {}
}

export default async function LecturerPage({ params }: Props) {
  const { id } = await params
  const lecturer = await readItem('lecturers', id)
  if (!lecturer) notFound()
  const { convert } = await getPrefs()
  const photo = visibleRelation<Media>(lecturer.photo)
  const lessons = await listVisible('lessons', 'lecturers', id)
  return (
    <article>
      <ItemHeader item={lecturer} kind="lecturer">
        <p className="meta">
          {[termWord(LECTURER_KINDS, lecturer.kind), termWord(LECTURER_LEVELS, lecturer.level)].filter(Boolean).map(convert).join(' · ')}
          {lecturer.title ? ` · ${convert(lecturer.title)}` : ''}
        </p>
      </ItemHeader>
      {photo?.url ? (
        // eslint-disable-next-line @next/next/no-img-element -- a stored picture, served by Payload with access checks
        <img alt={photo.alt || lecturer.name} height={photo.height ?? undefined} src={photo.url} width={photo.width ?? undefined} />
      ) : null}
      {lecturer.bio ? <p>{convert(lecturer.bio)}</p> : null}
      {(lecturer.topics ?? []).length ? (
        <section aria-labelledby="topics">
          <h2 id="topics">{convert('授课专题')}</h2>
          <ul>
            {(lecturer.topics ?? []).map((topic) => (
              <li key={topic}>{convert(topic)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <RelatedList heading={convert('讲授的课程')} items={lessons.map((lesson) => ({ href: `/lessons/${lesson.id}`, title: convert(lesson.title) }))} />
    </article>
  )
}
