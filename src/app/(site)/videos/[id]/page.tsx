import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import type { Lecturer, Media } from '@/payload-types'

import { termWord } from '@/fields/terms'
import { VIDEO_KINDS } from '@/fields/vocabulary'
import { readItem, visibleRelation, visibleRelations } from '@/site/content'
import { itemMetadata } from '@/site/metadata'
import { getPrefs } from '@/site/prefs'
import { safeHref } from '@/site/safeHref'
import { Fact } from '@/site/ui/Fact'
import { ItemHeader } from '@/site/ui/ItemHeader'
import { LecturerLinks } from '@/site/ui/LecturerLinks'

type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const video = await readItem('videos', (await params).id)
  return video ? itemMetadata(video.title, video.description, video.poster) : {}
}

const duration = (seconds: number): string => (seconds >= 60 ? `${Math.round(seconds / 60)} 分钟` : `${Math.round(seconds)} 秒`)

export default async function VideoPage({ params }: Props) {
  const video = await readItem('videos', (await params).id)
  if (!video) notFound()
  const { convert } = await getPrefs()
  const poster = visibleRelation<Media>(video.poster)
  const external = safeHref(video.externalUrl)
  const lecturers = visibleRelations<Lecturer>(video.lecturers)
  const isAudio = video.mimeType?.startsWith('audio/')
  return (
    <article>
      <ItemHeader item={video} kind="video">
        <dl className="facts">
          <Fact label={convert('类型')}>{video.kind ? convert(termWord(VIDEO_KINDS, video.kind)) : null}</Fact>
          <Fact label={convert('时长')}>{video.durationSeconds ? convert(duration(video.durationSeconds)) : null}</Fact>
          <Fact label={convert('讲师')}>{lecturers.length ? <LecturerLinks lecturers={lecturers} /> : null}</Fact>
        </dl>
      </ItemHeader>
      {video.url ? (
        isAudio ? (
          <audio controls preload="none" src={video.url}>
            <a href={video.url}>{convert('下载音频')}</a>
          </audio>
        ) : (
          <video controls playsInline poster={poster?.url ?? undefined} preload="none" src={video.url} width={960}>
            <a href={video.url}>{convert('下载视频')}</a>
          </video>
        )
      ) : external ? (
        <p>
          <a className="button" href={external} rel="noopener noreferrer nofollow">
            {convert('到外部网站观看')}
          </a>
          <span className="meta"> {convert('（将离开本站）')}</span>
        </p>
      ) : null}
      {video.description ? <p>{convert(video.description)}</p> : null}
    </article>
  )
}
