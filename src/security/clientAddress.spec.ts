import { describe, expect, it } from 'vitest'

import { clientAddress } from './clientAddress'

const headers = (forwardedFor?: string) => new Headers(forwardedFor === undefined ? {} : { 'X-Forwarded-For': forwardedFor })

describe('clientAddress', () => {
  it('no header (the Local API, server-side calls): no address', () => {
    expect(clientAddress(headers(), 0)).toBeNull()
    expect(clientAddress(headers(' , '), 1)).toBeNull()
  })

  it('without trusted proxies: the rightmost entry, the one Next.js fills from the socket', () => {
    expect(clientAddress(headers('192.0.2.10'), 0)).toBe('192.0.2.10')
  })

  it('behind proxies: the entry that many hops from the right; what the client wrote further left is ignored', () => {
    expect(clientAddress(headers('6.6.6.6, 192.0.2.10'), 1)).toBe('192.0.2.10')
    expect(clientAddress(headers('6.6.6.6, 192.0.2.10, 10.0.0.2'), 2)).toBe('192.0.2.10')
    expect(clientAddress(headers('192.0.2.10'), 3)).toBe('192.0.2.10')
  })
})
