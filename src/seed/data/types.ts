import type { Lesson } from '@/payload-types'

import type { DemoEmail } from './accounts'
import type { SeedThemeName } from './themes'

/** Where an item lives and who made it: names and emails, resolved to ids at seed time. */
export type OwnedSeed = {
  jurisdiction: string
  visibility: Lesson['visibility']
  by: DemoEmail
  draft?: boolean
  themes?: SeedThemeName[]
}

export type Audience = NonNullable<Lesson['audiences']>[number]

/** Rich text written as plain data: a string is a paragraph, `{ h }` a heading. */
export type RichBlock = string | { h: string }
