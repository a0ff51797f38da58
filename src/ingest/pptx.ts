/** Slide text from a PowerPoint package, in presentation order, each slide followed by its speaker notes. */
import { posix } from 'node:path'

import { MAX_XML_PART_BYTES } from './ooxml'
import type { BoundedZip } from './zip'

const PRESENTATION_PART = 'ppt/presentation.xml'
const SLIDE_PART = /^ppt\/slides\/slide(\d+)\.xml$/
const NOTES_RELATIONSHIP = /\/notesSlide$/

export interface SlideText {
  part: string
  text: string
  notes: string
}

const XML_ENTITIES: Record<string, string> = { amp: '&', apos: "'", gt: '>', lt: '<', quot: '"' }

export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] !== '#') return XML_ENTITIES[body] ?? entity
    const codePoint = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
    return Number.isFinite(codePoint) && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity
  })
}

function paragraphText(paragraphXml: string): string {
  const withBreaks = paragraphXml.replace(/<a:br\b[^>]*\/>/g, '<a:t>\n</a:t>')
  return [...withBreaks.matchAll(/<a:t(?:\s[^>]*)?>([\s\S]*?)<\/a:t>/g)].map((match) => decodeXmlText(match[1])).join('')
}

/** Text of DrawingML shapes, one paragraph a line; fields (slide numbers, dates) are layout, not content. */
export function drawingMlText(xml: string): string {
  const cleaned = xml.replace(/<a:fld\b[\s\S]*?<\/a:fld>/g, '').replace(/<a:p(?:\s[^>]*)?\/>/g, '')
  return [...cleaned.matchAll(/<a:p(?:\s[^>]*)?>([\s\S]*?)<\/a:p>/g)]
    .map((match) => paragraphText(match[1]).trim())
    .filter((line) => line.length > 0)
    .join('\n')
}

interface Relationship {
  type: string
  target: string
}

const attributeOf = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1]

function readRelationships(zip: BoundedZip, sourcePart: string): Map<string, Relationship> {
  const relsPart = posix.join(posix.dirname(sourcePart), '_rels', `${posix.basename(sourcePart)}.rels`)
  const xml = zip.text(relsPart, MAX_XML_PART_BYTES) ?? ''
  const relationships = new Map<string, Relationship>()
  for (const [tag] of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attributeOf(tag, 'Id')
    const target = attributeOf(tag, 'Target')
    if (id && target) relationships.set(id, { target: resolveTarget(sourcePart, target), type: attributeOf(tag, 'Type') ?? '' })
  }
  return relationships
}

const resolveTarget = (sourcePart: string, target: string): string =>
  target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(posix.dirname(sourcePart), target))

function slidePartsInPresentationOrder(zip: BoundedZip): string[] {
  const xml = zip.text(PRESENTATION_PART, MAX_XML_PART_BYTES) ?? ''
  const relationships = readRelationships(zip, PRESENTATION_PART)
  return [...xml.matchAll(/<(?:\w+:)?sldId\b[^>]*?\b\w+:id="([^"]+)"/g)]
    .map((match) => relationships.get(match[1])?.target)
    .filter((part): part is string => part !== undefined && zip.has(part))
}

function slidePartsInNumericOrder(zip: BoundedZip): string[] {
  return zip.entries
    .map((entry) => ({ match: SLIDE_PART.exec(entry.name), name: entry.name }))
    .filter((item) => item.match !== null)
    .sort((a, b) => Number(a.match?.[1]) - Number(b.match?.[1]))
    .map((item) => item.name)
}

/** presentation.xml's list is the order people see; files named slideN can be in any order after edits. */
export function listSlideParts(zip: BoundedZip): string[] {
  const ordered = slidePartsInPresentationOrder(zip)
  return ordered.length > 0 ? ordered : slidePartsInNumericOrder(zip)
}

function notesPartOf(zip: BoundedZip, slidePart: string): string | undefined {
  for (const relationship of readRelationships(zip, slidePart).values()) {
    if (NOTES_RELATIONSHIP.test(relationship.type) && zip.has(relationship.target)) return relationship.target
  }
  return undefined
}

export function readSlide(zip: BoundedZip, slidePart: string): SlideText {
  const notesPart = notesPartOf(zip, slidePart)
  return {
    notes: notesPart ? drawingMlText(zip.text(notesPart, MAX_XML_PART_BYTES) ?? '') : '',
    part: slidePart,
    text: drawingMlText(zip.text(slidePart, MAX_XML_PART_BYTES) ?? ''),
  }
}
