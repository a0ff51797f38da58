/**
 * Text normalisation shared by indexing, querying and highlighting (DESIGN.md §4: one function on both
 * sides, or 菜单点课 finds nothing).
 *
 * `normalizeText` keeps the length of its input: character i of the result stands for character i of the
 * original. Highlights are found in the normalised text and drawn on the original at the same offsets, so
 * they show the original script. Stray pinyin such as `培訓(xùn)` becomes spaces instead of disappearing.
 */
import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'
import * as OpenCC from 'opencc-js'

const TONE_MARKS = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ'
const PINYIN_LETTER = `a-zü${TONE_MARKS}`
/** `(xùn)` / `（péi xùn）` right after a Han character, with at least one tone mark inside */
const BRACKETED_PINYIN = `[(（]\\s*(?=[${PINYIN_LETTER}\\s]*[${TONE_MARKS}])[${PINYIN_LETTER}]+(?:\\s+[${PINYIN_LETTER}]+)*\\s*[)）]`
const STRAY_PINYIN = new RegExp(`(?<=\\p{Script=Han})${BRACKETED_PINYIN}`, 'gu')
/** the same without the lookbehind, tried only at a bracket (V8 tries a leading lookbehind at every position) */
const BRACKETED_PINYIN_AT = new RegExp(BRACKETED_PINYIN, 'uy')
const HAN_CHAR = /^\p{Script=Han}$/u

/** `STRAY_PINYIN` occurs in `text`: the same test, ~10× cheaper on text with many brackets and no pinyin */
const mayHaveStrayPinyin = (text: string): boolean => {
  for (let at = 1; at < text.length; at++) {
    const code = text.charCodeAt(at)
    if (code !== 0x28 && code !== 0xff08) continue
    const low = text.charCodeAt(at - 1)
    const before = low >= 0xdc00 && low <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1]!
    if (!HAN_CHAR.test(before)) continue
    BRACKETED_PINYIN_AT.lastIndex = at
    if (BRACKETED_PINYIN_AT.test(text)) return true
  }
  return false
}

let simplifiedOf: Map<string, string> | null = null
let jieba: Jieba | null = null

/** Every single character that a Taiwan or Hong Kong → Simplified dictionary entry starts with. */
const collectKeyChars = (dictionaries: unknown, chars: Set<string>): void => {
  if (typeof dictionaries === 'string') {
    for (const entry of dictionaries.split('|')) {
      const key = entry.split(' ')[0]
      if (key) for (const char of key) chars.add(char)
    }
    return
  }
  if (!Array.isArray(dictionaries)) return
  if (dictionaries.length === 2 && typeof dictionaries[0] === 'string' && !dictionaries[0].includes(' ')) {
    for (const char of dictionaries[0]) chars.add(char)
    return
  }
  for (const item of dictionaries) collectKeyChars(item, chars)
}

/** Results of single-character Traditional → Simplified entries: characters that are valid Simplified. */
const collectSingleCharValues = (dictionaries: unknown, chars: Set<string>): void => {
  if (typeof dictionaries === 'string') {
    for (const entry of dictionaries.split('|')) {
      const [key, values] = entry.split(' ')
      if (key && Array.from(key).length === 1) for (const char of values ?? '') chars.add(char)
    }
    return
  }
  if (Array.isArray(dictionaries)) for (const item of dictionaries) collectSingleCharValues(item, chars)
}

/**
 * Traditional → Simplified character by character. Phrase-level OpenCC changes the length now and then
 * and costs ~1 µs per character; for matching, per-character conversion is what both sides need (T→S is
 * almost always many-to-one) and keeps offsets aligned with the original for highlights.
 */
const buildSimplifiedMap = (): Map<string, string> => {
  const keyChars = new Set<string>()
  const locale = OpenCC.Locale
  collectKeyChars([locale.from.tw, locale.from.hk, locale.to.cn, locale.configs.tw2s, locale.configs.hk2s], keyChars)
  const twToCn = OpenCC.Converter({ from: 'tw', to: 'cn' })
  const hkToCn = OpenCC.Converter({ from: 'hk', to: 'cn' })
  const simplifiedChars = new Set<string>()
  collectSingleCharValues(locale.to.cn, simplifiedChars)
  const map = new Map<string, string>()
  for (const char of keyChars) {
    // 么 and 著 are Simplified characters too (什么, 著作); they stay as they are
    if (simplifiedChars.has(char)) continue
    const simplified = hkToCn(twToCn(char))
    if (simplified !== char && simplified.length === char.length) map.set(char, simplified)
  }
  return map
}

export const getJieba = (): Jieba => (jieba ??= Jieba.withDict(dict))

const escapeForCharClass = (char: string): string => char.replace(/[\\\]\[^-]/g, '\\$&')

let traditionalChars: RegExp | null = null

export const toSimplified = (text: string): string => {
  const map = (simplifiedOf ??= buildSimplifiedMap())
  traditionalChars ??= new RegExp(`[${Array.from(map.keys(), escapeForCharClass).join('')}]`, 'gu')
  return text.replace(traditionalChars, (char) => map.get(char) ?? char)
}

/** The Traditional → Simplified pairs `toSimplified` uses, for code that must fold the same way elsewhere (USB packages). */
export const traditionalToSimplifiedPairs = (): ReadonlyMap<string, string> => (simplifiedOf ??= buildSimplifiedMap())

export const blankStrayPinyin = (text: string): string =>
  mayHaveStrayPinyin(text) ? text.replace(STRAY_PINYIN, (match) => ' '.repeat(match.length)) : text

