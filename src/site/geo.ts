/**
 * Coordinates for maps drawn on the server. Phones and our stored points are WGS-84 unless a site says GCJ-02
 * (what Amap and Tencent show); drawings use WGS-84, links to a map app use GCJ-02.
 */
import gcoord from 'gcoord'

export type CoordinateSystem = 'gcj02' | 'wgs84'
export type Point = { lat: number; lng: number }
export type SitePoint = Point & { coordinateSystem?: CoordinateSystem | null }

const round6 = (value: number) => Math.round(value * 1e6) / 1e6

export const toWgs84 = (point: SitePoint): Point => {
  if (point.coordinateSystem !== 'gcj02') return { lat: point.lat, lng: point.lng }
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord.GCJ02, gcoord.WGS84) as [number, number]
  return { lat: round6(lat), lng: round6(lng) }
}

export const toGcj02 = (point: SitePoint): Point => {
  if (point.coordinateSystem === 'gcj02') return { lat: point.lat, lng: point.lng }
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number]
  return { lat: round6(lat), lng: round6(lng) }
}

/** Amap's web URI: opens the Amap app on a phone (callnative), its web page elsewhere; GCJ-02 ("gaode") coordinates. */
export const amapMarkerUrl = (point: SitePoint, name: string): string => {
  const { lat, lng } = toGcj02(point)
  const params = new URLSearchParams({ callnative: '1', coordinate: 'gaode', name, position: `${lng},${lat}`, src: 'courseware-commons' })
  return `https://uri.amap.com/marker?${params}`
}

/** Walking directions to a point in Amap. */
export const amapWalkUrl = (point: SitePoint, name: string): string => {
  const { lat, lng } = toGcj02(point)
  const params = new URLSearchParams({ callnative: '1', coordinate: 'gaode', mode: 'walk', src: 'courseware-commons', to: `${lng},${lat},${name}` })
  return `https://uri.amap.com/navigation?${params}`
}
