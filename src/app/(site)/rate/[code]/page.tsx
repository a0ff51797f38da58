/*
 * 培训满意度评价: the page a rating slip's QR code opens. Scan, tap a score: done (a comment is optional).
 * Self-contained (inline styles, no client JavaScript): a plain form posting to a server action.
 */
import type { Metadata } from 'next'
import type { CSSProperties } from 'react'

import config from '@payload-config'
import { redirect } from 'next/navigation'
import { APIError, getPayload } from 'payload'

import { type CodeView, describeCode, ratingPath, submitRating } from '@/records/ratings'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { robots: { follow: false, index: false }, title: '培训满意度评价' }

const SCORES = [
  [5, '非常满意'],
  [4, '满意'],
  [3, '一般'],
  [2, '不太满意'],
  [1, '不满意'],
] as const

const styles: Record<string, CSSProperties> = {
  box: { margin: '0 auto', maxWidth: 420, padding: '1rem' },
  button: { border: '1px solid #b71c1c', borderRadius: 8, display: 'block', fontSize: '1.25rem', margin: '0.5rem 0', padding: '0.9rem', width: '100%' },
  comment: { boxSizing: 'border-box', fontSize: '1rem', minHeight: '4rem', padding: '0.5rem', width: '100%' },
  error: { background: '#fdecea', padding: '0.75rem' },
}

async function rate(formData: FormData) {
  'use server'
  const code = String(formData.get('code') ?? '')
  let failure: null | string = null
  try {
    await submitRating(await getPayload({ config }), code, { comment: formData.get('comment'), score: formData.get('score') })
  } catch (error) {
    if (!(error instanceof APIError) || error.status >= 500) throw error
    failure = error.message
  }
  redirect(`${ratingPath(encodeURIComponent(code))}?${failure ? `error=${encodeURIComponent(failure)}` : 'done=1'}`)
}

const lookUp = async (code: string): Promise<CodeView | null> => {
  try {
    return await describeCode(await getPayload({ config }), code)
  } catch (error) {
    if (error instanceof APIError && error.status === 404) return null
    throw error
  }
}

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ done?: string; error?: string }> }

export default async function RatePage({ params, searchParams }: Props) {
  const { code } = await params
  const { done, error } = await searchParams
  const view = await lookUp(decodeURIComponent(code))
  if (!view) {
    return (
      <main id="main" style={styles.box}>
        <h1>评价码无效</h1>
        <p>请核对纸条上的二维码或评价码。 / This rating code does not exist.</p>
      </main>
    )
  }
  return (
    <main id="main" style={styles.box}>
      <h1>培训满意度评价</h1>
      <p>
        {view.session.title}
        {view.session.placeText && ` · ${view.session.placeText}`}
      </p>
      {done || view.used ? (
        <p role="status">感谢您的评价！此评价码已使用。 / Thank you: this code has been used.</p>
      ) : (
        <form action={rate}>
          {error && (
            <p role="alert" style={styles.error}>
              {error}
            </p>
          )}
          <input name="code" type="hidden" value={view ? decodeURIComponent(code) : ''} />
          <label htmlFor="comment">意见建议（可不填）</label>
          <textarea id="comment" maxLength={500} name="comment" style={styles.comment} />
          <p>请点选满意度，点选即提交（匿名）：</p>
          {SCORES.map(([score, word]) => (
            <button key={score} name="score" style={styles.button} type="submit" value={score}>
              {'★'.repeat(score)} {word}
            </button>
          ))}
        </form>
      )}
    </main>
  )
}
