/**
 * The filter and sort attributes of every indexed row, held in typed arrays indexed by SQLite rowid.
 * Scope, filters and facet counting run here over the text-matching rowids: a tight loop over a few
 * megabytes at 100,000 documents, instead of joins over thousands of rows in SQL (DESIGN.md §4 numbers).
 * The arrays are a cache of the `docs` table, refreshed from its change sequence, so several processes
 * writing the same file stay consistent.
 */
import { SEARCH_KINDS, type SearchKind, type Visibility } from '../types'

export const VISIBILITIES: readonly Visibility[] = ['public', 'shared', 'local']

export type ColumnRow = {
  rowid: number
  kind: string
  visibility: string
  owner_id: string
  path: string
  themes: string
  audiences: string
  formats: string
  year: null | number
  featured: number
  lat: null | number
  lng: null | number
  newest_ms: number
}

/** strings ↔ small integers */
export class Interner<T = undefined> {
  readonly ids = new Map<string, number>()
  readonly values: string[] = []
  readonly extra: T[] = []
  constructor(private readonly derive?: (value: string) => T) {}

  intern(value: string): number {
    let id = this.ids.get(value)
    if (id === undefined) {
      id = this.values.length
      this.ids.set(value, id)
      this.values.push(value)
      this.extra.push(this.derive ? this.derive(value) : (undefined as T))
    }
    return id
  }
}

const grow = <A extends Float64Array | Int16Array | Int32Array | Uint8Array>(array: A, size: number): A => {
  if (array.length >= size) return array
  const bigger = new (array.constructor as new (n: number) => A)(Math.max(size, array.length * 2))
  bigger.set(array)
  return bigger
}

export class DocColumns {
  maxRowid = 0
  aliveCount = 0
  alive = new Uint8Array(1024)
  kind = new Uint8Array(1024)
  visibility = new Uint8Array(1024)
  owner = new Int32Array(1024)
  path = new Int32Array(1024)
  themes = new Int32Array(1024)
  audiences = new Int32Array(1024)
  formats = new Int32Array(1024)
  year = new Int16Array(1024)
  featured = new Uint8Array(1024)
  lat = new Float64Array(1024)
  lng = new Float64Array(1024)
  newest = new Float64Array(1024)

  /** jurisdiction ids, theme/audience/format values */
  readonly values = new Interner()
  /** '/1/5/9/' → value ids of 1, 5, 9 */
  readonly paths = new Interner<Int32Array>((path) => this.toValueIds(path.split('/').filter(Boolean)))
  /** JSON list → value ids */
  readonly lists = new Interner<Int32Array>((json) => this.toValueIds(JSON.parse(json) as string[]))

  private toValueIds(values: string[]): Int32Array {
    return Int32Array.from(values, (value) => this.values.intern(value))
  }

  private ensure(rowid: number): void {
    const size = rowid + 1
    if (this.alive.length >= size) return
    this.alive = grow(this.alive, size)
    this.kind = grow(this.kind, size)
    this.visibility = grow(this.visibility, size)
    this.owner = grow(this.owner, size)
    this.path = grow(this.path, size)
    this.themes = grow(this.themes, size)
    this.audiences = grow(this.audiences, size)
    this.formats = grow(this.formats, size)
    this.year = grow(this.year, size)
    this.featured = grow(this.featured, size)
    this.lat = grow(this.lat, size)
    this.lng = grow(this.lng, size)
    this.newest = grow(this.newest, size)
  }

  set(row: ColumnRow): void {
    const r = row.rowid
    this.ensure(r)
    if (!this.alive[r]) this.aliveCount++
    this.alive[r] = 1
    this.maxRowid = Math.max(this.maxRowid, r)
    this.kind[r] = Math.max(0, SEARCH_KINDS.indexOf(row.kind as SearchKind))
    this.visibility[r] = Math.max(0, VISIBILITIES.indexOf(row.visibility as Visibility))
    this.owner[r] = this.values.intern(row.owner_id)
    this.path[r] = this.paths.intern(row.path)
    this.themes[r] = this.lists.intern(row.themes)
    this.audiences[r] = this.lists.intern(row.audiences)
    this.formats[r] = this.lists.intern(row.formats)
    this.year[r] = row.year ?? 0
    this.featured[r] = row.featured ? 1 : 0
    this.lat[r] = row.lat ?? Number.NaN
    this.lng[r] = row.lng ?? Number.NaN
    this.newest[r] = row.newest_ms
  }

  delete(rowid: number): void {
    if (rowid > this.maxRowid || !this.alive[rowid]) return
    this.alive[rowid] = 0
    this.aliveCount--
  }
}
