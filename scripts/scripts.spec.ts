/**
 * The npm scripts do their work every time, or fail with a message: each runs several times against a
 * throwaway database, and every run's output and effect are checked, not only its exit code.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import Database from 'libsql'
import { afterAll, describe, expect, it } from 'vitest'

const RUNS = 5
const dir = mkdtempSync(path.join(os.tmpdir(), 'commons-scripts-'))
const searchFile = path.join(dir, 'search.db')
const env = {
  ...process.env,
  COMMONS_JOBS_AUTORUN: 'false',
  COMMONS_SEED_ON_START: 'none',
  DATABASE_URI: `file:${path.join(dir, 'commons.db')}`,
  MEDIA_DIR: path.join(dir, 'media'),
  MEILI_HOST: '',
  PAYLOAD_SECRET: 'scripts-spec-secret',
  SEARCH_DB_FILE: searchFile,
}
afterAll(() => rmSync(dir, { force: true, recursive: true }))

const npmRun = async (script: string, ...args: string[]): Promise<{ code: number; output: string }> => {
  try {
    const { stderr, stdout } = await promisify(execFile)('npm', ['run', '--silent', script, '--', ...args], { env, maxBuffer: 64 << 20 })
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const { code, stderr, stdout } = error as { code: number; stderr: string; stdout: string }
    return { code, output: stdout + stderr }
  }
}

const indexEntries = (): number => {
  const db = new Database(searchFile, { readonly: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM docs').get() as { n: number }).n
  } finally {
    db.close()
  }
}

describe(`npm scripts, ${RUNS} runs each`, () => {
  it('seed: the first run creates the demo content, every later run finds all of it', async () => {
    let firstCreated = 0
    for (let run = 1; run <= RUNS; run++) {
      const { code, output } = await npmRun('seed')
      expect(code, output).toBe(0)
      const [, created, existing] = /Demo content: (\d+) created, (\d+) already there/.exec(output) ?? []
      expect(created, `run ${run} did not report its work:\n${output}`).toBeDefined()
      if (run === 1) {
        firstCreated = Number(created)
        expect(firstCreated).toBeGreaterThan(50)
      } else {
        expect([Number(created), Number(existing)]).toEqual([0, firstCreated])
      }
    }
  }, 15 * 60_000)

  it('reindex --clear: every run empties the index and fills it again with every published item', async () => {
    const counts: number[] = []
    for (let run = 1; run <= RUNS; run++) {
      const { code, output } = await npmRun('reindex', '--clear')
      expect(code, output).toBe(0)
      const [, indexed] = /Done: \d+ items read, (\d+) published items indexed/.exec(output) ?? []
      expect(indexed, `run ${run} did not report its work:\n${output}`).toBeDefined()
      expect(Number(indexed)).toBeGreaterThan(0)
      expect(indexEntries()).toBe(Number(indexed))
      counts.push(Number(indexed))
    }
    expect(new Set(counts).size).toBe(1)
  }, 10 * 60_000)

  it('migrate: a database made by the dev schema push is adopted; check finds no drift; a fresh one is migrated', async () => {
    const adopted = await npmRun('migrate')
    expect(adopted.code, adopted.output).toBe(0)
    expect(adopted.output).toMatch(/Adopted a database made by `npm run dev`/)
    expect(adopted.output).toMatch(/Migrated: \d+ applied now, (\d+) of \1 applied in all/)

    const check = await npmRun('migrate', 'check')
    expect(check.code, check.output).toBe(0)
    expect(check.output).toMatch(/match the Payload config/)

    const fresh = { ...env, DATABASE_URI: `file:${path.join(dir, 'fresh.db')}` }
    for (let run = 1; run <= 2; run++) {
      const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'migrate'], { env: fresh })
      expect(stdout).toMatch(run === 1 ? /Migrated: [1-9]\d* applied now/ : /Migrated: 0 applied now/)
    }
  }, 5 * 60_000)
})
