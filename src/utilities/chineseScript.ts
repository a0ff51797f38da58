/**
 * Simplified ↔ Traditional with OpenCC, one converter per direction for the whole process, made on first use:
 * a Simplified → Traditional converter holds ~42 MB of dictionary, and each module building its own kept three of
 * them alive in every server process (a bigger heap, longer garbage collections on every page).
 */
import * as OpenCC from 'opencc-js'

type Convert = (text: string) => string

const once = (make: () => Convert): Convert => {
  let convert: Convert | null = null
  return (text) => (convert ??= make())(text)
}

export const toTraditional: Convert = once(() => OpenCC.Converter({ from: 'cn', to: 'tw' }))
export const toSimplified: Convert = once(() => OpenCC.Converter({ from: 'tw', to: 'cn' }))
