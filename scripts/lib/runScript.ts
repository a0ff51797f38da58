import type { InitOptions, Payload, SanitizedConfig } from 'payload'

import { getPayload } from 'payload'

/**
 * Runs a script's work on a booted Payload, then exits with its code: 0 when the work returns nothing, 1 with
 * the error's message when it throws. Scripts start through `scripts/lib/run.mjs`, not `payload run`, which can
 * exit 0 before the work has run (payloadcms/payload#17757); they import `./env` first, then the config.
 */
export const runScript = (
  name: string,
  config: Promise<SanitizedConfig>,
  work: (payload: Payload) => Promise<number | void>,
  options: Pick<InitOptions, 'disableOnInit'> = {},
): void => {
  // Tell scripts/lib/run.mjs that every module is loaded; from here on an end without an exit code is a failure.
  process.send?.('started')
  let finished = false
  process.on('exit', () => {
    if (finished) return
    console.error(`${name}：未完成即退出 / ${name} stopped before finishing`)
    process.exitCode = 70
  })
  const run = async (): Promise<number> => {
    const payload = await getPayload({ config: await config, ...options })
    try {
      return (await work(payload)) ?? 0
    } finally {
      await payload.destroy()
    }
  }
  run().then(
    (code) => {
      finished = true
      process.exit(code)
    },
    (error: unknown) => {
      finished = true
      console.error(`${name} 失败 / ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      process.exit(1)
    },
  )
}
