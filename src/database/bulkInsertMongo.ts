import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { ClientSession, Model } from 'mongoose'
import type { CollectionSlug, Field, JsonObject, Payload } from 'payload'

import { transform } from '@payloadcms/db-mongodb/internal'
import { Types } from 'mongoose'
import { buildVersionCollectionFields, commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import { deepCopyObjectSimple } from 'payload/shared'

import type { BulkWriter, DocumentId, NewVersion, UpsertOptions } from './bulkInsert'

type AnyModel = Model<unknown>

/** Documents as Payload's Mongo adapter writes them: its own transform turns id strings into ObjectIds, dates into Dates. */
function toStored(adapter: MongooseAdapter, fields: Field[], docs: readonly JsonObject[]): JsonObject[] {
  const copies = docs.map((doc) => deepCopyObjectSimple(doc))
  for (const copy of copies) delete copy.id
  transform({ adapter, data: copies, fields, operation: 'write' })
  return copies
}

class MongoBulkWriter implements BulkWriter {
  /** What this writer inserted, so a failed batch can be taken back where there is no transaction. */
  private readonly inserted: { ids: unknown[]; model: AnyModel }[] = []

  constructor(
    private readonly payload: Payload,
    private readonly adapter: MongooseAdapter,
    private readonly session: ClientSession | undefined,
  ) {}

  async insert(collection: CollectionSlug, docs: readonly JsonObject[]): Promise<DocumentId[]> {
    const config = this.payload.collections[collection].config
    return this.insertInto(this.adapter.collections[collection] as unknown as AnyModel, toStored(this.adapter, config.fields, docs))
  }

  async insertVersions(collection: CollectionSlug, versions: readonly NewVersion[]): Promise<void> {
    const config = this.payload.collections[collection].config
    const fields = buildVersionCollectionFields(this.payload.config, config)
    const docs = versions.map(({ createdAt, parent, updatedAt, version }) => {
      const { id: _ignored, ...stored } = version
      return { autosave: false, createdAt, latest: true, parent, updatedAt, version: stored }
    })
    await this.insertInto(this.adapter.versions[collection] as unknown as AnyModel, toStored(this.adapter, fields, docs))
  }

  /**
   * One query for the keys that exist, `insertMany` for the rest, an update by `_id` for those that exist.
   * (One upsert per row costs a collection scan each on FerretDB.) A key inserted by someone else in between
   * makes the insert fail on the unique index, and the batch with it; it is then written again.
   */
  async upsert(collection: CollectionSlug, docs: readonly JsonObject[], { key, update }: UpsertOptions): Promise<void> {
    if (docs.length === 0) return
    const model = this.adapter.collections[collection] as unknown as AnyModel
    const byKey = new Map(toStored(this.adapter, this.payload.collections[collection].config.fields, docs).map((doc) => [String(doc[key]), doc]))
    const existing = (await model
      .find({ [key]: { $in: [...byKey.values()].map((doc) => doc[key]) } }, { _id: 1, [key]: 1 })
      .session(this.session ?? null)
      .lean()) as unknown as Record<string, unknown>[]
    const idOfKey = new Map(existing.map((doc) => [String(doc[key]), doc._id]))
    await this.insertInto(model, [...byKey.values()].filter((doc) => !idOfKey.has(String(doc[key]))))
    const changes = [...byKey.values()]
      .filter((doc) => idOfKey.has(String(doc[key])))
      .map((doc) => ({ updateOne: { filter: { _id: idOfKey.get(String(doc[key])) }, update: { $set: Object.fromEntries(update.map((field) => [field, doc[field]])) } } }))
    if (changes.length) await model.bulkWrite(changes as never, { session: this.session, timestamps: false })
  }

  async undoInserts(): Promise<void> {
    for (const { ids, model } of this.inserted.reverse()) await model.deleteMany({ _id: { $in: ids } })
    this.inserted.length = 0
  }

  private async insertInto(model: AnyModel, docs: JsonObject[]): Promise<DocumentId[]> {
    if (docs.length === 0) return []
    // Ids are given here, before the insert, so that a failure part-way can still be undone.
    const ids = docs.map((doc) => (doc._id ??= new Types.ObjectId()))
    this.inserted.push({ ids, model })
    await model.insertMany(docs, { ordered: true, session: this.session })
    return ids.map((id) => String(id))
  }
}

/**
 * One batch: in a transaction where the server has them (a replica set); otherwise (FerretDB v1, a standalone
 * server) a failed batch deletes the documents it had inserted, so no half-written batch stays behind.
 */
export async function withMongoBulkWriter<T>(payload: Payload, work: (writer: BulkWriter) => Promise<T>): Promise<T> {
  const adapter = payload.db as unknown as MongooseAdapter
  const req = await createLocalReq({}, payload)
  const ownTransaction = await initTransaction(req)
  const transactionId = ownTransaction ? await req.transactionID : undefined
  const writer = new MongoBulkWriter(payload, adapter, transactionId === undefined ? undefined : adapter.sessions[transactionId])
  try {
    const result = await work(writer)
    if (ownTransaction) await commitTransaction(req)
    return result
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    else
      await writer.undoInserts().catch((undoError: unknown) =>
        payload.logger.error({ err: undoError, msg: '批量写入失败后未能全部撤销 / could not undo all inserts of a failed bulk write' }),
      )
    throw error
  }
}
