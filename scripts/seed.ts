/** `npm run seed`: adds the demo content where it is missing; running it again changes nothing. */
import './lib/env'

import config from '@payload-config'

import { DEMO_ACCOUNTS, seedDemoContent } from '@/seed/demo'

import { runScript } from './lib/runScript'

runScript('seed', config, async (payload) => {
  const summary = await seedDemoContent(payload)
  console.table(
    Object.entries(summary).map(([collection, { created, existing }]) => ({ collection, created, existing })),
  )
  const totals = Object.values(summary).reduce(
    (sum, { created, existing }) => ({ created: sum.created + created, existing: sum.existing + existing }),
    { created: 0, existing: 0 },
  )
  console.log(`演示内容：新建 ${totals.created} 条，已有 ${totals.existing} 条 / Demo content: ${totals.created} created, ${totals.existing} already there`)
  console.log('\nDemo accounts (demo only, never on a real deployment):')
  console.table(DEMO_ACCOUNTS.map(({ email, jurisdiction, password, role }) => ({ email, jurisdiction, password, role })))
})
