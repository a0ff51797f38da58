import config from '@payload-config'
import '@payloadcms/next/css'
import {
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'

import { guardRestRoute } from '@/http/apiRoute'

export const GET = guardRestRoute(REST_GET(config))
export const POST = guardRestRoute(REST_POST(config))
export const DELETE = guardRestRoute(REST_DELETE(config))
export const PATCH = guardRestRoute(REST_PATCH(config))
export const PUT = guardRestRoute(REST_PUT(config))
export const OPTIONS = guardRestRoute(REST_OPTIONS(config))
