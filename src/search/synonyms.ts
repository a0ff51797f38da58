/**
 * Words readers use for the same thing. Each group is symmetric: a query for any member finds the others.
 * Written in Simplified; both engines normalise queries before looking them up.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['两新组织', '非公企业和社会组织'],
  ['微党课', '微型党课'],
  ['讲师', '师资'],
  ['本土教材', '乡土教材'],
]

/** the other members of the group `word` belongs to (empty when it has no synonyms) */
export const getSynonyms = (word: string): string[] =>
  SYNONYM_GROUPS.filter((group) => group.includes(word)).flatMap((group) => group.filter((member) => member !== word))

/** Meilisearch's `synonyms` setting: every member maps to every other member */
export const toSynonymMap = (): Record<string, string[]> =>
  Object.fromEntries(SYNONYM_GROUPS.flatMap((group) => group.map((word) => [word, getSynonyms(word)])))
