import type { Config, Endpoint, Payload, PayloadRequest } from 'payload'

import { APIError } from 'payload'
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterMongo,
  RateLimiterRes,
  RateLimiterSQLite,
} from 'rate-limiter-flexible'

import { bilingual } from '@/utilities/labels'

import { clientAddress } from './clientAddress'

type Subject = 'account' | 'address' | 'addressAndAccount'
export type Action = 'forgotPassword' | 'login' | 'package' | 'search'

/** Every limit: what it counts, the variable that sets it (`<points>/<seconds>`, or `off`) and its default. */
export const RATE_LIMITS = {
  forgotPasswordPerAccount: { action: 'forgotPassword', env: 'COMMONS_RATE_FORGOT_ACCOUNT', fallback: '5/3600', subject: 'account' },
  forgotPasswordPerAddress: { action: 'forgotPassword', env: 'COMMONS_RATE_FORGOT_IP', fallback: '20/3600', subject: 'address' },
  loginPerAccount: { action: 'login', env: 'COMMONS_RATE_LOGIN_ACCOUNT', fallback: '50/3600', subject: 'account' },
  loginPerAddress: { action: 'login', env: 'COMMONS_RATE_LOGIN_IP', fallback: '100/3600', subject: 'address' },
  loginPerAddressAndAccount: { action: 'login', env: 'COMMONS_RATE_LOGIN_IP_ACCOUNT', fallback: '10/60', subject: 'addressAndAccount' },
  packagePerAddress: { action: 'package', env: 'COMMONS_RATE_PACKAGE_IP', fallback: '30/3600', subject: 'address' },
  searchPerAddress: { action: 'search', env: 'COMMONS_RATE_SEARCH_IP', fallback: '120/60', subject: 'address' },
} as const satisfies Record<string, { action: Action; env: string; fallback: string; subject: Subject }>

export type LimitName = keyof typeof RATE_LIMITS
export type Rate = { duration: number; points: number }
export type RateLimitSettings = { limits: Partial<Record<LimitName, Rate>>; trustedProxies: number }

export class RateLimitConfigError extends Error {}

const parseRate = (name: string, value: string): null | Rate => {
  if (/^(off|0)$/i.test(value.trim())) return null
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value)
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
    throw new RateLimitConfigError(
      bilingual(`${name} 应写成「次数/秒数」，如 10/60，或 off`, `${name} must be "<points>/<seconds>", e.g. 10/60, or off`),
    )
  }
  return { duration: Number(match[2]), points: Number(match[1]) }
}

/** The limits in force, from the environment; a malformed value stops the start instead of limiting nothing. */
export const readRateLimits = (env: Record<string, string | undefined>): RateLimitSettings => {
  const limits: RateLimitSettings['limits'] = {}
  for (const [name, { env: variable, fallback }] of Object.entries(RATE_LIMITS) as Array<[LimitName, (typeof RATE_LIMITS)[LimitName]]>) {
    const rate = parseRate(variable, env[variable] ?? fallback)
    if (rate) limits[name] = rate
  }
  const proxies = env.COMMONS_TRUSTED_PROXIES ?? '0'
  if (!/^\d+$/.test(proxies.trim())) {
    throw new RateLimitConfigError(bilingual('COMMONS_TRUSTED_PROXIES 应为代理层数，如 1', 'COMMONS_TRUSTED_PROXIES must be a number of proxies, e.g. 1'))
  }
  return { limits, trustedProxies: Number(proxies) }
}

/** On SQLite, one table in the application's own database file, with a name drizzle's schema push leaves alone. */
export const SQLITE_TABLE = 'libsql_rate_limits'
const MONGO_COLLECTION = 'rate-limits'

type StoreOptions = { storeClient: unknown; storeType?: string; tableName: string }

const sqliteFile = (payload: Payload): null | string => {
  const url = (payload.db as unknown as { clientConfig?: { url?: string } }).clientConfig?.url
  const match = url ? /^file:(.+)$/.exec(url) : null
  return match && !match[1]!.includes(':memory:') ? match[1]! : null
}

