import type { Video } from '@/payload-types'

import type { Audience, OwnedSeed, RichBlock } from './types'

/** `.invalid` is reserved (RFC 2606): these links mark demo videos and can never reach a real site. */
export const DEMO_VIDEO_HOST = 'https://video.demo.commons.invalid'

export type VideoSeed = OwnedSeed & {
  title: string
  slug: string
  kind: NonNullable<Video['kind']>
  description: string
  durationMinutes?: number
  audiences: Audience[]
  lecturers?: string[]
}

export const VIDEOS: VideoSeed[] = [
  {
    title: '永远的焦裕禄',
    slug: 'yongyuan-de-jiao-yulu',
    kind: 'documentary',
    description: '“1”套特色精品课程配套的5部音像资料之一。',
    durationMinutes: 45,
    audiences: ['rural', 'government'],
    jurisdiction: '博山区',
    visibility: 'public',
    by: 'organizer.boshan@demo.commons',
    themes: ['党性教育', '红色文化'],
  },
  {
    title: '焦裕禄',
    slug: 'jiao-yulu-film',
    kind: 'film',
    description: '电影《焦裕禄》，用于“电影院里学党史”现场教育。',
    audiences: ['rural', 'community', 'youth'],
    jurisdiction: '博山区',
    visibility: 'shared',
    by: 'organizer.boshan@demo.commons',
    themes: ['党史学习'],
  },
  {
    title: '裕禄故乡红色小广播',
    slug: 'yulu-guxiang-xiao-guangbo',
    kind: 'programme',
    description: '源泉镇线上教育矩阵的一部分，发布应知应会内容，推送党的理论方针政策。',
    durationMinutes: 15,
    audiences: ['rural', 'elderly'],
    jurisdiction: '源泉镇',
    visibility: 'local',
    by: 'instructor.yuanquan@demo.commons',
    themes: ['政治理论'],
  },
  {
    title: '“書記龍門陣”主題壩壩會',
    slug: 'shuji-longmenzhen',
    kind: 'programme',
    description: '通過5位優秀鄉鎮黨委書記的分享與討論，打牢鄉村振興基礎；基層黨員通過電視直播觀看。',
    durationMinutes: 50,
    audiences: ['branch_secretaries', 'rural'],
    jurisdiction: '成都市',
    visibility: 'public',
    by: 'organizer.chengdu@demo.commons',
    themes: ['乡村振兴', '基层治理'],
  },
  {
    title: '“黨員開會了”',
    slug: 'dangyuan-kaihui-le',
    kind: 'programme',
    description: '形式新穎的黨員培訓活動，讓黨員教育內容更加入腦入心。',
    durationMinutes: 30,
    audiences: ['community'],
    jurisdiction: '成都市',
    visibility: 'shared',
    by: 'organizer.chengdu@demo.commons',
    themes: ['政治理论'],
  },
  {
    title: '渤海軍區教導旅西進史詩',
    slug: 'bohai-jiaodaolv-xijin',
    kind: 'documentary',
    description: '縣黨員教育電視片製片中心出品，讓黨員“看了有意義，覺得有意思”的精品課程。',
    durationMinutes: 25,
    audiences: ['rural', 'government'],
    jurisdiction: '宁津县',
    visibility: 'shared',
    by: 'organizer.ningjin@demo.commons',
    themes: ['党史学习', '红色文化'],
  },
  {
    title: '线上录制课：麻山的沿革故事',
    slug: 'mashan-yange-gushi',
    kind: 'recorded_lesson',
    description: '针对“老、少、新”特点开发的线上录制课，老党员王建忠讲解麻山的沿革故事。',
    durationMinutes: 20,
    audiences: ['community', 'mobile'],
    lecturers: ['王建忠'],
    jurisdiction: '麻山街道',
    visibility: 'shared',
    by: 'organizer.mashan@demo.commons',
    themes: ['党史学习'],
  },
]

export type CoursewareSeed = OwnedSeed & {
  title: string
  filename: string
  description: string
  /** the lines printed on the generated one-page PDF */
  lines: string[]
  audiences: Audience[]
  lecturers?: string[]
}

