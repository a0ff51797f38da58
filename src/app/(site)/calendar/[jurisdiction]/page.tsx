import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import type { CalendarEntry } from '@/calendar/entries'

import { jurisdictionCalendar, monthPeriod } from '@/calendar/entries'
import { getPrefs } from '@/site/prefs'
import { getReader, getSitePayload } from '@/site/session'
import { localDate, localMonth, localTime, MONTH_SHAPE, nextMonth } from '@/utilities/localTime'
import { isIdShaped } from '@/utilities/relationId'

type Props = { params: Promise<{ jurisdiction: string }>; searchParams: Promise<{ month?: string }> }

export const metadata: Metadata = { title: '月训日历' }

const KIND_WORDS: Record<CalendarEntry['kind'], string> = { bundle: '课程包', request: '点单', session: '培训' }

const previousMonth = (month: string): string => {
  const [year, number] = month.split('-').map(Number) as [number, number]
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`
}

const monthWords = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`

/**
 * 月训日历: a month of a jurisdiction's subtree. Anyone sees its public 月训 bundles and menus; a signed-in reader
 * also sees the sessions and booked orders they may read (organizers: their subtree; lecturers: their own).
 */
export default async function CalendarPage({ params, searchParams }: Props) {
  const { jurisdiction: id } = await params
  const { month: asked } = await searchParams
  const payload = await getSitePayload()
  const jurisdiction = isIdShaped(payload, id) ? await payload.findByID({ id, collection: 'jurisdictions', depth: 0, disableErrors: true }) : null
  if (!jurisdiction) notFound()
  const month = asked && MONTH_SHAPE.test(asked) ? asked : localMonth(new Date())
  const reader = await getReader()
  const { convert } = await getPrefs()
  const entries = await jurisdictionCalendar(payload, jurisdiction.id, monthPeriod(month), { user: reader })
  const bundles = entries.filter((entry) => entry.allDay)
  const days = new Map<string, CalendarEntry[]>()
  for (const entry of entries.filter((candidate) => !candidate.allDay)) {
    const day = localDate(entry.start)
    days.set(day, [...(days.get(day) ?? []), entry])
  }
  const feed = `/api/jurisdictions/${jurisdiction.id}/calendar.ics`
  return (
    <article>
      <h1>{convert(`${jurisdiction.name} 月训日历 · ${monthWords(month)}`)}</h1>
      <nav aria-label={convert('翻月')} className="pager">
        <a href={`?month=${previousMonth(month)}`}>{convert(`← ${monthWords(previousMonth(month))}`)}</a>
        <a href={`?month=${nextMonth(month)}`}>{convert(`${monthWords(nextMonth(month))} →`)}</a>
      </nav>
      <h2>{convert('本月课程包与菜单')}</h2>
      {bundles.length === 0 ? (
        <p className="muted">{convert('本月没有可见的月训课程包或菜单。')}</p>
      ) : (
        <ul className="hits">
          {bundles.map((entry) => (
            <li className="hit" key={entry.uid}>
              <a className="hit-title" href={entry.path}>
                {convert(entry.title)}
              </a>
              <div className="meta">{convert(`${localDate(entry.start)} 至 ${localDate(new Date(entry.end.getTime() - 1))}`)}</div>
            </li>
          ))}
        </ul>
      )}
      <h2>{convert('培训与点单安排')}</h2>
      {reader ? null : <p className="muted">{convert('登录后可看到您有权查看的培训记录和已派单、已接单的课程申请。')}</p>}
      {days.size === 0 ? (
        <p className="muted">{convert('本月没有可见的培训安排。')}</p>
      ) : (
        <ol className="calendar-days">
          {[...days].map(([day, list]) => (
            <li key={day}>
              <h3>
                <time dateTime={day}>{convert(`${Number(day.slice(5, 7))}月${Number(day.slice(8))}日`)}</time>
              </h3>
              <ul className="hits">
                {list.map((entry) => (
                  <li className="hit" key={entry.uid}>
                    <span className="badge">{convert(KIND_WORDS[entry.kind])}</span>
                    <strong>{convert(entry.title)}</strong>
                    <div className="meta">
                      {[`${localTime(entry.start)}–${localTime(entry.end)}`, entry.place, entry.note].filter(Boolean).map((part) => convert(String(part))).join(' · ')}
                    </div>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      <h2>{convert('订阅')}</h2>
      <p>
        <a href={feed}>{convert('订阅本辖区公开月训日历（.ics）')}</a>
        <span className="muted"> {convert('：只含公开的月训课程包和菜单，可加入手机或电脑日历。')}</span>
      </p>
      {reader ? (
        <p>
          <a href="/admin/collections/calendar-feeds/create">{convert('生成我的授课日历订阅地址')}</a>
          <span className="muted"> {convert('：您授课的培训和接单的课程申请，地址即凭证，可随时删除撤销。')}</span>
        </p>
      ) : null}
    </article>
  )
}
