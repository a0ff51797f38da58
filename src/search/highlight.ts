/**
 * Highlights in the original script: matches are found in the normalised text and marked at the
 * corresponding offsets of the original. Output is HTML-escaped except for `<mark>`.
 */
import { alignNormalized } from './text'

export type Span = { end: number; start: number }

const SNIPPET_RADIUS = 40

const HTML_ESCAPES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;' }
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!)

/** non-overlapping spans of `terms` (longest first wins) in `normalized`, in text order */
export const findSpans = (normalized: string, terms: string[]): Span[] => {
  const taken = new Uint8Array(normalized.length)
  const spans: Span[] = []
  for (const term of terms) {
    if (!term) continue
    for (let at = normalized.indexOf(term); at >= 0; at = normalized.indexOf(term, at + term.length)) {
      if (taken.subarray(at, at + term.length).some(Boolean)) continue
      taken.fill(1, at, at + term.length)
      spans.push({ end: at + term.length, start: at })
    }
  }
  return mergeTouching(spans.sort((a, b) => a.start - b.start))
}

/** 非公 + 企业 side by side read as one mark */
const mergeTouching = (spans: Span[]): Span[] =>
  spans.reduce<Span[]>((merged, span) => {
    const last = merged.at(-1)
    if (last && last.end === span.start) last.end = span.end
    else merged.push({ ...span })
    return merged
  }, [])

/** matches in the original's offsets */
const findOriginalSpans = (original: string, terms: string[]): Span[] => {
  const aligned = alignNormalized(original)
  return findSpans(aligned.text, terms).map((span) => ({ end: aligned.offsets[span.end - 1]! + 1, start: aligned.offsets[span.start]! }))
}

const markRange = (original: string, spans: Span[], from: number, to: number): string => {
  let html = ''
  let cursor = from
  for (const span of spans) {
    if (span.end <= from || span.start >= to) continue
    const start = Math.max(span.start, from)
    const end = Math.min(span.end, to)
    html += `${escapeHtml(original.slice(cursor, start))}<mark>${escapeHtml(original.slice(start, end))}</mark>`
    cursor = end
  }
  return html + escapeHtml(original.slice(cursor, to))
}

/** the whole text with every match marked */
export const markAll = (original: string, terms: string[]): string =>
  markRange(original, findOriginalSpans(original, terms), 0, original.length)

/** a window around the first match, '' when nothing matches */
export const markSnippet = (original: string, terms: string[], radius = SNIPPET_RADIUS): string => {
  const spans = findOriginalSpans(original, terms)
  const first = spans[0]
  if (!first) return ''
  const from = Math.max(0, first.start - radius)
  const to = Math.min(original.length, first.end + radius * 2)
  const text = markRange(original, spans, from, to).replace(/\s+/g, ' ').trim()
  return `${from > 0 ? '…' : ''}${text}${to < original.length ? '…' : ''}`
}

/** 1-based numbers of the pages whose normalised text contains one of the terms */
export const matchingPages = (pages: string[], terms: string[]): number[] => {
  if (!terms.length) return []
  return pages.flatMap((page, index) => {
    const normalized = alignNormalized(page).text
    return terms.some((term) => term && normalized.includes(term)) ? [index + 1] : []
  })
}
