import type { Payload } from 'payload'

/** An empty library gets the demo content on first start, so a newcomer sees something real. */
export const seedOnFirstStart = async (payload: Payload): Promise<void> => {
  if (process.env.COMMONS_SEED_ON_START === 'false') return
  const { totalDocs } = await payload.count({ collection: 'jurisdictions' })
  if (totalDocs > 0) return
  const { seedDemoContent } = await import('./demo')
  payload.logger.info('空数据库：正在导入演示内容 / Empty database: seeding demo content')
  await seedDemoContent(payload)
}
