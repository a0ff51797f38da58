// Makes a fresh clone runnable: the folders the embedded database and uploads live in, and a
// per-machine secret in .env (never committed) instead of a shared default.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'

for (const dir of ['data', 'media']) mkdirSync(dir, { recursive: true })

const env = existsSync('.env') ? readFileSync('.env', 'utf8') : ''
if (!/^PAYLOAD_SECRET=/m.test(env)) {
  const line = `PAYLOAD_SECRET=${randomBytes(24).toString('hex')}\n`
  writeFileSync('.env', env + (env && !env.endsWith('\n') ? '\n' : '') + line)
  console.log('已生成 .env 中的 PAYLOAD_SECRET / Wrote a PAYLOAD_SECRET to .env')
}
