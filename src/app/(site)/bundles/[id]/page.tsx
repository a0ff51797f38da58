import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import { BUNDLE_ITEM_COLLECTIONS } from '@collections/Bundles'
import { termWord } from '@/fields/terms'
import { BUNDLE_KINDS } from '@/fields/vocabulary'
import { isIndexedCollection, KIND_BY_COLLECTION, memberUrl } from '@/search/documents'
import { readItem, visibleRelation } from '@/site/content'
import { itemMetadata } from '@/site/metadata'
import { getPrefs } from '@/site/prefs'
import { Fact } from '@/site/ui/Fact'
import { ItemHeader } from '@/site/ui/ItemHeader'
import { SaveForOffline } from '@/site/ui/SaveForOffline'
import { KIND_WORDS } from '@/site/words'

type Props = { params: Promise<{ id: string }> }

/** what the page shows of an item: its title, and whether it is published */
const ITEM_TITLES = Object.fromEntries(BUNDLE_ITEM_COLLECTIONS.map((slug) => [slug, { _status: true, title: true }]))

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const bundle = await readItem('bundles', (await params).id, ITEM_TITLES)
  return bundle ? itemMetadata(bundle.title, bundle.description) : {}
}

const monthWords = (month: string): string => {
  const [year, number] = month.split('-')
  return `${year} 年 ${Number(number)} 月`
}

export default async function BundlePage({ params }: Props) {
  const bundle = await readItem('bundles', (await params).id, ITEM_TITLES)
  if (!bundle) notFound()
  const { convert } = await getPrefs()
  // items the reader may not see are left out, not shown as gaps
  const items = (bundle.items ?? []).flatMap((row) => {
    const doc = visibleRelation<{ id: number | string; title: string }>(row.item.value)
    if (!doc || !isIndexedCollection(row.item.relationTo)) return []
    const kind = KIND_BY_COLLECTION[row.item.relationTo]
    return [{ href: memberUrl(kind, String(doc.id)), kind, minutes: row.minutes, note: row.note, title: doc.title }]
  })
  return (
    <article>
      <ItemHeader item={bundle} kind="bundle">
        <dl className="facts">
          <Fact label={convert('类型')}>{convert(termWord(BUNDLE_KINDS, bundle.kind))}</Fact>
          <Fact label={convert('月份')}>{bundle.targetMonth ? monthWords(bundle.targetMonth) : null}</Fact>
          <Fact label={convert('总学时')}>{typeof bundle.totalHours === 'number' ? convert(`${bundle.totalHours} 小时`) : null}</Fact>
        </dl>
      </ItemHeader>
      <SaveForOffline id={String(bundle.id)} kind="bundles" />
      {bundle.description ? <p>{convert(bundle.description)}</p> : null}
      <p>
        {/* a zip for places without network: unzip onto a USB stick and open index.html (src/packages) */}
        <a className="button secondary" download href={`/api/bundles/${bundle.id}/package`}>
          {convert('下载U盘课程包（离线使用）')}
        </a>
      </p>
      <h2>{convert('课程内容（按顺序）')}</h2>
      <ol className="stops">
        {items.map((item, index) => (
          <li key={`${item.href}-${index}`}>
            <span className="badge">{convert(KIND_WORDS[item.kind])}</span>
            <a className="hit-title" href={item.href}>
              {convert(item.title)}
            </a>
            {item.minutes || item.note ? <span className="meta"> {[item.minutes ? convert(`${item.minutes} 分钟`) : '', item.note ? convert(item.note) : ''].filter(Boolean).join(' · ')}</span> : null}
          </li>
        ))}
      </ol>
    </article>
  )
}
