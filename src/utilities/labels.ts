import * as OpenCC from 'opencc-js'

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' })

export type Label = { en: string; zh: string; 'zh-TW': string }

/** A UI label in the admin's three languages; Traditional is derived from Simplified so they never drift. */
export const label = (zh: string, en: string): Label => ({ en, zh, 'zh-TW': toTraditional(zh) })

/** Options for a select field whose stored value is the Simplified term itself (glossary words). */
export const termOptions = (terms: readonly string[]) =>
  terms.map((term) => ({ label: { en: term, zh: term, 'zh-TW': toTraditional(term) }, value: term }))

/** A message users see in an API error: Chinese first, then English. */
export const bilingual = (zh: string, en: string): string => `${zh} / ${en}`
