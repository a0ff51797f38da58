/** A QR code as SVG rectangles drawn from uqr's module matrix: no HTML strings, prints crisp in greyscale. */
import { encode } from 'uqr'

export function QrCode({ label, size = 120, text }: { label: string; size?: number; text: string }) {
  const { data, size: modules } = encode(text, { border: 2, ecc: 'M' })
  const dark = data.flatMap((row, y) => row.flatMap((on, x) => (on ? [`M${x} ${y}h1v1h-1z`] : [])))
  return (
    <svg aria-label={label} className="qr" height={size} role="img" shapeRendering="crispEdges" viewBox={`0 0 ${modules} ${modules}`} width={size} xmlns="http://www.w3.org/2000/svg">
      <rect fill="#fff" height={modules} width={modules} />
      <path d={dark.join('')} fill="#000" />
    </svg>
  )
}
