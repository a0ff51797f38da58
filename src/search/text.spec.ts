import { describe, expect, it } from 'vitest'

import { markAll } from './highlight'
import { readCorpus } from './testing/fixtures'
import { alignNormalized, convertChars, foldWidthAndCase, normalizeText, queryWords, toSimplified } from './text'

describe('normalizeText', () => {
  it('converts Traditional to Simplified and folds width and case', () => {
    expect(normalizeText('黨員教育ＰＰＴ')).toBe('党员教育ppt')
    expect(normalizeText('什麼 什么 後來')).toBe('什么 什么 后来')
  })

  it('converts by table exactly as the regex conversions do, character by character and on real text', () => {
    const slowly = (text: string) => foldWidthAndCase(toSimplified(text))
    const differing: string[] = []
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue
      const char = String.fromCharCode(code)
      if (convertChars(char) !== slowly(char)) differing.push(char)
    }
    expect(differing).toEqual([])
    for (const text of readCorpus()) expect(convertChars(text)).toBe(slowly(text))
    expect(convertChars('𠮷野家 ＡＢＣ 黨員')).toBe(slowly('𠮷野家 ＡＢＣ 黨員'))
  })

  it('drops stray pinyin after Han characters only', () => {
    expect(normalizeText('培訓(xùn)是')).toBe('培训是')
    expect(normalizeText('素質（zhì）')).toBe('素质')
    expect(normalizeText('鎮(街道) 党校(ABC) word(xùn)')).toBe('镇(街道) 党校(abc) word(xùn)')
  })

  it('keeps a map back to the original', () => {
    const aligned = alignNormalized('學(xué)習黨史')
    expect(aligned.text).toBe('学习党史')
    expect(Array.from(aligned.offsets)).toEqual([0, 6, 7, 8, 9])
    expect(markAll('學(xué)習黨史', ['学习'])).toBe('<mark>學(xué)習</mark>黨史')
  })

  it('segments the same way for both scripts', () => {
    expect(queryWords(normalizeText('黨員教育培訓'))).toEqual(queryWords(normalizeText('党员教育培训')))
  })
})
