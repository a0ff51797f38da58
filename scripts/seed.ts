import config from '@payload-config'
import { getPayload } from 'payload'

import { DEMO_ACCOUNTS, seedDemoContent } from '@/seed/demo'

/** `npm run seed`: adds the demo content where it is missing; running it again changes nothing. */
const payload = await getPayload({ config })
const summary = await seedDemoContent(payload)

console.table(
  Object.entries(summary).map(([collection, { created, existing }]) => ({ collection, created, existing })),
)
console.log('\nDemo accounts (demo only, never on a real deployment):')
console.table(DEMO_ACCOUNTS.map(({ email, jurisdiction, password, role }) => ({ email, jurisdiction, password, role })))
process.exit(0)
