import { describe, expect, it } from 'vitest'

import { normalizeText } from '../text'
import { holdsGrams, toGramQuery, toGramWords } from './meilisearchGrams'

describe('Meilisearch character pairs', () => {
  it('spells each Han pair as one Latin word, distinct pairs each once, Latin words as themselves', () => {
    const words = toGramWords(['焦裕禄精神', '焦裕禄 PPT'].map(normalizeText))
    expect(words).toHaveLength(5) // 焦裕 裕禄 禄精 精神 ppt
    expect(words.every((word) => /^[a-z]+$/.test(word))).toBe(true)
    expect(words.filter((word) => word.length === 8)).toHaveLength(4)
    expect(words).toContain('ppt')
  })

  it('reads the query as its pairs, in either script; none without Han text', () => {
    expect(toGramQuery('禄精')!.split(' ')).toHaveLength(1)
    expect(toGramQuery('禄精')).toBe(toGramWords(['禄精'])[0])
    expect(toGramQuery('教學點')).toBe(toGramQuery('教学点'))
    expect(toGramQuery('powerpoint')).toBeNull()
  })

  it('says whether a text holds every pair of the query, the last one as a prefix', () => {
    const text = [normalizeText('弘扬焦裕禄精神')]
    expect(holdsGrams(text, toGramQuery('禄精')!)).toBe(true)
    expect(holdsGrams(text, toGramQuery('裕禄精')!)).toBe(true)
    expect(holdsGrams(text, toGramQuery('禄')!)).toBe(true) // a lone character: any pair it starts
    expect(holdsGrams([normalizeText('裕禄故乡，精品课程')], toGramQuery('禄精')!)).toBe(false)
  })
})
