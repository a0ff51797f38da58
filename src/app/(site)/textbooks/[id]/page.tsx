import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import type { Courseware } from '@/payload-types'

import { readItem, visibleRelation } from '@/site/content'
import { itemMetadata } from '@/site/metadata'
import { getPrefs } from '@/site/prefs'
import { RichText } from '@/site/RichText'
import { Fact } from '@/site/ui/Fact'
import { ItemHeader } from '@/site/ui/ItemHeader'

type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const book = await readItem('textbooks', (await params).id)
  return book ? itemMetadata(book.title, book.summary, book.cover) : {}
}

export default async function TextbookPage({ params }: Props) {
  const book = await readItem('textbooks', (await params).id)
  if (!book) notFound()
  const { convert } = await getPrefs()
  const chapters = book.chapters ?? []
  const pdf = visibleRelation<Courseware>(book.pdf)
  return (
    <article>
      <ItemHeader item={book} kind="textbook">
        <dl className="facts">
          <Fact label={convert('出版年份')}>{book.publishYear}</Fact>
          <Fact label={convert('编写')}>{(book.editors ?? []).map((editor) => (editor.role ? `${editor.name}（${convert(editor.role)}）` : editor.name)).join('、')}</Fact>
        </dl>
      </ItemHeader>
      {book.summary ? <p>{convert(book.summary)}</p> : null}
      {pdf ? (
        <p>
          <a className="button secondary" href={`/courseware/${pdf.id}`}>
            {convert('阅读电子版')}
          </a>
        </p>
      ) : null}
      {chapters.length ? (
        <nav aria-labelledby="toc" className="toc">
          <h2 id="toc">{convert('目录')}</h2>
          <ol>
            {chapters.map((chapter, index) => (
              <li key={chapter.id ?? index}>
                <a href={`#chapter-${index + 1}`}>{convert(chapter.title)}</a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      {chapters.map((chapter, index) => (
        <section aria-labelledby={`chapter-${index + 1}`} key={chapter.id ?? index}>
          <h2 id={`chapter-${index + 1}`}>{convert(chapter.title)}</h2>
          <RichText convert={convert} data={chapter.content} />
          <p>
            <a href="#toc">{convert('回到目录')}</a>
          </p>
        </section>
      ))}
    </article>
  )
}
