import { describe, expect, it } from 'vitest'

import type { JurisdictionStats } from './figures'

import { statsCharts } from './charts'

const stats: JurisdictionStats = {
  forksCounted: false,
  from: '2026-11',
  jurisdiction: { id: 1, name: '宁津县' },
  lecturerLoad: [{ id: '1', name: '张讲师', sessions: 3 }],
  months: [
    { attendance: 55, contributed: 2, coveredUnits: 1, lecturers: 1, month: '2026-11', ratings: 2, reuses: 1, satisfaction: 4.5, sessions: 3 },
    { attendance: 0, contributed: 0, coveredUnits: 0, lecturers: 0, month: '2026-12', ratings: 0, reuses: 0, satisfaction: null, sessions: 0 },
  ],
  to: '2026-12',
  totals: { attendance: 55, contributed: 2, coveredUnits: 1, lecturers: 1, ratings: 2, reusedItems: 1, reuses: 1, satisfaction: 4.5, sessions: 3, units: 4 },
}

describe('statistics charts', () => {
  it('are SVG drawn on the server, with the months, the series names and no script', () => {
    const charts = statsCharts(stats)
    expect(charts.map((chart) => chart.title)).toEqual(['培训场次与参训人次', '资源贡献与被引用', '满意度与覆盖', '讲师授课负荷（场次，前 15 位）'])
    for (const chart of charts) {
      expect(chart.svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/)
      expect(chart.svg).not.toMatch(/<script/i)
    }
    expect(charts[0]!.svg).toContain('2026-11')
    expect(charts[0]!.svg).toContain('参训人次')
    expect(charts[3]!.svg).toContain('张讲师')
  })
})
