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
/** '2026-12': the month of a moment in the library's time zone. */
export const localMonth = (value: Date | string): string => localDate(value).slice(0, 7)

export const MONTH_SHAPE = /^\d{4}-(0[1-9]|1[0-2])$/

/** The month after '2026-12': '2027-01'. */
export const nextMonth = (month: string): string => {
  const [year, number] = month.split('-').map(Number) as [number, number]
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`
}

/** Every month from `from` to `to`, both included. */
export const monthsBetween = (from: string, to: string): string[] => {
  const months: string[] = []
  for (let month = from; month <= to; month = nextMonth(month)) months.push(month)
  return months
}

/** The moment a local day ('2026-12-01') begins in the library's time zone. */
export const localDayStart = (day: string): Date => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  const guess = Date.UTC(year, month - 1, date)
  const shown = parts(new Date(guess))
  const offset = Date.UTC(Number(shown.year), Number(shown.month) - 1, Number(shown.day), Number(shown.hour), Number(shown.minute)) - guess
  return new Date(guess - offset)
}

/** The moments a local month begins and the next begins: [start, end). */
export const monthSpan = (month: string): { end: Date; start: Date } => ({
  end: localDayStart(`${nextMonth(month)}-01`),
  start: localDayStart(`${month}-01`),
})