const foldChar = (char: string): string => {
  const folded = char.normalize('NFKC').toLowerCase()
  if (folded.length === char.length) return folded
  const lowered = char.toLowerCase()
  return lowered.length === char.length ? lowered : char
}

/** upper-case ASCII and everything outside ASCII and the common Han blocks */
const FOLDABLE = /[A-Z\u0080-\u33ff\ua000-\uffff]|[\ud800-\udbff][\udc00-\udfff]/gu

/** full-width → half-width, compatibility forms, lower case; per character so the length holds */
export const foldWidthAndCase = (text: string): string => text.replace(FOLDABLE, foldChar)

/** Traditional → Simplified, then width and case folded: the per-character reference of `convertChars` */
const convertCharsSlowly = (text: string): string => foldWidthAndCase(toSimplified(text))

let charTable: null | Uint16Array = null

/**
 * `charTable[c]`: what `convertCharsSlowly` makes of the BMP character c. Both conversions work character by
 * character, so one table lookup per UTF-16 unit gives the same result without two regex passes with a
 * callback per match (most Chinese text has a full-width comma or a Traditional character every few
 * characters); built once, ~50 ms.
 */
const buildCharTable = (): Uint16Array => {
  const table = new Uint16Array(0x10000)
  for (let code = 0; code < 0x10000; code++) {
    table[code] = code
    if (code >= 0xd800 && code <= 0xdfff) continue
    const char = String.fromCharCode(code)
    const converted = convertCharsSlowly(char)
    if (converted.length === 1) table[code] = converted.charCodeAt(0)
  }
  return table
}

const SURROGATE = /[\ud800-\udfff]/

/** Traditional → Simplified and width/case folding, same length: a table lookup per character */
export const convertChars = (text: string): string => {
  if (SURROGATE.test(text)) return convertCharsSlowly(text)
  const table = (charTable ??= buildCharTable())
  let out: null | Uint16Array = null
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    const converted = table[code]!
    if (converted === code) {
      if (out) out[index] = code
      continue
    }
    if (!out) {
      out = new Uint16Array(text.length)
      for (let before = 0; before < index; before++) out[before] = text.charCodeAt(before)
    }
    out[index] = converted
  }
  return out ? fromCodes(out) : text
}

const fromCodes = (codes: Uint16Array): string => {
  let text = ''
  for (let start = 0; start < codes.length; start += 8192) {
    text += String.fromCharCode.apply(null, codes.subarray(start, start + 8192) as unknown as number[])
  }
  return text
}


export type AlignedText = {
  /** the normalised text */
  text: string
  /** `offsets[i]`: where character i of `text` starts in the original; one extra entry for the end */
  offsets: Int32Array
}

/**
 * The normalised text plus, for each of its characters, its place in the original, so matches found in
 * the normalised text can be marked in the original script. Stray pinyin is dropped, so 學(xué)習 reads 学习.
 */
export const alignNormalized = (original: string): AlignedText => {
  const blanked = blankStrayPinyin(original)
  const normalized = convertChars(blanked)
  const offsets = new Int32Array(normalized.length + 1)
  const codes = new Uint16Array(normalized.length)
  let at = 0
  for (let index = 0; index < normalized.length; index++) {
    if (blanked.charCodeAt(index) !== original.charCodeAt(index)) continue // a blanked pinyin character
    codes[at] = normalized.charCodeAt(index)
    offsets[at++] = index
  }
  offsets[at] = original.length
  return { offsets: offsets.subarray(0, at + 1), text: fromCodes(codes.subarray(0, at)) }
}

/** what both sides of the index see: the same function at index time and at query time */
export const normalizeText = (text: string): string =>
  // without stray pinyin there is nothing to blank: straight to the per-character conversion
  mayHaveStrayPinyin(text) ? alignNormalized(text).text : convertChars(text)

const WORDLIKE = /[\p{L}\p{N}]/u

const keepWords = (tokens: string[]): string[] =>
  tokens.map((token) => token.trim()).filter((token) => token && WORDLIKE.test(token))

/** CJK and general punctuation (、。《》“” …) that NFKC folding leaves in place */
const WIDE_PUNCTUATION = /[\u2000-\u206f\u3000-\u303f]/g

/**
 * Index-time words, space-separated for the embedded engine's FTS5 tables. jieba's search mode also
 * emits the dictionary words inside long words (待处理 → 处理, 待处理), so a query word that is part of a
 * longer word still matches. The tables' `ascii` tokenizer splits on spaces and ASCII punctuation only:
 * wide punctuation becomes a space here, in one pass over the string rather than a test per token.
 */
export const indexWordText = (normalized: string): string =>
  getJieba().cutForSearch(normalized.replace(WIDE_PUNCTUATION, ' '), false).join(' ')

/** Query-time words: the plain cut, whose words are all among the index-time words of the same text. */
export const queryWords = (normalized: string): string[] => keepWords(getJieba().cut(normalized, false))

const isHan = (char: string): boolean => /\p{Script=Han}/u.test(char)

/**
 * Overlapping character pairs of each Han run plus whole non-Han words: the substring index, for words
 * the segmenter split differently in the document than in the query (处理 inside 待处理, 点课 in 菜单点课).
 */
export const charBigrams = (normalized: string): string[] => {
  const grams: string[] = []
  for (const run of normalized.match(/\p{Script=Han}+|[\p{L}\p{N}]+/gu) ?? []) {
    if (!isHan(run[0]!)) {
      grams.push(run)
      continue
    }
    const chars = Array.from(run)
    if (chars.length === 1) grams.push(chars[0]!)
    for (let index = 0; index + 1 < chars.length; index++) grams.push(chars[index]! + chars[index + 1]!)
  }
  return grams
}
