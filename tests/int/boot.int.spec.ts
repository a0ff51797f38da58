import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Payload } from 'payload'

import { startPayload } from '../helpers/payload'

let payload: Payload
let stop: () => Promise<void>

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
})
afterAll(async () => stop?.())

describe('boot', () => {
  it('creates a jurisdiction tree with ancestor paths', async () => {
    const city = await payload.create({ collection: 'jurisdictions', data: { level: '市', name: '成都市' } })
    const district = await payload.create({
      collection: 'jurisdictions',
      data: { level: '区/县', name: '武侯区', parent: city.id },
    })
    expect(city.ancestorPath).toBe('/')
    expect(district.ancestorPath).toBe(`/${city.id}/`)
  })
})
