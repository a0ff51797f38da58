/**
 * The three-way merge of a fork's item list (pure, no I/O). `base` is the upstream list as it was copied (the fork's
 * snapshot), `upstream` the upstream list now, `local` the fork's list now. Upstream additions, removals and
 * reorders are applied; local additions and local removals are kept.
 */

/** One row of a bundle's item list, as stored: the item, and the row's own minutes and note. */
export type ItemRow = { minutes?: null | number; note?: null | string; relationTo: string; value: number | string }

export type MergeResult = {
  /** rows of the upstream that came in */
  added: ItemRow[]
  /** rows of the fork that went because the upstream removed them */
  removed: ItemRow[]
  /** whether the upstream's order was applied */
  reordered: boolean
  rows: ItemRow[]
}

export const itemKey = (row: Pick<ItemRow, 'relationTo' | 'value'>): string => `${row.relationTo}:${row.value}`

/** Keys that stay unique when an item is listed twice: the second is `lessons:4#2`. */
const keyed = (rows: ItemRow[]): Map<string, ItemRow> => {
  const seen = new Map<string, number>()
  const map = new Map<string, ItemRow>()
  for (const row of rows) {
    const key = itemKey(row)
    const count = (seen.get(key) ?? 0) + 1
    seen.set(key, count)
    map.set(count === 1 ? key : `${key}#${count}`, row)
  }
  return map
}

/** Do the keys both lists hold come in the same order in each? */
const sameRelativeOrder = (a: string[], b: string[]): boolean => {
  const inB = new Set(b)
  const inA = new Set(a)
  const left = a.filter((key) => inB.has(key))
  const right = b.filter((key) => inA.has(key))
  return left.every((key, index) => key === right[index])
}

/** Places each insert after its nearest predecessor (in the list it came from) that is already placed, else first. */
const insertAfterPredecessors = (skeleton: string[], inserts: Set<string>, source: string[]): string[] => {
  const result = [...skeleton]
  source.forEach((key, index) => {
    if (!inserts.has(key)) return
    const predecessor = source
      .slice(0, index)
      .reverse()
      .find((before) => result.includes(before))
    result.splice(predecessor === undefined ? 0 : result.indexOf(predecessor) + 1, 0, key)
  })
  return result
}

/** A row's own fields: the fork's where the fork changed them since the copy, else the upstream's. */
const mergeRow = (base: ItemRow | undefined, upstream: ItemRow | undefined, local: ItemRow | undefined): ItemRow => {
  if (!local) return upstream!
  if (!upstream) return local
  const pick = <K extends 'minutes' | 'note'>(field: K) => ((local[field] ?? null) !== (base?.[field] ?? null) ? local[field] : upstream[field])
  return { ...local, minutes: pick('minutes'), note: pick('note') }
}

export const mergeItemLists = ({ base, local, upstream }: { base: ItemRow[]; local: ItemRow[]; upstream: ItemRow[] }): MergeResult => {
  const [B, U, L] = [keyed(base), keyed(upstream), keyed(local)]
  const keeps = (key: string): boolean => (L.has(key) ? !(B.has(key) && !U.has(key)) : U.has(key) && !B.has(key))
  const [baseKeys, upstreamKeys, localKeys] = [[...B.keys()], [...U.keys()], [...L.keys()]]
  const reordered = !sameRelativeOrder(baseKeys, upstreamKeys)
  // the upstream's reorder wins; without one the fork keeps its own order and takes the upstream's additions in place
  const [skeletonFrom, insertsFrom] = reordered ? [upstreamKeys, localKeys] : [localKeys, upstreamKeys]
  const skeleton = skeletonFrom.filter(keeps)
  const placed = new Set(skeleton)
  const order = insertAfterPredecessors(skeleton, new Set(insertsFrom.filter((key) => keeps(key) && !placed.has(key))), insertsFrom)
  return {
    added: upstreamKeys.filter((key) => !L.has(key) && keeps(key)).map((key) => U.get(key)!),
    removed: localKeys.filter((key) => !keeps(key)).map((key) => L.get(key)!),
    reordered,
    rows: order.map((key) => mergeRow(B.get(key), U.get(key), L.get(key))),
  }
}

/** What changed upstream since the copy, for the "upstream has changes" notice. */
export const upstreamChanges = (base: ItemRow[], upstream: ItemRow[]) => {
  const [B, U] = [keyed(base), keyed(upstream)]
  const added = [...U.keys()].filter((key) => !B.has(key)).map((key) => U.get(key)!)
  const removed = [...B.keys()].filter((key) => !U.has(key)).map((key) => B.get(key)!)
  const reordered = !sameRelativeOrder([...B.keys()], [...U.keys()])
  const edited = [...U.keys()].filter((key) => {
    const before = B.get(key)
    const now = U.get(key)!
    return before && ((before.minutes ?? null) !== (now.minutes ?? null) || (before.note ?? null) !== (now.note ?? null))
  }).length
  return { added, changed: added.length + removed.length + edited > 0 || reordered, edited, removed, reordered }
}
