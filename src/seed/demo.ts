import type { CollectionSlug, DataFromCollectionSlug, File, Payload, RequiredDataFromCollectionSlug, Where } from 'payload'

import type { DemoEmail } from './data/accounts'
import type { JurisdictionSeed } from './data/jurisdictions'
import type { OwnedSeed } from './data/types'

import { DEMO_ACCOUNTS } from './data/accounts'
import { BUNDLES } from './data/bundles'
import { JURISDICTION_TREE } from './data/jurisdictions'
import { LECTURERS } from './data/lecturers'
import { LESSONS } from './data/lessons'
import { COURSEWARE, DEMO_VIDEO_HOST, TEXTBOOKS, VIDEOS } from './data/media'
import { FIELD_ROUTES } from './data/routes'
import { COURSE_REQUESTS, MENU_ORDERS, TRAINING_SESSIONS } from './data/organizers'
import { FIELD_SITES } from './data/sites'
import { SEED_THEMES } from './data/themes'
import { toRichText } from './lexical'
import { seedRequest, seedScores } from './organizers'
import { buildTextPdf } from './pdf'

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './data/accounts'

export const SEEDED_COLLECTIONS = [
  'themes',
  'jurisdictions',
  'users',
  'lecturers',
  'courseware',
  'videos',
  'textbooks',
  'field-sites',
  'field-routes',
  'lessons',
  'bundles',
  'course-requests',
  'training-sessions',
] as const satisfies readonly CollectionSlug[]

type SeededCollection = (typeof SEEDED_COLLECTIONS)[number]
type Id = number | string

export type SeedSummary = Record<SeededCollection, { created: number; existing: number }>

/** Seeds and bulk imports set this so hooks can skip side effects (search sync, notifications) deliberately. */
export const SEED_CONTEXT = { seeding: true } as const

type Seeder = {
  payload: Payload
  summary: SeedSummary
  /** `<collection>:<natural key>` → id, so later items can point at earlier ones by name */
  ids: Map<string, Id>
}

const idOf = (seeder: Seeder, collection: SeededCollection, key: string): Id => {
  const id = seeder.ids.get(`${collection}:${key}`)
  if (id === undefined) throw new Error(`Demo seed: no ${collection} named “${key}” (check src/seed/data)`)
  return id
}

const idsOf = (seeder: Seeder, collection: SeededCollection, keys: readonly string[] = []): Id[] =>
  keys.map((key) => idOf(seeder, collection, key))

/** Find by natural key, create only when missing; an existing document is left exactly as it is. */
const ensure = async <S extends SeededCollection>(
  seeder: Seeder,
  collection: S,
  key: string,
  where: Where,
  build: () => RequiredDataFromCollectionSlug<S>,
  options: { draft?: boolean; file?: File } = {},
): Promise<Id> => {
  const { payload, summary } = seeder
  const found = await payload.find({ collection, context: SEED_CONTEXT, depth: 0, limit: 1, overrideAccess: true, pagination: false, where })
  let id = found.docs[0]?.id
  if (id === undefined) {
    const common = { collection, context: SEED_CONTEXT, depth: 0, file: options.file, overrideAccess: true } as const
    const created = options.draft
      ? await payload.create({ ...common, data: build() as unknown as Partial<DataFromCollectionSlug<S>>, draft: true })
      : await payload.create({ ...common, data: build() })
    id = created.id
    summary[collection].created += 1
  } else {
    summary[collection].existing += 1
  }
  seeder.ids.set(`${collection}:${key}`, id)
  return id
}

/** The natural key of an owned item: its title (or name) within its owning jurisdiction. */
const ownedKey = (seeder: Seeder, field: 'name' | 'title', value: string, jurisdiction: string): Where => ({
  and: [{ [field]: { equals: value } }, { jurisdiction: { equals: idOf(seeder, 'jurisdictions', jurisdiction) } }],
})

/** The ownership fields every owned item carries, set explicitly (there is no req.user in a seed). */
const ownership = (seeder: Seeder, item: OwnedSeed) => ({
  _status: item.draft ? ('draft' as const) : ('published' as const),
  createdBy: idOf(seeder, 'users', item.by) as number,
  jurisdiction: idOf(seeder, 'jurisdictions', item.jurisdiction) as number,
  themes: idsOf(seeder, 'themes', item.themes) as number[],
  visibility: item.visibility,
})

const seedThemes = async (seeder: Seeder) => {
  for (const name of SEED_THEMES) {
    await ensure(seeder, 'themes', name, { name: { equals: name } }, () => ({ name }))
  }
}

