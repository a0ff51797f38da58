import { describe, expect, it } from 'vitest'

import { SLOT_MINUTES, slotRange } from './slots'

const at = (time: string) => new Date(`2026-12-05T${time}:00Z`)
const overlaps = (a: number[], b: number[]) => a.some((slot) => b.includes(slot))

describe('slotRange', () => {
  it('covers the session and half the travel time on each side, ascending', () => {
    const slots = slotRange(at('09:00'), at('11:00'), 60)
    expect(slots.length).toBe((120 + 60) / SLOT_MINUTES)
    expect(slots).toEqual([...slots].sort((a, b) => a - b))
    expect(slots[0]! * SLOT_MINUTES * 60_000).toBe(at('08:30').getTime())
  })

  it('two sessions closer than the travel time share a slot; the travel time apart they do not', () => {
    const morning = slotRange(at('09:00'), at('11:00'), 60)
    expect(overlaps(morning, slotRange(at('11:45'), at('12:30'), 60))).toBe(true)
    expect(overlaps(morning, slotRange(at('12:00'), at('13:00'), 60))).toBe(false)
  })

  it('rounds odd times outwards, so a session never holds less than its time', () => {
    const slots = slotRange(at('09:05'), at('09:20'), 0)
    expect(slots[0]! * SLOT_MINUTES * 60_000).toBeLessThanOrEqual(at('09:05').getTime())
    expect((slots.at(-1)! + 1) * SLOT_MINUTES * 60_000).toBeGreaterThanOrEqual(at('09:20').getTime())
  })
})
