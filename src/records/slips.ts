import type { Payload } from 'payload'

import { renderSVG } from 'uqr'

import type { TrainingSession } from '@/payload-types'

import { localSpan } from '@/utilities/localTime'

import { CODES, ratingPath } from './ratings'

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '"': '&quot;', '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;' })[char]!)

/** The session's unused codes as a printable page: one slip per attendee, a QR code of its rating link and the code. */
export const renderSlips = async (payload: Payload, session: TrainingSession, origin: string): Promise<string> => {
  const { docs } = await payload.find({
    collection: CODES,
    depth: 0,
    pagination: false,
    sort: 'createdAt',
    where: { and: [{ session: { equals: session.id } }, { or: [{ usedAt: { exists: false } }, { usedAt: { equals: null } }] }] },
  })
  const title = escapeHtml(session.title ?? '')
  const when = session.startsAt ? escapeHtml(localSpan(session.startsAt, session.endsAt)) : ''
  const slips = docs
    .map(({ code }) => {
      const url = `${origin}${ratingPath(code)}`
      return `<figure>${renderSVG(url)}<figcaption><b>${title}</b><br>${when}<br>扫码评价（匿名，限用一次）<br><code>${escapeHtml(code)}</code></figcaption></figure>`
    })
    .join('\n')
  const empty = docs.length === 0 ? '<p>没有未使用的评价码，请先生成。 / No unused codes: issue some first.</p>' : ''
  return `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>评价码 · ${title}</title>
<style>body{font-family:sans-serif;margin:1cm}main{display:grid;grid-template-columns:repeat(auto-fill,minmax(5.5cm,1fr));gap:0.5cm}
figure{border:1px dashed #999;margin:0;padding:0.3cm;break-inside:avoid;text-align:center}svg{width:4cm;height:4cm}figcaption{font-size:11px}</style>
</head><body><h1>${title}</h1>${empty}<main>${slips}</main></body></html>`
}
