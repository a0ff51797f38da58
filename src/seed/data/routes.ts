import type { Audience, OwnedSeed } from './types'

export type StopSeed = { site: string; topic: string; speaker?: string; lecturer?: string; minutes: number }

export type RouteSeed = OwnedSeed & { title: string; summary: string; audiences: Audience[]; stops: StopSeed[] }

/** 行走的党课: the walking routes the reports name, stops in walking order (`site` is a field-site title). */
export const FIELD_ROUTES: RouteSeed[] = [
  {
    title: '“打卡初心路、建功新时代”现场教育',
    summary: '沿焦裕禄故乡的红色资源和乡村振兴示范点行走，采取现场教学、院落座谈、现身说法等方式。',
    audiences: ['rural', 'applicants'],
    stops: [
      { site: '焦裕禄纪念馆（故居）', topic: '焦裕禄的故事：从这里走上革命道路', speaker: '纪念馆讲解员', minutes: 60 },
      { site: '岱北村文化礼堂', topic: '院落座谈：身边榜样讲初心故事', lecturer: '许茂孝', minutes: 45 },
      { site: '源泉镇乡村振兴馆', topic: '乡村振兴与发展壮大村集体经济', minutes: 30 },
      { site: '源泉镇猕猴桃基地', topic: '猕猴桃种植实用技术', lecturer: '源泉镇党员教育技能讲师组', minutes: 40 },
    ],
    jurisdiction: '源泉镇',
    visibility: 'local',
    by: 'organizer.boshan@demo.commons',
    themes: ['党性教育', '红色文化', '乡村振兴'],
  },
  {
    title: '源泉镇特色产业现场教学线',
    summary: '把课堂搬到田间地头，实地传授创新创业实践经验，着力提升党员致富带富能力。',
    audiences: ['rural'],
    stops: [
      { site: '卧牛山田园综合体', topic: '田园综合体的创业实践', lecturer: '亓庆良', minutes: 50 },
      { site: '长寿山医养产业园', topic: '医养产业与乡村振兴', minutes: 40 },
    ],
    jurisdiction: '源泉镇',
    visibility: 'local',
    by: 'organizer.boshan@demo.commons',
    themes: ['乡村振兴'],
  },
  {
    title: '重走東征路',
    summary: '依托紅軍東征遺址等紅色資源打造的黨性教育體驗課程，在情景化、沉浸式互動教學中傳承紅色基因。',
    audiences: ['rural', 'party_workers'],
    stops: [
      { site: '孔河沟村党员教育示范基地', topic: '“紅色烽火”展廳', speaker: '基地講解員', minutes: 40 },
      { site: '初心公园', topic: '廉政宣誓廣場與黨性體驗長廊', minutes: 30 },
      { site: '红军东征遗址', topic: '重走東征路：紅軍東征的故事', minutes: 90 },
    ],
    jurisdiction: '天池店乡',
    visibility: 'local',
    by: 'organizer.tianchidian@demo.commons',
    themes: ['党史学习', '红色文化', '廉政教育'],
  },
  {
    title: '“三扛”斗爭精神教育',
    summary: '精品教學路線之一：圍繞渤海軍區教導旅的先進事跡，讓黨員在沉浸式學習體驗中感悟“敢扛硬扛能扛”。',
    audiences: ['government', 'rural'],
    stops: [
      { site: '宁津县委党校', topic: '“三扛”斗爭精神專題導學', lecturer: '宁津县本土明星师资', minutes: 45 },
      { site: '渤海军区教导旅西进史诗展', topic: '渤海軍區教導旅西進史詩', speaker: '展館講解員', minutes: 60 },
      { site: '宁津五金机械产业园', topic: '用身邊案例闡釋黨的創新理論', minutes: 40 },
    ],
    jurisdiction: '宁津县',
    visibility: 'public',
    by: 'organizer.ningjin@demo.commons',
    themes: ['党史学习', '红色文化'],
  },
  {
    title: '黨性政德教育',
    summary: '精品教學路線之一，“課堂+基地”教學模式，課堂延伸進田間地頭、進企業車間（草稿：站點待定）。',
    audiences: ['government'],
    stops: [
      { site: '宁津县委党校', topic: '黨性政德專題課', minutes: 60 },
      { site: '宁津家具制造产业车间', topic: '企業車間裡的崗位建功', minutes: 40 },
      { site: '柴胡店镇“田间课堂”', topic: '田間課堂：產業幫扶', minutes: 45 },
    ],
    jurisdiction: '宁津县',
    visibility: 'local',
    by: 'organizer.ningjin@demo.commons',
    draft: true,
    themes: ['党性教育', '廉政教育'],
  },
  {
    title: '红色经典路线',
    summary: '“行走的党课”之一：以建国社区“红色观影”、国防教育一条街、禁毒教育基地等为讲解点，带领党员赓续红色血脉。',
    audiences: ['community', 'youth'],
    stops: [
      { site: '麻山街道党校“源课堂”', topic: '开班导学：坚定制度自信与文化自信', minutes: 30 },
      { site: '建国社区“红色观影”讲解点', topic: '红色观影', minutes: 60 },
      { site: '麻山国防教育一条街', topic: '国防教育', minutes: 30 },
      { site: '麻山区禁毒教育基地', topic: '禁毒教育', minutes: 30 },
    ],
    jurisdiction: '麻山区',
    visibility: 'public',
    by: 'organizer.mashan@demo.commons',
    themes: ['红色文化', '党性教育'],
  },
  {
    title: '科技赋能路线',
    summary: '“行走的党课”之一：以参观贝特瑞石墨展厅为主体，感受科技经济发展的新变化。',
    audiences: ['government', 'new_orgs'],
    stops: [
      { site: '麻山街道党校“源课堂”', topic: '科技创新与高质量发展', minutes: 30 },
      { site: '贝特瑞石墨展厅', topic: '参观石墨产业与新材料', speaker: '展厅讲解员', minutes: 60 },
    ],
    jurisdiction: '麻山区',
    visibility: 'shared',
    by: 'organizer.mashan@demo.commons',
    themes: ['技能素养'],
  },
  {
    title: '“银龄说课”路线',
    summary: '以辖区老党员老干部为讲师，带领党员聆听身边榜样故事，感悟榜样力量。',
    audiences: ['community', 'youth', 'elderly'],
    stops: [
      { site: '老教师邹本祯家（银龄课堂）', topic: '听入党初心', lecturer: '邹本祯', minutes: 40 },
      { site: '老干部林万生家（银龄课堂）', topic: '麻山抗联英雄事迹', lecturer: '林万生', minutes: 40 },
      { site: '麻山国防教育一条街', topic: '边走边听：麻山的沿革故事', lecturer: '王建忠', minutes: 30 },
    ],
    jurisdiction: '建国社区',
    visibility: 'local',
    by: 'organizer.mashan@demo.commons',
    themes: ['党史学习', '党性教育'],
  },
]
