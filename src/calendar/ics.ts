import type { EventAttributes } from 'ics'

import { createEvents } from 'ics'

import type { CalendarEntry } from './entries'

/** The domain part of every UID: stable, so a calendar app updates an event instead of adding a copy. */
const UID_DOMAIN = 'kejian.commons'

/** A whole-day date as ics writes it, [year, month, day], read in the library's time zone. */
const dayOf = (moment: Date): [number, number, number] => {
  const text = new Intl.DateTimeFormat('en-CA', { timeZone: process.env.COMMONS_TIME_ZONE || 'Asia/Shanghai' }).format(moment)
  const [year, month, day] = text.split('-').map(Number) as [number, number, number]
  return [year, month, day]
}

const toEvent = (entry: CalendarEntry, siteUrl: string): EventAttributes => {
  // Timed events are written in UTC (…Z): an exact moment every app shows in its own zone. Whole days are the
  // library's local dates (Asia/Shanghai), as the organizers plan them.
  const when = entry.allDay
    ? { end: dayOf(entry.end), start: dayOf(entry.start) }
    : { end: entry.end.getTime(), endInputType: 'utc', endOutputType: 'utc', start: entry.start.getTime(), startInputType: 'utc', startOutputType: 'utc' }
  return {
    ...(when as Pick<EventAttributes, 'start'> & { end: EventAttributes['start'] }),
    busyStatus: entry.allDay ? 'FREE' : 'BUSY',
    categories: [entry.kind],
    description: entry.note,
    location: entry.place,
    status: entry.tentative ? 'TENTATIVE' : 'CONFIRMED',
    title: entry.title,
    uid: `${entry.uid}@${UID_DOMAIN}`,
    url: entry.path && siteUrl ? `${siteUrl}${entry.path}` : undefined,
  }
}

/** RFC 5545 text for the entries; `ics` folds long lines and escapes commas, semicolons and newlines. */
export const toICalendar = (entries: CalendarEntry[], name: string, siteUrl: string): string => {
  if (entries.length === 0) {
    // ics refuses an empty list; an empty calendar is still a valid answer for a feed.
    return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Courseware Commons//calendar//ZH', 'CALSCALE:GREGORIAN', `X-WR-CALNAME:${escapeText(name)}`, 'X-WR-TIMEZONE:Asia/Shanghai', 'END:VCALENDAR', ''].join('\r\n')
  }
  const { error, value } = createEvents(entries.map((entry) => toEvent(entry, siteUrl)), { calName: name, productId: '-//Courseware Commons//calendar//ZH' })
  if (error || !value) throw error ?? new Error('ics produced nothing')
  return value.replace('\r\nBEGIN:VEVENT', '\r\nX-WR-TIMEZONE:Asia/Shanghai\r\nBEGIN:VEVENT')
}

const escapeText = (text: string): string => text.replace(/[\\;,]/g, (match) => `\\${match}`).replace(/\r?\n/g, '\\n')
