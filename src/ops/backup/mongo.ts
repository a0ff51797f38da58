/**
 * MongoDB: every collection exported through the driver to a file of canonical Extended JSON, one document a
 * line (types such as ObjectId and Date survive the trip; mongodump is not needed). Collections are read one
 * after the other, so a backup taken while people write is consistent per collection, not across collections.
 */
import type { Db } from 'mongodb'
import type { Payload } from 'payload'

import { EJSON } from 'bson'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readdir } from 'node:fs/promises'
import path from 'node:path'
import { once } from 'node:events'
import { createInterface } from 'node:readline'

const EXTENSION = '.ejson'
const INSERT_BATCH = 500

export const mongoDb = (payload: Payload): Db => (payload.db as unknown as { connection: { db: Db } }).connection.db

const collectionNames = async (db: Db): Promise<string[]> =>
  (await db.listCollections({}, { nameOnly: true }).toArray())
    .map((collection) => collection.name)
    .filter((name) => !name.startsWith('system.'))
    .sort()

/** Writes every collection into `dir`; returns the documents written per collection. */
export const exportMongo = async (db: Db, dir: string): Promise<Record<string, number>> => {
  await mkdir(dir, { recursive: true })
  const counts: Record<string, number> = {}
  for (const name of await collectionNames(db)) {
    const out = createWriteStream(path.join(dir, name + EXTENSION))
    let count = 0
    for await (const doc of db.collection(name).find({})) {
      if (!out.write(`${EJSON.stringify(doc, { relaxed: false })}\n`)) await once(out, 'drain')
      count++
    }
    out.end()
    await once(out, 'finish')
    counts[name] = count
  }
  return counts
}

/** Documents in the target database, over all collections. */
export const mongoDocuments = async (db: Db): Promise<number> => {
  let total = 0
  for (const name of await collectionNames(db)) total += await db.collection(name).countDocuments({})
  return total
}

/** Inserts every exported collection from `dir`; with `replace`, a collection's documents go first. Returns the documents per collection. */
export const importMongo = async (db: Db, dir: string, replace: boolean): Promise<Record<string, number>> => {
  const counts: Record<string, number> = {}
  for (const file of (await readdir(dir)).filter((name) => name.endsWith(EXTENSION)).sort()) {
    const collection = db.collection(file.slice(0, -EXTENSION.length))
    if (replace) await collection.deleteMany({})
    let batch: Record<string, unknown>[] = []
    let count = 0
    for await (const line of createInterface({ crlfDelay: Infinity, input: createReadStream(path.join(dir, file)) })) {
      if (!line) continue
      batch.push(EJSON.parse(line, { relaxed: false }) as Record<string, unknown>)
      if (batch.length === INSERT_BATCH) {
        await collection.insertMany(batch, { ordered: true })
        count += batch.length
        batch = []
      }
    }
    if (batch.length) await collection.insertMany(batch, { ordered: true })
    counts[collection.collectionName] = count + batch.length
  }
  return counts
}

export const mongoCounts = async (db: Db): Promise<Record<string, number>> => {
  const counts: Record<string, number> = {}
  for (const name of await collectionNames(db)) counts[name] = await db.collection(name).countDocuments({})
  return counts
}
