import type { Payload } from 'payload'

export type SeedMode = 'demo' | 'none' | 'root'

/**
 * What an empty database gets: `COMMONS_SEED_ON_START=demo` (or `true`) the demo content (with its public passwords),
 * `false` one root jurisdiction, `none` nothing (tests). Unset: demo content while developing, and only the
 * root jurisdiction in production, so a real deployment never gets accounts whose passwords are in the README.
 */
export const seedModeFor = (env: Record<string, string | undefined>): SeedMode => {
  const asked = env.COMMONS_SEED_ON_START
  if (asked === 'none') return 'none'
  if (asked === 'demo' || asked === 'true') return 'demo'
  if (asked === 'false') return 'root'
  return env.NODE_ENV === 'production' ? 'root' : 'demo'
}

/**
 * An empty library gets the demo content on first start, so a newcomer sees something real. With demo
 * content switched off (production), it gets one root jurisdiction instead, so the first admin account
 * has somewhere to belong.
 */
export const seedOnFirstStart = async (payload: Payload): Promise<void> => {
  const mode = seedModeFor(process.env)
  // Tests build their own data from nothing.
  if (mode === 'none') return
  const { totalDocs } = await payload.count({ collection: 'jurisdictions' })
  if (totalDocs > 0) return
  if (mode === 'root') {
    const name = process.env.COMMONS_ROOT_JURISDICTION || '本级党组织'
    await payload.create({ collection: 'jurisdictions', data: { level: 'city', name } })
    payload.logger.info(`已创建根辖区「${name}」/ Created the root jurisdiction "${name}"`)
    return
  }
  const { seedDemoContent } = await import('./demo')
  payload.logger.info('空数据库：正在导入演示内容 / Empty database: seeding demo content')
  await seedDemoContent(payload)
}
