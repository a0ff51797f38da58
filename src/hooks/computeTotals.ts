import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionSlug, PayloadRequest, Where } from 'payload'

import { queueSearchChange } from '@/search/sync'

import { pathLengthKm, roundTo } from '@/utilities/geo'
import { rewriteLatestVersions } from '@/utilities/latestVersions'
import { relationId } from '@/utilities/relationId'

type RouteStop = { minutes?: null | number; site?: unknown }
type BundleItem = { item?: { relationTo?: CollectionSlug; value?: unknown } | null; minutes?: null | number }
type RouteTotals = { totalDistanceKm: number; totalMinutes: number }
type BundleTotals = { totalHours: number }

const loadById = async (req: PayloadRequest, collection: CollectionSlug, ids: Array<number | string>) => {
  if (ids.length === 0) return new Map<string, Record<string, unknown>>()
  const found = await req.payload.find({
    collection,
    depth: 0,
    limit: ids.length,
    pagination: false,
    req,
    where: { id: { in: ids } },
  })
  return new Map(found.docs.map((doc) => [String(doc.id), doc as unknown as Record<string, unknown>]))
}

/** 行走的党课: total distance walks the stops in their order; total time adds each stop's minutes. */
const routeTotals = async (req: PayloadRequest, stops: RouteStop[]): Promise<RouteTotals> => {
  const siteIds = stops.map((stop) => relationId(stop.site)).filter((id) => id !== null)
  const sites = await loadById(req, 'field-sites', siteIds)
  const points = stops
    .map((stop) => sites.get(String(relationId(stop.site))))
    .filter((site) => site && typeof site.lat === 'number' && typeof site.lng === 'number')
    .map((site) => ({ lat: site!.lat as number, lng: site!.lng as number }))
  return {
    totalDistanceKm: roundTo(pathLengthKm(points), 2),
    totalMinutes: stops.reduce((total, stop) => total + (stop.minutes ?? 0), 0),
  }
}

export const computeRouteTotals: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) =>
  Object.assign(data, await routeTotals(req, data.stops ?? originalDoc?.stops ?? []))

/** How long an item takes when a bundle does not say: its own duration. */
const durationMinutesOf = (collection: CollectionSlug, doc: Record<string, unknown> | undefined): number => {
  if (!doc) return 0
  if (collection === 'lessons') return Number(doc.durationMinutes ?? 0)
  if (collection === 'videos') return Number(doc.durationSeconds ?? 0) / 60
  if (collection === 'field-routes') return Number(doc.totalMinutes ?? 0)
  return 0
}

/** 专题课程包: total hours is the sum of each item's minutes (the bundle's own figure wins). */
const bundleTotals = async (req: PayloadRequest, items: BundleItem[]): Promise<BundleTotals> => {
  const idsByCollection = new Map<CollectionSlug, Array<number | string>>()
  for (const { item } of items) {
    const id = relationId(item?.value)
    if (item?.relationTo && id !== null) {
      idsByCollection.set(item.relationTo, [...(idsByCollection.get(item.relationTo) ?? []), id])
    }
  }
  const docs = new Map<string, Record<string, unknown>>()
  for (const [collection, ids] of idsByCollection) {
    for (const [id, doc] of await loadById(req, collection, ids)) docs.set(`${collection}:${id}`, doc)
  }
  const minutes = items.reduce((total, { item, minutes: own }) => {
    if (typeof own === 'number') return total + own
    if (!item?.relationTo) return total
    return total + durationMinutesOf(item.relationTo, docs.get(`${item.relationTo}:${relationId(item.value)}`))
  }, 0)
  return { totalHours: roundTo(minutes / 60, 2) }
}

export const computeBundleHours: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) =>
  Object.assign(data, await bundleTotals(req, data.items ?? originalDoc?.items ?? []))

type Totals = Record<string, number>

/**
 * Stored totals of the documents that refer to a changed one are computed again, on the document and on
 * its latest version (what the admin shows, a draft included), written straight to the database: no new
 * version, no hooks, and a pending draft stays a draft. The search index hears of each changed document.
 */
const refreshReferringTotals = async (
  req: PayloadRequest,
  collection: 'bundles' | 'field-routes',
  where: Where,
  totalsOf: (doc: Record<string, unknown>) => Promise<Totals>,
): Promise<void> => {
  const referring = await req.payload.find({ collection, depth: 0, limit: 0, overrideAccess: true, pagination: false, req, where })
  if (!referring.docs.length) return
  for (const doc of referring.docs as unknown as Array<Record<string, unknown> & { id: number | string }>) {
    const totals = await totalsOf(doc)
    if (!differs(doc, totals)) continue
    await req.payload.db.updateOne({ id: doc.id, collection, data: totals, req })
    await queueSearchChange(req.payload, collection, doc.id, req)
  }
  await rewriteLatestVersions(req, collection, { parent: { in: referring.docs.map((doc) => doc.id) } }, async (data) => {
    const totals = await totalsOf(data)
    return differs(data, totals) ? totals : null
  })
}

const differs = (doc: Record<string, unknown>, totals: Totals): boolean =>
  Object.entries(totals).some(([field, value]) => doc[field] !== value)

/** afterChange on lessons, videos and field routes: bundles that count this item's duration follow it. */
export const refreshBundleHours: CollectionAfterChangeHook = async ({ collection, doc, operation, previousDoc, req }) => {
  if (operation === 'create') return doc // nothing refers to it yet
  // a draft leaves the published item, which bundles count, as it was; when a draft is published,
  // previousDoc is that draft, so an unchanged duration there proves nothing
  const unchanged = durationMinutesOf(collection.slug, doc) === durationMinutesOf(collection.slug, previousDoc)
  if (doc._status === 'draft' || (unchanged && doc._status !== 'published')) return doc
  await refreshReferringTotals(req, 'bundles', { 'items.item.value': { equals: doc.id } }, (bundle) =>
    bundleTotals(req, (bundle.items as BundleItem[] | undefined) ?? []),
  )
  return doc
}

/** afterChange on field sites: routes through a site that moved follow it. */
export const refreshRouteTotals: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  if (operation === 'create') return doc
  if (doc.lat === previousDoc?.lat && doc.lng === previousDoc?.lng) return doc
  await refreshReferringTotals(req, 'field-routes', { 'stops.site': { equals: doc.id } }, (route) =>
    routeTotals(req, (route.stops as RouteStop[] | undefined) ?? []),
  )
  return doc
}

/** A route's or bundle's totals over the rows it holds now (used when a reader sees only some of them). */
export const routeTotalsOf = (req: PayloadRequest, route: Record<string, unknown>): Promise<RouteTotals> =>
  routeTotals(req, (route.stops as RouteStop[] | undefined) ?? [])

export const bundleTotalsOf = (req: PayloadRequest, bundle: Record<string, unknown>): Promise<BundleTotals> =>
  bundleTotals(req, (bundle.items as BundleItem[] | undefined) ?? [])
