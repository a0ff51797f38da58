import type { RichTextField, RichTextFieldValidation } from 'payload'

import { richText as payloadRichTextValidation } from 'payload/shared'

import { bilingual, type Label } from '@/utilities/labels'

/** Bounds of one rich-text value: generous for any real lesson plan, small enough that a crafted one cannot hurt. */
export const RICH_TEXT_LIMITS = { maxDepth: 16, maxNodes: 10_000, maxTextLength: 200_000 } as const

/** Lexical's own nodes, registered by every editor whatever its features. */
const CORE_NODE_TYPES = ['root', 'paragraph', 'text', 'linebreak', 'tab']

type LexicalNodeJSON = { type?: unknown; text?: unknown; children?: unknown }

/**
 * Why a Lexical editor state must be refused, or `true`: a node of a type the editor does not register (the
 * editor would fail to open the document), too deep a nesting, too many nodes or too much text. Walks without
 * recursion so a deeply nested value cannot exhaust the stack.
 */
export function checkRichText(value: unknown, knownTypes: ReadonlySet<string>, limits = RICH_TEXT_LIMITS): string | true {
  if (value === null || value === undefined) return true
  const root = (value as { root?: unknown }).root
  if (typeof value !== 'object' || !root || typeof root !== 'object') return bilingual('富文本格式不正确', 'Malformed rich text')
  const stack: Array<[LexicalNodeJSON, number]> = [[root as LexicalNodeJSON, 1]]
  let nodes = 0
  let textLength = 0
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (!node || typeof node !== 'object' || typeof node.type !== 'string') return bilingual('富文本格式不正确', 'Malformed rich text')
    if (!knownTypes.has(node.type)) return bilingual(`富文本含有编辑器不支持的内容类型「${node.type.slice(0, 40)}」`, `Rich text holds a node type the editor does not know: "${node.type.slice(0, 40)}"`)
    if (depth > limits.maxDepth) return bilingual(`富文本嵌套超过 ${limits.maxDepth} 层`, `Rich text is nested deeper than ${limits.maxDepth} levels`)
    if (++nodes > limits.maxNodes) return bilingual(`富文本超过 ${limits.maxNodes} 个节点`, `Rich text has more than ${limits.maxNodes} nodes`)
    if (typeof node.text === 'string') textLength += node.text.length
    if (textLength > limits.maxTextLength) return bilingual(`富文本超过 ${limits.maxTextLength} 字`, `Rich text is longer than ${limits.maxTextLength} characters`)
    if (node.children === undefined) continue
    if (!Array.isArray(node.children)) return bilingual('富文本格式不正确', 'Malformed rich text')
    for (const child of node.children) stack.push([child as LexicalNodeJSON, depth + 1])
  }
  return true
}

type LexicalServerNode = { node: { getType(): string } } | { node: { replace: { getType(): string } } }
type LexicalAdapter = { editorConfig?: { features?: { nodes?: LexicalServerNode[] } } }

const typesOfEditor = new WeakMap<object, ReadonlySet<string>>()

/** The node types an editor registers: Lexical's core nodes and those of its features. */
export function registeredNodeTypes(editor: unknown): ReadonlySet<string> {
  const cached = typesOfEditor.get(editor as object)
  if (cached) return cached
  const featureNodes = (editor as LexicalAdapter)?.editorConfig?.features?.nodes ?? []
  const types = new Set([...CORE_NODE_TYPES, ...featureNodes.map(({ node }) => ('replace' in node ? node.replace : node).getType())])
  typesOfEditor.set(editor as object, types)
  return types
}

/** Bounds and known node types first, then the editor's own validation (its features' node rules). */
export const validateRichText: RichTextFieldValidation = async (value, options) => {
  const problem = checkRichText(value, registeredNodeTypes(options.editor))
  return problem === true ? payloadRichTextValidation(value, options) : problem
}

/** A Lexical rich-text field with the shared bounds. */
export const richTextField = ({ label, name, overrides = {} }: { label: Label; name: string; overrides?: Partial<RichTextField> }): RichTextField => ({
  name,
  type: 'richText',
  label,
  validate: validateRichText,
  ...overrides,
})
