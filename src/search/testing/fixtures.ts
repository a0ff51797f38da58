/**
 * Search documents made from the real reports in `corpus/` (Simplified and Traditional, with stray pinyin),
 * spread over a small jurisdiction tree:
 *   1 省 ─ 5 市 ─ 9 源泉镇 ─ 20 村, 22 村
 *        │      └ 10 天池店乡
 *        └ 7 市 ─ 30 麻山区街道, 31 (an unrelated town)
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { SearchDocument, SearchKind, Visibility } from '../types'

const CORPUS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus')

export const readCorpus = (): string[] =>
  fs
    .readdirSync(CORPUS_DIR)
    .filter((file) => /^\d{3}_.*\.txt$/.test(file))
    .sort()
    .map((file) => fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8'))

export const corpusParagraphs = (): string[][] =>
  readCorpus().map((text) => text.split(/\n+/).map((line) => line.trim()).filter((line) => line.length > 30))

const paragraphWith = (file: number, needle: string): string => {
  const found = corpusParagraphs()[file]!.find((paragraph) => paragraph.includes(needle))
  if (!found) throw new Error(`corpus ${file} has no paragraph with ${needle}`)
  return found
}

export const JURISDICTIONS: Record<string, { name: string; path: string }> = {
  '1': { name: '某省', path: '/1/' },
  '5': { name: '某市', path: '/1/5/' },
  '9': { name: '源泉镇', path: '/1/5/9/' },
  '10': { name: '天池店乡', path: '/1/5/10/' },
  '20': { name: '新峰社区', path: '/1/5/9/20/' },
  '22': { name: '西村', path: '/1/5/9/22/' },
  '7': { name: '鸡西市', path: '/1/7/' },
  '30': { name: '麻山区街道', path: '/1/7/30/' },
  '31': { name: '东镇', path: '/1/7/31/' },
}

type DocInput = Partial<SearchDocument> & { kind: SearchKind; docId: string; title: string; owner: string; visibility: Visibility }

export const makeDoc = ({ owner, ...input }: DocInput): SearchDocument => ({
  audiences: [],
  body: '',
  durationMinutes: null,
  featured: false,
  formats: [],
  geo: null,
  id: `${input.kind}-${input.docId}`,
  jurisdiction: { id: owner, name: JURISDICTIONS[owner]!.name },
  jurisdictionPath: JURISDICTIONS[owner]!.path,
  lecturerNames: [],
  publishedAt: '2023-01-01T00:00:00.000Z',
  summary: '',
  tags: [],
  themes: [],
  updatedAt: '2023-01-01T00:00:00.000Z',
  year: 2023,
  ...input,
})

/** 源泉镇 centre and points north of it (1 km ≈ 0.008993° of latitude) */
export const ORIGIN = { lat: 36.4, lng: 117.9 }

export const fixtureDocs = (): SearchDocument[] => [
  makeDoc({
    audiences: ['农村党员'], body: paragraphWith(0, '线下靶向'), docId: 'jiao', featured: true, formats: ['讲授式'],
    kind: 'lesson', owner: '9', publishedAt: '2023-08-07T00:00:00.000Z', summary: paragraphWith(0, '“1”套特色精品课程'),
    themes: ['党性教育', '党史学习'], title: '焦裕禄精神的形成及其时代价值', visibility: 'public', year: 2023,
  }),
  makeDoc({
    audiences: ['农村党员', '年老体弱党员'], body: paragraphWith(1, '大水漫灌'), docId: 'tianchi', formats: ['情景教学'],
    kind: 'lesson', owner: '10', publishedAt: '2022-05-01T00:00:00.000Z', summary: paragraphWith(1, '提升黨員素質'),
    themes: ['党建实务'], title: '黨員教育培訓(xùn)的「立體式」學(xué)習', visibility: 'shared', year: 2022,
  }),
  makeDoc({
    audiences: ['两新组织党员'], docId: 'chengdu', fileText: {
      pages: ['第一頁 微黨校簡介', paragraphWith(2, '非公企業黨建工作培訓讀本'), '第三頁:基層黨員教育 現場教學 PPT'],
    }, formats: ['案例式'], kind: 'courseware', owner: '20', publishedAt: '2023-11-28T00:00:00.000Z',
    themes: ['基层治理'], title: '成都市「微黨校」在身邊', visibility: 'local', year: 2023,
  }),
  makeDoc({
    audiences: ['机关党员'], docId: 'ningjin', formats: ['线上录制'], kind: 'video', owner: '5',
    publishedAt: '2021-03-01T00:00:00.000Z', summary: paragraphWith(3, '月訓'), themes: ['党性教育'],
    title: '寧津縣月訓專題片', visibility: 'local', year: 2021,
  }),
  makeDoc({
    audiences: ['社区党员'], body: `待处理的点单由街道党校统一派单。${paragraphWith(4, '菜单点课')}`, docId: 'mashan',
    formats: ['研讨式'], kind: 'textbook', owner: '30', publishedAt: '2022-09-01T00:00:00.000Z', themes: ['党建实务'],
    title: '麻山区本土教材', visibility: 'local', year: 2022,
  }),
  makeDoc({
    docId: 'museum', geo: { lat: ORIGIN.lat + 0.008993 * 0.5, lng: ORIGIN.lng }, kind: 'field-site', owner: '9',
    summary: '红色教育 现场教学点', themes: ['党史学习'], title: '焦裕禄纪念馆', visibility: 'public',
  }),
  makeDoc({
    docId: 'farm', geo: { lat: ORIGIN.lat + 0.008993 * 5, lng: ORIGIN.lng }, kind: 'field-site', owner: '9',
    summary: '产业示范 现场教学点', themes: ['乡村振兴'], title: '源泉镇农业示范园', visibility: 'shared',
  }),
  makeDoc({
    docId: 'jixi', geo: { lat: 45.3, lng: 130.97 }, kind: 'field-site', owner: '30', summary: '红色教育 现场教学点',
    themes: ['党史学习'], title: '麻山区红色教育基地', visibility: 'public',
  }),
  makeDoc({
    body: paragraphWith(4, '行走的党课'), docId: 'walk', geo: { lat: ORIGIN.lat + 0.008993 * 2, lng: ORIGIN.lng },
    kind: 'field-route', owner: '9', title: '重走东征路 行走的党课', visibility: 'local',
  }),
  makeDoc({
    body: paragraphWith(2, '水霧栽培'), docId: 'wang', kind: 'lecturer', lecturerNames: ['王书记'], owner: '10',
    summary: '先进典型 本土能人', title: '王書記', visibility: 'shared',
  }),
  makeDoc({
    docId: 'micro', kind: 'lesson', owner: '9', body: '<b>不是标签</b> 每月一课', tags: ['PPT'],
    title: '两新组织党员微党课', visibility: 'public', formats: ['互动式'], themes: ['政治理论'],
  }),
  makeDoc({
    docId: 'bundle', kind: 'bundle', owner: '1', summary: '面向非公企业和社会组织党员的微型党课合集',
    title: '月训专题课程包', visibility: 'public', themes: ['政治理论'],
  }),
  makeDoc({ docId: 'local10', kind: 'lesson', owner: '10', title: '天池店乡情景党课', visibility: 'local', themes: ['党建实务'] }),
  makeDoc({ docId: 'local22', kind: 'video', owner: '22', title: '西村党员冬训录像', visibility: 'local', themes: ['党性教育'] }),
]
