/**
 * Two names per upload: the display name people gave it (Chinese kept as typed) and a stored name that is safe
 * on any disk or object store: no directories, no control or bidi characters, bounded length, the extension of
 * the detected content, and a content-hash suffix so two different files never share a name.
 */
const INVISIBLE_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g
const NOT_SAFE_IN_STEM = /[^\p{L}\p{N}_-]+/gu
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i
const MAX_DISPLAY_CODE_POINTS = 200
const MAX_STEM_BYTES = 100
const HASH_SUFFIX_LENGTH = 10
export const UNTITLED_DISPLAY_NAME = '未命名文件'

const lastPathSegment = (name: string): string =>
  name
    .split(/[\\/]/)
    .filter((segment) => segment.length > 0)
    .pop() ?? ''

const truncateCodePoints = (text: string, max: number): string => Array.from(text).slice(0, max).join('')

function truncateUtf8(text: string, maxBytes: number): string {
  const encoder = new TextEncoder()
  let result = ''
  let bytes = 0
  for (const character of text) {
    bytes += encoder.encode(character).length
    if (bytes > maxBytes) break
    result += character
  }
  return result
}

/** The name to show: a browser may send a full Windows path, and a name may hide a bidi override ("‮fdp.exe"). */
export function toDisplayName(original: string): string {
  const cleaned = lastPathSegment(original.normalize('NFC').replace(/\s+/g, ' ').replace(INVISIBLE_OR_CONTROL, '')).trim()
  if (cleaned === '' || /^\.+$/.test(cleaned)) return UNTITLED_DISPLAY_NAME
  return truncateCodePoints(cleaned, MAX_DISPLAY_CODE_POINTS)
}

const stemOf = (displayName: string): string => displayName.replace(/\.[^.]{1,8}$/, '')

/** Letters (any script), digits, `_` and `-` only: dots go too, so "a.php.jpg" cannot keep a second extension. */
export function toSafeStem(displayName: string): string {
  const stem = truncateUtf8(
    stemOf(displayName)
      .replace(NOT_SAFE_IN_STEM, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^[-_]+|[-_]+$/g, ''),
    MAX_STEM_BYTES,
  ).replace(/[-_]+$/, '')
  if (stem === '') return 'file'
  return WINDOWS_RESERVED.test(stem) ? `_${stem}` : stem
}

export interface StoredNameOptions {
  /** Extension of the detected content (SniffResult.ext), never the uploaded name's. */
  ext: string
  /** Hex SHA-256 of the content; its head makes the name unique per content. */
  sha256: string
}

export function toStoredFileName(original: string, options: StoredNameOptions): string {
  const ext = options.ext.toLowerCase().replace(/[^a-z0-9]/g, '')
  const suffix = options.sha256.toLowerCase().replace(/[^0-9a-f]/g, '').slice(0, HASH_SUFFIX_LENGTH)
  return `${toSafeStem(toDisplayName(original))}-${suffix}.${ext}`
}
