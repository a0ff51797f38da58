import { describe, expect, it } from 'vitest'

import { localDate, localMonth, localSpan, monthsBetween, monthSpan, nextMonth } from './localTime'

describe('local time', () => {
  it('writes dates in China time by default', () => {
    expect(localDate('2026-12-18T23:30:00.000Z')).toBe('2026-12-19')
    expect(localSpan('2026-12-18T02:00:00.000Z', '2026-12-18T04:00:00.000Z')).toBe('2026-12-18 10:00–12:00')
  })

  it('puts a moment in its China-time month, and a month begins at local midnight', () => {
    expect(localMonth('2026-01-31T16:30:00.000Z')).toBe('2026-02')
    expect(monthSpan('2026-02')).toEqual({ end: new Date('2026-02-28T16:00:00.000Z'), start: new Date('2026-01-31T16:00:00.000Z') })
    expect(nextMonth('2026-12')).toBe('2027-01')
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02'])
  })
})
