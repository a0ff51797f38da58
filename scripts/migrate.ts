/**
 * npm run migrate            applies the committed SQLite migrations (production start does the same)
 * npm run migrate -- check   exits 1 when the Payload config's schema differs from the committed migrations
 * npm run migrate:create [-- name]   writes a migration for the difference (nothing when there is none)
 * MongoDB needs no migrations: each command says so and exits 0.
 */
import './lib/env'

import config from '@payload-config'

import { committedMigrations, committedMigrationsForMigrate, isSqliteDb, schemaDrift } from '@/database/migrations'

import { runScript } from './lib/runScript'

// Connect without pushing the development schema, and without the start-up work (seed, search refill).
process.env.PAYLOAD_MIGRATING = 'true'
const [command = 'apply', name] = process.argv.slice(2)

runScript(`migrate ${command}`, config, async (payload) => {
  const db = payload.db
  if (!isSqliteDb(db)) {
    console.log('MongoDB 无需迁移 / MongoDB needs no migrations')
    return 0
  }
  if (command === 'check' || command === 'create') {
    const drift = await schemaDrift(db)
    if (!drift.length) {
      console.log(`迁移与配置一致（${committedMigrations.length} 个迁移）/ The committed migrations (${committedMigrations.length}) match the Payload config`)
      return 0
    }
    console.error(`配置与迁移不一致的表 / Tables that differ from the committed migrations: ${drift.join(', ')}`)
    if (command === 'check') {
      console.error('请运行 npm run migrate:create 并提交生成的文件 / Run `npm run migrate:create` and commit the files it writes')
      return 1
    }
    await payload.db.createMigration({ migrationName: name ?? 'schema', payload })
    console.log('已生成迁移，请提交 src/migrations / Migration written: commit src/migrations')
    return 0
  }
  if (command !== 'apply') {
    console.error(`未知命令 / unknown command: ${command} (apply | check | create)`)
    return 2
  }
  const applied = async () => (await payload.find({ collection: 'payload-migrations', limit: 0, pagination: false })).docs.filter(({ batch }) => (batch ?? 0) > 0)
  const before = await applied().catch(() => [])
  await payload.db.migrate({ migrations: committedMigrationsForMigrate })
  const after = await applied()
  console.log(
    `迁移完成：本次应用 ${after.length - before.length} 个，共 ${after.length}/${committedMigrations.length} 个 / ` +
      `Migrated: ${after.length - before.length} applied now, ${after.length} of ${committedMigrations.length} applied in all`,
  )
  return after.length === committedMigrations.length ? 0 : 1
}, { disableOnInit: true })
