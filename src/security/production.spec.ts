import { describe, expect, it } from 'vitest'

import { DEVELOPMENT_SECRET, securitySettings, UnsafeConfiguration } from './production'

const SECRET = 'a'.repeat(64)
const production = { COMMONS_PUBLIC_URL: 'https://kejian.example.org/admin', NODE_ENV: 'production', PAYLOAD_SECRET: SECRET }

describe('securitySettings', () => {
  it('refuses to start in production without a secret, with the development secret, or with a short one', () => {
    for (const PAYLOAD_SECRET of [undefined, '', DEVELOPMENT_SECRET, 'x'.repeat(31)]) {
      expect(() => securitySettings({ ...production, PAYLOAD_SECRET }), String(PAYLOAD_SECRET)).toThrow(UnsafeConfiguration)
    }
    expect(() => securitySettings({ ...production, PAYLOAD_SECRET: undefined })).toThrow(/PAYLOAD_SECRET.*\/.*PAYLOAD_SECRET/)
  })

  it('refuses to start in production without a public address, or with one that is not http(s)', () => {
    expect(() => securitySettings({ ...production, COMMONS_PUBLIC_URL: undefined })).toThrow(/COMMONS_PUBLIC_URL/)
    expect(() => securitySettings({ ...production, COMMONS_PUBLIC_URL: 'kejian.example.org' })).toThrow(/COMMONS_PUBLIC_URL/)
  })

  it('in production: the given secret, Secure cookies, serverURL and the CSRF allowlist from the public address', () => {
    expect(securitySettings(production)).toMatchObject({
      csrf: ['https://kejian.example.org'],
      secret: SECRET,
      secureCookies: true,
      serverURL: 'https://kejian.example.org',
    })
  })

  it('while developing: the development secret when none is set, plain cookies, no allowlist', () => {
    expect(securitySettings({ NODE_ENV: 'development' })).toMatchObject({
      csrf: [],
      secret: DEVELOPMENT_SECRET,
      secureCookies: false,
      serverURL: '',
    })
  })

  it('`next build` loads the config with NODE_ENV=production but serves nobody: no refusal there', () => {
    expect(() => securitySettings({ NEXT_PHASE: 'phase-production-build', NODE_ENV: 'production' })).not.toThrow()
  })

  it('a malformed rate limit stops the start', () => {
    expect(() => securitySettings({ COMMONS_RATE_LOGIN_IP: 'ten per minute', NODE_ENV: 'development' })).toThrow(/COMMONS_RATE_LOGIN_IP/)
  })
})
