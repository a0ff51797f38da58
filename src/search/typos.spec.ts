import { describe, expect, it } from 'vitest'

import { allowedTypos, closeTerms, withTypoAlternatives } from './typos'

describe('typo tolerance', () => {
  it('allows typos in Latin words only, by length', () => {
    expect([allowedTypos('ppt'), allowedTypos('pptxx'), allowedTypos('powerpoint')]).toEqual([0, 1, 2])
    expect(allowedTypos('党员教育培训')).toBe(0)
    expect(allowedTypos('20230101')).toBe(0) // numbers are not misspelt words
  })

  it('finds terms within the allowed typos, closest first, keeping the first letter', () => {
    const terms = ['powerpoint', 'powerpoints', 'power', 'keynote', 'lowerpoint', '党员']
    expect(closeTerms('powerpiont', terms, false)).toEqual(['powerpoint', 'powerpoints'])
    expect(closeTerms('owerpoint', terms, false)).toEqual([]) // the first letter is kept
    expect(closeTerms('keymote', terms, false)).toEqual(['keynote'])
    expect(closeTerms('kymote', terms, false)).toEqual([])
    expect(closeTerms('keymo', terms, true)).toEqual(['keynote'])
    expect(closeTerms('keymo', terms, false)).toEqual([])
  })

  it('adds corrections as alternatives and highlights, leaving a plan without them as it was', () => {
    const plan = { groups: [{ alternatives: [['keymote']], prefix: false }, { alternatives: [['党课']], prefix: true }], highlightTerms: ['keymote', '党课'] }
    const corrected = withTypoAlternatives(plan, (word) => (word === 'keymote' ? ['keynote'] : []))
    expect(corrected.groups[0]!.alternatives).toEqual([['keymote'], ['keynote']])
    expect(corrected.groups[1]).toBe(plan.groups[1])
    expect(corrected.highlightTerms).toEqual(['keymote', 'keynote', '党课'])
    expect(withTypoAlternatives(plan, () => [])).toBe(plan)
  })
})
