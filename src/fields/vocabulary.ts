/** Controlled words from the glossary (DESIGN.md §1). Themes live in their own collection so admins can edit them. */
export const AUDIENCES = [
  '农村党员',
  '社区党员',
  '机关党员',
  '两新组织党员',
  '党务工作者',
  '基层党组织书记',
  '年老体弱党员',
  '青年党员',
  '新就业群体党员',
  '入党积极分子',
  '流动党员',
] as const

export const FORMATS = [
  '讲授式',
  '研讨式',
  '互动式',
  '观摩式',
  '案例式',
  '情景教学',
  '现场教学',
  '线上录制',
  '送学上门',
] as const

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

export const JURISDICTION_LEVELS = ['省', '市', '区/县', '镇/街道', '村/社区', '机关', '企事业', '两新组织'] as const

export const SCHOOL_TIERS = ['市级中心校', '县级中心校', '镇(街道)中心校', '微党校'] as const

export const LESSON_KINDS = ['专题课', '微党课', '情景党课'] as const

export const VIDEO_KINDS = ['专题片', '电影', '录制课', '节目'] as const

export const FIELD_SITE_TYPES = ['红色教育', '产业示范', '乡村振兴', '廉政教育', '科技', '基层治理', '生态文明', '党建示范'] as const

export const FIELD_SITE_SERVICES = ['讲解', '餐饮', '住宿', '停车', '会议室', '无障碍', '研学'] as const

export const LECTURER_KINDS = ['专家教授', '先进典型', '老党员', '本土能人', '党政领导干部', '党校教师'] as const

export const LECTURER_LEVELS = ['市级本土讲师', '县级本土讲师', '镇级本土讲师', '村级宣讲员'] as const

export const BUNDLE_KINDS = ['月训', '菜单'] as const
