import { toTraditional } from './chineseScript'

export type Label = { en: string; zh: string; 'zh-TW': string }

/** A UI label in the admin's three languages; Traditional is derived from Simplified so they never drift. */
export const label = (zh: string, en: string): Label => ({ en, zh, 'zh-TW': toTraditional(zh) })

/** A message users see in an API error: Chinese first, then English. */
export const bilingual = (zh: string, en: string): string => `${zh} / ${en}`
