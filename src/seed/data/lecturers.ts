import type { Lecturer } from '@/payload-types'

import type { DemoEmail } from './accounts'
import type { OwnedSeed } from './types'

export type LecturerSeed = OwnedSeed & {
  name: string
  kind: Lecturer['kind']
  level?: Lecturer['level']
  title?: string
  topics: string[]
  bio: string
  /** the demo account this lecturer answers dispatches with */
  account?: DemoEmail
}

/** Named people and named teams from the reports; teams stand in where a report gives no names. */
export const LECTURERS: LecturerSeed[] = [
  {
    name: '亓庆良',
    kind: 'model',
    level: 'town',
    title: '全国脱贫攻坚先进个人',
    topics: ['脱贫攻坚', '乡村振兴', '致富带富'],
    bio: '源泉镇专门聘请的先进典型师资，开设“全国脱贫攻坚先进个人亓庆良讲座”，发挥先进典型模范带头作用。',
    jurisdiction: '源泉镇',
    visibility: 'public',
    by: 'organizer.boshan@demo.commons',
    themes: ['乡村振兴', '党性教育'],
  },
  {
    name: '许茂孝',
    kind: 'model',
    level: 'town',
    title: '全省文明村党总支书记、村委会主任',
    topics: ['文明村建设', '村级党组织建设'],
    bio: '源泉镇聘请的先进典型师资，讲述带领全省文明村建设的奋斗经历。',
    jurisdiction: '源泉镇',
    visibility: 'shared',
    by: 'organizer.boshan@demo.commons',
    themes: ['基层治理', '乡村振兴'],
  },
  {
    name: '“裕禄故乡、银发先锋”红色讲师团',
    kind: 'veteran',
    level: 'village',
    title: '源泉镇老党员宣讲团',
    topics: ['党的二十大精神宣讲', '初心使命', '焦裕禄精神'],
    bio: '红色讲师团创立以来，老党员们一直活跃在源泉镇党的二十大精神及各类宣讲活动中，结合自身经历，带领广大党员坚守初心使命。',
    jurisdiction: '源泉镇',
    visibility: 'shared',
    by: 'organizer.boshan@demo.commons',
    themes: ['党史学习', '党性教育'],
  },
  {
    name: '源泉镇党员教育技能讲师组',
    kind: 'local_talent',
    level: 'town',
    title: '机关干部、村干部、实用技术人才、创业能人',
    topics: ['猕猴桃种植', '安全生产', '应急救援'],
    bio: '从本镇优秀机关干部、村干部、实用技术人才、创业能人中选聘，到田间地头、村居户下、企业车间现场讲授专业技术知识。',
    jurisdiction: '源泉镇',
    visibility: 'local',
    by: 'organizer.boshan@demo.commons',
    themes: ['技能素养'],
  },
  {
    name: '王明安',
    kind: 'local_talent',
    level: 'village',
    title: '彭州市隆丰街道九九村党委书记',
    topics: ['水雾栽培种植技术'],
    bio: '九九村的“土专家”，在水雾栽培试点示范基地走到田间地头为学员讲解水雾栽培种植技术。',
    jurisdiction: '九九村',
    visibility: 'local',
    by: 'organizer.chengdu@demo.commons',
    themes: ['技能素养', '乡村振兴'],
  },
  {
    name: '“蓉城先锋·蜀都约课”市级本土讲师团',
    kind: 'school_teacher',
    level: 'city',
    title: '从党校教师、基层党组织书记、先进模范、离退休干部中选聘',
    topics: ['政治理论', '党建实务', '基层治理', '技能素养'],
    bio: '成都市选聘市级本土讲师150名、带动全市选育讲师1000余名，组织开展千名讲师基层巡讲活动，基层“微党校”可在师资共享平台预约。',
    jurisdiction: '成都市',
    visibility: 'public',
    by: 'organizer.chengdu@demo.commons',
    themes: ['政治理论', '党建实务'],
  },
  {
    name: '宁津县本土明星师资',
    kind: 'model',
    level: 'county',
    title: '明星支部书记',
    topics: ['说课交流', '“三扛”斗争精神', '群众工作'],
    bio: '结合明星支部书记培育，常态化开展说课交流，打造既能讲“大道理”、又会说“群众话”的本土明星师资5名。',
    jurisdiction: '宁津县',
    visibility: 'public',
    by: 'organizer.ningjin@demo.commons',
    themes: ['党建实务', '基层治理'],
  },
  {
    name: '邹本祯',
    kind: 'veteran',
    level: 'village',
    title: '老教师',
    topics: ['入党初心'],
    bio: '“银龄说课”路线讲师，学员可以到老教师邹本祯家中听入党初心。',
    jurisdiction: '建国社区',
    visibility: 'local',
    by: 'organizer.mashan@demo.commons',
    themes: ['党性教育'],
  },
  {
    name: '林万生',
    kind: 'veteran',
    level: 'village',
    title: '老干部',
    topics: ['麻山抗联英雄事迹'],
    bio: '“银龄说课”路线讲师，在老干部林万生身边听麻山抗联英雄事迹。',
    jurisdiction: '麻山街道',
    visibility: 'shared',
    account: 'lecturer.mashan@demo.commons',
    by: 'organizer.mashan@demo.commons',
    themes: ['党史学习', '红色文化'],
  },
  {
    name: '王建忠',
    kind: 'veteran',
    level: 'village',
    title: '老党员',
    topics: ['麻山的沿革故事'],
    bio: '“银龄说课”路线讲师，边走边讲解麻山的沿革故事。',
    jurisdiction: '麻山街道',
    visibility: 'local',
    by: 'organizer.mashan@demo.commons',
    themes: ['党史学习'],
  },
  {
    name: '鸡西市委党校特邀教师',
    kind: 'expert',
    level: 'city',
    title: '市委党校教授（特邀教师13人之一）',
    topics: ['习近平新时代中国特色社会主义思想', '党性锻炼'],
    bio: '麻山区采取“三个一批”选师资，从市委党校教授、域外优秀党务骨干、先进模范人物等群体中邀请一批。',
    jurisdiction: '麻山区',
    visibility: 'public',
    by: 'organizer.mashan@demo.commons',
    themes: ['政治理论'],
  },
]
