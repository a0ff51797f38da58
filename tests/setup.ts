process.env.PAYLOAD_DISABLE_ADMIN = 'true'
process.env.PAYLOAD_SECRET ??= 'test-secret-not-for-production'
process.env.COMMONS_SEED_ON_START = 'none'

import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// Uploads made by tests go to a throwaway folder, never into the project's media/.
process.env.MEDIA_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'commons-media-'))
process.env.COMMONS_JOBS_AUTORUN = 'false'

// Each suite searches its own embedded index.
process.env.SEARCH_DB_FILE ??= path.join(mkdtempSync(path.join(os.tmpdir(), 'commons-search-')), 'search.db')
