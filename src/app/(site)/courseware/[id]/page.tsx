import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import type { Lecturer } from '@/payload-types'

import { readItem, textPages, visibleRelations } from '@/site/content'
import { itemMetadata } from '@/site/metadata'
import { getPrefs } from '@/site/prefs'
import { ItemHeader } from '@/site/ui/ItemHeader'
import { LecturerLinks } from '@/site/ui/LecturerLinks'

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string | string[] }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const item = await readItem('courseware', (await params).id)
  return item ? itemMetadata(item.title, item.description, item.preview) : {}
}

export default async function CoursewarePage({ params, searchParams }: Props) {
  const { id } = await params
  const item = await readItem('courseware', id)
  if (!item) notFound()
  const { convert } = await getPrefs()
  const texts = textPages(item.fileText)
  const pageCount = item.pageCount ?? texts.length
  const asked = Number([(await searchParams).page].flat()[0])
  const page = Number.isInteger(asked) && asked >= 1 && asked <= Math.max(pageCount, 1) ? asked : 1
  const isPdf = item.mimeType === 'application/pdf'
  const unit = item.mimeType?.includes('presentation') || item.mimeType === 'application/vnd.ms-powerpoint' ? '张幻灯片' : '页'
  const lecturers = visibleRelations<Lecturer>(item.lecturers)
  const pageHref = (n: number) => `/courseware/${id}?page=${n}#reader`
  return (
    <article>
      <ItemHeader item={item} kind="courseware">
        {lecturers.length ? (
          <p>
            {convert('讲师：')}
            <LecturerLinks lecturers={lecturers} />
          </p>
        ) : null}
      </ItemHeader>
      {item.description ? <p>{convert(item.description)}</p> : null}
      {item.url ? (
        <p>
          <a className="button" download href={`${item.url}?download`}>
            {convert('下载文件')}
          </a>
          {pageCount ? <span className="meta"> {convert(`共 ${pageCount} ${unit}`)}</span> : null}
        </p>
      ) : null}
      {pageCount ? (
        <section aria-labelledby="reader-heading" id="reader">
          <h2 id="reader-heading">{convert(`第 ${page} ${unit === '页' ? '页' : '张'}`)}</h2>
          {isPdf ? (
            // eslint-disable-next-line @next/next/no-img-element -- a picture drawn on the server for this reader
            <img alt={convert(`${item.title} 第 ${page} 页`)} className="page-image" src={`/courseware/${id}/pages/${page}`} width={900} />
          ) : null}
          {texts[page - 1] ? (
            isPdf ? (
              <details>
                <summary>{convert('本页文字')}</summary>
                <p className="page-text">{convert(texts[page - 1]!)}</p>
              </details>
            ) : (
              <div className="page-text">
                {texts[page - 1]!.split(/\n+/).map((line, index) => (
                  <p key={index}>{convert(line)}</p>
                ))}
              </div>
            )
          ) : null}
          <PageNav convert={convert} href={pageHref} page={page} pageCount={pageCount} />
        </section>
      ) : (
        <p className="notice">{convert('这个文件的内容还不能在线阅读，请下载后查看。')}</p>
      )}
    </article>
  )
}

function PageNav({ convert, href, page, pageCount }: { convert: (text: string) => string; href: (n: number) => string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null
  return (
    <nav aria-label={convert('翻页')} className="pager">
      {page > 1 ? (
        <a className="button secondary" href={href(page - 1)} rel="prev">
          {convert('上一页')}
        </a>
      ) : (
        <span />
      )}
      <span>
        {page} / {pageCount}
      </span>
      {page < pageCount ? (
        <a className="button secondary" href={href(page + 1)} rel="next">
          {convert('下一页')}
        </a>
      ) : (
        <span />
      )}
    </nav>
  )
}
