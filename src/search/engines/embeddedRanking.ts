/**
 * The relevance order of the embedded engine (README, Search): each visible match gets a tier, best first:
 *   6 the query as written (either script, spaces and punctuation ignored) in the title
 *   5 … in the text (title, summary, body, file pages), or the query is a whole theme/audience/format tag
 *   4 all typed words close together in the text
 *   3 only as character pairs of the words (the substring fallback); an item holding every pair of the
 *     query as written (禄精 in 焦裕禄精神, which the segmenter cuts 焦裕禄|精神) counts as tier 5
 *   2 all typed words in the text, apart (or a whole tag the query contains, the rest of the query in the text)
 *   1 only with a synonym or a typo correction
 *   0 only with a piece of a tag (党性锻炼 against the tag 党性教育): a match, never a relevant one
 * Tiers are FTS5 lists (phrase, NEAR, AND) probed best first; once the visible rows placed fill the
 * page, the lower tiers cannot reach it and are not read (DESIGN.md §4: reading and ranking every match
 * is what makes the naive query slow). Within a tier, bm25 over the deciding tier's own list when it is short.
 */
import type { QueryPlan } from '../queryPlan'

import { compactText } from '../queryPlan'
import { indexWordText, queryWords } from '../text'
import { type DocColumns } from './embeddedColumns'
import { inText, nearExpression, phraseExpression, quoteTerm, wordsExpression } from './ftsExpression'

export const TIER = { apart: 2, near: 4, pairs: 3, phraseInText: 5, phraseInTitle: 6, synonym: 1, tagPiece: 0 } as const

export type MatchTable = 'titles' | 'words'

export type TierQuery = {
  columns: DocColumns
  /** the FTS5 rowids matching `expression` in `table`, ascending */
  lists: (table: MatchTable, expression: string) => Int32Array
  /** the full plan: synonyms and typo corrections included */
  plan: QueryPlan
  /** the typed words only */
  literal: QueryPlan
  q: string
  /** the visible matches */
  rows: Int32Array
  /** set when the character-pair fallback added rows: the rows the words matched */
  wordRows: null | Set<number>
  /** set with `wordRows`: the rows holding every character pair of the query as written, taken as holding it */
  phrasePairRows: null | Set<number>
  /** rows the page needs (page × perPage) */
  needed: number
  keep: (r: number) => boolean
  /** the normalised title and text of a few rows (for `classifyFew`) */
  texts: (rowids: number[]) => Map<number, string>
}

export type Tiers = {
  /** one tier per entry of `rows` */
  tiers: Uint8Array
  /** the list that decided the page, for bm25 within tiers; null when none did */
  deciding: null | { table: MatchTable; expression: string; size: number }
}

/** the index-time tokens of the query as one run of text, for an FTS5 phrase */
export const phraseTokens = (q: string): string[] =>
  indexWordText(compactText(q))
    .split(' ')
    .filter((token) => /[\p{L}\p{N}]/u.test(token))

type Step = { tier: number; list?: { table: MatchTable; expression: string }; also?: (r: number) => boolean; few?: true }

/**
 * Rows left for the lower tiers at most this many: their texts are read and tested here instead of reading
 * the NEAR and AND lists, which cost 30-70 ms for common words at 100,000 items (a narrow filter with a
 * rare phrase is the usual case)
 */
const FEW_ROWS = 200
/** "close together" for `classifyFew`: every word within this many characters (about FTS5's 10 words) */
const NEAR_CHARS = 24

export const rankTiers = (query: TierQuery): Tiers => {
  const { columns, keep, lists, needed, rows } = query
  const marks = new Uint8Array(columns.maxRowid + 1) // tier + 1; 0: not placed yet
  const tags = new WholeTags(columns, compactText(query.q))
  let placed = 0
  const place = (r: number, tier: number): void => {
    if (marks[r] || !keep(r)) return
    marks[r] = tier + 1
    placed++
  }
  let deciding: Tiers['deciding'] = null
  for (const step of tierSteps(query, tags)) {
    if (step.few) {
      const unplaced = unplacedRows(rows, marks, keep)
      if (unplaced) {
        for (const [r, tier] of classifyFew(query, tags, unplaced)) place(r, tier)
        break
      }
      continue
    }
    if (step.list) {
      const list = lists(step.list.table, step.list.expression)
      for (let index = 0; index < list.length; index++) place(list[index]!, step.tier)
      deciding = { ...step.list, size: list.length }
    }
    if (step.also) for (let index = 0; index < rows.length; index++) if (step.also(rows[index]!)) place(rows[index]!, step.tier)
    if (placed >= needed) break
  }
  const tiers = new Uint8Array(rows.length)
  for (let index = 0; index < rows.length; index++) {
    const r = rows[index]!
    tiers[index] = marks[r] ? marks[r]! - 1 : TIER.tagPiece
  }
  return { deciding, tiers }
}