const seedJurisdiction = async (seeder: Seeder, node: JurisdictionSeed, parent: Id | null): Promise<void> => {
  const where: Where = {
    and: [{ name: { equals: node.name } }, parent === null ? { parent: { exists: false } } : { parent: { equals: parent } }],
  }
  const id = await ensure(seeder, 'jurisdictions', node.name, where, () => ({
    description: node.description,
    level: node.level,
    name: node.name,
    parent: parent as number | null,
    schoolTier: node.schoolTier,
  }))
  for (const child of node.children ?? []) await seedJurisdiction(seeder, child, id)
}

const seedUsers = async (seeder: Seeder) => {
  for (const account of DEMO_ACCOUNTS) {
    await ensure(seeder, 'users', account.email, { email: { equals: account.email } }, () => ({
      email: account.email,
      jurisdiction: idOf(seeder, 'jurisdictions', account.jurisdiction) as number,
      name: account.name,
      password: account.password,
      role: account.role,
    }))
  }
}

const seedLecturers = async (seeder: Seeder) => {
  for (const { account, by, draft: _draft, jurisdiction, themes, visibility, ...lecturer } of LECTURERS) {
    const { _status: _ignored, ...owned } = ownership(seeder, { by, jurisdiction, themes, visibility })
    await ensure(seeder, 'lecturers', lecturer.name, ownedKey(seeder, 'name', lecturer.name, jurisdiction), () => ({
      ...lecturer,
      ...owned,
      user: account ? (idOf(seeder, 'users', account) as number) : undefined,
    }))
  }
}

const seedCourseware = async (seeder: Seeder) => {
  for (const item of COURSEWARE) {
    const pdf = buildTextPdf(item.title, item.lines)
    await ensure(
      seeder,
      'courseware',
      item.title,
      ownedKey(seeder, 'title', item.title, item.jurisdiction),
      () => ({
        ...ownership(seeder, item),
        audiences: item.audiences,
        description: item.description,
        lecturers: idsOf(seeder, 'lecturers', item.lecturers) as number[],
        title: item.title,
      }),
      { draft: item.draft, file: { data: pdf, mimetype: 'application/pdf', name: item.filename, size: pdf.length } },
    )
  }
}

const seedVideos = async (seeder: Seeder) => {
  for (const video of VIDEOS) {
    const { _status: _ignored, ...owned } = ownership(seeder, video)
    await ensure(seeder, 'videos', video.title, ownedKey(seeder, 'title', video.title, video.jurisdiction), () => ({
      ...owned,
      audiences: video.audiences,
      description: video.description,
      durationSeconds: video.durationMinutes ? video.durationMinutes * 60 : undefined,
      externalUrl: `${DEMO_VIDEO_HOST}/${video.slug}`,
      kind: video.kind,
      lecturers: idsOf(seeder, 'lecturers', video.lecturers) as number[],
      title: video.title,
    }))
  }
}

const seedTextbooks = async (seeder: Seeder) => {
  for (const book of TEXTBOOKS) {
    await ensure(
      seeder,
      'textbooks',
      book.title,
      ownedKey(seeder, 'title', book.title, book.jurisdiction),
      () => ({
        ...ownership(seeder, book),
        audiences: book.audiences,
        chapters: book.chapters.map((chapter) => ({ content: toRichText(chapter.content), title: chapter.title })),
        editors: book.editors,
        pdf: book.pdf ? (idOf(seeder, 'courseware', book.pdf) as number) : undefined,
        publishYear: book.publishYear,
        summary: book.summary,
        title: book.title,
      }),
      { draft: book.draft },
    )
  }
}

const seedSites = async (seeder: Seeder) => {
  for (const { by, draft: _draft, jurisdiction, themes, visibility, ...site } of FIELD_SITES) {
    const { _status: _ignored, ...owned } = ownership(seeder, { by, jurisdiction, themes, visibility })
    await ensure(seeder, 'field-sites', site.title, ownedKey(seeder, 'title', site.title, jurisdiction), () => ({
      ...site,
      ...owned,
    }))
  }
}

const seedRoutes = async (seeder: Seeder) => {
  for (const route of FIELD_ROUTES) {
    await ensure(
      seeder,
      'field-routes',
      route.title,
      ownedKey(seeder, 'title', route.title, route.jurisdiction),
      () => ({
        ...ownership(seeder, route),
        audiences: route.audiences,
        stops: route.stops.map((stop) => ({
          lecturer: stop.lecturer ? (idOf(seeder, 'lecturers', stop.lecturer) as number) : undefined,
          minutes: stop.minutes,
          site: idOf(seeder, 'field-sites', stop.site) as number,
          speaker: stop.speaker ?? stop.lecturer,
          topic: stop.topic,
        })),
        summary: route.summary,
        title: route.title,
      }),
      { draft: route.draft },
    )
  }
}

