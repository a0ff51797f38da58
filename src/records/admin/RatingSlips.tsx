'use client'

import type { UIFieldClientComponent } from 'payload'

import { useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React, { useState } from 'react'

const box: React.CSSProperties = {
  alignItems: 'center',
  border: '1px solid var(--theme-elevation-150, #ddd)',
  borderRadius: 'var(--style-radius-s, 4px)',
  display: 'flex',
  flexWrap: 'wrap',
  gap: 8,
  marginBottom: 'var(--base, 20px)',
  padding: 'calc(var(--base, 20px) / 2) var(--base, 20px)',
}

/** 满意度评价码: issue one-time codes for the attendees and open the page of QR slips to print. */
export const RatingSlips: UIFieldClientComponent = () => {
  const { id } = useDocumentInfo()
  const { config: { routes: { api }, serverURL } } = useConfig()
  const { i18n } = useTranslation()
  const en = i18n.language === 'en'
  const [count, setCount] = useState(30)
  const [message, setMessage] = useState('')
  if (!id) return null
  const base = `${serverURL}${api}/training-sessions/${id}`

  const issue = async () => {
    setMessage('')
    const response = await fetch(`${base}/codes`, { body: JSON.stringify({ count }), credentials: 'include', headers: { 'Content-Type': 'application/json' }, method: 'POST' })
    if (response.ok) return window.open(`${base}/slips`, '_blank')
    const answer = await response.json().catch(() => null)
    setMessage(answer?.errors?.[0]?.message ?? String(response.status))
  }

  return (
    <div style={box}>
      <strong>{en ? 'Rating slips' : '满意度评价码'}</strong>
      <input aria-label={en ? 'How many' : '数量'} max={500} min={1} onChange={(event) => setCount(Number(event.target.value))} style={{ width: 80 }} type="number" value={count} />
      <button className="btn btn--style-secondary btn--size-small" onClick={() => void issue()} type="button">
        {en ? 'Issue and print' : '生成并打印'}
      </button>
      <a href={`${base}/slips`} rel="noreferrer" target="_blank">
        {en ? 'Print unused codes' : '打印未使用的评价码'}
      </a>
      {message && <span role="alert">{message}</span>}
    </div>
  )
}
