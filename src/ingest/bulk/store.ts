import type { CollectionSlug, JsonObject, Payload, PayloadRequest } from 'payload'

import { type BulkWriter, type DocumentId, withBulkWriter } from '@/database/bulkInsert'
import { searchOutboxKey } from '@/search/sync'
import { readStoredFileIfAny, removeStoredFile, writeNewStoredFile } from '@/storage/storedFiles'

import { sha256OfBytes } from '../checksum'
import { getCheckUploadOptions, storedFileNameOf, withFileFacts } from '../hooks/checkUpload'
import { extractionJobFor, type FileJob } from '../hooks/queueExtraction'
import { toStoredDocument } from './documents'
import type { FileCandidate, FileCollection } from './inspect'
import type { ImportRow } from './manifest'
import type { DoneRecord } from './state'

export type StoreOutcome =
  | { done: DoneRecord; row: ImportRow }
  | { error: unknown; row: ImportRow }
  /** The stored name is taken by a different file: Payload's own create picks a free name (`-1`). */
  | { candidate: FileCandidate; row: ImportRow; viaPayload: true }

export const rowKey = (row: ImportRow): string => `${row.kind}|${row.file}|${row.title}`

/** The job the collection's afterChange hook queues for a new file (`queueExtraction`). */
const FILE_JOBS: Record<FileCollection, (doc: JsonObject & { id: DocumentId }) => FileJob | undefined> = {
  courseware: extractionJobFor,
}

/** The collection whose rows `drainSearchOutbox` reads (`queueSearchChange` writes the same fields). */
const SEARCH_OUTBOX = 'search-outbox' satisfies CollectionSlug
const JOBS = 'payload-jobs' satisfies CollectionSlug

/** One file to store: the first row of the batch that names it; later rows naming the same content follow it. */
interface Leader {
  candidate: FileCandidate
  doc: JsonObject
  filename: string
  /** The exact file is stored already (left by an interrupted run): keep it, do not write or remove it. */
  reuseFile: boolean
}

const groupBy = <T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> => {
  const groups = new Map<K, T[]>()
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item])
  return groups
}

const contentKey = (candidate: FileCandidate): string => `${candidate.collection}:${candidate.facts.sha256}`

/** Whether the stored file of that name holds this content; undefined when there is none. */
async function sameContentStored(payload: Payload, collection: FileCollection, filename: string, sha256: string): Promise<boolean | undefined> {
  const bytes = await readStoredFileIfAny(payload, collection, { filename })
  return bytes && (await sha256OfBytes(bytes)) === sha256
}

/**
 * Stores a batch of checked files the way `payload.create` would, with a handful of statements for the whole
 * batch: the same duplicate rule (one query for the batch's SHA-256s, and duplicates inside the batch), the same
 * stored names, documents from Payload's field pipeline, then — in one transaction — the documents, their first
 * versions, the extraction jobs and the search-outbox rows. A batch that fails as a whole is retried row by
 * row, so one bad row never takes others with it and nothing half-written stays (files included).
 */
export class BatchStore {
  constructor(
    private readonly payload: Payload,
    private readonly req: PayloadRequest,
    private readonly draft: boolean,
  ) {}

  async store(candidates: readonly FileCandidate[]): Promise<StoreOutcome[]> {
    const outcomes = new Map<FileCandidate, StoreOutcome>()
    const existing = await this.findExisting(candidates)
    const fresh = candidates.filter((candidate) => {
      const id = existing.get(contentKey(candidate))
      if (id !== undefined) outcomes.set(candidate, { done: { id, key: rowKey(candidate.row), outcome: 'existing' }, row: candidate.row })
      return id === undefined
    })

    const leaders: Leader[] = []
    const followers = new Map<Leader, FileCandidate[]>()
    const leaderOf = new Map<string, Leader>()
    const names = await this.plannedFiles(fresh)
    for (const candidate of fresh) {
      const leader = leaderOf.get(contentKey(candidate))
      if (leader) {
        followers.get(leader)!.push(candidate)
        continue
      }
      const planned = names.get(contentKey(candidate))
      if (!planned) {
        outcomes.set(candidate, { candidate, row: candidate.row, viaPayload: true })
        continue
      }
      try {
        const doc = await this.documentOf(candidate, planned.filename)
        const next: Leader = { candidate, doc, filename: planned.filename, reuseFile: planned.reuseFile }
        leaders.push(next)
        followers.set(next, [])
        leaderOf.set(contentKey(candidate), next)
      } catch (error) {
        // The next row with this content (its own title and metadata) may still be fine.
        outcomes.set(candidate, { error, row: candidate.row })
      }
    }

    for (const [leader, result] of await this.writeLeaders(leaders)) {
      const { row } = leader.candidate
      outcomes.set(leader.candidate, 'id' in result ? { done: { id: result.id, key: rowKey(row), outcome: result.outcome }, row } : { error: result.error, row })
      for (const follower of followers.get(leader) ?? []) {
        outcomes.set(follower, 'id' in result ? { done: { id: result.id, key: rowKey(follower.row), outcome: 'existing' }, row: follower.row } : { error: result.error, row: follower.row })
      }
    }
    return candidates.map((candidate) => outcomes.get(candidate)!)
  }

