import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { zhTw } from '@payloadcms/translations/languages/zhTw'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Bundles } from './collections/Bundles'
import { Courseware } from './collections/Courseware'
import { FieldRoutes } from './collections/FieldRoutes'
import { FieldSites } from './collections/FieldSites'
import { Jurisdictions } from './collections/Jurisdictions'
import { Lecturers } from './collections/Lecturers'
import { Lessons } from './collections/Lessons'
import { Media } from './collections/Media'
import { SearchOutbox } from './collections/SearchOutbox'
import { Textbooks } from './collections/Textbooks'
import { Themes } from './collections/Themes'
import { Users } from './collections/Users'
import { Videos } from './collections/Videos'
import { databaseAdapter } from './src/database/adapter'
import { addSearchSync } from './src/hooks/queueSearchSync'
import { jobsConfig } from './src/jobs'
import { healthEndpoint } from './src/ops/health'
import { startJobRecovery } from './src/ops/recoverJobs'
import { searchEndpoint } from './src/search/endpoint'
import { refillSearchIndexIfNeeded, startSearchDrainTimer } from './src/search/sync'
import { seedOnFirstStart } from './src/seed/seedOnFirstStart'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  admin: {
    importMap: { baseDir: path.resolve(dirname, 'src') },
    avatar: 'default',
    meta: { titleSuffix: ' · 课件共享库' },
    user: Users.slug,
  },
  collections: [
    ...[Lessons, Courseware, Videos, Textbooks, FieldSites, FieldRoutes, Lecturers, Bundles].map(addSearchSync),
    Themes,
    Media,
    addSearchSync(Jurisdictions),
    Users,
    SearchOutbox,
  ],
  db: databaseAdapter(),
  editor: lexicalEditor(),
  jobs: jobsConfig,
  i18n: {
    fallbackLanguage: 'zh',
    supportedLanguages: { en, zh, 'zh-TW': zhTw },
  },
  endpoints: [searchEndpoint, healthEndpoint],
  onInit: async (payload) => {
    await seedOnFirstStart(payload)
    if (process.env.COMMONS_JOBS_AUTORUN === 'false') return
    startJobRecovery(payload)
    startSearchDrainTimer(payload)
    void refillSearchIndexIfNeeded(payload)
  },
  secret: process.env.PAYLOAD_SECRET || 'dev-only-secret-change-me-in-production',
  sharp,
  // Regenerate types while developing, not on every test or script boot.
  typescript: { autoGenerate: process.env.NODE_ENV === 'development', outputFile: path.resolve(dirname, 'src/payload-types.ts') },
})
