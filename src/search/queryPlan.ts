/**
 * What a query text means to both engines: normalised words, each with its synonyms, the last one
 * matched as a prefix (search as you type), and the strings to highlight.
 */
import { getSynonyms, SYNONYM_GROUPS } from './synonyms'
import { normalizeText, queryWords } from './text'

/** One required part of the query: any of the alternatives matches; an alternative needs all its words. */
export type TermGroup = { alternatives: string[][]; prefix: boolean }

export type QueryPlan = {
  groups: TermGroup[]
  /** normalised strings to mark in the normalised document text, longest first */
  highlightTerms: string[]
}

const SYNONYM_WORDS = SYNONYM_GROUPS.flat().sort((a, b) => b.length - a.length)

type Piece = { synonym: boolean; text: string }

/** cuts the normalised query around synonym phrases so jieba cannot split them apart */
const splitAroundSynonyms = (normalized: string): Piece[] => {
  const pieces: Piece[] = []
  let rest = normalized
  while (rest) {
    const found = SYNONYM_WORDS.map((word) => ({ at: rest.indexOf(word), word }))
      .filter(({ at }) => at >= 0)
      .sort((a, b) => a.at - b.at || b.word.length - a.word.length)[0]
    if (!found) {
      pieces.push({ synonym: false, text: rest })
      break
    }
    if (found.at > 0) pieces.push({ synonym: false, text: rest.slice(0, found.at) })
    pieces.push({ synonym: true, text: found.word })
    rest = rest.slice(found.at + found.word.length)
  }
  return pieces
}

const synonymGroup = (phrase: string): TermGroup => ({
  alternatives: [phrase, ...getSynonyms(phrase)].map((text) => queryWords(text)),
  prefix: false,
})

const highlightTermsOf = (groups: TermGroup[], synonymPhrases: string[]): string[] => {
  const words = new Set([...synonymPhrases, ...groups.flatMap((group) => group.alternatives.flat())])
  const longer = [...words].filter((word) => Array.from(word).length > 1)
  return (longer.length ? longer : [...words]).sort((a, b) => b.length - a.length)
}

export const planQuery = (q: string): QueryPlan => {
  const pieces = splitAroundSynonyms(normalizeText(q))
  const groups: TermGroup[] = pieces.flatMap((piece) =>
    piece.synonym ? [synonymGroup(piece.text)] : queryWords(piece.text).map((word) => ({ alternatives: [[word]], prefix: false })),
  )
  const last = groups.at(-1)
  const endsWithWord = /[\p{L}\p{N}]$/u.test(q.trim()) && !pieces.at(-1)?.synonym
  if (last && endsWithWord) last.prefix = true
  const synonymPhrases = pieces.filter((piece) => piece.synonym).flatMap((piece) => [piece.text, ...getSynonyms(piece.text)])
  return { groups, highlightTerms: highlightTermsOf(groups, synonymPhrases) }
}

/** the plan without synonyms: the words as the reader typed them (typo corrections are added later, to the full plan) */
export const literalPlan = (plan: QueryPlan): QueryPlan => ({
  ...plan,
  groups: plan.groups.map((group) => ({ ...group, alternatives: group.alternatives.slice(0, 1) })),
})

/** normalised, spaces and punctuation dropped: what "holding the query as written" compares */
export const compactText = (text: string): string => normalizeText(text).replace(/[^\p{L}\p{N}]/gu, '')
