/**
 * Forks (复制): a bundle copied into another jurisdiction keeps its origin (immediate, root, the version copied and
 * a snapshot of its item list); its upstream's later changes are shown and pulled by a three-way merge; the origin's
 * readers see where it was reused. Everything is read as the signed-in user: what they may not read is neither
 * copied nor told.
 */
import type { PayloadRequest, Where } from 'payload'

import type { Bundle, User } from '@/payload-types'

import { isPathInSubtreeOf } from '@/access/jurisdictionScope'
import { isSeenByReadersOf, type OwnedItem } from '@/access/parts'
import { isAdmin, isOrganizer } from '@/access/roles'
import { getOwnPath } from '@/hooks/refreshJurisdictionPaths'
import { updatableIds } from '@/security/locks'
import { apiError } from '@/utilities/errors'
import { isIdShaped, relationId, sameId } from '@/utilities/relationId'

import { type ItemRow, itemKey, mergeItemLists, upstreamChanges } from './merge'
import { type Provenance, withProvenance } from './provenance'

type ItemCollection = 'courseware' | 'field-routes' | 'lessons' | 'textbooks' | 'videos'
type StoredBundle = Omit<Bundle, 'forkBase'> & { forkBase?: Provenance['forkBase'] | null }

export const bundleNotFound = () => apiError(404, '课程包不存在或您无权查看', 'No such bundle, or it is not yours to see')

const signedIn = (req: PayloadRequest): User => {
  if (!req.user) throw apiError(401, '请先登录', 'Please sign in')
  return req.user as User
}

/** The bundle as the signed-in user may read it (its latest draft with `draft`); a made-up id and a hidden one are the same 404. */
export const readBundleAs = async (req: PayloadRequest, id: unknown, { draft = false } = {}): Promise<Bundle> => {
  const user = signedIn(req)
  if (!isIdShaped(req.payload, String(id ?? ''))) throw bundleNotFound()
  const found = await req.payload.find({ collection: 'bundles', depth: 0, draft, limit: 1, overrideAccess: false, pagination: false, req, user, where: { id: { equals: id } } })
  if (!found.docs[0]) throw bundleNotFound()
  return found.docs[0]
}

/** The bundle as stored, hidden fields and rows included: for the server's own bookkeeping, never handed out. */
const readStored = async (req: PayloadRequest, id: unknown, draft = false): Promise<null | StoredBundle> =>
  (await req.payload
    .findByID({ id: id as number, collection: 'bundles', depth: 0, disableErrors: true, draft, overrideAccess: true, req, showHiddenFields: true })
    .catch(() => null)) as null | StoredBundle

export const rowsOf = (bundle: Pick<Bundle, 'items'>): ItemRow[] =>
  (bundle.items ?? []).flatMap((row) => {
    const value = relationId(row.item?.value)
    return value === null ? [] : [{ minutes: row.minutes ?? null, note: row.note ?? null, relationTo: row.item.relationTo, value }]
  })

const asItems = (rows: ItemRow[]) => rows.map((row) => ({ item: { relationTo: row.relationTo, value: row.value }, minutes: row.minutes ?? null, note: row.note ?? null }))

type ItemInfo = OwnedItem & { id: number | string; title?: string }

/** The items among `rows` the signed-in user may read, by key, with what decides who sees them. */
const readableItems = async (req: PayloadRequest, rows: ItemRow[]): Promise<Map<string, ItemInfo>> => {
  const readable = new Map<string, ItemInfo>()
  for (const collection of new Set(rows.map((row) => row.relationTo))) {
    const ids = [...new Set(rows.filter((row) => row.relationTo === collection).map((row) => row.value))]
    const { docs } = await req.payload.find({
      collection: collection as ItemCollection,
      depth: 0,
      limit: ids.length,
      overrideAccess: false,
      pagination: false,
      req,
      select: { _status: true, jurisdiction: true, title: true, visibility: true } as never,
      user: req.user,
      where: { id: { in: ids } },
    })
    for (const doc of docs as ItemInfo[]) readable.set(itemKey({ relationTo: collection, value: doc.id }), doc)
  }
  return readable
}

const describe = (rows: ItemRow[], info: Map<string, ItemInfo>) =>
  rows.flatMap((row) => {
    const item = info.get(itemKey(row))
    return item ? [{ relationTo: row.relationTo, title: item.title ?? '', value: row.value }] : []
  })

