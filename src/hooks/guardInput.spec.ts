import { describe, expect, it } from 'vitest'

import { findNulCharacter, isWellFormedId } from './guardInput'

describe('isWellFormedId', () => {
  it('takes positive integers on SQLite and 24 hex digits on MongoDB, nothing else', () => {
    expect(isWellFormedId('12', 'number')).toBe(true)
    expect(isWellFormedId(12, 'number')).toBe(true)
    for (const id of ['abc', '12abc', '0', '-1', '1.5', '', '507f1f77bcf86cd799439011', Number.NaN]) expect(isWellFormedId(id, 'number'), String(id)).toBe(false)
    expect(isWellFormedId('507f1f77bcf86cd799439011', 'text')).toBe(true)
    for (const id of ['abc', '12', '507f1f77bcf86cd79943901z', 12]) expect(isWellFormedId(id, 'text'), String(id)).toBe(false)
  })
})

describe('findNulCharacter', () => {
  it('names the path of the first string holding a NUL, in nested objects and lists', () => {
    expect(findNulCharacter({ title: 'a\u0000b' })).toBe('title')
    expect(findNulCharacter({ stops: [{ topic: 'ok' }, { topic: 'x\u0000' }] })).toBe('stops.1.topic')
    expect(findNulCharacter({ title: '正常', n: 1, list: ['a', null] })).toBeUndefined()
    expect(findNulCharacter({ bytes: new Uint8Array(4) })).toBeUndefined()
  })
})
