/**
 * npm run previews:adopt
 * Once, on a database made before previews followed their courseware's visibility: first-page pictures made
 * then have no `previewOf` and their item's title in their description, so anyone may read them. This makes
 * them as visible as their item and gives them the neutral description. Running it again changes nothing.
 */
import './lib/env'

import config from '@payload-config'
import { createLocalReq } from 'payload'

import { adoptPreviews } from '@/ingest/hooks/previews'

import { runScript } from './lib/runScript'

runScript('previews:adopt', config, async (payload) => {
  const adopted = await adoptPreviews(await createLocalReq({}, payload))
  console.log(`已接管 ${adopted} 张课件预览图 / Adopted ${adopted} courseware previews`)
})
