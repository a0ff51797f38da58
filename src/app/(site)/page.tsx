import type { PageParams } from '@/site/search'

import { SEARCH_KINDS } from '@/search/types'
import { getPrefs } from '@/site/prefs'
import { SearchView } from '@/site/ui/SearchView'
import { KIND_WORDS } from '@/site/words'

export default async function HomePage({ searchParams }: { searchParams: Promise<PageParams> }) {
  const { convert } = await getPrefs()
  return (
    <>
      <h1>{convert('找课程、看课件、走路线')}</h1>
      <p className="muted">{convert('县、镇、村党校共享的党员教育课程资源。')}</p>
      <SearchView pageParams={await searchParams} />
      <p>
        <a className="button secondary" href="/near">
          {convert('附近的学习点')}
        </a>
      </p>
      <section aria-labelledby="browse">
        <h2 id="browse">{convert('按类别浏览')}</h2>
        <ul className="chips">
          {SEARCH_KINDS.map((kind) => (
            <li key={kind}>
              <a href={`/search?kind=${kind}`}>{convert(KIND_WORDS[kind])}</a>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
