import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { RichText } from './RichText'

const doc = (...children: unknown[]) => ({ root: { type: 'root', children } })
const text = (value: string, format = 0) => ({ type: 'text', format, text: value })
const link = (url: string, ...children: unknown[]) => ({ type: 'link', children, fields: { linkType: 'custom', url } })
const render = (data: unknown) => renderToStaticMarkup(createElement(RichText, { data }))

describe('rich text from content', () => {
  it('renders paragraphs, headings one level down, lists and formats', () => {
    const html = render(
      doc(
        { type: 'heading', tag: 'h1', children: [text('教学目标')] },
        { type: 'paragraph', children: [text('粗', 1), text('斜', 2)] },
        { type: 'list', listType: 'number', children: [{ type: 'listitem', children: [text('一')] }] },
      ),
    )
    expect(html).toBe('<div class="rich-text"><h2><span>教学目标</span></h2><p><span><strong>粗</strong></span><span><em>斜</em></span></p><ol><li><span>一</span></li></ol></div>')
  })

  it('keeps markup in text as text', () => {
    const html = render(doc({ type: 'paragraph', children: [text('<script>alert(1)</script><img src=x onerror=alert(1)>')] }))
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;script&gt;')
  })

  it('never makes a live href of javascript:, data: or a protocol-relative link', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\nscript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', '//evil.example']) {
      const html = render(doc({ type: 'paragraph', children: [link(url, text('点我'))] }))
      expect(html).not.toContain('href')
      expect(html).toContain('点我')
    }
    expect(render(doc({ type: 'paragraph', children: [link('https://www.12371.cn/', text('共产党员网'))] }))).toContain(
      'href="https://www.12371.cn/" rel="noopener noreferrer nofollow"',
    )
  })

  it('shows only the text of unknown nodes and ignores what is not a document', () => {
    expect(render(doc({ type: 'html-embed', html: '<script>x</script>', children: [text('说明')] }))).toBe('<div class="rich-text"><span><span>说明</span></span></div>')
    expect(render('<p>not lexical</p>')).toBe('')
    expect(render(null)).toBe('')
  })
})
