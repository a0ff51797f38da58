import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'

import { parse } from 'csv-parse/sync'

import { EXTENSION_FAMILIES } from '../policy'

export type ImportKind = 'courseware' | 'video'

/** One manifest line, as written; `row` is its 1-based data-row number (the header is row 0). */
export interface ImportRow {
  row: number
  title: string
  file: string
  kind: ImportKind
  themes: string[]
  audiences: string[]
  jurisdiction: string
  visibility: string
  lecturers: string[]
}

export interface Manifest {
  rows: ImportRow[]
  /** Relative `file` paths resolve against this folder. */
  baseDir: string
  /** The state and error-report files sit next to the manifest (or inside the imported folder). */
  statePath: string
  errorReportPath: string
}

export interface ManifestDefaults {
  jurisdiction?: string
  visibility?: string
}

export const MANIFEST_COLUMNS = ['title', 'file', 'kind', 'themes', 'audiences', 'jurisdiction', 'visibility', 'lecturer'] as const

const list = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split(/[;；]/)
    .map((item) => item.trim())
    .filter(Boolean)

const AV_EXTENSIONS = new Set<string>(EXTENSION_FAMILIES.av)
const kindOfFile = (file: string): ImportKind => (AV_EXTENSIONS.has(path.extname(file).slice(1).toLowerCase()) ? 'video' : 'courseware')

function kindOf(cell: string | undefined, file: string): ImportKind {
  const value = (cell ?? '').trim().toLowerCase()
  if (['video', 'videos', 'audio', '音像资料', '视频'].includes(value)) return 'video'
  if (value === '') return kindOfFile(file)
  return 'courseware'
}

const titleFromFile = (file: string): string => path.basename(file).replace(/\.[^.]{1,8}$/, '')

function toRow(record: Record<string, string>, index: number, defaults: ManifestDefaults): ImportRow {
  const file = (record.file ?? '').trim()
  return {
    audiences: list(record.audiences),
    file,
    jurisdiction: (record.jurisdiction ?? '').trim() || (defaults.jurisdiction ?? ''),
    kind: kindOf(record.kind, file),
    lecturers: list(record.lecturer ?? record.lecturers),
    row: index + 1,
    themes: list(record.themes),
    title: (record.title ?? '').trim() || titleFromFile(file),
    visibility: (record.visibility ?? '').trim() || (defaults.visibility ?? 'shared'),
  }
}

export async function readCsvManifest(manifestPath: string, defaults: ManifestDefaults = {}): Promise<Manifest> {
  const records = parse(await readFile(manifestPath), { bom: true, columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()), skip_empty_lines: true, trim: true }) as Record<string, string>[]
  return {
    baseDir: path.dirname(manifestPath),
    errorReportPath: `${manifestPath}.errors.csv`,
    rows: records.map((record, index) => toRow(record, index, defaults)),
    statePath: `${manifestPath}.import-state.jsonl`,
  }
}

const IMPORT_FILES = /^\.|\.import-state\.jsonl$|\.errors\.csv$/

async function listFiles(folder: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(folder, prefix), { withFileTypes: true })
  const nested = await Promise.all(
    entries
      .filter((entry) => !IMPORT_FILES.test(entry.name))
      .map((entry) => (entry.isDirectory() ? listFiles(folder, path.join(prefix, entry.name)) : [path.join(prefix, entry.name)])),
  )
  return nested.flat().sort()
}

/** A folder without a manifest: every file is one item titled by its name, in the `--jurisdiction` given. */
export async function readFolderManifest(folder: string, defaults: ManifestDefaults): Promise<Manifest> {
  if (!defaults.jurisdiction) throw new Error('Importing a folder needs --jurisdiction <name or id> / 导入文件夹时须指定 --jurisdiction')
  const files = await listFiles(folder)
  return {
    baseDir: folder,
    errorReportPath: path.join(folder, '.import-errors.csv'),
    rows: files.map((file, index) => toRow({ file }, index, defaults)),
    statePath: path.join(folder, '.import-state.jsonl'),
  }
}

export async function readManifest(source: string, defaults: ManifestDefaults = {}): Promise<Manifest> {
  const resolved = path.resolve(source)
  return (await stat(resolved)).isDirectory() ? readFolderManifest(resolved, defaults) : readCsvManifest(resolved, defaults)
}