/** The version of the upstream a fork copies: its latest version's id and its updatedAt. */
const versionOf = async (req: PayloadRequest, bundle: Pick<Bundle, 'id' | 'updatedAt'>): Promise<Pick<NonNullable<Provenance['forkBase']>, 'updatedAt' | 'version'>> => {
  const { docs } = await req.payload.findVersions({ collection: 'bundles', depth: 0, limit: 1, overrideAccess: true, req, sort: '-updatedAt', where: { parent: { equals: bundle.id } } })
  return { updatedAt: bundle.updatedAt, version: docs[0] ? String(docs[0].id) : null }
}

/** The fields a fork copies: the content, not who owns it, its state or its own provenance. */
const contentOf = (source: Bundle) => ({
  audiences: source.audiences,
  description: source.description,
  kind: source.kind,
  orderableFrom: source.orderableFrom,
  orderableUntil: source.orderableUntil,
  targetMonth: source.targetMonth,
  theme: relationId(source.theme),
  title: source.title,
})

const readTarget = async (req: PayloadRequest, user: User, wanted: unknown) => {
  const id = wanted ?? relationId(user.jurisdiction)
  const target =
    id !== null && isIdShaped(req.payload, String(id))
      ? await req.payload.findByID({ id: id as number, collection: 'jurisdictions', depth: 0, disableErrors: true, req }).catch(() => null)
      : null
  if (!target) throw apiError(400, '目标辖区不存在', 'The target jurisdiction does not exist')
  if (!isAdmin(user) && !(isOrganizer(user) && isPathInSubtreeOf(getOwnPath(target), user))) {
    throw apiError(403, '只能复制到您担任组织部门的辖区（本辖区或下级）', 'You can only fork into a jurisdiction you organize (yours or one below it)')
  }
  return { id: target.id, path: getOwnPath(target) }
}

const VISIBILITIES = ['public', 'shared', 'local'] as const

/** POST /api/bundles/:id/fork `{ jurisdiction?, visibility? }`: a draft copy owned by the target jurisdiction. */
export const forkBundle = async (req: PayloadRequest, sourceId: unknown, body: Record<string, unknown>) => {
  const user = signedIn(req)
  const source = await readBundleAs(req, sourceId)
  const target = await readTarget(req, user, body.jurisdiction)
  if (sameId(source.jurisdiction, target.id)) {
    throw apiError(400, '该课程包已属于这个辖区，无需复制', 'This bundle already belongs to that jurisdiction')
  }
  const visibility = body.visibility ?? source.visibility
  if (!VISIBILITIES.includes(visibility as never)) throw apiError(400, '共享范围应为 public、shared 或 local', 'visibility must be public, shared or local')
  // the rows the forker reads are those of the source they may read (hideUnreadableParts): that is the copy's base
  const base = rowsOf(source)
  const info = await readableItems(req, base)
  const whole: OwnedItem = { _status: 'draft', jurisdiction: target.id, jurisdictionPath: target.path, visibility: visibility as string }
  const fits = (row: ItemRow) => isSeenByReadersOf(whole, info.get(itemKey(row)) ?? {})
  const stored = (await readStored(req, source.id))!
  const provenance: Provenance = {
    forkBase: { ...(await versionOf(req, source)), items: base },
    forkedAt: new Date().toISOString(),
    forkedFrom: source.id,
    forkPath: `${stored.forkPath || '/'}${source.id}/`,
    forkRoot: relationId(stored.forkRoot) ?? source.id,
  }
  const doc = await withProvenance(req, provenance, () =>
    req.payload.create({
      collection: 'bundles',
      data: { ...contentOf(source), _status: 'draft', items: asItems(base.filter(fits)), jurisdiction: target.id, visibility } as never,
      draft: true,
      overrideAccess: false,
      req,
      user,
    }),
  )
  return { copied: base.filter(fits).length, doc, skipped: describe(base.filter((row) => !fits(row)), info) }
}

/** The fork's upstream as stored, or a 409 when it is gone or no longer readable by the caller. */
const readUpstream = async (req: PayloadRequest, fork: StoredBundle) => {
  const upstreamId = relationId(fork.forkedFrom)
  if (upstreamId === null) throw apiError(400, '这个课程包不是复制来的，没有上游', 'This bundle is not a fork; it has no upstream')
  const asReader = await readBundleAs(req, upstreamId).catch(() => null)
  const stored = asReader && (await readStored(req, upstreamId))
  if (!asReader || !stored) throw apiError(409, '上游课程包已删除或您已无权查看', 'The upstream bundle was deleted or is no longer visible to you')
  return { asReader, stored }
}

