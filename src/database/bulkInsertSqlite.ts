import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { CollectionSlug, Field, FlattenedField, JsonObject, Payload } from 'payload'

import { buildVersionCollectionFields } from 'payload'
import { fieldIsVirtual, valueIsValueWithRelation } from 'payload/shared'

import { relationId } from '@/utilities/relationId'

import type { BulkWriter, DocumentId, NewVersion, UpsertOptions } from './bulkInsert'

type Row = Record<string, unknown>
type Client = SQLiteAdapter['client']
type Statement = Extract<Parameters<Client['batch']>[0][number], { sql: string }>
type Column = { mapToDriverValue?: (value: unknown) => unknown; name: string }
type Table = Record<string, unknown>

/** One document split the way Payload's drizzle adapter stores it: the main row, `_rels` rows, hasMany select rows. */
interface SplitDocument {
  main: Row
  relationships: Row[]
  selects: Map<string, Row[]>
}

/** SQLite binds at most 32766 parameters per statement; stay well below. */
const MAX_PARAMETERS = 30_000

class UnsupportedField extends Error {
  constructor(tableName: string, field: FlattenedField) {
    super(`批量写入不支持字段 ${tableName}.${field.name}（${field.type}）/ bulk writes do not handle field ${tableName}.${field.name} (${field.type})`)
  }
}