/** Courseware needs a file: the seed writes a one-page PDF of these lines (see `pdf.ts`). */
export const COURSEWARE: CoursewareSeed[] = [
  {
    title: '焦裕禄精神的形成及其时代价值（讲稿）',
    filename: 'jiao-yulu-jingshen-jianggao.pdf',
    description: '专题课讲稿（演示文件，一页）。',
    lines: [
      '源泉镇充分发挥作为焦裕禄同志故乡的天然政治优势和红色资源丰富的优势，紧紧抓住“焦裕禄精神”这条主线。',
      '深入挖掘资源内涵，利用本地红色资源，突出特色优势，形成“1+N”特色课程体系。',
    ],
    audiences: ['government', 'party_workers'],
    jurisdiction: '博山区',
    visibility: 'public',
    by: 'organizer.boshan@demo.commons',
    themes: ['党性教育'],
  },
  {
    title: '焦裕禄的80则贴心话（电子版）',
    filename: 'jiao-yulu-80-ze-tiexinhua.pdf',
    description: '本土教材电子版（演示文件，只含编写说明一页）。',
    lines: ['本土教材《焦裕禄的80则贴心话》由源泉镇党委党校与区委党校共享使用。', '本文件为演示数据，仅含编写说明。'],
    audiences: ['rural'],
    jurisdiction: '博山区',
    visibility: 'shared',
    by: 'organizer.boshan@demo.commons',
    themes: ['党性教育', '红色文化'],
  },
  {
    title: '“三扛”斗爭精神講稿',
    filename: 'sankang-douzheng-jingshen.pdf',
    description: '縣級精品課程講稿（演示文件，一頁）。',
    lines: ['圍繞渤海軍區教導旅的先進事跡總結出了“敢扛硬扛能扛”的“三扛”斗爭精神。', '常態化開展“精品課程進基層”活動38場。'],
    audiences: ['government'],
    jurisdiction: '宁津县',
    visibility: 'local',
    by: 'organizer.ningjin@demo.commons',
    themes: ['党史学习'],
    lecturers: ['宁津县本土明星师资'],
  },
  {
    title: '“37℃圆桌课堂”课件',
    filename: '37c-yuanzhuo-ketang.pdf',
    description: '菜单点课课件（演示文件，一页）。',
    lines: ['紧盯辖区党员“老、少、新”特点，开发线上录制课、党员夜校、“37℃圆桌课堂”、错峰送课团等精品课程。'],
    audiences: ['community'],
    jurisdiction: '麻山街道',
    visibility: 'shared',
    by: 'organizer.mashan@demo.commons',
    themes: ['基层治理'],
  },
]

export type TextbookSeed = OwnedSeed & {
  title: string
  summary: string
  publishYear?: number
  editors: Array<{ name: string; role: string }>
  chapters: Array<{ title: string; content: RichBlock[] }>
  audiences: Audience[]
  pdf?: string
}

export const TEXTBOOKS: TextbookSeed[] = [
  {
    title: '焦裕禄的80则贴心话',
    summary: '源泉镇“1+N”特色课程体系中的本土教材，与区委党校共享。',
    editors: [
      { name: '源泉镇党委党校（党员教育中心）', role: '编写' },
      { name: '博山区委党校', role: '共享使用' },
    ],
    chapters: [
      {
        title: '编写说明',
        content: ['突出焦裕禄故乡红色资源优势，与区委党校共享专题课、本土教材和音像资料。', '本演示数据只收录编写说明，不收录原书正文。'],
      },
      {
        title: '使用建议',
        content: ['配合焦裕禄纪念馆（故居）现场教学和《焦裕禄》系列情景党课使用。', '对年老体弱党员，实行“送课上门”。'],
      },
    ],
    audiences: ['rural', 'elderly'],
    pdf: '焦裕禄的80则贴心话（电子版）',
    jurisdiction: '博山区',
    visibility: 'public',
    by: 'organizer.boshan@demo.commons',
    themes: ['党性教育', '红色文化'],
  },
  {
    title: '非公企業黨建工作培訓讀本',
    summary: '既有條例規範解讀，又有具體工作流程，成為非公企業黨建工作者人手一本的“行動指南”。',
    editors: [{ name: '“微黨校”教材課件編寫團隊', role: '編寫' }],
    chapters: [
      { title: '條例規範解讀', content: ['聚焦“黨性教育、業務技能、鄉村振興、基層治理”等編寫實用教材。'] },
      { title: '具體工作流程', content: ['幫助非公企業黨建工作者完善非公企業黨建工作機制。'] },
    ],
    audiences: ['new_orgs', 'party_workers'],
    jurisdiction: '成都市',
    visibility: 'shared',
    by: 'organizer.chengdu@demo.commons',
    themes: ['党建实务'],
  },
  {
    title: '“微黨校”鄉村振興實用教材',
    summary: '“微黨校”教材課件編寫團隊聚焦鄉村振興編寫的實用教材（草稿）。',
    editors: [{ name: '“微黨校”教材課件編寫團隊', role: '編寫' }],
    chapters: [{ title: '田間院落裡的課堂', content: ['結合農時農事、產業發展等實際開課，讓黨員“感興趣、看得懂、學得會、用得上”。'] }],
    audiences: ['rural'],
    jurisdiction: '成都市',
    visibility: 'local',
    by: 'organizer.chengdu@demo.commons',
    draft: true,
    themes: ['乡村振兴'],
  },
]
