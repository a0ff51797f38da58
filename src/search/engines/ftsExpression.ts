/**
 * FTS5 MATCH expressions built from a query plan. Every word is quoted, so no user text is ever read as
 * FTS5 syntax (AND/OR/NEAR, column filters, `*`, `^`).
 */
import type { QueryPlan, TermGroup } from '../queryPlan'

import { charBigrams } from '../text'

export const quoteTerm = (term: string): string => `"${term.replace(/"/g, '""')}"`

const anyOf = (alternatives: string[]): string =>
  alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`

const allOf = (parts: string[]): string => (parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`)

const wordsGroup = (group: TermGroup): string => {
  const alternatives = group.alternatives.filter((words) => words.length)
  if (group.prefix && alternatives.length === 1 && alternatives[0]!.length === 1) return `${quoteTerm(alternatives[0]![0]!)}*`
  return anyOf(alternatives.map((words) => allOf(words.map(quoteTerm))))
}

const nonEmpty = (plan: QueryPlan): TermGroup[] => plan.groups.filter((group) => group.alternatives.some((words) => words.length))

export const wordsExpression = (plan: QueryPlan): string => nonEmpty(plan).map(wordsGroup).join(' AND ')

/**
 * A word as the character pairs it contains (the pair index keeps no positions: a document holding every
 * pair of the word is taken for holding the word); one character or a Latin word matches as a prefix.
 */
const gramsOfWord = (word: string): string => {
  const grams = charBigrams(word)
  if (grams.length === 0) return quoteTerm(word)
  const only = grams.length === 1 ? grams[0]! : null
  if (only && (Array.from(only).length === 1 || !/\p{Script=Han}/u.test(only))) return `${quoteTerm(only)}*`
  return allOf([...new Set(grams)].map(quoteTerm))
}

const gramsGroup = (group: TermGroup): string =>
  anyOf(group.alternatives.filter((words) => words.length).map((words) => allOf(words.map(gramsOfWord))))

/** the query as written (compacted), as the character pairs it contains */
export const phraseGramsExpression = (phrase: string): string => gramsOfWord(phrase)

/** the substring fallback: every query word as a run of character pairs */
export const gramsExpression = (plan: QueryPlan): string => nonEmpty(plan).map(gramsGroup).join(' AND ')

/** the text columns: a theme, audience or format tag (`meta`) counts only as a whole tag (see embeddedRanking.ts) */
export const inText = (expression: string): string => `{title body} : (${expression})`

/** the words in this order, next to each other; the last one as a prefix while typing */
export const phraseExpression = (tokens: string[], prefix: boolean): string => `${quoteTerm(tokens.join(' '))}${prefix ? '*' : ''}`

/** FTS5's own default distance: at most this many tokens between the first word and the last */
const NEAR_TOKENS = 10

/** every word, in any order, within `NEAR_TOKENS` of each other */
export const nearExpression = (words: string[], prefix: boolean): string =>
  `NEAR(${words.map((word, index) => `${quoteTerm(word)}${prefix && index === words.length - 1 ? '*' : ''}`).join(' ')}, ${NEAR_TOKENS})`
