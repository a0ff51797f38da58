/**
 * Reading preferences kept in cookies and applied on the server, so the first byte already has the reader's
 * text size and script: 大/中/小 and 简/繁 (OpenCC). Names of people and places are shown as written; pages
 * pass only descriptive text through `convert`.
 */
import { cookies } from 'next/headers'
import { cache } from 'react'

import { toSimplified as simplify, toTraditional as traditionalize } from '@/utilities/chineseScript'

export const TEXT_SIZES = ['large', 'medium', 'small'] as const
export type TextSize = (typeof TEXT_SIZES)[number]
export const SCRIPTS = ['hans', 'hant'] as const
export type Script = (typeof SCRIPTS)[number]

export const SIZE_COOKIE = 'site-text-size'
export const SCRIPT_COOKIE = 'site-script'
export const PREF_MAX_AGE = 60 * 60 * 24 * 365

export const TEXT_SIZE_WORDS: Record<TextSize, string> = { large: '大', medium: '中', small: '小' }
export const SCRIPT_WORDS: Record<Script, string> = { hans: '简', hant: '繁' }

/**
 * Pages convert the same labels, names and titles on every visit; remembering short ones saves most of
 * OpenCC's time (long text such as a lesson plan is converted each time, not kept).
 */
const remembered = (convert: (text: string) => string): ((text: string) => string) => {
  const known = new Map<string, string>()
  return (text) => {
    if (text.length > 200) return convert(text)
    let converted = known.get(text)
    if (converted === undefined) {
      if (known.size >= 20_000) known.clear()
      converted = convert(text)
      known.set(text, converted)
    }
    return converted
  }
}

const toTraditional = remembered(traditionalize)
const toSimplified = remembered(simplify)

export const converterFor = (script: Script): ((text: string) => string) => (script === 'hant' ? toTraditional : toSimplified)

export const isTextSize = (value: unknown): value is TextSize => TEXT_SIZES.includes(value as TextSize)
export const isScript = (value: unknown): value is Script => SCRIPTS.includes(value as Script)

export type Prefs = { size: TextSize; script: Script; convert: (text: string) => string }

/** Large text by default: most readers are older. */
export const getPrefs = cache(async (): Promise<Prefs> => {
  const jar = await cookies()
  const size = jar.get(SIZE_COOKIE)?.value
  const script = jar.get(SCRIPT_COOKIE)?.value
  const chosenScript = isScript(script) ? script : 'hans'
  return { convert: converterFor(chosenScript), script: chosenScript, size: isTextSize(size) ? size : 'large' }
})
