import { describe, expect, it } from 'vitest'

import { getVisibilityScope } from '@/access/visibilityScope'

import { buildMeiliFilter, filterClauses, geoRadiusFilter, quoteFilterValue, scopeFilter } from './filters'

describe('Meilisearch filters', () => {
  it('quotes and escapes values so they cannot close the string', () => {
    expect(quoteFilterValue('党性教育')).toBe('"党性教育"')
    expect(quoteFilterValue('a" OR visibility = "local')).toBe('"a\\" OR visibility = \\"local"')
    expect(quoteFilterValue('back\\slash')).toBe('"back\\\\slash"')
  })

  it('lets admins see everything and anonymous readers only public items', () => {
    expect(scopeFilter(getVisibilityScope({ id: 1, role: 'admin' }))).toBeNull()
    expect(scopeFilter(getVisibilityScope(null))).toBe('visibility IN ["public"]')
  })

  it('gives members their own line and subtree for local items', () => {
    expect(scopeFilter(getVisibilityScope({ id: 2, jurisdictionPath: '/1/5/9/', role: 'member' }))).toBe(
      '(visibility IN ["public", "shared"] OR (visibility = "local" AND (jurisdictionId IN ["1", "5", "9"] OR jurisdictionAncestors = "9")))',
    )
  })

  it('matches nothing when a scope allows nothing', () => {
    expect(scopeFilter({ kind: 'restricted', localOwnerIds: [], localSubtreeRootId: null, visibilities: [] })).toBe(
      'visibility = "__none__"',
    )
  })

  it('builds one clause per typed filter', () => {
    expect(
      filterClauses({
        audiences: ['农村党员'],
        featured: true,
        formats: ['讲授式'],
        jurisdictionId: '5',
        kinds: ['lesson', 'video'],
        themes: ['党史学习'],
        visibility: ['shared'],
        year: { max: 2023, min: 2021 },
      }),
    ).toEqual([
      'kind IN ["lesson", "video"]',
      'themes IN ["党史学习"]',
      'audiences IN ["农村党员"]',
      'formats IN ["讲授式"]',
      'visibility IN ["shared"]',
      'jurisdictionAncestors = "5"',
      'year >= 2021',
      'year <= 2023',
      'featured = true',
    ])
    expect(filterClauses({ year: 2020 })).toEqual(['year = 2020'])
    expect(filterClauses({})).toEqual([])
  })

  it('refuses numbers that are not numbers', () => {
    expect(() => filterClauses({ year: Number.NaN })).toThrow(TypeError)
    expect(() => geoRadiusFilter({ lat: Number.POSITIVE_INFINITY, lng: 1, radiusKm: 1 })).toThrow(TypeError)
    expect(geoRadiusFilter({ lat: 36.4, lng: 117.9, radiusKm: 1.5 })).toBe('_geoRadius(36.4, 117.9, 1500)')
  })

  it('ANDs scope, filters and radius', () => {
    expect(
      buildMeiliFilter({ filters: { kinds: ['field-site'] }, near: { lat: 1, lng: 2, radiusKm: 3 }, scope: getVisibilityScope(null) }),
    ).toBe('(visibility IN ["public"]) AND (kind IN ["field-site"]) AND (_geoRadius(1, 2, 3000))')
    expect(buildMeiliFilter({ scope: { kind: 'everything' } })).toBeUndefined()
  })
})
