/** The member site's words for kinds and facets, in Simplified; pages convert them with the reader's script. */
import type { FacetName } from '@/search/engine'
import type { SearchKind } from '@/search/types'

import { termWord } from '@/fields/terms'
import { AUDIENCES, FORMATS } from '@/fields/vocabulary'

export const KIND_WORDS: Record<SearchKind, string> = {
  bundle: '专题课程包',
  courseware: '课件',
  'field-route': '现场教学路线',
  'field-site': '现场教学点',
  lecturer: '讲师',
  lesson: '课程',
  textbook: '本土教材',
  video: '音像资料',
}

export const FACET_WORDS: Record<FacetName, string> = {
  audience: '适用对象',
  format: '教学形式',
  jurisdiction: '辖区',
  kind: '类别',
  theme: '主题',
}

export const VISIBILITY_WORDS = { local: '本辖区', public: '公开', shared: '系统内共享' } as const

/**
 * The word people read for a facet value: kinds and glossary codes get their words, themes are names already,
 * jurisdiction ids are looked up by the caller (`jurisdictionNames`); an id without a name shows as itself.
 */
export const facetValueName = (facet: FacetName, value: string, jurisdictionNames: Record<string, string> = {}): string => {
  switch (facet) {
    case 'kind':
      return KIND_WORDS[value as SearchKind] ?? value
    case 'audience':
      return termWord(AUDIENCES, value)
    case 'format':
      return termWord(FORMATS, value)
    case 'jurisdiction':
      return jurisdictionNames[value] ?? value
    default:
      return value
  }
}

/** Distance and walking time at 4.5 km/h, the pace guides for older walkers use. */
export const distanceWords = (meters: number): string => {
  const minutes = Math.max(1, Math.round(meters / 75))
  const distance = meters < 1000 ? `${Math.round(meters)} 米` : `${(meters / 1000).toFixed(1)} 公里`
  return `${distance}，步行约 ${minutes} 分钟`
}
