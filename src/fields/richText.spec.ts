import { describe, expect, it } from 'vitest'

import { checkRichText, RICH_TEXT_LIMITS } from './richText'

const KNOWN = new Set(['root', 'paragraph', 'text', 'heading', 'linebreak'])
const text = (value: string) => ({ type: 'text', text: value })
const paragraph = (children: unknown[]) => ({ type: 'paragraph', children })
const state = (children: unknown[]) => ({ root: { type: 'root', children } })

describe('checkRichText', () => {
  it('accepts an empty value and a normal document', () => {
    expect(checkRichText(null, KNOWN)).toBe(true)
    expect(checkRichText(state([{ type: 'heading', children: [text('第一讲')] }, paragraph([text('正文')])]), KNOWN)).toBe(true)
  })

  it('refuses unknown node types, bad shapes, depth, node count and text length with a bilingual message', () => {
    const refusals = [
      checkRichText(state([{ type: 'evil', children: [] }]), KNOWN),
      checkRichText({ root: 'x' }, KNOWN),
      checkRichText(state([paragraph('not a list' as never)]), KNOWN),
      checkRichText(state([Array.from({ length: RICH_TEXT_LIMITS.maxDepth }).reduce<unknown>((inner) => paragraph([inner]), text('x'))]), KNOWN),
      checkRichText(state([paragraph(Array.from({ length: RICH_TEXT_LIMITS.maxNodes }, () => ({ type: 'linebreak' })))]), KNOWN),
      checkRichText(state([paragraph([text('长'.repeat(RICH_TEXT_LIMITS.maxTextLength + 1))])]), KNOWN),
    ]
    for (const refusal of refusals) expect(refusal).toMatch(/[\u4e00-\u9fff].* \/ [A-Z]/)
  })

  it('walks a very deep value without recursion', () => {
    let deep: unknown = text('x')
    for (let level = 0; level < 100_000; level++) deep = paragraph([deep])
    expect(checkRichText(state([deep]), KNOWN)).toMatch(/nested deeper/)
  })
})
