import { describe, expect, it } from 'vitest'

import { haversineKm, pathLengthKm } from './geo'

describe('haversineKm', () => {
  it('measures Beijing to Shanghai at about 1,067 km', () => {
    expect(haversineKm({ lat: 39.9042, lng: 116.4074 }, { lat: 31.2304, lng: 121.4737 })).toBeCloseTo(1067, -1)
  })
  it('is zero for the same point and symmetric', () => {
    const a = { lat: 36.48, lng: 117.85 }
    const b = { lat: 36.5, lng: 117.9 }
    expect(haversineKm(a, a)).toBe(0)
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 10)
  })
})

describe('pathLengthKm', () => {
  it('adds consecutive legs in order, so a reorder changes the length', () => {
    const a = { lat: 0, lng: 0 }
    const b = { lat: 0, lng: 1 }
    const c = { lat: 0, lng: 2 }
    expect(pathLengthKm([a, b, c])).toBeCloseTo(2 * haversineKm(a, b), 6)
    expect(pathLengthKm([a, c, b])).toBeCloseTo(3 * haversineKm(a, b), 6)
    expect(pathLengthKm([a])).toBe(0)
  })
})