const isEmpty = (value: unknown): boolean => value === null || (Array.isArray(value) && value.length === 0)
const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`

function columnValue(field: FlattenedField, value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (field.type === 'text' && value && typeof value !== 'string') return JSON.stringify(value)
  return value
}

function relationshipRows(field: Extract<FlattenedField, { type: 'relationship' | 'upload' }>, value: unknown, path: string): Row[] {
  if (value === null) return []
  const items = Array.isArray(value) ? value : [value]
  return items.flatMap((item, index): Row[] => {
    const row: Row = { path }
    if (field.hasMany) row.order = index + 1
    if (Array.isArray(field.relationTo)) {
      if (!valueIsValueWithRelation(item)) return []
      row[`${item.relationTo}ID`] = relationId(item.value)
      return [row]
    }
    const id = relationId(item)
    if (id === null) return []
    row[`${field.relationTo}ID`] = id
    return [row]
  })
}

/**
 * Splits documents into rows of the tables Payload's drizzle adapter built (`payload.db.tables`): column keys are
 * the field names (inside a group `group_field`), relationship paths are dotted (`version.themes`). Arrays, blocks,
 * points, hasMany texts/numbers and localized fields live in tables this writer does not fill: a value for one is
 * refused, never dropped.
 */
class DocumentSplitter {
  constructor(private readonly adapter: SQLiteAdapter) {}

  split(tableName: string, fields: FlattenedField[], data: JsonObject): SplitDocument {
    const out: SplitDocument = { main: {}, relationships: [], selects: new Map() }
    this.traverse(tableName, fields, data, out, '', '')
    return out
  }

  private traverse(tableName: string, fields: FlattenedField[], data: JsonObject, out: SplitDocument, keyPrefix: string, pathPrefix: string): void {
    for (const field of fields) {
      if (fieldIsVirtual(field as Field)) continue
      const value = data[field.name]
      if (value === undefined) continue
      if ('localized' in field && field.localized) throw new UnsupportedField(tableName, field)
      const key = `${keyPrefix}${field.name}`
      switch (field.type) {
        case 'group':
        case 'tab':
          if (value && typeof value === 'object') {
            this.traverse(tableName, field.flattenedFields, value as JsonObject, out, `${key}_`, `${pathPrefix}${field.name}.`)
          }
          continue
        case 'relationship':
        case 'upload':
          if (field.hasMany || Array.isArray(field.relationTo)) out.relationships.push(...relationshipRows(field, value, `${pathPrefix}${field.name}`))
          else out.main[key] = relationId(value)
          continue
        case 'select':
          if (field.hasMany) {
            this.addSelectRows(tableName, key, value, out)
            continue
          }
          break
        case 'text':
        case 'number':
          if (field.hasMany && !isEmpty(value)) throw new UnsupportedField(tableName, field)
          if (field.hasMany) continue
          break
        case 'array':
        case 'blocks':
        case 'point':
          if (!isEmpty(value)) throw new UnsupportedField(tableName, field)
          continue
        default:
          break
      }
      out.main[key] = columnValue(field, value)
    }
  }

  private addSelectRows(tableName: string, key: string, value: unknown, out: SplitDocument): void {
    if (!Array.isArray(value)) return
    const selectTable = this.adapter.rawRelations[tableName]?.[key]?.to
    if (!selectTable) throw new Error(`no select table for ${tableName}.${key} / 找不到多选字段表 ${tableName}.${key}`)
    const rows = out.selects.get(selectTable) ?? []
    value.forEach((item, index) => rows.push({ order: index + 1, value: item }))
    out.selects.set(selectTable, rows)
  }
}

/** Payload's default table name of a collection slug (`field-sites` → `field_sites`), checked against the schema. */
function tableNameOf(adapter: SQLiteAdapter, slug: string, versions = false): string {
  const snake = slug.replace(/[-\s]+/g, '_')
  const tableName = adapter.tableNameMap.get(versions ? `_${snake}${adapter.versionsSuffix}` : snake)
  if (!tableName || !adapter.tables[tableName]) throw new Error(`no table for collection "${slug}" / 找不到集合 ${slug} 的数据表`)
  return tableName
}

/**
 * Builds plain SQL for the tables of `payload.db.tables`: column names and value encodings (JSON, booleans,
 * numerics) come from their drizzle column objects, so rows read back through Payload as if drizzle had written
 * them. Rows are grouped by their columns so that omitted columns keep their SQL defaults. Nothing runs until
 * `statements` are executed together.
 */
class SqlWriter {
  readonly statements: Statement[] = []
  private readonly allocated = new Map<string, number>()

  constructor(
    private readonly adapter: SQLiteAdapter,
    private readonly client: Client,
  ) {}

  insert(tableName: string, rows: Row[], suffix = ''): void {
    const table = this.tableOf(tableName)
    const groups = new Map<string, Row[]>()
    for (const row of rows) {
      const keys = Object.keys(row).sort().join('\u0000')
      groups.set(keys, [...(groups.get(keys) ?? []), row])
    }
    for (const [signature, group] of groups) {
      const keys = signature.split('\u0000')
      const columns = keys.map((key) => this.columnOf(table, tableName, key))
      const size = Math.max(1, Math.floor(MAX_PARAMETERS / keys.length))
      for (let start = 0; start < group.length; start += size) {
        const chunk = group.slice(start, start + size)
        const tuple = `(${keys.map(() => '?').join(', ')})`
        this.statements.push({
          args: chunk.flatMap((row) => keys.map((key, index) => driverValue(columns[index]!, row[key]))) as Statement['args'],
          sql: `INSERT INTO ${quote(tableName)} (${columns.map((column) => quote(column.name)).join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}${suffix}`,
        })
      }
    }
  }

  upsert(tableName: string, rows: Row[], key: string, update: readonly string[]): void {
    const table = this.tableOf(tableName)
    const column = (field: string) => quote(this.columnOf(table, tableName, field).name)
    this.insert(tableName, rows, ` ON CONFLICT (${column(key)}) DO UPDATE SET ${update.map((field) => `${column(field)} = excluded.${column(field)}`).join(', ')}`)
  }

  /**
   * Ids for `count` new rows, as SQLite would pick them (largest + 1). They are only claimed when the batch
   * commits: should another writer take one first, the batch fails on the primary key and is run again.
   */
  async nextIds(tableName: string, count: number): Promise<number[]> {
    let last = this.allocated.get(tableName)
    if (last === undefined) {
      const column = quote(this.columnOf(this.tableOf(tableName), tableName, 'id').name)
      const { rows } = await this.client.execute(`SELECT coalesce(max(${column}), 0) AS max FROM ${quote(tableName)}`)
      last = Number(rows[0]?.max ?? 0)
    }
    this.allocated.set(tableName, last + count)
    return Array.from({ length: count }, (_, index) => last! + index + 1)
  }

  private tableOf(tableName: string): Table {
    const table = this.adapter.tables[tableName] as Table | undefined
    if (!table) throw new Error(`no table ${tableName} / 找不到数据表 ${tableName}`)
    return table
  }

  private columnOf(table: Table, tableName: string, key: string): Column {
    const column = table[key] as Column | undefined
    if (!column || typeof column.name !== 'string') throw new Error(`table ${tableName} has no column for "${key}" / 数据表 ${tableName} 没有字段 ${key}`)
    return column
  }
}

const driverValue = (column: Column, value: unknown): unknown => (value === null || value === undefined ? null : column.mapToDriverValue ? column.mapToDriverValue(value) : value)

class SqliteBulkWriter implements BulkWriter {
  private readonly splitter: DocumentSplitter

  constructor(
    private readonly payload: Payload,
    private readonly adapter: SQLiteAdapter,
    private readonly sql: SqlWriter,
  ) {
    this.splitter = new DocumentSplitter(adapter)
  }

  async insert(collection: CollectionSlug, docs: readonly JsonObject[]): Promise<DocumentId[]> {
    const config = this.payload.collections[collection].config
    return this.insertDocuments(tableNameOf(this.adapter, collection), config.flattenedFields, docs)
  }

  async insertVersions(collection: CollectionSlug, versions: readonly NewVersion[]): Promise<void> {
    const config = this.payload.collections[collection].config
    const fields = buildVersionCollectionFields(this.payload.config, config, true)
    const rows = versions.map(({ createdAt, parent, updatedAt, version }) => {
      const { id: _ignored, ...stored } = version
      return { autosave: false, createdAt, latest: true, parent, updatedAt, version: stored }
    })
    await this.insertDocuments(tableNameOf(this.adapter, collection, true), fields, rows)
  }

  async upsert(collection: CollectionSlug, docs: readonly JsonObject[], { key, update }: UpsertOptions): Promise<void> {
    const tableName = tableNameOf(this.adapter, collection)
    const fields = this.payload.collections[collection].config.flattenedFields
    const rows = docs.map((doc) => {
      const split = this.splitter.split(tableName, fields, doc)
      if (split.relationships.length || split.selects.size) throw new Error(`upsert into ${tableName}: flat rows only / 仅支持平面字段`)
      return split.main
    })
    if (rows.length) this.sql.upsert(tableName, rows, key, update)
  }

  private async insertDocuments(tableName: string, fields: FlattenedField[], docs: readonly JsonObject[]): Promise<DocumentId[]> {
    if (docs.length === 0) return []
    const split = docs.map((doc) => this.splitter.split(tableName, fields, doc))
    const ids = await this.sql.nextIds(tableName, docs.length)
    this.sql.insert(tableName, split.map((document, index) => ({ ...document.main, id: ids[index] })))
    const relationships = split.flatMap((document, index) => document.relationships.map((row) => ({ ...row, parent: ids[index] })))
    if (relationships.length) this.sql.insert(`${tableName}${this.adapter.relationshipsSuffix}`, relationships)
    for (const selectTable of new Set(split.flatMap((document) => [...document.selects.keys()]))) {
      this.sql.insert(selectTable, split.flatMap((document, index) => (document.selects.get(selectTable) ?? []).map((row) => ({ ...row, parent: ids[index] }))))
    }
    return ids
  }
}

const ATTEMPTS = 3

const isPrimaryKeyConflict = (error: unknown): boolean =>
  /SQLITE_CONSTRAINT_PRIMARYKEY|UNIQUE constraint failed: [^ ]+\.id\b/.test(`${(error as { code?: string }).code ?? ''} ${(error as Error).message ?? ''}`)

/**
 * A batch is prepared as SQL statements, then run by Payload's own libsql client as one `client.batch(…, 'write')`:
 * `BEGIN IMMEDIATE`, every statement, `COMMIT` — or `ROLLBACK` on any error — on Payload's connection, with its
 * busy timeout, and without other queries in between. (Payload's SQLite adapter runs without transactions by
 * default, and its drizzle transactions would move Payload onto a new connection without its pragmas.)
 */
export async function withSqliteBulkWriter<T>(payload: Payload, work: (writer: BulkWriter) => Promise<T>): Promise<T> {
  const adapter = payload.db as unknown as SQLiteAdapter
  for (let attempt = 1; ; attempt++) {
    const sql = new SqlWriter(adapter, adapter.client)
    const result = await work(new SqliteBulkWriter(payload, adapter, sql))
    try {
      if (sql.statements.length) await adapter.client.batch(sql.statements, 'write')
      return result
    } catch (error) {
      // Another writer took one of the ids this batch picked: pick again.
      if (attempt < ATTEMPTS && isPrimaryKeyConflict(error)) continue
      throw error
    }
  }
}
