import type { Lesson } from '@/payload-types'

import type { RichBlock } from './data/types'

export type RichText = NonNullable<Lesson['plan']>

const textNode = (text: string) => ({ type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 })

const blockNode = (block: RichBlock) =>
  typeof block === 'string'
    ? { type: 'paragraph', children: [textNode(block)], direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', version: 1 }
    : { type: 'heading', children: [textNode(block.h)], direction: 'ltr', format: '', indent: 0, tag: 'h3', version: 1 }

/** Lexical editor state (root > paragraph/heading > text), the shape the admin's editor saves. */
export const toRichText = (blocks: RichBlock[]): RichText => ({
  root: { type: 'root', children: blocks.map(blockNode), direction: 'ltr', format: '', indent: 0, version: 1 },
})
