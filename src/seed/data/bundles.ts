import type { Bundle } from '@/payload-types'

import type { Audience, OwnedSeed } from './types'

type ItemCollection = NonNullable<Bundle['items']>[number]['item']['relationTo']

export type BundleItemSeed = { collection: ItemCollection; title: string; minutes?: number; note?: string }

export type BundleSeed = Omit<OwnedSeed, 'themes'> & {
  title: string
  kind: Bundle['kind']
  theme: string
  targetMonth?: string
  /** a menu's ordering period, YYYY-MM-DD */
  orderableFrom?: string
  orderableUntil?: string
  description: string
  audiences: Audience[]
  items: BundleItemSeed[]
}

export const BUNDLES: BundleSeed[] = [
  {
    title: '“月訓”2025年2月：新春第一課',
    kind: 'monthly',
    theme: '政治理论',
    targetMonth: '2025-02',
    description: '每月一培訓，每月一主題：新春第一課與“三扛”斗爭精神。',
    audiences: ['government', 'branch_secretaries'],
    items: [
      { collection: 'lessons', title: '新春第一課：踐行為民宗旨 做新時代合格的黨員干部' },
      { collection: 'lessons', title: '“敢扛硬扛能扛”的“三扛”斗爭精神' },
      { collection: 'field-routes', title: '“三扛”斗爭精神教育', note: '半天現場教學' },
    ],
    jurisdiction: '宁津县',
    visibility: 'public',
    by: 'organizer.ningjin@demo.commons',
  },
  {
    title: '“月訓”2025年3月：身邊案例',
    kind: 'monthly',
    theme: '乡村振兴',
    targetMonth: '2025-03',
    description: '“分專題、小班額、精準化”：用五金機械和家具製造的身邊案例學理論。',
    audiences: ['new_orgs'],
    items: [
      { collection: 'lessons', title: '用身邊案例闡釋黨的創新理論' },
      { collection: 'videos', title: '渤海軍區教導旅西進史詩' },
      { collection: 'courseware', title: '“三扛”斗爭精神講稿', minutes: 20, note: '課前自學' },
    ],
    jurisdiction: '宁津县',
    visibility: 'local',
    by: 'organizer.ningjin@demo.commons',
  },
  {
    title: '焦裕禄精神“1+N”月训（2023年7月）',
    kind: 'monthly',
    theme: '党性教育',
    targetMonth: '2023-07',
    description: '“1”套特色精品课程：专题课、本土教材、音像资料和情景党课。',
    audiences: ['rural', 'applicants'],
    items: [
      { collection: 'lessons', title: '从这里走上革命道路的焦裕禄' },
      { collection: 'textbooks', title: '焦裕禄的80则贴心话', minutes: 30, note: '课后自学' },
      { collection: 'videos', title: '永远的焦裕禄' },
      { collection: 'lessons', title: '《焦裕禄》系列情景党课' },
    ],
    jurisdiction: '博山区',
    visibility: 'shared',
    by: 'organizer.boshan@demo.commons',
  },
  {
    title: '菜单点课：麻山区街道党校课程“套餐”',
    kind: 'menu',
    theme: '基层治理',
    description: '按“缺什么补什么”“需要什么就教什么”，区分机关、社区、新兴领域党员，个性化定制课程培训“套餐”。',
    audiences: ['community', 'government', 'elderly'],
    items: [
      { collection: 'lessons', title: '“37℃圆桌课堂”' },
      { collection: 'lessons', title: '基层党组织“领头雁”党务工作集训营' },
      { collection: 'lessons', title: '“银龄课堂”上门送学' },
      { collection: 'field-routes', title: '红色经典路线' },
      { collection: 'videos', title: '线上录制课：麻山的沿革故事' },
      { collection: 'courseware', title: '“37℃圆桌课堂”课件', minutes: 15 },
    ],
    orderableFrom: '2026-06-01',
    orderableUntil: '2027-01-31',
    jurisdiction: '麻山区',
    visibility: 'shared',
    by: 'organizer.mashan@demo.commons',
  },
  {
    title: '“月訓”2026年12月：學習焦裕祿精神',
    kind: 'monthly',
    theme: '党性教育',
    targetMonth: '2026-12',
    description: '一月一訓：借用博山區的焦裕祿精神課程和影片，結合“三扛”斗爭精神開展本月專題培訓。',
    audiences: ['rural', 'branch_secretaries'],
    items: [
      { collection: 'lessons', title: '从这里走上革命道路的焦裕禄', note: '博山區課程' },
      { collection: 'videos', title: '永远的焦裕禄' },
      { collection: 'lessons', title: '“敢扛硬扛能扛”的“三扛”斗爭精神' },
    ],
    jurisdiction: '宁津县',
    visibility: 'public',
    by: 'organizer.ningjin@demo.commons',
  },
  {
    title: '“6大主題課+N個特色課”菜單',
    kind: 'menu',
    theme: '党建实务',
    description: '聚焦政治理論、黨建實務、基層治理、技能素養等重點的教學內容體系（草稿）。',
    audiences: ['community', 'gig_workers'],
    items: [
      { collection: 'lessons', title: '“新新之火”微黨課' },
      { collection: 'videos', title: '“書記龍門陣”主題壩壩會' },
      { collection: 'textbooks', title: '非公企業黨建工作培訓讀本', minutes: 60 },
    ],
    jurisdiction: '成都市',
    visibility: 'shared',
    by: 'organizer.chengdu@demo.commons',
    draft: true,
  },
]
