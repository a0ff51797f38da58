import { describe, expect, it } from 'vitest'

import type { Settings } from 'meilisearch'

import { toMeiliQuery } from './engines/meilisearch'
import { buildMeiliSettings, driftedSettings } from './settings'

/** what a Meilisearch 1.50 server returns for the wanted settings: sets in its own order, defaults filled in */
const asTheServerReturnsIt = (wanted: Settings): Settings => ({
  ...wanted,
  displayedAttributes: [...(wanted.displayedAttributes as string[])].reverse(),
  filterableAttributes: [...(wanted.filterableAttributes as string[])].sort(),
  sortableAttributes: [...wanted.sortableAttributes!].sort(),
  synonyms: Object.fromEntries(Object.entries(wanted.synonyms!).sort(([a], [b]) => (a < b ? -1 : 1))),
  typoTolerance: { ...wanted.typoTolerance, disableOnWords: [], enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
})

describe('Meilisearch settings drift', () => {
  const wanted = buildMeiliSettings()

  it('sees no drift when the server only reorders sets and adds defaults', () => {
    expect(driftedSettings(asTheServerReturnsIt(wanted), wanted)).toEqual([])
  })

  it('sees every real difference, order included where it counts', () => {
    const live = asTheServerReturnsIt(wanted)
    expect(driftedSettings({ ...live, rankingRules: [...wanted.rankingRules!].reverse() }, wanted)).toEqual(['rankingRules'])
    expect(driftedSettings({ ...live, searchableAttributes: [...wanted.searchableAttributes!].reverse() }, wanted)).toEqual(['searchableAttributes'])
    expect(driftedSettings({ ...live, synonyms: { ...live.synonyms, 讲课: ['授课'] } }, wanted)).toEqual(['synonyms'])
    expect(driftedSettings({ ...live, faceting: { ...live.faceting, maxValuesPerFacet: 1000 } }, wanted)).toEqual(['faceting'])
    expect(driftedSettings({ ...live, faceting: { ...live.faceting, sortFacetValuesBy: { '*': 'alpha' } } }, wanted)).toEqual(['faceting'])
    expect(driftedSettings({ ...live, proximityPrecision: 'byAttribute' }, wanted)).toEqual(['proximityPrecision'])
    expect(driftedSettings({ ...live, filterableAttributes: (wanted.filterableAttributes as string[]).slice(1) }, wanted)).toEqual(['filterableAttributes'])
    expect(driftedSettings({ ...live, localizedAttributes: null }, wanted)).toEqual(['localizedAttributes'])
    expect(driftedSettings({ ...live, typoTolerance: { ...live.typoTolerance, disableOnAttributes: [] } }, wanted)).toEqual(['typoTolerance'])
  })
})

describe('Meilisearch query text', () => {
  it('sends a synonym longer than three words as its short group member', () => {
    expect(toMeiliQuery('非公企业和社会组织党员')).toBe('两新组织 党员')
    expect(toMeiliQuery('非公企業和社會組織')).toBe('两新组织')
  })

  it('leaves synonyms Meilisearch can look up as typed', () => {
    expect(toMeiliQuery('微型党课')).toBe('微型党课')
    expect(toMeiliQuery('  師資  培訓 ')).toBe('师资 培训')
  })
})
