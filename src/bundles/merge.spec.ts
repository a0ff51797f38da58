import { describe, expect, it } from 'vitest'

import { type ItemRow, mergeItemLists, upstreamChanges } from './merge'

/** `L1` is lesson 1, `V2` video 2 … */
const rows = (list: string): ItemRow[] =>
  list
    .split(' ')
    .filter(Boolean)
    .map((code) => ({ relationTo: code[0] === 'L' ? 'lessons' : 'videos', value: Number(code.slice(1)) }))
const codes = (list: ItemRow[]): string => list.map((row) => `${row.relationTo === 'lessons' ? 'L' : 'V'}${row.value}`).join(' ')
const merge = (base: string, upstream: string, local: string) => mergeItemLists({ base: rows(base), local: rows(local), upstream: rows(upstream) })

describe('mergeItemLists (three-way, the snapshot as base)', () => {
  it('changes nothing when neither side changed', () => {
    const result = merge('L1 L2 L3', 'L1 L2 L3', 'L1 L2 L3')
    expect(codes(result.rows)).toBe('L1 L2 L3')
    expect(result).toMatchObject({ added: [], removed: [], reordered: false })
  })

  it('takes the upstream list when only the upstream changed', () => {
    expect(codes(merge('L1 L2 L3', 'L3 L1 V9', 'L1 L2 L3').rows)).toBe('L3 L1 V9')
  })

  it('keeps the fork when only the fork changed', () => {
    expect(codes(merge('L1 L2 L3', 'L1 L2 L3', 'V7 L3 L1').rows)).toBe('V7 L3 L1')
  })

  it('adds upstream additions after their upstream predecessor, keeping the local order and local additions', () => {
    const result = merge('L1 L2 L3', 'L1 V5 L2 L3 V6', 'L2 L1 V7 L3')
    expect(codes(result.rows)).toBe('L2 L1 V5 V7 L3 V6')
    expect(codes(result.added)).toBe('V5 V6')
    expect(result.reordered).toBe(false)
  })

  it('applies an upstream removal, and keeps a local removal removed', () => {
    const result = merge('L1 L2 L3 L4', 'L1 L3 L4', 'L1 L2 L3')
    expect(codes(result.rows)).toBe('L1 L3')
    expect(codes(result.removed)).toBe('L2')
  })

  it('applies an upstream reorder and keeps local additions after their local predecessor', () => {
    const result = merge('L1 L2 L3', 'L3 L2 L1', 'L1 V8 L2 L3')
    expect(codes(result.rows)).toBe('L3 L2 L1 V8')
    expect(result.reordered).toBe(true)
  })

  it('a local addition at the start stays at the start under an upstream reorder', () => {
    expect(codes(merge('L1 L2', 'L2 L1', 'V8 L1 L2').rows)).toBe('V8 L2 L1')
  })

  it('an item added on both sides appears once', () => {
    const result = merge('L1', 'L1 V5', 'L1 V5')
    expect(codes(result.rows)).toBe('L1 V5')
    expect(result.added).toEqual([])
  })

  it('does not bring back an item the fork removed while the upstream still lists it', () => {
    expect(codes(merge('L1 L2', 'L1 L2', 'L1').rows)).toBe('L1')
  })

  it('an item removed on both sides stays removed', () => {
    expect(codes(merge('L1 L2', 'L1', 'L1').rows)).toBe('L1')
  })

  it('keeps an item listed twice as two rows', () => {
    expect(codes(merge('L1 L1', 'L1 L1 L2', 'L1 L1').rows)).toBe('L1 L1 L2')
  })

  it('row fields: local edits win, otherwise upstream edits come in', () => {
    const base: ItemRow[] = [
      { minutes: 30, note: 'a', relationTo: 'lessons', value: 1 },
      { minutes: 45, note: null, relationTo: 'lessons', value: 2 },
    ]
    const upstream: ItemRow[] = [
      { minutes: 40, note: 'a2', relationTo: 'lessons', value: 1 },
      { minutes: 60, note: 'up', relationTo: 'lessons', value: 2 },
    ]
    const local: ItemRow[] = [
      { minutes: 30, note: 'mine', relationTo: 'lessons', value: 1 },
      { minutes: 45, note: null, relationTo: 'lessons', value: 2 },
    ]
    expect(mergeItemLists({ base, local, upstream }).rows).toEqual([
      { minutes: 40, note: 'mine', relationTo: 'lessons', value: 1 },
      { minutes: 60, note: 'up', relationTo: 'lessons', value: 2 },
    ])
  })

  it('with an empty base, upstream items without a predecessor go first, in their order', () => {
    expect(codes(merge('', 'L1 L2', 'V3').rows)).toBe('L1 L2 V3')
  })
})

describe('upstreamChanges', () => {
  it('reports nothing for the same list', () => {
    expect(upstreamChanges(rows('L1 L2'), rows('L1 L2')).changed).toBe(false)
  })
  it('reports additions, removals and a reorder', () => {
    const changes = upstreamChanges(rows('L1 L2 L3'), rows('L3 L1 V4'))
    expect(codes(changes.added)).toBe('V4')
    expect(codes(changes.removed)).toBe('L2')
    expect(changes.reordered).toBe(true)
    expect(changes.changed).toBe(true)
  })
  it('reports a changed note as a change', () => {
    expect(upstreamChanges([{ note: 'a', relationTo: 'lessons', value: 1 }], [{ note: 'b', relationTo: 'lessons', value: 1 }]).changed).toBe(true)
  })
})
