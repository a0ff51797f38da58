import { describe, expect, it } from 'vitest'

import { seedModeFor } from './seedOnFirstStart'

describe('seedModeFor', () => {
  it('demo accounts only while developing or when asked for', () => {
    expect(seedModeFor({ NODE_ENV: 'development' })).toBe('demo')
    expect(seedModeFor({ NODE_ENV: 'production' })).toBe('root')
    expect(seedModeFor({ COMMONS_SEED_ON_START: 'demo', NODE_ENV: 'production' })).toBe('demo')
    expect(seedModeFor({ COMMONS_SEED_ON_START: 'false', NODE_ENV: 'development' })).toBe('root')
    expect(seedModeFor({ COMMONS_SEED_ON_START: 'none' })).toBe('none')
  })
})
