import { describe, expect, it } from 'vitest'

import { rankSuggestions, type Suggestion } from './suggest'

const lecturer = (name: string, overrides: Partial<Suggestion>): Suggestion => ({
  available: true,
  distanceKm: null,
  id: name,
  name,
  sessionsThisMonth: 0,
  topicMatch: 0,
  ...overrides,
})

describe('rankSuggestions', () => {
  it('free first, then more shared themes, then fewer sessions this month, then nearer (unknown distance last)', () => {
    const ranked = rankSuggestions([
      lecturer('busy expert', { available: false, topicMatch: 3 }),
      lecturer('far', { distanceKm: 40, topicMatch: 1 }),
      lecturer('unknown place', { topicMatch: 1 }),
      lecturer('near', { distanceKm: 2, topicMatch: 1 }),
      lecturer('loaded', { distanceKm: 1, sessionsThisMonth: 4, topicMatch: 1 }),
      lecturer('on topic', { topicMatch: 2 }),
    ])
    expect(ranked.map((entry) => entry.name)).toEqual(['on topic', 'near', 'far', 'unknown place', 'loaded', 'busy expert'])
  })
})
