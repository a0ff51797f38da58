import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { STORAGE_PACKAGES_BEHIND_PAYLOAD } from './s3Plugin'

const root = path.resolve(import.meta.dirname, '../..')
const versionOf = (name: string): string => (JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version
const declared = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies

/** Payload's own dependency check (switched off in s3Plugin.ts), with its one stated exception. */
describe('Payload packages are one version', () => {
  const payloadVersion = versionOf('payload')
  const packages = Object.keys(declared).filter((name) => name.startsWith('@payloadcms/'))

  it('every @payloadcms package but the storage pair is installed at payload’s exact version', () => {
    for (const name of packages.filter((name) => !(name in STORAGE_PACKAGES_BEHIND_PAYLOAD))) expect(`${name}@${versionOf(name)}`).toBe(`${name}@${payloadVersion}`)
  })

  it('the storage pair is pinned to its stated version, and that still differs from payload’s (else drop the exception)', () => {
    for (const [name, version] of Object.entries(STORAGE_PACKAGES_BEHIND_PAYLOAD)) {
      expect(declared[name]).toBe(version)
      expect(versionOf(name)).toBe(version)
      expect(version, `${name} now matches payload: remove it from STORAGE_PACKAGES_BEHIND_PAYLOAD and re-enable Payload's check`).not.toBe(payloadVersion)
    }
  })
})
