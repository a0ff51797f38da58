/**
 * Search highlights arrive HTML-escaped with `<mark>` around matches. They are split into plain text and
 * marked text here, so pages render them as React text (escaped again by React) and never as HTML.
 */
export type HighlightPart = { marked: boolean; text: string }

const ENTITIES: Record<string, string> = { '&amp;': '&', '&#39;': "'", '&#x27;': "'", '&gt;': '>', '&lt;': '<', '&quot;': '"' }

export const unescapeHtml = (value: string): string => value.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity]!)

export const highlightParts = (highlighted: string): HighlightPart[] =>
  highlighted
    .split(/(<mark>[\s\S]*?<\/mark>)/)
    .filter(Boolean)
    .map((piece) => {
      const marked = piece.startsWith('<mark>') && piece.endsWith('</mark>')
      const inner = marked ? piece.slice('<mark>'.length, -'</mark>'.length) : piece
      // any other tag the engine did not promise is dropped, never rendered
      return { marked, text: unescapeHtml(inner.replace(/<\/?mark>/g, '')) }
    })
