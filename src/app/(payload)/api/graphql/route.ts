import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { guardGraphqlRoute, guardRestRoute } from '@/http/apiRoute'

export const POST = guardGraphqlRoute(GRAPHQL_POST(config))
export const OPTIONS = guardRestRoute(REST_OPTIONS(config))
