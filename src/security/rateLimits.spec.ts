import Database from 'libsql'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { RateLimiterRes, RateLimiterSQLite } from 'rate-limiter-flexible'
import { describe, expect, it } from 'vitest'

import { RATE_LIMITS, readRateLimits, SQLITE_TABLE } from './rateLimits'

describe('readRateLimits', () => {
  it('defaults: login 10/min per address and account, 100/hour per address; search 120/min per address', () => {
    const { limits, trustedProxies } = readRateLimits({})
    expect(limits.loginPerAddressAndAccount).toEqual({ duration: 60, points: 10 })
    expect(limits.loginPerAddress).toEqual({ duration: 3600, points: 100 })
    expect(limits.searchPerAddress).toEqual({ duration: 60, points: 120 })
    expect(Object.keys(limits).sort()).toEqual(Object.keys(RATE_LIMITS).sort())
    expect(trustedProxies).toBe(0)
  })

  it('each limit from its variable; `off` or 0 switches it off; anything else malformed is refused', () => {
    const { limits, trustedProxies } = readRateLimits({ COMMONS_RATE_SEARCH_IP: 'off', COMMONS_RATE_LOGIN_IP: '3 / 600', COMMONS_TRUSTED_PROXIES: '1' })
    expect(limits.searchPerAddress).toBeUndefined()
    expect(limits.loginPerAddress).toEqual({ duration: 600, points: 3 })
    expect(trustedProxies).toBe(1)
    for (const value of ['10', '10/0', 'a/b', '-1/60']) {
      expect(() => readRateLimits({ COMMONS_RATE_LOGIN_IP: value }), value).toThrow(/COMMONS_RATE_LOGIN_IP/)
    }
    expect(() => readRateLimits({ COMMONS_TRUSTED_PROXIES: 'yes' })).toThrow(/COMMONS_TRUSTED_PROXIES/)
  })
})

describe('RateLimiterSQLite on libsql', () => {
  const limiterOn = (file: string) =>
    new Promise<RateLimiterSQLite>((resolve, reject) => {
      const limiter: RateLimiterSQLite = new RateLimiterSQLite(
        { duration: 60, keyPrefix: 'spec', points: 3, storeClient: new Database(file), storeType: 'better-sqlite3', tableName: SQLITE_TABLE },
        (error) => (error ? reject(error) : resolve(limiter)),
      )
    })

  it('two connections to one file (two app processes) share the counts', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'commons-ratelimit-'))
    try {
      const file = path.join(dir, 'app.db')
      const [first, second] = [await limiterOn(file), await limiterOn(file)]
      await first.consume('198.51.100.1')
      await second.consume('198.51.100.1')
      await first.consume('198.51.100.1')
      const refused = await second.consume('198.51.100.1').catch((error: unknown) => error)
      expect(refused).toBeInstanceOf(RateLimiterRes)
      expect((refused as RateLimiterRes).msBeforeNext).toBeGreaterThan(0)
      await expect(second.consume('198.51.100.2')).resolves.toBeInstanceOf(RateLimiterRes)
    } finally {
      rmSync(dir, { force: true, recursive: true })
    }
  })
})
