import { corruptDocument, IngestError, unsupportedType } from './errors'
import type { FileKind } from './policy'
import { BoundedZip, type ZipLimits } from './zip'

const CONTENT_TYPES_PART = '[Content_Types].xml'
const MAX_CONTENT_TYPES_BYTES = 1024 * 1024
export const MAX_XML_PART_BYTES = 64 * 1024 * 1024

/** Main-part content types; macro-enabled and spreadsheet packages are named so the refusal says what they are. */
const MAIN_PART_TYPES: Record<string, FileKind | string> = {
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml': 'xlsm',
  'application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml': 'pptm',
  'application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml': 'ppsm',
  'application/vnd.ms-word.document.macroEnabledTemplate.main+xml': 'dotm',
  'application/vnd.ms-word.document.macroEnabled.main+xml': 'docm',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml': 'pptx',
  'application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml': 'pptx',
  'application/vnd.openxmlformats-officedocument.presentationml.template.main+xml': 'pptx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': 'xlsx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': 'docx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml': 'docx',
}

const attributeOf = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1]

interface MainPart {
  label: string
  partName: string
}

function findMainPart(contentTypesXml: string): MainPart | undefined {
  for (const [tag] of contentTypesXml.matchAll(/<Override\b[^>]*>/g)) {
    const label = MAIN_PART_TYPES[attributeOf(tag, 'ContentType') ?? '']
    const partName = attributeOf(tag, 'PartName')
    if (label && partName) return { label, partName: partName.replace(/^\//, '') }
  }
  return undefined
}

const isOfficeKind = (label: string): label is 'pptx' | 'docx' => label === 'pptx' || label === 'docx'

const isFlateError = (error: unknown): error is Error & { code: number } =>
  error instanceof Error && typeof (error as { code?: unknown }).code === 'number'

/** fflate reports broken deflate data with its own error; a person needs to hear "damaged file". */
export function asCorruptDocument(error: unknown, detected: string): unknown {
  if (isFlateError(error)) return corruptDocument(detected, `cannot decompress (${error.message})`, `无法解压（${error.message}）`)
  return error
}

export interface ClassifyOoxmlOptions {
  /** The name claimed an Office file: a plain zip is then a damaged document rather than an unsupported type. */
  expectOoxml: boolean
  limits: ZipLimits
}

/** Checks an OOXML package without expanding more than its content types and main part, within limits. */
export function classifyOoxml(data: Uint8Array, options: ClassifyOoxmlOptions): 'pptx' | 'docx' {
  const zip = BoundedZip.open(data, options.limits)
  try {
    const contentTypes = zip.text(CONTENT_TYPES_PART, MAX_CONTENT_TYPES_BYTES)
    const mainPart = contentTypes === undefined ? undefined : findMainPart(contentTypes)
    if (!mainPart) {
      if (options.expectOoxml) throw corruptDocument('zip', 'no [Content_Types].xml with an Office main part', '缺少 [Content_Types].xml 或 Office 主文档声明')
      throw unsupportedType('zip')
    }
    if (!isOfficeKind(mainPart.label)) throw unsupportedType(mainPart.label)
    if (!zip.bytes(mainPart.partName, MAX_XML_PART_BYTES)) {
      throw corruptDocument(mainPart.label, `main part ${mainPart.partName} is missing`, `缺少主文档 ${mainPart.partName}`)
    }
    return mainPart.label
  } catch (error) {
    if (error instanceof IngestError) throw error
    throw asCorruptDocument(error, 'zip')
  }
}
