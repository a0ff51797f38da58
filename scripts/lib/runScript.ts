import type { InitOptions, Payload, SanitizedConfig } from 'payload'

import { getPayload } from 'payload'

/** A failure the user can act on: printed as its message alone, without a stack. */
export class ScriptError extends Error {}

/**
 * Runs a script's work, then exits with its code: 0 when the work returns nothing, 1 with the error's message
 * when it throws. Scripts start through `scripts/lib/run.mjs`, not `payload run`, which can exit 0 before the
 * work has run (payloadcms/payload#17757); they import `./env` first, then the config.
 */
export const runTask = (name: string, work: () => Promise<number | void>): void => {
  // Tell scripts/lib/run.mjs that every module is loaded; from here on an end without an exit code is a failure.
  process.send?.('started')
  let finished = false
  process.on('exit', () => {
    if (finished) return
    console.error(`${name}：未完成即退出 / ${name} stopped before finishing`)
    process.exitCode = 70
  })
  work().then(
    (code) => {
      finished = true
      process.exit(code ?? 0)
    },
    (error: unknown) => {
      finished = true
      const reason = error instanceof ScriptError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)
      console.error(`${name} 失败 / ${name} failed: ${reason}`)
      process.exit(1)
    },
  )
}

/** Boots Payload, runs the work on it, and shuts Payload down. */
export const withPayload = async <T>(
  config: Promise<SanitizedConfig>,
  work: (payload: Payload) => Promise<T>,
  options: Pick<InitOptions, 'disableOnInit'> = {},
): Promise<T> => {
  const payload = await getPayload({ config: await config, ...options })
  try {
    return await work(payload)
  } finally {
    await payload.destroy()
  }
}

/** runTask on a booted Payload. */
export const runScript = (
  name: string,
  config: Promise<SanitizedConfig>,
  work: (payload: Payload) => Promise<number | void>,
  options: Pick<InitOptions, 'disableOnInit'> = {},
): void => runTask(name, () => withPayload(config, work, options))