/** Where the counters live: the database the app already uses, so every app process sees the same counts. */
const openStore = async (payload: Payload): Promise<null | StoreOptions> => {
  if (payload.db.name === 'mongoose') {
    const db = (payload.db as unknown as { connection: { db: { collection: (name: string) => any } } }).connection.db
    const collection = db.collection(MONGO_COLLECTION)
    await collection.createIndex({ key: 1 }, { unique: true })
    // Expired counters are ignored either way; the TTL index only tidies up (FerretDB v1 has none).
    await collection.createIndex({ expire: -1 }, { expireAfterSeconds: 0 }).catch(() => undefined)
    return { storeClient: db, tableName: MONGO_COLLECTION }
  }
  const file = sqliteFile(payload)
  if (!file) return null
  const { default: Database } = await import('libsql')
  const connection = new Database(file)
  connection.exec('PRAGMA busy_timeout = 10000')
  return { storeClient: connection, storeType: 'better-sqlite3', tableName: SQLITE_TABLE }
}

const createLimiter = async (store: null | StoreOptions, keyPrefix: string, rate: Rate): Promise<RateLimiterAbstract> => {
  if (!store) return new RateLimiterMemory({ ...rate, keyPrefix })
  if (store.storeType === undefined) {
    return new RateLimiterMongo({ ...rate, ...store, disableIndexesCreation: true, keyPrefix })
  }
  return new Promise((resolve, reject) => {
    const limiter: RateLimiterSQLite = new RateLimiterSQLite({ ...rate, ...store, clearExpiredByTimeout: true, keyPrefix }, (error) =>
      error ? reject(error) : resolve(limiter),
    )
  })
}

type Limiters = Partial<Record<LimitName, RateLimiterAbstract>>
const limitersByPayload = new WeakMap<Payload, Promise<Limiters>>()

export const rateLimitSettings = (payload: Payload): RateLimitSettings =>
  (payload.config.custom?.rateLimits as RateLimitSettings | undefined) ?? readRateLimits(process.env)

const buildLimiters = async (payload: Payload): Promise<Limiters> => {
  const { limits } = rateLimitSettings(payload)
  const store = await openStore(payload)
  if (!store) payload.logger.warn('限流计数仅保存在本进程内 / Rate limits are counted in this process only (no shared store)')
  const limiters: Limiters = {}
  for (const [name, rate] of Object.entries(limits) as Array<[LimitName, Rate]>) {
    limiters[name] = await createLimiter(store, name, rate)
  }
  return limiters
}

const limitersFor = (payload: Payload): Promise<Limiters> => {
  let limiters = limitersByPayload.get(payload)
  if (!limiters) {
    limiters = buildLimiters(payload)
    limitersByPayload.set(payload, limiters)
  }
  return limiters
}

export class TooManyRequests extends APIError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      bilingual(`请求过于频繁，请 ${retryAfterSeconds} 秒后再试`, `Too many requests; try again in ${retryAfterSeconds} seconds`),
      429,
      { retryAfterSeconds },
      true,
    )
  }
}

/** A refused request is routine, not a server error: logged as info, without a stack (config `loggingLevels`). */
export const rateLimitLoggingLevels = { TooManyRequests: 'info' } as unknown as NonNullable<Config['loggingLevels']>

const keyFor = (subject: Subject, address: null | string, account: null | string): null | string => {
  if (subject === 'account') return account
  if (subject === 'address') return address
  return address && account ? `${address}|${account}` : null
}

/**
 * Counts one attempt at `action` against every limit of that action; past a limit it throws a 429 that carries
 * `Retry-After` (REST and GraphQL answer with `req.responseHeaders`).
 */
export const consumeRateLimits = async (req: PayloadRequest, action: Action, account: null | string = null): Promise<void> => {
  const limiters = await limitersFor(req.payload)
  const address = clientAddress(req.headers, rateLimitSettings(req.payload).trustedProxies)
  for (const [name, { subject }] of Object.entries(RATE_LIMITS).filter(([, limit]) => limit.action === action)) {
    const limiter = limiters[name as LimitName]
    const key = keyFor(subject, address, account)
    if (!limiter || !key) continue
    try {
      await limiter.consume(key)
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error
      const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000))
      ;(req.responseHeaders ??= new Headers()).set('Retry-After', String(retryAfterSeconds))
      throw new TooManyRequests(retryAfterSeconds)
    }
  }
}

/** An endpoint whose every call first counts against the limits of `action`. */
export const withRateLimit = (endpoint: Endpoint, action: Action): Endpoint => ({
  ...endpoint,
  handler: async (req) => {
    await consumeRateLimits(req, action)
    return endpoint.handler(req)
  },
})
