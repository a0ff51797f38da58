import type { CourseRequest, TrainingSession } from '@/payload-types'

import type { DemoEmail } from './accounts'

/**
 * Organizers' demo work in 2026, shaped on the reports' own figures: 天池店乡's 2024 year (22 专题报告, 527
 * 人次 of rural members), 源泉镇's first half-year (9 sessions, 1,600 members, every village covered), 宁津县's
 * 月训 (一月一训 in 柴胡店镇), 麻山区's 菜单点课 orders and 送学上门 visits, 成都's 蜀都约课 lecturers.
 * Times are China time (+08:00).
 */
export type SessionSeed = {
  title: string
  jurisdiction: string
  kind: NonNullable<TrainingSession['kind']>
  startsAt: string
  minutes: number
  place: string
  attendance: number
  lecturers?: string[]
  /** one-time codes used on the day, one score each */
  scores?: number[]
  by: DemoEmail
}

const day = (month: number, date: number, time = '09:00') => `2026-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}T${time}:00+08:00`
const months = (count: number) => Array.from({ length: count }, (_, index) => index + 1)

/** Spreads a reported total over sessions in proportion to `weights`; the remainder goes to the first ones. */
const spread = (total: number, weights: number[]): number[] => {
  const sum = weights.reduce((all, weight) => all + weight, 0)
  const parts = weights.map((weight) => Math.floor((total * weight) / sum))
  for (let index = 0; parts.reduce((all, part) => all + part, 0) < total; index++) parts[index % parts.length]! += 1
  return parts
}
const share = (total: number, count: number, index: number) => spread(total, Array(count).fill(1))[index]!

/** A few scores per session, from a fixed pattern (no randomness: the seed must be the same every run). */
const SCORE_PATTERN = [5, 5, 4, 5, 3, 5, 4, 4, 5, 5, 4, 5, 3]
const scores = (index: number, count: number) => Array.from({ length: count }, (_, offset) => SCORE_PATTERN[(index * 5 + offset) % SCORE_PATTERN.length]!)

// 天池店乡: 22 专题报告 in the year, 527 人次 in all, more in the slack farming months, held in turn by the 乡
// and by 孔河沟村.
const TIANCHIDIAN_PER_MONTH = [3, 3, 2, 2, 1, 1, 1, 2, 2, 2, 3]
const TIANCHIDIAN_SLOTS = TIANCHIDIAN_PER_MONTH.flatMap((count, month) => Array.from({ length: count }, (_, turn) => ({ month: month + 1, turn: turn + 1 })))
const TIANCHIDIAN_ATTENDANCE = spread(527, TIANCHIDIAN_SLOTS.map((_, index) => 18 + ((index * 7) % 11)))
const TIANCHIDIAN: SessionSeed[] = TIANCHIDIAN_SLOTS.map(({ month, turn }, index) => ({
  attendance: TIANCHIDIAN_ATTENDANCE[index]!,
  by: 'organizer.tianchidian@demo.commons' as const,
  jurisdiction: turn % 2 === 1 ? '天池店乡' : '孔河沟村',
  kind: 'other' as const,
  minutes: 120,
  place: turn % 2 === 1 ? '天池店乡党委党校' : '孔河沟村党员教育示范基地',
  scores: scores(index, 3),
  startsAt: day(month, 4 + turn * 7),
  title: `天池店乡专题报告（2026年${month}月第${turn}场）`,
}))

// 源泉镇: 9 sessions in the first half-year, 1,600 members, in the 镇党校 and both villages.
const YUANQUAN_PLACES = [
  ['源泉镇', '源泉镇党委党校'],
  ['岱北村', '岱北村文化礼堂'],
  ['北崮山村', '焦裕禄纪念馆'],
] as const
const YUANQUAN_LECTURERS = ['亓庆良', '许茂孝', '“裕禄故乡、银发先锋”红色讲师团']
const YUANQUAN: SessionSeed[] = months(9).map((number) => {
  const [jurisdiction, place] = YUANQUAN_PLACES[(number - 1) % 3]!
  return {
    attendance: share(1600, 9, number - 1),
    by: 'organizer.boshan@demo.commons',
    jurisdiction,
    kind: 'monthly',
    lecturers: [YUANQUAN_LECTURERS[(number - 1) % 3]!],
    minutes: 150,
    place,
    scores: scores(number, 4),
    startsAt: day(Math.ceil(number / 1.5), 10 + ((number * 5) % 15), '14:30'),
    title: `源泉镇党员培训（2026年第${number}场）`,
  }
})

