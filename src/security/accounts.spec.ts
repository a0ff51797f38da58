import { describe, expect, it } from 'vitest'

import { managesAccount } from './accounts'

// 省 1 > 市 2 > 区 3 > 镇 4; an organizer of the district.
const organizer = { id: 'o', jurisdictionPath: '/1/2/3/', role: 'organizer' }
const at = (role: string, jurisdictionPath: string, id = 't') => ({ id, jurisdictionPath, role })

describe('managesAccount', () => {
  it('admins manage every account; members and instructors none', () => {
    expect(managesAccount({ id: 'a', jurisdictionPath: '/1/', role: 'admin' }, at('admin', '/1/'))).toBe(true)
    expect(managesAccount({ id: 'i', jurisdictionPath: '/1/2/3/', role: 'instructor' }, at('member', '/1/2/3/4/'))).toBe(false)
    expect(managesAccount(null, at('member', '/1/2/3/4/'))).toBe(false)
  })

  it('organizers: members and instructors of their subtree, organizers strictly below', () => {
    expect(managesAccount(organizer, at('member', '/1/2/3/'))).toBe(true)
    expect(managesAccount(organizer, at('instructor', '/1/2/3/4/'))).toBe(true)
    expect(managesAccount(organizer, at('organizer', '/1/2/3/4/'))).toBe(true)
  })

  it('organizers: never admins, peers, themselves or anyone outside their subtree', () => {
    expect(managesAccount(organizer, at('admin', '/1/2/3/4/'))).toBe(false)
    expect(managesAccount(organizer, at('organizer', '/1/2/3/'))).toBe(false)
    expect(managesAccount(organizer, at('organizer', '/1/2/3/', 'o'))).toBe(false)
    expect(managesAccount(organizer, at('member', '/1/2/'))).toBe(false)
    expect(managesAccount(organizer, at('member', '/1/2/33/'))).toBe(false)
  })
})