  /** One query per collection for the batch's hashes: the library's rule is one item per file, in any jurisdiction. */
  private async findExisting(candidates: readonly FileCandidate[]): Promise<Map<string, DocumentId>> {
    const found = new Map<string, DocumentId>()
    for (const [collection, group] of groupBy(candidates, (candidate) => candidate.collection)) {
      const hashes = [...new Set(group.map((candidate) => candidate.facts.sha256))]
      const { docs } = await this.payload.find({
        collection,
        depth: 0,
        limit: hashes.length,
        overrideAccess: true,
        pagination: false,
        req: this.req,
        select: { sha256: true },
        where: { sha256: { in: hashes } },
      })
      for (const doc of docs as { id: DocumentId; sha256?: null | string }[]) {
        if (doc.sha256 && !found.has(`${collection}:${doc.sha256}`)) found.set(`${collection}:${doc.sha256}`, doc.id)
      }
    }
    return found
  }

  /**
   * The stored name of each new file (`storedFileNameOf`, as the upload check hands Payload). A name already used
   * by another document, or by a different stored file, gets no plan: Payload's create then picks a free one.
   */
  private async plannedFiles(candidates: readonly FileCandidate[]): Promise<Map<string, { filename: string; reuseFile: boolean }>> {
    const plans = new Map<string, { filename: string; reuseFile: boolean }>()
    for (const [collection, group] of groupBy(candidates, (candidate) => candidate.collection)) {
      const byContent = new Map(group.map((candidate) => [contentKey(candidate), candidate]))
      const wanted = new Map([...byContent].map(([key, candidate]) => [key, storedFileNameOf(candidate.originalName, candidate.facts)]))
      const { docs } = await this.payload.find({
        collection,
        depth: 0,
        limit: wanted.size,
        overrideAccess: true,
        pagination: false,
        req: this.req,
        select: { filename: true },
        where: { filename: { in: [...new Set(wanted.values())] } },
      })
      const taken = new Set((docs as { filename?: null | string }[]).map((doc) => doc.filename))
      const claimed = new Set<string>()
      for (const [key, filename] of wanted) {
        if (taken.has(filename) || claimed.has(filename)) continue
        claimed.add(filename)
        const stored = await sameContentStored(this.payload, collection, filename, byContent.get(key)!.facts.sha256)
        if (stored === false) continue
        plans.set(key, { filename, reuseFile: stored === true })
      }
      // A file already stored is only reused when nothing refers to it: not even a draft version of another item.
      const reused = [...plans.values()].filter((plan) => plan.reuseFile).map((plan) => plan.filename)
      for (const filename of await this.namesInVersions(collection, reused)) {
        for (const [key, plan] of plans) if (plan.filename === filename) plans.delete(key)
      }
    }
    return plans
  }

  private async namesInVersions(collection: FileCollection, filenames: string[]): Promise<Set<string>> {
    if (filenames.length === 0 || !this.payload.collections[collection].config.versions) return new Set()
    const { docs } = await this.payload.findVersions({
      collection,
      depth: 0,
      limit: filenames.length,
      overrideAccess: true,
      pagination: false,
      req: this.req,
      where: { 'version.filename': { in: filenames } },
    })
    return new Set(docs.map((doc) => (doc.version as { filename?: null | string }).filename).filter((name): name is string => Boolean(name)))
  }

