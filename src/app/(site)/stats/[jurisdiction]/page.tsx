import type { Metadata } from 'next'

import { notFound, redirect } from 'next/navigation'

import { getPrefs } from '@/site/prefs'
import { getReader, getSitePayload } from '@/site/session'
import { mayReadStats, readPeriod } from '@/stats/access'
import { statsCharts } from '@/stats/charts'
import { MONTH_COLUMNS } from '@/stats/columns'
import { jurisdictionStats } from '@/stats/figures'
import { FORKS_NOTE, STATS_DEFINITIONS } from '@/stats/words'
import { isIdShaped } from '@/utilities/relationId'

type Props = { params: Promise<{ jurisdiction: string }>; searchParams: Promise<{ from?: string; to?: string }> }

export const metadata: Metadata = { robots: { index: false }, title: '培训统计' }

const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 1000) / 10}%` : '—')

/** 培训统计: the figures of a jurisdiction's subtree, for its organizers and those above (others get a 404). */
export default async function StatsPage({ params, searchParams }: Props) {
  const { jurisdiction: id } = await params
  const query = await searchParams
  const reader = await getReader()
  if (!reader) redirect(`/signin?back=${encodeURIComponent(`/stats/${id}`)}`)
  const payload = await getSitePayload()
  const jurisdiction = isIdShaped(payload, id) ? await payload.findByID({ id, collection: 'jurisdictions', depth: 0, disableErrors: true }) : null
  if (!jurisdiction || !mayReadStats(reader, jurisdiction)) notFound()
  const { convert } = await getPrefs()
  let period: { from: string; to: string }
  try {
    period = readPeriod(query)
  } catch (error) {
    return <p className="notice">{(error as Error).message}</p>
  }
  const stats = await jurisdictionStats(payload, jurisdiction.id, period.from, period.to)
  const { totals } = stats
  const range = `from=${period.from}&to=${period.to}`
  return (
    <article className="stats">
      <h1>{convert(`${jurisdiction.name} 培训统计`)}</h1>
      <form className="search-form" method="get">
        <div className="field">
          <label htmlFor="from">{convert('起始月份')}</label>
          <input defaultValue={period.from} id="from" name="from" type="month" />
        </div>
        <div className="field">
          <label htmlFor="to">{convert('截止月份')}</label>
          <input defaultValue={period.to} id="to" name="to" type="month" />
        </div>
        <button type="submit">{convert('统计')}</button>
      </form>
      <dl className="facts">
        <dt>{convert('开展培训')}</dt>
        <dd>{convert(`${totals.sessions} 场`)}</dd>
        <dt>{convert('参训人次')}</dt>
        <dd>{totals.attendance}</dd>
        <dt>{convert('覆盖率')}</dt>
        <dd>{convert(`${percent(totals.coveredUnits, totals.units)}（${totals.coveredUnits} / ${totals.units} 个村/社区）`)}</dd>
        <dt>{convert('平均满意度')}</dt>
        <dd>{totals.satisfaction === null ? '—' : convert(`${totals.satisfaction} 分（${totals.ratings} 人评价）`)}</dd>
        <dt>{convert('贡献资源')}</dt>
        <dd>{totals.contributed}</dd>
        <dt>{convert('被其他辖区引用')}</dt>
        <dd>{convert(`${totals.reuses} 次（${totals.reusedItems} 项资源）`)}</dd>
        <dt>{convert('授课讲师')}</dt>
        <dd>{convert(`${totals.lecturers} 人`)}</dd>
      </dl>
      <p>
        <a className="button secondary" download href={`/api/jurisdictions/${jurisdiction.id}/stats.csv?${range}`}>
          {convert('导出按月统计（CSV）')}
        </a>{' '}
        <a className="button secondary" download href={`/api/jurisdictions/${jurisdiction.id}/sessions.csv?${range}`}>
          {convert('导出培训记录明细（CSV）')}
        </a>
      </p>
      {statsCharts(stats).map((chart) => (
        <figure className="chart" key={chart.title}>
          <figcaption>{convert(chart.title)}</figcaption>
          {/* the same figures are in the tables below; the picture is for sighted readers */}
          <div aria-hidden="true" dangerouslySetInnerHTML={{ __html: chart.svg }} />
        </figure>
      ))}
      <h2>{convert('按月统计')}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              {MONTH_COLUMNS.map((column) => (
                <th key={column.key} scope="col">
                  {convert(column.zh)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {stats.months.map((month) => (
              <tr key={month.month}>
                {MONTH_COLUMNS.map((column, index) =>
                  index === 0 ? (
                    <th key={column.key} scope="row">
                      {month.month}
                    </th>
                  ) : (
                    <td key={column.key}>{month[column.key] ?? '—'}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{convert('讲师授课负荷')}</h2>
      {stats.lecturerLoad.length === 0 ? (
        <p className="muted">{convert('期内没有记录讲师的培训。')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{convert('讲师')}</th>
              <th scope="col">{convert('授课场次')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.lecturerLoad.map((row) => (
              <tr key={row.id}>
                <th scope="row">{convert(row.name)}</th>
                <td>{row.sessions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{convert('口径说明')}</h2>
      <dl className="facts">
        {STATS_DEFINITIONS.map(([term, meaning]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt>{convert(term)}</dt>
            <dd>{convert(meaning)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{convert(stats.forksCounted ? FORKS_NOTE.counted : FORKS_NOTE.missing)}</p>
    </article>
  )
}