/** GET /api/bundles/:id/upstream: whether the upstream changed since the copy, told only in what the caller may read. */
export const upstreamStatus = async (req: PayloadRequest, forkId: unknown) => {
  const fork = await readBundleAs(req, forkId, { draft: true })
  const stored = (await readStored(req, fork.id, true))!
  if (relationId(stored.forkedFrom) === null) return { fork: false }
  const upstream = await readUpstream(req, stored).catch(() => null)
  if (!upstream) return { fork: true, upstream: null }
  const base = stored.forkBase?.items ?? []
  const readable = await readableItems(req, [...base, ...rowsOf(upstream.asReader)])
  const seenBase = base.filter((row) => readable.has(itemKey(row)))
  const changes = upstreamChanges(seenBase, rowsOf(upstream.asReader))
  return {
    fork: true,
    upstream: {
      added: describe(changes.added, readable),
      baseUpdatedAt: stored.forkBase?.updatedAt ?? null,
      changed: changes.changed,
      edited: changes.edited,
      id: upstream.asReader.id,
      jurisdiction: relationId(upstream.asReader.jurisdiction),
      removed: describe(changes.removed, readable),
      reordered: changes.reordered,
      title: upstream.asReader.title,
      updatedAt: upstream.asReader.updatedAt,
    },
  }
}

/** POST /api/bundles/:id/pull-upstream: the upstream's changes merged into the fork, its own additions and removals kept. */
export const pullUpstream = async (req: PayloadRequest, forkId: unknown) => {
  const user = signedIn(req)
  const fork = await readBundleAs(req, forkId, { draft: true })
  if (!(await updatableIds(req, 'bundles', [fork.id])).has(String(fork.id))) {
    throw apiError(403, '只有能编辑这个课程包的人可以拉取上游更新', 'Only those who may edit this bundle can pull upstream changes')
  }
  const stored = (await readStored(req, fork.id, true))!
  const upstream = await readUpstream(req, stored)
  const base = stored.forkBase?.items ?? []
  const baseKeys = new Set(base.map(itemKey))
  const upstreamRows = rowsOf(upstream.stored)
  const readable = await readableItems(req, upstreamRows)
  // an upstream item the caller may not read is never copied; one already in the base is not taken as removed
  const offered = upstreamRows.filter((row) => readable.has(itemKey(row)) || baseKeys.has(itemKey(row)))
  const merged = mergeItemLists({ base, local: rowsOf(stored), upstream: offered })
  const fits = (row: ItemRow) => isSeenByReadersOf(stored, readable.get(itemKey(row)) ?? {})
  const skipped = merged.added.filter((row) => !fits(row))
  const rows = merged.rows.filter((row) => !skipped.includes(row))
  const provenance: Provenance = { forkBase: { ...(await versionOf(req, upstream.stored)), items: offered } }
  const doc = await withProvenance(req, provenance, () =>
    req.payload.update({
      id: fork.id,
      collection: 'bundles',
      data: { items: asItems(rows) } as never,
      draft: stored._status === 'draft',
      overrideAccess: false,
      req,
      user,
    }),
  )
  return {
    added: describe(merged.added.filter(fits), readable),
    doc,
    removed: merged.removed.length,
    reordered: merged.reordered,
    skipped: describe(skipped, readable),
  }
}

/** GET /api/bundles/:id/reuse: the forks of this bundle (direct and further down) that the caller may read, by jurisdiction. */
export const reuseOf = async (req: PayloadRequest, id: unknown) => {
  const user = signedIn(req)
  const bundle = await readBundleAs(req, id)
  const lineage: Where = { forkPath: { contains: `/${bundle.id}/` } }
  const all = await req.payload.find({ collection: 'bundles', depth: 0, overrideAccess: true, pagination: false, req, select: {}, where: lineage })
  const { docs } = all.docs.length
    ? await req.payload.find({
        collection: 'bundles',
        depth: 1,
        overrideAccess: false,
        pagination: false,
        req,
        select: { forkedFrom: true, jurisdiction: true, title: true },
        user,
        where: { id: { in: all.docs.map((doc) => doc.id) } },
      })
    : { docs: [] as Bundle[] }
  const forks = docs.map((doc) => {
    const owner = typeof doc.jurisdiction === 'object' ? doc.jurisdiction : null
    return { direct: sameId(doc.forkedFrom, bundle.id), id: doc.id, jurisdiction: { id: relationId(doc.jurisdiction), name: owner?.name ?? '' }, title: doc.title }
  })
  const byJurisdiction = new Map<string, { count: number; id: null | number | string; name: string }>()
  for (const fork of forks) {
    const key = String(fork.jurisdiction.id)
    const entry = byJurisdiction.get(key) ?? { count: 0, ...fork.jurisdiction }
    byJurisdiction.set(key, { ...entry, count: entry.count + 1 })
  }
  return { direct: forks.filter((fork) => fork.direct).length, forks, jurisdictions: [...byJurisdiction.values()], total: forks.length }
}
