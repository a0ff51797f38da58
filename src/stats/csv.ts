import type { Payload, Where } from 'payload'

import { stringify } from 'csv-stringify/sync'

import type { TrainingSession } from '@/payload-types'

import { pathSegment } from '@/access/jurisdictionScope'
import { termWord } from '@/fields/terms'
import { SESSION_KINDS } from '@/records/terms'
import { localDate, localTime, monthSpan } from '@/utilities/localTime'

import type { JurisdictionStats } from './figures'

import { MONTH_COLUMNS } from './columns'

const BOM = '\uFEFF'
const PAGE = 200
const encoder = new TextEncoder()

/** A cell a spreadsheet would run as a formula (=, +, -, @) is kept as text. */
const cell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value)
  return /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text
}

/** CSV lines for Chinese Excel: CRLF, every cell quoted where needed (csv-stringify). */
const lines = (rows: unknown[][]): string => stringify(rows.map((row) => row.map(cell)), { record_delimiter: 'windows' })

/** Streams UTF-8 text with a BOM first (Excel reads UTF-8 only then), one chunk per `next()` until it gives null. */
export const csvResponse = (filename: string, next: () => Promise<null | string>): Response => {
  let started = false
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const text = await next()
      if (text === null) return controller.close()
      controller.enqueue(encoder.encode(started ? text : BOM + text))
      started = true
    },
  })
  return new Response(body, {
    headers: {
      'Cache-Control': 'private, no-store',
      'Content-Disposition': `attachment; filename="stats.csv"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Content-Type': 'text/csv; charset=utf-8',
    },
  })
}

/** The monthly figures as CSV. */
export const monthsCsv = (stats: JurisdictionStats): Response => {
  let done = false
  return csvResponse(`${stats.jurisdiction.name}-统计-${stats.from}-${stats.to}.csv`, async () => {
    if (done) return null
    done = true
    return lines([MONTH_COLUMNS.map((column) => column.zh), ...stats.months.map((month) => MONTH_COLUMNS.map((column) => month[column.key]))])
  })
}

const SESSION_HEADER = ['日期', '时间', '单位', '培训名称', '类型', '讲师', '地点', '参训人数', '评价人数', '平均满意度']

const sessionRow = (session: TrainingSession): unknown[] => {
  const names = (list: unknown[] | null | undefined, key: 'name' | 'title') =>
    (list ?? []).map((entry) => (typeof entry === 'object' && entry ? (entry as Record<string, string>)[key] : '')).filter(Boolean).join('、')
  const unit = session.jurisdiction as { name?: string } | number
  const site = session.fieldSite as { title?: string } | null | number | undefined
  return [
    localDate(session.startsAt!),
    `${localTime(session.startsAt!)}${session.endsAt ? `–${localTime(session.endsAt)}` : ''}`,
    typeof unit === 'object' ? unit.name : '',
    session.title,
    termWord(SESSION_KINDS, session.kind),
    names(session.lecturers, 'name'),
    (typeof site === 'object' && site?.title) || session.placeText || '',
    session.attendance?.count ?? 0,
    session.ratingCount ?? 0,
    session.ratingAverage ?? '',
  ]
}

/** Every session of the subtree in the period, a page of the database at a time: no row cap, never all in memory. */
export const sessionsCsv = (payload: Payload, jurisdiction: { id: number | string; name: string }, from: string, to: string): Response => {
  const where: Where = {
    and: [
      { jurisdictionPath: { contains: pathSegment(jurisdiction.id) } },
      { startsAt: { greater_than_equal: monthSpan(from).start.toISOString() } },
      { startsAt: { less_than: monthSpan(to).end.toISOString() } },
    ],
  }
  let page = 0
  let more = true
  return csvResponse(`${jurisdiction.name}-培训记录-${from}-${to}.csv`, async () => {
    if (!more) return null
    page += 1
    const found = await payload.find({
      collection: 'training-sessions',
      depth: 1,
      limit: PAGE,
      page,
      populate: { 'field-sites': { title: true }, jurisdictions: { name: true }, lecturers: { name: true } },
      select: { attendance: { count: true }, endsAt: true, fieldSite: true, jurisdiction: true, kind: true, lecturers: true, placeText: true, ratingAverage: true, ratingCount: true, startsAt: true, title: true },
      sort: ['startsAt', 'id'],
      where,
    })
    more = found.hasNextPage
    const rows = found.docs.map((doc) => sessionRow(doc as TrainingSession))
    return lines(page === 1 ? [SESSION_HEADER, ...rows] : rows)
  })
}
