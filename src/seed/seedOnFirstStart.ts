import type { Payload } from 'payload'

/**
 * An empty library gets the demo content on first start, so a newcomer sees something real. With demo
 * content switched off (production), it gets one root jurisdiction instead, so the first admin account
 * has somewhere to belong.
 */
export const seedOnFirstStart = async (payload: Payload): Promise<void> => {
  // Tests build their own data from nothing.
  if (process.env.COMMONS_SEED_ON_START === 'none') return
  const { totalDocs } = await payload.count({ collection: 'jurisdictions' })
  if (totalDocs > 0) return
  if (process.env.COMMONS_SEED_ON_START === 'false') {
    const name = process.env.COMMONS_ROOT_JURISDICTION || '本级党组织'
    await payload.create({ collection: 'jurisdictions', data: { level: 'city', name } })
    payload.logger.info(`已创建根辖区「${name}」/ Created the root jurisdiction "${name}"`)
    return
  }
  const { seedDemoContent } = await import('./demo')
  payload.logger.info('空数据库：正在导入演示内容 / Empty database: seeding demo content')
  await seedDemoContent(payload)
}
