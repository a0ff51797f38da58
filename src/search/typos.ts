/**
 * Typo tolerance for the embedded engine, where it makes sense: Latin words (PowerPoint, pptx, app names)
 * that the index does not hold, matched to indexed words a letter or two away, with Meilisearch's default
 * rules: one typo from 5 letters, two from 9, a swapped pair counts as one, and the first letter is kept
 * (it narrows the words to compare, and people rarely miss it). Chinese words get none: a wrong character
 * is another word, and the character-pair fallback already finds near misses.
 */
import levenshtein from 'damerau-levenshtein'

import type { QueryPlan } from './queryPlan'

const LATIN_WORD = /^[a-z][a-z0-9]*$/

/** how many typos a query word may carry */
export const allowedTypos = (word: string): number => {
  if (!LATIN_WORD.test(word)) return 0
  return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0
}

/** at most this many corrections per word, the closest first */
const MAX_CORRECTIONS = 10

/**
 * The indexed `terms` within the word's allowed typos; a word typed as a prefix (the last one, while
 * typing) also matches the start of a longer term.
 */
export const closeTerms = (word: string, terms: Iterable<string>, prefix: boolean): string[] => {
  const typos = allowedTypos(word)
  if (!typos) return []
  const found: Array<{ steps: number; term: string }> = []
  for (const term of terms) {
    if (term === word || term[0] !== word[0]) continue
    const whole = Math.abs(term.length - word.length) <= typos ? levenshtein(word, term).steps : Infinity
    const start = prefix && term.length > word.length ? levenshtein(word, term.slice(0, word.length)).steps : Infinity
    const steps = Math.min(whole, start)
    if (steps <= typos) found.push({ steps, term })
  }
  return found
    .sort((a, b) => a.steps - b.steps || a.term.length - b.term.length)
    .slice(0, MAX_CORRECTIONS)
    .map(({ term }) => term)
}

/**
 * The plan with each single-word alternative's corrections as further alternatives (and highlights);
 * `correctionsOf` returns [] for a word the index holds.
 */
export const withTypoAlternatives = (plan: QueryPlan, correctionsOf: (word: string, prefix: boolean) => string[]): QueryPlan => {
  const added: string[] = []
  const groups = plan.groups.map((group) => {
    const corrections = group.alternatives.flatMap((words) => (words.length === 1 ? correctionsOf(words[0]!, group.prefix) : []))
    if (!corrections.length) return group
    added.push(...corrections)
    return { ...group, alternatives: [...group.alternatives, ...corrections.map((term) => [term])] }
  })
  if (!added.length) return plan
  return { groups, highlightTerms: [...new Set([...plan.highlightTerms, ...added])].sort((a, b) => b.length - a.length) }
}
