import type { CollectionSlug, Payload } from 'payload'

type Id = number | string

/** Thrown for a row whose metadata names something the library does not have; the row fails, the run goes on. */
export class RowError extends Error {}

/** Looks names up once per run: ten thousand rows usually name a handful of jurisdictions, themes and lecturers. */
export class NameResolver {
  private readonly cache = new Map<string, Promise<Id>>()

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

  private memo(collection: string, key: string, load: () => Promise<Id>): Promise<Id> {
    const cacheKey = `${collection}:${key}`
    let found = this.cache.get(cacheKey)
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
