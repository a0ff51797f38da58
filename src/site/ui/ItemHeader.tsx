/** Title, kind and the facts every item shares: owner, sharing scope, themes, audiences. */
import type { ReactNode } from 'react'

import type { SearchKind } from '@/search/types'

import { termWord } from '@/fields/terms'
import { AUDIENCES, FORMATS } from '@/fields/vocabulary'

import { visibleRelation, visibleRelations } from '../content'
import { getPrefs } from '../prefs'
import { KIND_WORDS, VISIBILITY_WORDS } from '../words'

type Owned = {
  title?: null | string
  name?: null | string
  jurisdiction?: unknown
  visibility?: null | string
  themes?: unknown
  audiences?: null | string[]
  formats?: null | string[]
}

export async function ItemHeader({ children, item, kind }: { children?: ReactNode; item: Owned; kind: SearchKind }) {
  const { convert } = await getPrefs()
  const owner = visibleRelation<{ name: string }>(item.jurisdiction)
  const themes = visibleRelations<{ name: string }>(item.themes)
  return (
    <header>
      <p>
        <span className="badge">{convert(KIND_WORDS[kind])}</span>
        {owner ? <span className="meta">{owner.name}</span> : null}
        {item.visibility ? <span className="meta"> · {convert(VISIBILITY_WORDS[item.visibility as keyof typeof VISIBILITY_WORDS] ?? '')}</span> : null}
      </p>
      <h1>{kind === 'lecturer' ? item.name : convert(item.title ?? '')}</h1>
      {children}
      <ul aria-label={convert('主题与对象')} className="chips">
        {themes.map((theme) => (
          <li key={theme.name}>
            <a href={`/search?theme=${encodeURIComponent(theme.name)}`}>#{convert(theme.name)}</a>
          </li>
        ))}
        {(item.audiences ?? []).map((code) => (
          <li key={code}>
            <a href={`/search?audience=${code}`}>{convert(termWord(AUDIENCES, code))}</a>
          </li>
        ))}
        {(item.formats ?? []).map((code) => (
          <li key={code}>
            <a href={`/search?format=${code}`}>{convert(termWord(FORMATS, code))}</a>
          </li>
        ))}
      </ul>
    </header>
  )
}
