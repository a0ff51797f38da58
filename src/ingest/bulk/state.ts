import { appendFile, readFile, writeFile } from 'node:fs/promises'


export interface DoneRecord {
  key: string
  id: number | string
  outcome: 'created' | 'existing'
}

/**
 * Rows already done, one JSON line each, appended as each batch is committed: a crash or Ctrl-C loses at most
 * the rows in flight, and those are found again by their SHA-256 on the next run.
 */
export class ImportState {
  private constructor(
    private readonly path: string,
    readonly done: Map<string, DoneRecord>,
  ) {}

  static async open(path: string): Promise<ImportState> {
    const done = new Map<string, DoneRecord>()
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return ''
      throw error
    })
    for (const line of text.split('\n')) {
      // The last line may be cut short by a crash mid-write; the row is simply done again.
      const record = parseLine(line)
      if (record) done.set(record.key, record)
    }
    return new ImportState(path, done)
  }

  /** Records rows once their batch is committed: one append for the batch. */
  async recordAll(entries: readonly DoneRecord[]): Promise<void> {
    if (entries.length === 0) return
    for (const entry of entries) this.done.set(entry.key, entry)
    await appendFile(this.path, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''))
  }
}

function parseLine(line: string): DoneRecord | undefined {
  if (!line.trim()) return undefined
  try {
    return JSON.parse(line) as DoneRecord
  } catch (error) {
    if (error instanceof SyntaxError) return undefined
    throw error
  }
}

export interface FailedRow {
  row: number
  title: string
  file: string
  error: string
}

const csvCell = (value: number | string): string => {
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
const csvLine = (cells: (number | string)[]): string => `${cells.map(csvCell).join(',')}\r\n`

/** The BOM lets Excel open the Chinese text as UTF-8. */
export async function writeErrorReport(path: string, failures: FailedRow[]): Promise<void> {
  const rows = [...failures].sort((a, b) => a.row - b.row).map((failure) => [failure.row, failure.title, failure.file, failure.error])
  await writeFile(path, `\uFEFF${[['row', 'title', 'file', 'error'], ...rows].map(csvLine).join('')}`)
}
