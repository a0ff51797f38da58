import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { createLocalReq } from 'payload'

import { VISIBILITIES } from '@/fields/ownership'
import { termCode } from '@/fields/terms'
import { AUDIENCES } from '@/fields/vocabulary'
import { resolveOwnerPath } from '@/hooks/assignOwnership'

type Id = number | string

/** Thrown for a row whose metadata names something the library does not have; the row fails, the run goes on. */
export class RowError extends Error {}

/**
 * Looks names up once per run: ten thousand rows usually name a handful of jurisdictions, themes and lecturers.
 * Everything is read with Payload's Local API and without a user, as the importer writes (so a theme or lecturer
 * that exists is one the import may link, as `checkReferencesVisible` would decide).
 */
export class NameResolver {
  private readonly cache = new Map<string, Promise<unknown>>()
  private request?: Promise<PayloadRequest>

  constructor(private readonly payload: Payload) {}

  jurisdiction(nameOrId: string): Promise<Id> {
    if (!nameOrId) return Promise.reject(new RowError('no jurisdiction given (column "jurisdiction" or --jurisdiction) / 未指定辖区'))
    return this.memo('jurisdictions', nameOrId, () => this.findOne('jurisdictions', 'name', nameOrId, true))
  }

  theme(name: string): Promise<Id> {
    return this.memo('themes', name, () => this.findOne('themes', 'name', name, false))
  }

  lecturer(name: string): Promise<Id> {
    return this.memo('lecturers', name, () => this.findOne('lecturers', 'name', name, false))
  }

  /** The owner's path ('/1/5/9/') that `assignOwnership` would store, from the same lookup (`resolveOwnerPath`). */
  ownerPath(collection: CollectionSlug, jurisdictionId: Id): Promise<string> {
    return this.memo('owner-path', String(jurisdictionId), async () => resolveOwnerPath(await this.req(), collection, jurisdictionId))
  }

  /** A glossary word (either script) or code → its stored code, as the audiences field's own hook maps it. */
  audience(word: string): string {
    const code = termCode(AUDIENCES, word)
    if (code === null) throw new RowError(`unknown audience "${word}" / 未知的培训对象：${word}`)
    return code
  }

  visibility(value: string): string {
    if (!(VISIBILITIES as readonly string[]).includes(value)) {
      throw new RowError(`unknown visibility "${value}": use ${VISIBILITIES.join(', ')} / 共享范围须为 ${VISIBILITIES.join('、')}：${value}`)
    }
    return value
  }

  private req(): Promise<PayloadRequest> {
    this.request ??= createLocalReq({}, this.payload)
    return this.request
  }

  private memo<T>(collection: string, key: string, load: () => Promise<T>): Promise<T> {
    const cacheKey = `${collection}:${key}`
    let found = this.cache.get(cacheKey) as Promise<T> | undefined
    if (!found) {
      found = load()
      this.cache.set(cacheKey, found)
    }
    return found
  }

  private async findOne(collection: CollectionSlug, field: string, value: string, idAllowed: boolean): Promise<Id> {
    const byId = idAllowed && /^[0-9a-f]{24}$|^\d+$/i.test(value) ? [{ id: { equals: value } }] : []
    const { docs } = await this.payload.find({
      collection,
      depth: 0,
      limit: 2,
      overrideAccess: true,
      pagination: false,
      select: {},
      where: { or: [{ [field]: { equals: value } }, ...byId] },
    })
    if (docs.length === 0) throw new RowError(`unknown ${collection}: "${value}" / 找不到：${value}`)
    if (docs.length > 1) throw new RowError(`ambiguous ${collection}: "${value}" names several; use the id / 名称重复，请改用编号：${value}`)
    return docs[0]!.id
  }
}
