/** Dates people read (titles, messages) are written in the library's time zone: `COMMONS_TIME_ZONE`, default Asia/Shanghai. */
const timeZone = (): string => process.env.COMMONS_TIME_ZONE || 'Asia/Shanghai'

const parts = (value: Date | string): Record<string, string> =>
  Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { day: '2-digit', hour: '2-digit', hourCycle: 'h23', minute: '2-digit', month: '2-digit', timeZone: timeZone(), year: 'numeric' })
      .formatToParts(new Date(value))
      .map((part) => [part.type, part.value]),
  )

/** '2026-12-18' */
export const localDate = (value: Date | string): string => {
  const { day, month, year } = parts(value)
  return `${year}-${month}-${day}`
}

/** '10:00' */
export const localTime = (value: Date | string): string => {
  const { hour, minute } = parts(value)
  return `${hour}:${minute}`
}

/** '2026-12-18 10:00–12:00' (the end's date is left out) */
export const localSpan = (start: Date | string, end?: Date | string | null): string =>
  `${localDate(start)} ${localTime(start)}${end ? `–${localTime(end)}` : ''}`

/** '2026年12月18日 10:00', the way Chinese readers write a moment */
export const chineseDateTime = (value: Date | string): string => {
  const { day, hour, minute, month, year } = parts(value)
  return `${year}年${Number(month)}月${Number(day)}日 ${hour}:${minute}`
}
