/** How many `next start` processes `npm start` runs (scripts/serve.mjs); bench:site waits for that many. */
import os from 'node:os'

export const MAX_WEB_PROCESSES = 16

/** `COMMONS_WEB_PROCESSES`, or one per CPU core (at most 4); throws with a bilingual message on a bad value */
export const webProcessCount = (asked = process.env.COMMONS_WEB_PROCESSES) => {
  if (asked === undefined || asked === '') return Math.min(os.availableParallelism(), 4)
  const count = Number(asked)
  if (!Number.isInteger(count) || count < 1 || count > MAX_WEB_PROCESSES)
    throw new Error(
      `COMMONS_WEB_PROCESSES must be a whole number from 1 to ${MAX_WEB_PROCESSES} (进程数须为 1–${MAX_WEB_PROCESSES} 的整数), not "${asked}"`,
    )
  return count
}
