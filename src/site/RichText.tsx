/**
 * Lexical JSON → React, for content people wrote. Only known nodes become elements; text is always React text
 * (escaped); a link's URL goes through safeHref, so `javascript:` and the like never become a live href; unknown
 * nodes show their text children and nothing else. No dangerouslySetInnerHTML anywhere.
 */
import type { ReactNode } from 'react'

import { safeHref } from './safeHref'

type LexicalNode = {
  type?: string
  children?: LexicalNode[]
  text?: string
  format?: number | string
  tag?: string
  listType?: string
  url?: string
  fields?: { url?: string; newTab?: boolean; linkType?: string }
}

const BOLD = 1
const ITALIC = 2
const STRIKETHROUGH = 4
const UNDERLINE = 8
const CODE = 16
const SUBSCRIPT = 32
const SUPERSCRIPT = 64
const MAX_DEPTH = 20

type Convert = (text: string) => string

const renderText = (node: LexicalNode, key: number, convert: Convert): ReactNode => {
  let out: ReactNode = convert(node.text ?? '')
  const format = typeof node.format === 'number' ? node.format : 0
  if (format & CODE) out = <code>{out}</code>
  if (format & BOLD) out = <strong>{out}</strong>
  if (format & ITALIC) out = <em>{out}</em>
  if (format & UNDERLINE) out = <u>{out}</u>
  if (format & STRIKETHROUGH) out = <s>{out}</s>
  if (format & SUBSCRIPT) out = <sub>{out}</sub>
  if (format & SUPERSCRIPT) out = <sup>{out}</sup>
  return <span key={key}>{out}</span>
}

/** Headings move one level down: the page's own title is the only h1. */
const headingTag = (tag: unknown): 'h2' | 'h3' | 'h4' => (tag === 'h1' || tag === 'h2' ? 'h2' : tag === 'h3' ? 'h3' : 'h4')

const renderNode = (node: LexicalNode, key: number, convert: Convert, depth: number): ReactNode => {
  if (depth > MAX_DEPTH || !node || typeof node !== 'object') return null
  const children = () => (Array.isArray(node.children) ? node.children.map((child, index) => renderNode(child, index, convert, depth + 1)) : null)
  switch (node.type) {
    case 'text':
      return renderText(node, key, convert)
    case 'linebreak':
      return <br key={key} />
    case 'tab':
      return ' '
    case 'paragraph':
      return <p key={key}>{children()}</p>
    case 'heading': {
      const Tag = headingTag(node.tag)
      return <Tag key={key}>{children()}</Tag>
    }
    case 'quote':
      return <blockquote key={key}>{children()}</blockquote>
    case 'list':
      return node.listType === 'number' || node.tag === 'ol' ? <ol key={key}>{children()}</ol> : <ul key={key}>{children()}</ul>
    case 'listitem':
      return <li key={key}>{children()}</li>
    case 'horizontalrule':
      return <hr key={key} />
    case 'link':
    case 'autolink': {
      const href = safeHref(node.fields?.linkType === 'internal' ? null : (node.fields?.url ?? node.url))
      if (!href) return <span key={key}>{children()}</span>
      return (
        <a href={href} key={key} rel="noopener noreferrer nofollow" {...(node.fields?.newTab ? { target: '_blank' } : {})}>
          {children()}
        </a>
      )
    }
    default:
      return <span key={key}>{children()}</span>
  }
}

export function RichText({ convert = (text) => text, data }: { convert?: Convert; data: unknown }) {
  const root = data && typeof data === 'object' && 'root' in data ? (data as { root: LexicalNode }).root : null
  if (!root || !Array.isArray(root.children)) return null
  return <div className="rich-text">{root.children.map((child, index) => renderNode(child, index, convert, 1))}</div>
}
