import type { Payload } from 'payload'

import type { Tree } from './fixtures'

import { createUser } from './fixtures'

/**
 * The menu scenario on the test tree: 博山区 (the district) publishes a local menu offering one lesson; 东高村 (a
 * village below it) orders from it; a lecturer with an account and one without stand in the district's pool.
 */
export const createMenuScenario = async (payload: Payload, tree: Tree, prefix: string) => {
  const theme = await payload.create({ collection: 'themes', data: { name: `${prefix}乡村振兴` } })
  const otherTheme = await payload.create({ collection: 'themes', data: { name: `${prefix}廉政教育` } })
  const lesson = await payload.create({
    collection: 'lessons',
    data: { _status: 'published', jurisdiction: tree.district.id, themes: [theme.id], title: `${prefix}乡村振兴第一课`, visibility: 'shared' },
  })
  const offMenu = await payload.create({
    collection: 'lessons',
    data: { _status: 'published', jurisdiction: tree.district.id, title: `${prefix}不在菜单上的课`, visibility: 'shared' },
  })
  const menu = await payload.create({
    collection: 'bundles',
    data: {
      _status: 'published',
      items: [{ item: { relationTo: 'lessons', value: lesson.id } }],
      jurisdiction: tree.district.id,
      kind: 'menu',
      orderableFrom: '2026-12-01T00:00:00.000Z',
      orderableUntil: '2027-03-31T00:00:00.000Z',
      title: `${prefix}博山区菜单`,
      visibility: 'local',
    },
  })
  const user = (name: string, jurisdiction: number | string, role: 'instructor' | 'member' | 'organizer') =>
    createUser(payload, { email: `${prefix}${name}@req.local`, jurisdiction, role })
  const people = {
    districtOrganizer: await user('district-org', tree.district.id, 'organizer'),
    lecturerAccount: await user('lecturer', tree.district.id, 'instructor'),
    otherLecturerAccount: await user('other-lecturer', tree.district.id, 'instructor'),
    otherTownOrganizer: await user('othertown-org', tree.otherTown.id, 'organizer'),
    townOrganizer: await user('town-org', tree.town.id, 'organizer'),
    villageInstructor: await user('village-instr', tree.village.id, 'instructor'),
    villageMember: await user('village-member', tree.village.id, 'member'),
    villageOrganizer: await user('village-org', tree.village.id, 'organizer'),
  }
  const lecturer = (name: string, data: Record<string, unknown>) =>
    payload.create({ collection: 'lecturers', data: { jurisdiction: tree.district.id, kind: 'expert', name: `${prefix}${name}`, visibility: 'shared', ...data } as never })
  const lecturers = {
    linked: await lecturer('张老师', { lat: 36.4, lng: 117.9, themes: [theme.id], user: people.lecturerAccount.id }),
    other: await lecturer('王老师', { themes: [otherTheme.id], user: people.otherLecturerAccount.id }),
    unlinked: await lecturer('李老师', {}),
  }
  return { lecturers, lesson, menu, offMenu, people, theme }
}

export type MenuScenario = Awaited<ReturnType<typeof createMenuScenario>>

/** An order for the scenario's village, as the REST body a unit sends. */
export const orderBody = (tree: Tree, scenario: MenuScenario, overrides: Record<string, unknown> = {}) => ({
  audiences: ['农村党员'],
  endsAt: '2026-12-10T04:00:00.000Z',
  headcount: 40,
  item: { relationTo: 'lessons', value: scenario.lesson.id },
  jurisdiction: tree.village.id,
  menu: scenario.menu.id,
  placeText: '东高村党群服务中心',
  startsAt: '2026-12-10T02:00:00.000Z',
  ...overrides,
})
