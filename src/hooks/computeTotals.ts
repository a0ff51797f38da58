import type { CollectionBeforeChangeHook, CollectionSlug, PayloadRequest } from 'payload'

import { pathLengthKm, roundTo } from '@/utilities/geo'
import { relationId } from '@/utilities/relationId'

type RouteStop = { minutes?: null | number; site?: unknown }
type BundleItem = { item?: { relationTo?: CollectionSlug; value?: unknown } | null; minutes?: null | number }

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
export const computeRouteTotals: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const stops: RouteStop[] = data.stops ?? originalDoc?.stops ?? []
  const siteIds = stops.map((stop) => relationId(stop.site)).filter((id) => id !== null)
  const sites = await loadById(req, 'field-sites', siteIds)
  const points = stops
    .map((stop) => sites.get(String(relationId(stop.site))))
    .filter((site) => site && typeof site.lat === 'number' && typeof site.lng === 'number')
    .map((site) => ({ lat: site!.lat as number, lng: site!.lng as number }))
  data.totalDistanceKm = roundTo(pathLengthKm(points), 2)
  data.totalMinutes = stops.reduce((total, stop) => total + (stop.minutes ?? 0), 0)
  return data
}

/** How long an item takes when a bundle does not say: its own duration. */
const durationMinutesOf = (collection: CollectionSlug, doc: Record<string, unknown> | undefined): number => {
  if (!doc) return 0
  if (collection === 'lessons') return Number(doc.durationMinutes ?? 0)
  if (collection === 'videos') return Number(doc.durationSeconds ?? 0) / 60
  if (collection === 'field-routes') return Number(doc.totalMinutes ?? 0)
  return 0
}

/** 专题课程包: total hours is the sum of each item's minutes (the bundle's own figure wins). */
export const computeBundleHours: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const items: BundleItem[] = data.items ?? originalDoc?.items ?? []
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
  data.totalHours = roundTo(minutes / 60, 2)
  return data
}