const seedLessons = async (seeder: Seeder) => {
  for (const lesson of LESSONS) {
    await ensure(
      seeder,
      'lessons',
      lesson.title,
      ownedKey(seeder, 'title', lesson.title, lesson.jurisdiction),
      () => ({
        ...ownership(seeder, lesson),
        audiences: lesson.audiences,
        courseware: idsOf(seeder, 'courseware', lesson.courseware) as number[],
        durationMinutes: lesson.durationMinutes,
        featured: lesson.featured ?? false,
        formats: lesson.formats,
        kind: lesson.kind,
        lecturers: idsOf(seeder, 'lecturers', lesson.lecturers) as number[],
        plan: toRichText(lesson.plan),
        summary: lesson.summary,
        tags: lesson.tags,
        textbooks: idsOf(seeder, 'textbooks', lesson.textbooks) as number[],
        title: lesson.title,
        videos: idsOf(seeder, 'videos', lesson.videos) as number[],
      }),
      { draft: lesson.draft },
    )
  }
}

const seedBundles = async (seeder: Seeder) => {
  for (const bundle of BUNDLES) {
    const { themes: _none, ...owned } = ownership(seeder, bundle)
    await ensure(
      seeder,
      'bundles',
      bundle.title,
      ownedKey(seeder, 'title', bundle.title, bundle.jurisdiction),
      () =>
        ({
          ...owned,
          audiences: bundle.audiences,
          description: bundle.description,
          items: bundle.items.map(({ collection, minutes, note, title }) => ({
            item: { relationTo: collection, value: idOf(seeder, collection, title) },
            minutes,
            note,
          })),
          kind: bundle.kind,
          orderableFrom: bundle.orderableFrom,
          orderableUntil: bundle.orderableUntil,
          targetMonth: bundle.targetMonth,
          theme: idOf(seeder, 'themes', bundle.theme) as number,
          title: bundle.title,
        }) as RequiredDataFromCollectionSlug<'bundles'>,
      { draft: bundle.draft },
    )
  }
}

const seedTrainingSessions = async (seeder: Seeder) => {
  for (const session of TRAINING_SESSIONS) {
    const startsAt = new Date(session.startsAt)
    let created = false
    const id = await ensure(seeder, 'training-sessions', session.title, ownedKey(seeder, 'title', session.title, session.jurisdiction), () => {
      created = true
      return {
        attendance: { count: session.attendance },
        createdBy: idOf(seeder, 'users', session.by) as number,
        endsAt: new Date(startsAt.getTime() + session.minutes * 60_000).toISOString(),
        jurisdiction: idOf(seeder, 'jurisdictions', session.jurisdiction) as number,
        kind: session.kind,
        lecturers: idsOf(seeder, 'lecturers', session.lecturers) as number[],
        placeText: session.place,
        startsAt: startsAt.toISOString(),
        title: session.title,
      }
    })
    if (created) await seedScores(seeder.payload, id, session.scores ?? [])
  }
}

/** 建国社区's orders from 麻山区's menu, one in each state, moved there by the accounts that make each move. */
const seedCourseRequests = async (seeder: Seeder) => {
  const { payload, summary } = seeder
  const account = (email: DemoEmail) => payload.findByID({ id: idOf(seeder, 'users', email), collection: 'users', depth: 0 })
  const people = { dispatcher: await account(MENU_ORDERS.dispatcher), unit: await account(MENU_ORDERS.by) }
  for (const order of COURSE_REQUESTS) {
    const outcome = await seedRequest(payload, people, order, {
      item: idOf(seeder, 'lessons', order.item),
      lecturers: idsOf(seeder, 'lecturers', order.lecturers),
      menu: idOf(seeder, 'bundles', MENU_ORDERS.menu),
      unit: idOf(seeder, 'jurisdictions', MENU_ORDERS.unit),
    })
    summary['course-requests'][outcome] += 1
  }
}

const emptySummary = (): SeedSummary =>
  Object.fromEntries(SEEDED_COLLECTIONS.map((collection) => [collection, { created: 0, existing: 0 }])) as SeedSummary

/**
 * Demo content built from the five corpus reports. Idempotent: every item is found by its natural key
 * (name or title within its jurisdiction, email for users) and created only when missing.
 */
export const seedDemoContent = async (payload: Payload): Promise<SeedSummary> => {
  const seeder: Seeder = { ids: new Map(), payload, summary: emptySummary() }
  await seedThemes(seeder)
  for (const root of JURISDICTION_TREE) await seedJurisdiction(seeder, root, null)
  await seedUsers(seeder)
  await seedLecturers(seeder)
  await seedCourseware(seeder)
  await seedVideos(seeder)
  await seedTextbooks(seeder)
  await seedSites(seeder)
  await seedRoutes(seeder)
  await seedLessons(seeder)
  await seedBundles(seeder)
  await seedCourseRequests(seeder)
  await seedTrainingSessions(seeder)
  return seeder.summary
}

export type { DemoEmail }
