/** What the search benchmarks generate items from: one seeded random stream and the glossary's tag names. */

export const THEMES = ['党性教育', '政治理论', '党史学习', '党建实务', '基层治理', '乡村振兴', '技能素养', '廉政教育']
export const AUDIENCES = ['农村党员', '社区党员', '机关党员', '两新组织党员', '党务工作者', '基层党组织书记', '年老体弱党员', '青年党员', '新就业群体党员', '入党积极分子', '流动党员']
export const FORMATS = ['讲授式', '研讨式', '互动式', '观摩式', '案例式', '情景教学', '现场教学', '线上录制', '送学上门']

/** mulberry32 from `seed`: the same items and queries on every run, plus `pick` one and `some` distinct items. */
export const seededRandom = (seed: number) => {
  const random = () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const some = <T>(items: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(items)))]
  return { pick, random, some }
}

/** What members type: common and rare words, Traditional script, pieces of words, phrases; '' browses */
export const QUERY_TEXTS = [
  '党员', '培训', '黨員', '党员教育培训', '黨員教育培訓', '焦裕禄', '焦裕', '微党校', '微黨校', '现场教学', '乡村振兴',
  '党史学习教育', '两新组织', '菜单点课', '月训', '处理', '禄精', '学习', '师资', '本土讲师', '红色教育基地', '新就业群体',
  '远程教育', '最后一公里', '情景党课', '老党员', '', '',
]
