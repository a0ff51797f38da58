/**
 * npm run previews:adopt
 * Once, on a database made before previews followed their courseware's visibility: first-page pictures made
 * then have no `previewOf` and their item's title in their description, so anyone may read them. This makes
 * them as visible as their item and gives them the neutral description. Running it again changes nothing.
 */
import config from '@payload-config'
import { createLocalReq, getPayload } from 'payload'

import { adoptPreviews } from '@/ingest/hooks/previews'

const payload = await getPayload({ config })
const adopted = await adoptPreviews(await createLocalReq({}, payload))
payload.logger.info(`已接管 ${adopted} 张课件预览图 / Adopted ${adopted} courseware previews`)
process.exit(0)
