import { bilingual } from '@/utilities/labels'

import { readRateLimits, type RateLimitSettings } from './rateLimits'

/** The secret development falls back to; it is public (in the source), so production refuses it. */
export const DEVELOPMENT_SECRET = 'dev-only-secret-change-me-in-production'
export const MIN_SECRET_LENGTH = 32

export class UnsafeConfiguration extends Error {}

/** Serving in production: `next start`, not `next build` (which loads the config but serves nobody). */
export const isProductionRuntime = (env: Record<string, string | undefined>): boolean =>
  env.NODE_ENV === 'production' && env.NEXT_PHASE !== 'phase-production-build'

export type SecuritySettings = {
  /** CSRF allowlist: origins whose requests may use the session cookie. */
  csrf: string[]
  rateLimits: RateLimitSettings
  secret: string
  /** Session cookies only over HTTPS. */
  secureCookies: boolean
  serverURL: string
}

const publicOrigin = (value: string | undefined, production: boolean): string => {
  if (!value) {
    if (!production) return ''
    throw new UnsafeConfiguration(
      bilingual(
        '生产环境必须设置 COMMONS_PUBLIC_URL（用户访问本站的地址，如 https://kejian.example.org），用于 CSRF 来源白名单',
        'Production needs COMMONS_PUBLIC_URL (the address users open, e.g. https://kejian.example.org) for the CSRF allowlist',
      ),
    )
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    url = new URL('invalid:')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UnsafeConfiguration(
      bilingual(`COMMONS_PUBLIC_URL「${value}」不是 http(s) 地址`, `COMMONS_PUBLIC_URL "${value}" is not an http(s) address`),
    )
  }
  return url.origin
}

const productionSecret = (secret: string | undefined): string => {
  if (!secret || secret === DEVELOPMENT_SECRET || secret.length < MIN_SECRET_LENGTH) {
    throw new UnsafeConfiguration(
      bilingual(
        `生产环境拒绝启动：PAYLOAD_SECRET 未设置、是开发用默认值或短于 ${MIN_SECRET_LENGTH} 个字符。请设置随机密钥，如 openssl rand -hex 32`,
        `Refusing to start in production: PAYLOAD_SECRET is missing, the development default or shorter than ${MIN_SECRET_LENGTH} characters. Set a random one, e.g. openssl rand -hex 32`,
      ),
    )
  }
  return secret
}

/** Secret, origin, cookies and limits from the environment; in production, refuses what would be unsafe. */
export const securitySettings = (env: Record<string, string | undefined> = process.env): SecuritySettings => {
  const production = isProductionRuntime(env)
  const origin = publicOrigin(env.COMMONS_PUBLIC_URL, production)
  return {
    csrf: origin ? [origin] : [],
    rateLimits: readRateLimits(env),
    secret: production ? productionSecret(env.PAYLOAD_SECRET) : env.PAYLOAD_SECRET || DEVELOPMENT_SECRET,
    secureCookies: production,
    serverURL: origin,
  }
}
