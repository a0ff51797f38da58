/** A schematic map drawn on the server: numbered stops, the path between them, a scale bar and a north arrow. */
import { type SitePoint, toWgs84 } from '../geo'
import { drawMap } from '../mapDrawing'

export function MapSvg({ label, stops }: { label: string; stops: Array<SitePoint & { name: string }> }) {
  const drawing = drawMap(stops.map(toWgs84))
  if (!drawing) return null
  const { height, north, points, scaleBar, width } = drawing
  return (
    <svg aria-label={label} className="map" role="img" viewBox={`0 0 ${width} ${height}`} xmlns="http://www.w3.org/2000/svg">
      <title>{label}</title>
      {points.length > 1 ? (
        <polyline fill="none" points={points.map((p) => `${p.x},${p.y}`).join(' ')} stroke="#a4161a" strokeDasharray="6 4" strokeWidth="3" />
      ) : null}
      {points.map((p, index) => (
        <g key={index}>
          <circle cx={p.x} cy={p.y} fill="#a4161a" r="11" stroke="#fff" strokeWidth="2" />
          <text fill="#fff" fontSize="13" fontWeight="700" textAnchor="middle" x={p.x} y={p.y + 4.5}>
            {index + 1}
          </text>
        </g>
      ))}
      <g aria-hidden="true">
        <line stroke="#1a1a1a" strokeWidth="3" x1={scaleBar.x} x2={scaleBar.x + scaleBar.length} y1={scaleBar.y} y2={scaleBar.y} />
        <line stroke="#1a1a1a" strokeWidth="2" x1={scaleBar.x} x2={scaleBar.x} y1={scaleBar.y - 6} y2={scaleBar.y} />
        <line stroke="#1a1a1a" strokeWidth="2" x1={scaleBar.x + scaleBar.length} x2={scaleBar.x + scaleBar.length} y1={scaleBar.y - 6} y2={scaleBar.y} />
        <text fill="#1a1a1a" fontSize="13" x={scaleBar.x + scaleBar.length + 6} y={scaleBar.y + 4}>
          {scaleBar.label}
        </text>
        <polygon fill="#1a1a1a" points={`${north.x},${north.y - 16} ${north.x - 7},${north.y + 4} ${north.x},${north.y} ${north.x + 7},${north.y + 4}`} />
        <text fill="#1a1a1a" fontSize="13" fontWeight="700" textAnchor="middle" x={north.x} y={north.y + 20}>
          北
        </text>
      </g>
    </svg>
  )
}
