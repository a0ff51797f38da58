/**
 * A schematic map as numbers for an SVG: the stops (WGS-84) projected onto a box, the path between them, a scale
 * bar of a round length and a north arrow. No tiles and no boundaries (a map with boundaries needs approval in China).
 */
import type { Point } from './geo'

export type MapDrawing = {
  width: number
  height: number
  points: Array<{ x: number; y: number }>
  scaleBar: { x: number; y: number; length: number; label: string }
  north: { x: number; y: number }
}

const EARTH_METERS_PER_DEGREE = 111_320
/** a lone point (or points very close together) is shown with about this much ground around it */
const MIN_SPAN_METERS = 600
const PADDING = 36

/** 1, 2 or 5 × 10^k metres, at most `meters` */
export const roundLength = (meters: number): number => {
  if (!(meters > 0)) return 1
  const power = 10 ** Math.floor(Math.log10(meters))
  const step = [5, 2, 1].find((factor) => factor * power <= meters) ?? 1
  return step * power
}

export const lengthLabel = (meters: number): string => (meters >= 1000 ? `${meters / 1000} 公里` : `${meters} 米`)

export const drawMap = (stops: Point[], width = 360, height = 240): MapDrawing | null => {
  if (stops.length === 0) return null
  const lat0 = stops.reduce((sum, stop) => sum + stop.lat, 0) / stops.length
  const cos = Math.cos((lat0 * Math.PI) / 180)
  // metres east and north of the first stop: an equirectangular projection is exact enough for a walk
  const local = stops.map((stop) => ({
    east: (stop.lng - stops[0]!.lng) * EARTH_METERS_PER_DEGREE * cos,
    north: (stop.lat - stops[0]!.lat) * EARTH_METERS_PER_DEGREE,
  }))
  const east = local.map((p) => p.east)
  const north = local.map((p) => p.north)
  const [minE, maxE, minN, maxN] = [Math.min(...east), Math.max(...east), Math.min(...north), Math.max(...north)]
  const innerW = width - 2 * PADDING
  const innerH = height - 2 * PADDING
  const metersPerPixel = Math.max((maxE - minE) / innerW, (maxN - minN) / innerH, MIN_SPAN_METERS / Math.min(innerW, innerH))
  const centreE = (minE + maxE) / 2
  const centreN = (minN + maxN) / 2
  const points = local.map((p) => ({
    x: Math.round((width / 2 + (p.east - centreE) / metersPerPixel) * 10) / 10,
    y: Math.round((height / 2 - (p.north - centreN) / metersPerPixel) * 10) / 10,
  }))
  const barMeters = roundLength((width / 4) * metersPerPixel)
  return {
    height,
    north: { x: width - 22, y: 26 },
    points,
    scaleBar: { label: lengthLabel(barMeters), length: Math.round((barMeters / metersPerPixel) * 10) / 10, x: 12, y: height - 14 },
    width,
  }
}
