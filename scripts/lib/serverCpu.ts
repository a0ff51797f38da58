/**
 * CPU time a search server process spent, for benchmarks on a shared machine: the wall time of a query
 * there counts the other processes' turns; the server's own CPU time does not. Linux only: the sum over the
 * process's threads of /proc/<pid>/task/<tid>/schedstat (nanoseconds on a CPU).
 */
import fs from 'node:fs'

/** the Meilisearch server's pid, when the caller says it (scripts/meilisearch.sh run exports MEILI_PID) */
export const meiliPid = (): null | number => (process.env.MEILI_PID ? Number(process.env.MEILI_PID) : null)

/** the process's CPU time so far in ms, or null when it cannot be read */
export const processCpuMs = (pid: number): null | number => {
  try {
    let nanoseconds = 0
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      try {
        nanoseconds += Number(fs.readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0])
      } catch {
        // the thread ended between the listing and the read
      }
    }
    return nanoseconds / 1e6
  } catch {
    return null
  }
}
