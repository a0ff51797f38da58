import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Payload } from 'payload'

import { handleEndpoints } from 'payload'

import { startPayload } from '../helpers/payload'

let payload: Payload
let stop: () => Promise<void>

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
})
afterAll(async () => stop?.())

describe('boot', () => {
  it('creates a jurisdiction tree with ancestor paths', async () => {
    const city = await payload.create({ collection: 'jurisdictions', data: { level: 'city', name: '成都市' } })
    const district = await payload.create({
      collection: 'jurisdictions',
      data: { level: 'county', name: '武侯区', parent: city.id },
    })
    expect(city.ancestorPath).toBe('/')
    expect(district.ancestorPath).toBe(`/${city.id}/`)
  })
})

describe('first start in production', () => {
  it('the account created on the admin’s first-user screen becomes the admin', async () => {
    const [root] = (await payload.find({ collection: 'jurisdictions', limit: 1 })).docs
    const request = new Request('http://localhost:3000/api/users/first-register', {
      body: JSON.stringify({ email: 'first@test.local', jurisdiction: root!.id, name: '首位管理员', password: 'first-pass-1', role: 'member' }),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    const response = await handleEndpoints({ config: payload.config, request })
    expect(response.status).toBe(200)
    const [user] = (await payload.find({ collection: 'users', where: { email: { equals: 'first@test.local' } } })).docs
    expect(user!.role).toBe('admin')

    const second = await handleEndpoints({ config: payload.config, request: new Request(request.url, {
      body: JSON.stringify({ email: 'second@test.local', jurisdiction: root!.id, name: 'x', password: 'second-pass-1' }),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    }) })
    expect(second.status).toBe(403)
  })
})
