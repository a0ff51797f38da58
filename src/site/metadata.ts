/** Open Graph cards, so a link shared in a WeChat group shows the title, a line and a picture. */
import type { Metadata } from 'next'

import { visibleRelation } from './content'
import { getPrefs } from './prefs'

type Picture = { url?: null | string; alt?: null | string }

const firstLine = (text: null | string | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 120)

export const itemMetadata = async (title: string, description: null | string | undefined, picture?: unknown): Promise<Metadata> => {
  const { convert } = await getPrefs()
  const image = visibleRelation<Picture>(picture)
  const text = convert(firstLine(description))
  return {
    description: text || undefined,
    openGraph: {
      description: text || undefined,
      images: image?.url ? [{ alt: image.alt ?? undefined, url: image.url }] : undefined,
      locale: 'zh_CN',
      siteName: '课件共享库',
      title: convert(title),
      type: 'article',
    },
    title: convert(title),
  }
}
