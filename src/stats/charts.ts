import * as echarts from 'echarts'

import type { JurisdictionStats } from './figures'

export type Chart = { title: string; svg: string }

const WIDTH = 720
const HEIGHT = 320
const COLORS = ['#b4261a', '#d98c1f', '#2f6f9f', '#4b8a3c']

/** One chart drawn on the server as an SVG string (ECharts SSR: no DOM, no client script). */
const render = (option: echarts.EChartsCoreOption, height = HEIGHT): string => {
  const chart = echarts.init(null, null, { height, renderer: 'svg', ssr: true, width: WIDTH })
  try {
    chart.setOption({ animation: false, color: COLORS, textStyle: { fontFamily: 'sans-serif', fontSize: 13 }, ...option })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

const monthAxis = (stats: JurisdictionStats) => ({ axisLabel: { hideOverlap: true }, data: stats.months.map((month) => month.month), type: 'category' })
const grid = { bottom: 40, containLabel: true, left: 16, right: 24, top: 48 }
const legend = { top: 8 }

/**
 * The statistics page's charts, each with the same figures as the page's tables (the tables are what screen
 * readers and copy-paste use; the SVGs are `aria-hidden` there).
 */
export const statsCharts = (stats: JurisdictionStats): Chart[] => {
  const charts: Chart[] = [
    {
      svg: render({
        grid,
        legend,
        series: [
          { data: stats.months.map((month) => month.sessions), name: '开展培训（场）', type: 'bar' },
          { data: stats.months.map((month) => month.attendance), name: '参训人次', type: 'line', yAxisIndex: 1 },
        ],
        xAxis: monthAxis(stats),
        yAxis: [{ minInterval: 1, name: '场', type: 'value' }, { minInterval: 1, name: '人次', type: 'value' }],
      }),
      title: '培训场次与参训人次',
    },
    {
      svg: render({
        grid,
        legend,
        series: [
          { data: stats.months.map((month) => month.contributed), name: '贡献资源', type: 'bar' },
          { data: stats.months.map((month) => month.reuses), name: '被其他辖区引用', type: 'bar' },
        ],
        xAxis: monthAxis(stats),
        yAxis: { minInterval: 1, type: 'value' },
      }),
      title: '资源贡献与被引用',
    },
    {
      svg: render({
        grid,
        legend,
        series: [
          { connectNulls: false, data: stats.months.map((month) => month.satisfaction), name: '平均满意度', type: 'line' },
          { data: stats.months.map((month) => month.coveredUnits), name: '覆盖村/社区', type: 'bar', yAxisIndex: 1 },
        ],
        xAxis: monthAxis(stats),
        yAxis: [{ max: 5, min: 0, name: '分', type: 'value' }, { max: Math.max(stats.totals.units, 1), minInterval: 1, name: '个', type: 'value' }],
      }),
      title: '满意度与覆盖',
    },
  ]
  const load = stats.lecturerLoad.slice(0, 15)
  if (load.length > 0) {
    charts.push({
      svg: render(
        {
          grid: { ...grid, top: 16 },
          series: [{ data: load.map((row) => row.sessions).reverse(), label: { position: 'right', show: true }, name: '授课场次', type: 'bar' }],
          xAxis: { minInterval: 1, type: 'value' },
          yAxis: { data: load.map((row) => row.name).reverse(), type: 'category' },
        },
        Math.max(160, 40 + load.length * 28),
      ),
      title: '讲师授课负荷（场次，前 15 位）',
    })
  }
  return charts
}
