import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import type { Courseware, Lecturer, Textbook, Video } from '@/payload-types'

import { termWord } from '@/fields/terms'
import { LESSON_KINDS } from '@/fields/vocabulary'
import { readItem, visibleRelations } from '@/site/content'
import { itemMetadata } from '@/site/metadata'
import { getPrefs } from '@/site/prefs'
import { RichText } from '@/site/RichText'
import { Fact } from '@/site/ui/Fact'
import { ItemHeader } from '@/site/ui/ItemHeader'
import { SaveForOffline } from '@/site/ui/SaveForOffline'
import { LecturerLinks } from '@/site/ui/LecturerLinks'
import { RelatedList } from '@/site/ui/RelatedList'

type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = await readItem('lessons', (await params).id)
  return lesson ? itemMetadata(lesson.title, lesson.summary, lesson.cover) : {}
}

export default async function LessonPage({ params }: Props) {
  const lesson = await readItem('lessons', (await params).id)
  if (!lesson) notFound()
  const { convert } = await getPrefs()
  const lecturers = visibleRelations<Lecturer>(lesson.lecturers)
  return (
    <article>
      <ItemHeader item={lesson} kind="lesson">
        <dl className="facts">
          <Fact label={convert('类型')}>{lesson.kind ? convert(termWord(LESSON_KINDS, lesson.kind)) : null}</Fact>
          <Fact label={convert('时长')}>{lesson.durationMinutes ? convert(`${lesson.durationMinutes} 分钟`) : null}</Fact>
          <Fact label={convert('讲师')}>{lecturers.length ? <LecturerLinks lecturers={lecturers} /> : null}</Fact>
        </dl>
      </ItemHeader>
      <SaveForOffline id={String(lesson.id)} kind="lessons" />
      {lesson.summary ? <p>{convert(lesson.summary)}</p> : null}
      {lesson.plan ? (
        <section aria-labelledby="plan">
          <h2 id="plan">{convert('教案')}</h2>
          <RichText convert={convert} data={lesson.plan} />
        </section>
      ) : null}
      <RelatedList heading={convert('课件')} items={visibleRelations<Courseware>(lesson.courseware).map((item) => ({ href: `/courseware/${item.id}`, title: convert(item.title) }))} />
      <RelatedList heading={convert('音像资料')} items={visibleRelations<Video>(lesson.videos).map((item) => ({ href: `/videos/${item.id}`, title: convert(item.title) }))} />
      <RelatedList heading={convert('本土教材')} items={visibleRelations<Textbook>(lesson.textbooks).map((item) => ({ href: `/textbooks/${item.id}`, title: convert(item.title) }))} />
    </article>
  )
}