// 宁津县: 一月一训, every month a 专题培训 in 柴胡店镇's 镇党校.
const NINGJIN: SessionSeed[] = months(11).map((month) => ({
  attendance: 42 + ((month * 7) % 19),
  by: 'organizer.ningjin@demo.commons',
  jurisdiction: '柴胡店镇',
  kind: 'monthly',
  lecturers: ['宁津县本土明星师资'],
  minutes: 180,
  place: '柴胡店镇党校',
  scores: scores(month, 5),
  startsAt: day(month, 15),
  title: `柴胡店镇“月训”（2026年${month}月）`,
}))

// 麻山区: “银龄课堂” taken to elderly members at home (送学上门), a few members each time.
const MASHAN: SessionSeed[] = [6, 7, 8, 9, 10, 11].map((month, index) => ({
  attendance: 3 + (index % 3),
  by: 'organizer.mashan@demo.commons',
  jurisdiction: '建国社区',
  kind: 'doorstep',
  lecturers: ['邹本祯'],
  minutes: 60,
  place: '建国社区年老体弱党员家中',
  scores: scores(index, 2),
  startsAt: day(month, 8, '15:00'),
  title: `“银龄课堂”送学上门（2026年${month}月）`,
}))

// 成都: 市级本土讲师 booked through 蜀都约课 for 社区“微党校” lessons.
const CHENGDU: SessionSeed[] = [
  ['新峰社区', '新峰社区“微党校”', 9],
  ['九九村', '九九村水雾栽培示范基地', 10],
  ['新峰社区', '新峰社区“微党校”', 11],
].map(([jurisdiction, place, month], index) => ({
  attendance: 32 + index * 4,
  by: 'organizer.chengdu@demo.commons',
  jurisdiction: jurisdiction as string,
  kind: 'other',
  lecturers: ['“蓉城先锋·蜀都约课”市级本土讲师团'],
  minutes: 90,
  place: place as string,
  scores: scores(index, 4),
  startsAt: day(month as number, 12, '19:00'),
  title: `蜀都约课：${jurisdiction}微党课（2026年${month}月）`,
}))

export const TRAINING_SESSIONS: SessionSeed[] = [...TIANCHIDIAN, ...YUANQUAN, ...NINGJIN, ...MASHAN, ...CHENGDU]

/** A 菜单点课 order of 建国社区 from 麻山区's menu, taken as far as `state` through the real moves. */
export type RequestSeed = {
  state: NonNullable<CourseRequest['status']>
  item: string
  startsAt: string
  minutes: number
  headcount: number
  place: string
  /** dispatched to these lecturers (by name) */
  lecturers?: string[]
  reason?: string
  /** for a delivered order: the session recorded, with its attendance and scores */
  delivered?: { attendance: number; scores: number[]; notes: string }
}

export const MENU_ORDERS = {
  by: 'organizer.jianguo@demo.commons',
  dispatcher: 'organizer.mashan@demo.commons',
  menu: '菜单点课：麻山区街道党校课程“套餐”',
  menuOwner: '麻山区',
  unit: '建国社区',
} as const

export const COURSE_REQUESTS: RequestSeed[] = [
  {
    delivered: { attendance: 28, notes: '社区“两委”和网格党支部书记参加，围绕党务工作规范分组研讨。', scores: [5, 5, 4, 5, 4, 5] },
    headcount: 30,
    item: '基层党组织“领头雁”党务工作集训营',
    lecturers: ['林万生'],
    minutes: 120,
    place: '建国社区党群服务中心',
    startsAt: day(11, 20, '14:30'),
    state: 'delivered',
  },
  { headcount: 25, item: '“37℃圆桌课堂”', lecturers: ['林万生'], minutes: 120, place: '建国社区党群服务中心', startsAt: day(12, 10), state: 'accepted' },
  { headcount: 40, item: '“37℃圆桌课堂”', lecturers: ['鸡西市委党校特邀教师'], minutes: 120, place: '建国社区党群服务中心', startsAt: day(12, 22), state: 'dispatched' },
  { headcount: 20, item: '基层党组织“领头雁”党务工作集训营', lecturers: ['王建忠'], minutes: 120, place: '建国社区党群服务中心', reason: '当日带“银龄说课”路线，时间冲突', startsAt: day(12, 15, '14:00'), state: 'declined' },
  { headcount: 12, item: '“银龄课堂”上门送学', minutes: 90, place: '建国社区年老体弱党员家中', startsAt: day(12, 28), state: 'requested' },
  { headcount: 30, item: '“37℃圆桌课堂”', minutes: 120, place: '建国社区党群服务中心', startsAt: day(12, 5), state: 'cancelled' },
]