function* tierSteps(query: TierQuery, tags: WholeTags): Generator<Step> {
  const { literal, plan } = query
  const last = literal.groups.at(-1)
  const prefix = Boolean(last?.prefix)
  const phrase = phraseTokens(query.q)
  if (phrase.length) {
    const expression = phraseExpression(phrase, prefix)
    yield { list: { expression, table: 'titles' }, tier: TIER.phraseInTitle }
    yield { also: (r) => tags.equals(r), list: { expression: inText(expression), table: 'words' }, tier: TIER.phraseInText }
  }
  const { phrasePairRows, wordRows } = query
  if (phrasePairRows) yield { also: (r) => phrasePairRows.has(r), tier: TIER.phraseInText }
  yield { few: true, tier: TIER.near }
  const words = literal.groups.flatMap((group) => group.alternatives[0] ?? [])
  if (words.length > 1) yield { list: { expression: inText(nearExpression(words, prefix)), table: 'words' }, tier: TIER.near }
  if (wordRows) yield { also: (r) => !wordRows.has(r), tier: TIER.pairs }
  const literalExpression = wordsExpression(literal)
  if (literalExpression) yield { list: { expression: inText(literalExpression), table: 'words' }, tier: TIER.apart }
  for (const { rest, valueId } of tags.contained()) {
    const restWords = queryWords(rest)
    if (!restWords.length) continue
    const withRest = new Set(query.lists('words', inText(restWords.map(quoteTerm).join(' AND '))))
    yield { also: (r) => withRest.has(r) && tags.holds(r, valueId), tier: TIER.apart }
  }
  const fullExpression = wordsExpression(plan)
  if (fullExpression !== literalExpression) yield { list: { expression: inText(fullExpression), table: 'words' }, tier: TIER.synonym }
}

const compactValues = new WeakMap<DocColumns, Map<number, string>>()

/**
 * Theme, audience and format tags the query holds whole (equal to the query, or inside it). A tag counts
 * only whole: the query 党史学习 holds the tag 党史学习; the query 党史 or 党性锻炼 holds no tag.
 */
class WholeTags {
  /** value id → the query without the tag ('' when the query is the tag); absent: not held */
  private readonly held = new Map<number, string>()
  private readonly listFlags: Int8Array

  constructor(
    private readonly columns: DocColumns,
    compactQuery: string,
  ) {
    let compact = compactValues.get(columns)
    if (!compact) compactValues.set(columns, (compact = new Map()))
    this.listFlags = new Int8Array(columns.lists.values.length)
    if (!compactQuery) return
    for (const valueIds of columns.lists.extra) {
      for (const valueId of valueIds) {
        if (this.held.has(valueId)) continue
        let value = compact.get(valueId)
        if (value === undefined) compact.set(valueId, (value = compactText(columns.values.values[valueId]!)))
        if (value && compactQuery.includes(value)) this.held.set(valueId, compactQuery.replace(value, ''))
      }
    }
  }

  contained(): Array<{ rest: string; valueId: number }> {
    return [...this.held].filter(([, rest]) => rest).map(([valueId, rest]) => ({ rest, valueId }))
  }

  /** the row has a tag equal to the whole query */
  equals(r: number): boolean {
    if (!this.held.size) return false
    const { audiences, formats, themes } = this.columns
    return this.listEquals(themes[r]!) || this.listEquals(audiences[r]!) || this.listEquals(formats[r]!)
  }

  private listEquals(listId: number): boolean {
    let flag = this.listFlags[listId]
    if (!flag) {
      const valueIds = this.columns.lists.extra[listId]!
      flag = valueIds.some((valueId) => this.held.get(valueId) === '') ? 1 : -1
      this.listFlags[listId] = flag
    }
    return flag === 1
  }

  holds(r: number, valueId: number): boolean {
    const { audiences, formats, lists, themes } = this.columns
    return [themes[r]!, audiences[r]!, formats[r]!].some((listId) => lists.extra[listId]!.includes(valueId))
  }
}

/** the visible rows not placed yet, when there are at most `FEW_ROWS` of them; null otherwise */
const unplacedRows = (rows: Int32Array, marks: Uint8Array, keep: (r: number) => boolean): null | number[] => {
  const unplaced: number[] = []
  for (let index = 0; index < rows.length; index++) {
    const r = rows[index]!
    if (marks[r] || !keep(r)) continue
    if (unplaced.length === FEW_ROWS) return null
    unplaced.push(r)
  }
  return unplaced
}

/** the tiers below the phrase for a few rows, from their texts: the same rules as the lists below `few` */
const classifyFew = (query: TierQuery, tags: WholeTags, rowids: number[]): Array<[number, number]> => {
  const texts = query.texts(rowids)
  const words = query.literal.groups.flatMap((group) => group.alternatives[0] ?? [])
  const alternatives = query.plan.groups.map((group) => group.alternatives)
  const contained = tags.contained().map(({ rest, valueId }) => ({ restWords: queryWords(rest), valueId }))
  return rowids.map((r): [number, number] => {
    const text = texts.get(r) ?? ''
    if (query.wordRows && !query.wordRows.has(r)) return [r, TIER.pairs]
    if (words.length && words.every((word) => text.includes(word))) return [r, words.length > 1 && nearTogether(text, words) ? TIER.near : TIER.apart]
    if (contained.some(({ restWords, valueId }) => restWords.every((word) => text.includes(word)) && tags.holds(r, valueId))) return [r, TIER.apart]
    const bySynonym = alternatives.every((group) => group.some((alternative) => alternative.every((word) => text.includes(word))))
    return [r, bySynonym ? TIER.synonym : TIER.tagPiece]
  })
}

/** one place in `text` where every word starts within `NEAR_CHARS` characters of the first */
const nearTogether = (text: string, words: string[]): boolean => {
  const [first, ...others] = words
  for (let at = text.indexOf(first!); at >= 0; at = text.indexOf(first!, at + 1)) {
    const window = text.slice(Math.max(0, at - NEAR_CHARS), at + NEAR_CHARS + first!.length)
    if (others.every((word) => window.includes(word))) return true
  }
  return false
}
