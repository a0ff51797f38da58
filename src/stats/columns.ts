import type { MonthFigures } from './figures'

/** The monthly figures' columns, in the order the page's table, the charts and the CSV show them. */
export const MONTH_COLUMNS: ReadonlyArray<{ key: keyof MonthFigures; zh: string; en: string }> = [
  { en: 'Month', key: 'month', zh: '月份' },
  { en: 'Items contributed', key: 'contributed', zh: '贡献资源' },
  { en: 'Reused by others', key: 'reuses', zh: '被其他辖区引用' },
  { en: 'Sessions held', key: 'sessions', zh: '开展培训（场）' },
  { en: 'Members trained (person-times)', key: 'attendance', zh: '参训人次' },
  { en: 'Villages/communities covered', key: 'coveredUnits', zh: '覆盖村/社区' },
  { en: 'Ratings', key: 'ratings', zh: '评价人数' },
  { en: 'Average satisfaction (1–5)', key: 'satisfaction', zh: '平均满意度（1–5）' },
  { en: 'Lecturers teaching', key: 'lecturers', zh: '授课讲师（人）' },
]
