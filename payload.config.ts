import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { zhTw } from '@payloadcms/translations/languages/zhTw'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Bundles } from './collections/Bundles'
import { CalendarFeeds } from './collections/CalendarFeeds'
import { CourseRequests } from './collections/CourseRequests'
import { Courseware } from './collections/Courseware'
import { FieldRoutes } from './collections/FieldRoutes'
import { FieldSites } from './collections/FieldSites'
import { Jurisdictions } from './collections/Jurisdictions'
import { LecturerSlots } from './collections/LecturerSlots'
import { RequestLocks } from './collections/RequestLocks'
import { Lecturers } from './collections/Lecturers'
import { Lessons } from './collections/Lessons'
import { Media } from './collections/Media'
import { RatingCodes } from './collections/RatingCodes'
import { Ratings } from './collections/Ratings'
import { SearchClaims } from './collections/SearchClaims'
import { SearchOutbox } from './collections/SearchOutbox'
import { Textbooks } from './collections/Textbooks'
import { Themes } from './collections/Themes'
import { TrainingSessions } from './collections/TrainingSessions'
import { Users } from './collections/Users'
import { Videos } from './collections/Videos'
import { hideInternalCollection } from './src/admin/internalCollections'
import { addReadGuards } from './src/access/readGuards'
import { databaseAdapter, isMongoUri } from './src/database/adapter'
import { addInputGuards, answerMalformedMultipart } from './src/hooks/guardInput'
import { pageSizeRule } from './src/http/graphqlPageSize'
import { addSearchSync } from './src/hooks/queueSearchSync'
import { uploadOptions } from './src/ingest/uploadOptions'
import { jobsConfig } from './src/jobs'
import { addPackageExport } from './src/packages/endpoint'
import { rateEndpoints } from './src/records/endpoints'
import { healthEndpoint } from './src/ops/health'
import { startJobRecovery } from './src/ops/recoverJobs'
import { searchEndpoint } from './src/search/endpoint'
import { refillSearchIndexIfNeeded, startSearchDrainTimer } from './src/search/sync'
import { addLockRules } from './src/security/locks'
import { securitySettings } from './src/security/production'
import { rateLimitLoggingLevels, withRateLimit } from './src/security/rateLimits'
import { signInTranslations } from './src/security/signIn'
import { seedOnFirstStart } from './src/seed/seedOnFirstStart'
import { addS3Storage } from './src/storage/s3Plugin'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const security = securitySettings()

export default buildConfig({
  admin: {
    importMap: { baseDir: path.resolve(dirname, 'src') },
    avatar: 'default',
    components: {
      beforeDashboard: ['/admin/Dashboard#Dashboard'],
      graphics: { Icon: '/admin/Icon#Icon', Logo: '/admin/Logo#Logo' },
    },
    // dates in lists and forms the Chinese way: 2026年11月30日 22:44
    dateFormat: 'yyyy年M月d日 HH:mm',
    meta: {
      description: '课件共享库：基层党员教育培训课件与课程资源共享平台',
      icons: [{ rel: 'icon', type: 'image/svg+xml', url: '/favicon.svg' }],
      titleSuffix: ' · 课件共享库',
    },
    user: Users.slug,
  },
  collections: [
    ...[Lessons, Courseware, Videos, Textbooks, FieldSites, FieldRoutes, Lecturers, addPackageExport(Bundles)].map(addSearchSync),
    addSearchSync(Themes),
    Media,
    addSearchSync(Jurisdictions),
    Users,
    SearchOutbox,
    SearchClaims,
    CourseRequests,
    LecturerSlots,
    RequestLocks,
    TrainingSessions,
    Ratings,
    RatingCodes,
    CalendarFeeds,
  ]
    .map(addInputGuards)
    .map(addReadGuards)
    .map(hideInternalCollection),
  csrf: security.csrf,
  custom: { rateLimits: security.rateLimits },
  db: databaseAdapter(),
  editor: lexicalEditor(),
  // Payload's defaults, stated so a change cannot drop them silently: no schema introspection and no playground
  // in production.
  graphQL: {
    disableIntrospectionInProduction: true,
    disablePlaygroundInProduction: true,
    validationRules: (args) => [pageSizeRule(args)],
  },
  hooks: { afterError: [answerMalformedMultipart] },
  jobs: jobsConfig,
  loggingLevels: rateLimitLoggingLevels,
  plugins: [addS3Storage],
  i18n: {
    fallbackLanguage: 'zh',
    supportedLanguages: { en, zh, 'zh-TW': zhTw },
    translations: signInTranslations,
  },
  endpoints: [withRateLimit(searchEndpoint, 'search'), healthEndpoint, ...rateEndpoints],
  onInit: async (payload) => {
    await seedOnFirstStart(payload)
    if (process.env.COMMONS_JOBS_AUTORUN === 'false') return
    startJobRecovery(payload)
    startSearchDrainTimer(payload)
    void refillSearchIndexIfNeeded(payload)
  },
  secret: security.secret,
  serverURL: security.serverURL,
  sharp,
  upload: uploadOptions(),
  // Regenerate types while developing, not on every test or script boot.
  // The committed types describe the SQLite schema (number ids); a dev process on MongoDB would rewrite them with
  // string ids, so only SQLite dev servers regenerate them.
  typescript: {
    autoGenerate: process.env.NODE_ENV === 'development' && !isMongoUri(process.env.DATABASE_URI),
    outputFile: path.resolve(dirname, 'src/payload-types.ts'),
  },
}).then(addLockRules)
