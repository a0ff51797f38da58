/**
 * Controlled words from the glossary (DESIGN.md §1). Stored values are stable ASCII codes (GraphQL enum
 * names must be ASCII, and a code does not change with the reader's script); people see and may type the
 * Chinese word. Themes live in their own collection so admins can edit them.
 */
export type Term = { code: string; en: string; zh: string }

const terms = (rows: Array<[code: string, zh: string, en: string]>): readonly Term[] =>
  rows.map(([code, zh, en]) => ({ code, en, zh }))

export const AUDIENCES = terms([
  ['rural', '农村党员', 'Rural members'],
  ['community', '社区党员', 'Community members'],
  ['government', '机关党员', 'Government-office members'],
  ['new_orgs', '两新组织党员', 'Members in private firms and social organisations'],
  ['party_workers', '党务工作者', 'Party affairs workers'],
  ['branch_secretaries', '基层党组织书记', 'Grassroots branch secretaries'],
  ['elderly', '年老体弱党员', 'Elderly and frail members'],
  ['youth', '青年党员', 'Young members'],
  ['gig_workers', '新就业群体党员', 'Members in new forms of employment'],
  ['applicants', '入党积极分子', 'Party applicants'],
  ['mobile', '流动党员', 'Mobile members'],
])

export const FORMATS = terms([
  ['lecture', '讲授式', 'Lecture'],
  ['seminar', '研讨式', 'Seminar'],
  ['interactive', '互动式', 'Interactive'],
  ['observation', '观摩式', 'Observation visit'],
  ['case_study', '案例式', 'Case study'],
  ['scenario', '情景教学', 'Scenario teaching'],
  ['field', '现场教学', 'Field teaching'],
  ['recorded', '线上录制', 'Recorded online'],
  ['doorstep', '送学上门', 'Taught at home'],
])

export const DEFAULT_THEMES = [
  '党性教育',
  '政治理论',
  '党史学习',
  '党建实务',
  '基层治理',
  '乡村振兴',
  '技能素养',
  '廉政教育',
] as const

export const JURISDICTION_LEVELS = terms([
  ['province', '省', 'Province'],
  ['city', '市', 'City'],
  ['county', '区/县', 'District / county'],
  ['town', '镇/街道', 'Town / subdistrict'],
  ['village', '村/社区', 'Village / community'],
  ['agency', '机关', 'Government agency'],
  ['enterprise', '企事业', 'Enterprise or public institution'],
  ['new_org', '两新组织', 'Private firm or social organisation'],
])

export const SCHOOL_TIERS = terms([
  ['city_center', '市级中心校', 'City party school'],
  ['county_center', '县级中心校', 'County party school'],
  ['town_center', '镇(街道)中心校', 'Town party school'],
  ['micro', '微党校', 'Micro party school'],
])

export const LESSON_KINDS = terms([
  ['topical', '专题课', 'Topical lesson'],
  ['micro', '微党课', 'Micro lesson'],
  ['scenario', '情景党课', 'Scenario lesson'],
])

export const VIDEO_KINDS = terms([
  ['documentary', '专题片', 'Documentary'],
  ['film', '电影', 'Film'],
  ['recorded_lesson', '录制课', 'Recorded lesson'],
  ['programme', '节目', 'Programme'],
])

export const FIELD_SITE_TYPES = terms([
  ['red_heritage', '红色教育', 'Revolutionary heritage'],
  ['industry', '产业示范', 'Industry showcase'],
  ['rural_revival', '乡村振兴', 'Rural revitalisation'],
  ['integrity', '廉政教育', 'Integrity education'],
  ['technology', '科技', 'Technology'],
  ['governance', '基层治理', 'Grassroots governance'],
  ['ecology', '生态文明', 'Ecology'],
  ['party_building', '党建示范', 'Party-building showcase'],
])

export const FIELD_SITE_SERVICES = terms([
  ['guide', '讲解', 'Guided talk'],
  ['meals', '餐饮', 'Meals'],
  ['lodging', '住宿', 'Lodging'],
  ['parking', '停车', 'Parking'],
  ['meeting_room', '会议室', 'Meeting room'],
  ['accessible', '无障碍', 'Step-free access'],
  ['study_tours', '研学', 'Study tours'],
])

export const LECTURER_KINDS = terms([
  ['expert', '专家教授', 'Expert or professor'],
  ['model', '先进典型', 'Role model'],
  ['veteran', '老党员', 'Veteran member'],
  ['local_talent', '本土能人', 'Local talent'],
  ['official', '党政领导干部', 'Party or government leader'],
  ['school_teacher', '党校教师', 'Party-school teacher'],
])

export const LECTURER_LEVELS = terms([
  ['city', '市级本土讲师', 'City-level lecturer'],
  ['county', '县级本土讲师', 'County-level lecturer'],
  ['town', '镇级本土讲师', 'Town-level lecturer'],
  ['village', '村级宣讲员', 'Village speaker'],
])

export const BUNDLE_KINDS = terms([
  ['monthly', '月训', 'Monthly training'],
  ['menu', '菜单', 'Menu to order from'],
])
