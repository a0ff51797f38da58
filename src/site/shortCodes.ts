/**
 * Short stable codes for printed QR codes: `/r/<letter><id>`, e.g. `/r/s1c` for field site 48. They name an item
 * by kind and id only, so they keep working when titles change, and a short URL gives a small, easily scanned QR.
 */
import type { SearchKind } from '@/search/types'

import { memberUrl } from '@/search/documents'

const LETTERS: Record<SearchKind, string> = {
  bundle: 'b',
  courseware: 'c',
  'field-route': 'r',
  'field-site': 's',
  lecturer: 'p',
  lesson: 'l',
  textbook: 't',
  video: 'v',
}
const KIND_OF_LETTER = Object.fromEntries(Object.entries(LETTERS).map(([kind, letter]) => [letter, kind])) as Record<string, SearchKind>

/** numeric ids in base 36 (48 → 1c); other ids (MongoDB ObjectIds) as they are */
export const shortCode = (kind: SearchKind, id: number | string): string =>
  `${LETTERS[kind]}${/^\d+$/.test(String(id)) ? Number(id).toString(36) : String(id)}`

/** The member page a code stands for, or null for anything that is not a code. */
export const resolveShortCode = (code: string): null | string => {
  const match = /^([a-z])([a-z\d]{1,24})$/.exec(code)
  const kind = match ? KIND_OF_LETTER[match[1]!] : undefined
  if (!match || !kind) return null
  const id = match[2]!.length === 24 ? match[2]! : String(parseInt(match[2]!, 36))
  return memberUrl(kind, id)
}
