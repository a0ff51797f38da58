import { describe, expect, it } from 'vitest'

import { toMeiliPhrase } from './meilisearch'

describe('Meilisearch phrase of the query as written', () => {
  it('quotes the normalised query, Traditional folded, punctuation dropped, Han words typed apart joined', () => {
    expect(toMeiliPhrase('党员培训')).toBe('"党员培训"')
    expect(toMeiliPhrase('黨史學習教育')).toBe('"党史学习教育"')
    expect(toMeiliPhrase('党员 教育')).toBe('"党员教育"')
    expect(toMeiliPhrase('党员，培训')).toBe('"党员培训"')
    expect(toMeiliPhrase('"本土讲师"')).toBe('"本土讲师"')
    expect(toMeiliPhrase('power point')).toBe('"power point"')
  })

  it('leaves a single word alone', () => {
    expect(toMeiliPhrase('讲师')).toBeNull()
    expect(toMeiliPhrase('焦裕禄')).toBeNull()
    expect(toMeiliPhrase('  ')).toBeNull()
  })
})
