import type { Metadata } from 'next'

import type { PageParams } from '@/site/search'

import { getPrefs } from '@/site/prefs'
import { SearchView } from '@/site/ui/SearchView'

export async function generateMetadata({ searchParams }: { searchParams: Promise<PageParams> }): Promise<Metadata> {
  const q = (await searchParams).q
  const { convert } = await getPrefs()
  return { robots: { index: false }, title: typeof q === 'string' && q ? `${q} - ${convert('搜索')}` : convert('搜索') }
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<PageParams> }) {
  const { convert } = await getPrefs()
  return (
    <>
      <h1>{convert('搜索')}</h1>
      <SearchView pageParams={await searchParams} />
    </>
  )
}
