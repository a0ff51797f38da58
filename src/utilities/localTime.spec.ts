import { describe, expect, it } from 'vitest'

import { localDate, localSpan } from './localTime'

describe('local time', () => {
  it('writes dates in China time by default', () => {
    expect(localDate('2026-12-18T23:30:00.000Z')).toBe('2026-12-19')
    expect(localSpan('2026-12-18T02:00:00.000Z', '2026-12-18T04:00:00.000Z')).toBe('2026-12-18 10:00–12:00')
  })
})
