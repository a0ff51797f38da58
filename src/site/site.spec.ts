import { describe, expect, it } from 'vitest'

import { highlightParts } from './highlight'
import { drawMap, lengthLabel, roundLength } from './mapDrawing'
import { amapMarkerUrl, toGcj02, toWgs84 } from './geo'
import { localPath, safeHref } from './safeHref'
import { resolveShortCode, shortCode } from './shortCodes'
import { distanceWords, facetValueName } from './words'

describe('highlights', () => {
  it('splits marked text and unescapes entities, so React escapes them again', () => {
    expect(highlightParts('a &lt;b&gt; <mark>黨員</mark>教育 &amp; x')).toEqual([
      { marked: false, text: 'a <b> ' },
      { marked: true, text: '黨員' },
      { marked: false, text: '教育 & x' },
    ])
  })
  it('keeps a stray tag as text, never as markup', () => {
    expect(highlightParts('<script>alert(1)</script>').map((part) => part.text).join('')).toBe('<script>alert(1)</script>')
  })
})

describe('links from content', () => {
  it.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example/x', '/\\evil.example'])(
    'refuses %s',
    (href) => expect(safeHref(href)).toBeNull(),
  )
  it.each(['https://example.org/a', 'http://x.cn', 'mailto:a@b.cn', '/lessons/1', '#ch-2'])('keeps %s', (href) => expect(safeHref(href)).toBe(href))
  it('returns only local paths after a form', () => {
    expect(localPath('https://evil.example/')).toBe('/')
    expect(localPath('/search?q=1')).toBe('/search?q=1')
  })
})

describe('facet names', () => {
  it('names kinds, glossary codes and jurisdictions', () => {
    expect(facetValueName('kind', 'field-route')).toBe('现场教学路线')
    expect(facetValueName('audience', 'rural')).toBe('农村党员')
    expect(facetValueName('format', 'field')).toBe('现场教学')
    expect(facetValueName('theme', '党性教育')).toBe('党性教育')
    expect(facetValueName('jurisdiction', '7', { '7': '源泉镇' })).toBe('源泉镇')
    expect(facetValueName('jurisdiction', '99')).toBe('99')
  })
})

describe('schematic map', () => {
  it('puts north up and east right, inside the box', () => {
    const drawing = drawMap([
      { lat: 36.43, lng: 117.95 },
      { lat: 36.44, lng: 117.95 }, // 1.1 km north
      { lat: 36.44, lng: 117.97 }, // then east
    ])!
    const [a, b, c] = drawing.points
    expect(b!.y).toBeLessThan(a!.y)
    expect(b!.x).toBeCloseTo(a!.x, 0)
    expect(c!.x).toBeGreaterThan(b!.x)
    for (const p of drawing.points) {
      expect(p.x).toBeGreaterThanOrEqual(0)
      expect(p.x).toBeLessThanOrEqual(drawing.width)
      expect(p.y).toBeGreaterThanOrEqual(0)
      expect(p.y).toBeLessThanOrEqual(drawing.height)
    }
  })
  it('draws a scale bar of a round length that matches the projection', () => {
    const drawing = drawMap([
      { lat: 36.43, lng: 117.95 },
      { lat: 36.43, lng: 117.96 },
    ])!
    // 0.01° of longitude at 36.43° is about 896 m
    const pixelsPerMeter = (drawing.points[1]!.x - drawing.points[0]!.x) / 896
    const meters = Number(drawing.scaleBar.label.replace(/[^\d.]/g, '')) * (drawing.scaleBar.label.includes('公里') ? 1000 : 1)
    expect(drawing.scaleBar.length).toBeCloseTo(meters * pixelsPerMeter, -1)
    expect(roundLength(730)).toBe(500)
    expect(roundLength(2300)).toBe(2000)
    expect(lengthLabel(2000)).toBe('2 公里')
  })
  it('shows a lone point in the middle', () => {
    const drawing = drawMap([{ lat: 36.43, lng: 117.95 }])!
    expect(drawing.points[0]).toEqual({ x: drawing.width / 2, y: drawing.height / 2 })
    expect(drawMap([])).toBeNull()
  })
})

describe('coordinates', () => {
  it('converts WGS-84 to GCJ-02 for Amap and back', () => {
    const gcj = toGcj02({ lat: 36.43, lng: 117.95 })
    // GCJ-02 is shifted by a few hundred metres in China
    expect(Math.abs(gcj.lat - 36.43) + Math.abs(gcj.lng - 117.95)).toBeGreaterThan(0.001)
    const back = toWgs84({ ...gcj, coordinateSystem: 'gcj02' })
    expect(back.lat).toBeCloseTo(36.43, 4)
    expect(back.lng).toBeCloseTo(117.95, 4)
    expect(toGcj02({ ...gcj, coordinateSystem: 'gcj02' })).toEqual(gcj)
    expect(amapMarkerUrl({ lat: 36.43, lng: 117.95 }, '焦裕禄纪念馆')).toContain(`position=${gcj.lng}%2C${gcj.lat}`)
  })
})

describe('short codes for printed QR codes', () => {
  it('round-trips kinds and ids, and refuses anything else', () => {
    expect(shortCode('field-site', 48)).toBe('s1c')
    expect(resolveShortCode('s1c')).toBe('/sites/48')
    expect(resolveShortCode(shortCode('field-route', 7))).toBe('/routes/7')
    expect(resolveShortCode(shortCode('lesson', '65a1b2c3d4e5f6a7b8c9d0e1'))).toBe('/lessons/65a1b2c3d4e5f6a7b8c9d0e1')
    for (const bad of ['x1', 's', 'S1', 's1/../admin', '']) expect(resolveShortCode(bad)).toBeNull()
  })
})

describe('distance words', () => {
  it('gives metres or kilometres and walking minutes at 4.5 km/h', () => {
    expect(distanceWords(300)).toBe('300 米，步行约 4 分钟')
    expect(distanceWords(1200)).toBe('1.2 公里，步行约 16 分钟')
    expect(distanceWords(10)).toBe('10 米，步行约 1 分钟')
  })
})