  /** What `payload.create` would store: the upload check's file fields, Payload's file data, ownership, field pipeline. */
  private async documentOf(candidate: FileCandidate, filename: string): Promise<JsonObject> {
    const config = this.payload.collections[candidate.collection].config
    const options = getCheckUploadOptions(config)!
    const data: JsonObject = {
      ...withFileFacts(candidate.metadata, candidate.facts, options),
      filename,
      filesize: candidate.bytes.length,
      mimeType: candidate.facts.sniffed.mime,
      // assignOwnership, for a write without a user: no creator, the owner's path.
      createdBy: null,
      jurisdictionPath: candidate.jurisdictionPath,
    }
    const draft = this.draft && candidate.collection === 'courseware'
    if (draft) data._status = 'draft'
    return toStoredDocument(this.req, config, data, { draft })
  }

  /** Writes the leaders as one unit; when that fails, each on its own, so the error lands on the row it belongs to. */
  private async writeLeaders(leaders: Leader[]): Promise<Map<Leader, { id: DocumentId; outcome: DoneRecord['outcome'] } | { error: unknown }>> {
    const results = new Map<Leader, { id: DocumentId; outcome: DoneRecord['outcome'] } | { error: unknown }>()
    if (leaders.length === 0) return results
    try {
      const ids = await this.writeTogether(leaders)
      leaders.forEach((leader, index) => results.set(leader, { id: ids[index]!, outcome: 'created' }))
      return results
    } catch (error) {
      if (leaders.length > 1) {
        for (const leader of leaders) for (const [key, value] of await this.writeLeaders([leader])) results.set(key, value)
        return results
      }
      // Stored meanwhile by someone else (an upload, a second import): the same file, so the row is done.
      const existing = (await this.findExisting([leaders[0]!.candidate])).get(contentKey(leaders[0]!.candidate))
      results.set(leaders[0]!, existing === undefined ? { error } : { id: existing, outcome: 'existing' })
      return results
    }
  }

  private async writeTogether(leaders: Leader[]): Promise<DocumentId[]> {
    const written: Leader[] = []
    try {
      for (const leader of leaders) {
        if (leader.reuseFile) continue
        await writeNewStoredFile(this.payload, leader.candidate.collection, leader.filename, leader.candidate.bytes, leader.candidate.facts.sniffed.mime)
        written.push(leader)
      }
      const ids = new Map<Leader, DocumentId>()
      await withBulkWriter(this.payload, async (writer) => {
        for (const [collection, group] of groupBy(leaders, (leader) => leader.candidate.collection)) {
          const groupIds = await this.insertGroup(writer, collection, group)
          group.forEach((leader, index) => ids.set(leader, groupIds[index]!))
        }
      })
      return leaders.map((leader) => ids.get(leader)!)
    } catch (error) {
      await Promise.all(written.map((leader) => removeStoredFile(this.payload, leader.candidate.collection, { filename: leader.filename })))
      throw error
    }
  }

  private async insertGroup(writer: BulkWriter, collection: FileCollection, leaders: Leader[]): Promise<DocumentId[]> {
    const config = this.payload.collections[collection].config
    const now = new Date().toISOString()
    const docs = leaders.map((leader) => ({ ...leader.doc, createdAt: now, updatedAt: now }))
    const ids = await writer.insert(collection, docs)
    if (config.versions) {
      await writer.insertVersions(collection, ids.map((parent, index) => ({ createdAt: now, parent, updatedAt: now, version: docs[index]! })))
    }
    const jobs = ids.flatMap((id, index) => {
      const job = FILE_JOBS[collection]({ ...docs[index]!, id })
      return job ? [{ input: job.input, taskSlug: job.task }] : []
    })
    await writer.insert(JOBS, jobs)
    // The row `queueSearchChange` writes (attempts keep their default); one queued again keeps its row.
    const outbox = ids.map((id) => ({ createdAt: now, docId: String(id), key: searchOutboxKey(collection, id), queuedAt: now, sourceCollection: collection, updatedAt: now }))
    await writer.upsert(SEARCH_OUTBOX, outbox, { key: 'key', update: ['queuedAt', 'updatedAt'] })
    return ids
  }
}
