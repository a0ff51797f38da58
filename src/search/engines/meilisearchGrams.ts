/**
 * The substring fallback on Meilisearch, as in the embedded engine: when the words find too little, look for
 * the query's character pairs (禄精 across 焦裕禄|精神, 处理 inside 待处理). Meilisearch matches whole words
 * only, and its segmenter would cut a pair such as 禄精 into two characters again, so each pair is indexed as
 * one Latin word spelled from its code points. Each pair is its own array value: Meilisearch puts array values
 * 8 positions apart, so the pairs cost no word-pair proximity entries.
 */
import { MAX_GRAM_CHARS } from '../prepare'
import { charBigrams, normalizeText } from '../text'

/** fewer matches than this from the words → also look up the character pairs (the embedded engine's bound) */
export const MEILI_GRAM_FALLBACK_BELOW = 5

/** Meilisearch keeps 65,535 positions per attribute and gives each array value 8 */
const MAX_GRAMS = 8000

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'
const HAN = /\p{Script=Han}/u

/** four letters per character: 26⁴ covers every Han code point (the last block ends below U+32400) */
const spellChar = (char: string): string => {
  let code = char.codePointAt(0)!
  let spelled = ''
  for (let digit = 0; digit < 4; digit++) {
    spelled = LETTERS[code % 26]! + spelled
    code = Math.floor(code / 26)
  }
  return spelled
}

/** a Han pair (or lone character) as one Latin word; Latin words stay themselves */
const spellGram = (gram: string): string => (HAN.test(gram) ? Array.from(gram).map(spellChar).join('') : gram)

/** the pairs of normalised text, each once, as Meilisearch indexes them */
export const toGramWords = (normalizedTexts: string[]): string[] =>
  [...new Set(charBigrams(normalizedTexts.join('\n').slice(0, MAX_GRAM_CHARS)))].slice(0, MAX_GRAMS).map(spellGram)

/** the query's pairs, or null when the query has no Han text (Latin words have typo tolerance instead) */
export const toGramQuery = (q: string): null | string => {
  const normalized = normalizeText(q)
  if (!HAN.test(normalized)) return null
  return [...new Set(charBigrams(normalized))].map(spellGram).join(' ')
}

/** whether a document's text holds every pair of the query (the last as a prefix, as Meilisearch reads it) */
export const holdsGrams = (normalizedTexts: string[], gramQuery: string): boolean => {
  const held = toGramWords(normalizedTexts)
  const words = gramQuery.split(' ')
  const last = words.pop()!
  const heldSet = new Set(held)
  return words.every((word) => heldSet.has(word)) && held.some((word) => word.startsWith(last))
}
