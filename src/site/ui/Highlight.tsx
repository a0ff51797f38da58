import { highlightParts } from '../highlight'

/** A search highlight (escaped HTML with `<mark>`) as React text and <mark> elements. */
export function Highlight({ convert, html }: { convert: (text: string) => string; html: string }) {
  return <>{highlightParts(html).map((part, index) => (part.marked ? <mark key={index}>{convert(part.text)}</mark> : convert(part.text)))}</>
}
