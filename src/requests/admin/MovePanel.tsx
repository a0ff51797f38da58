'use client'

import type { UIFieldClientComponent } from 'payload'

import { useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import type { Suggestion } from '../suggest'
import type { RequestAction, RequestState } from '../transitions'

import { ACTION_WORDS, STATE_WORDS } from '../terms'
import { TRANSITIONS } from '../transitions'

type Row = { lecturer?: { id: number | string; name?: string } | number | string; lecturerUser?: unknown; status?: string }
type Doc = { dispatches?: Row[]; status?: RequestState }

const box: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150, #ddd)',
  borderRadius: 'var(--style-radius-s, 4px)',
  marginBottom: 'var(--base, 20px)',
  padding: 'calc(var(--base, 20px) / 2) var(--base, 20px)',
}
const row: React.CSSProperties = { alignItems: 'center', display: 'flex', flexWrap: 'wrap', gap: 8, margin: '6px 0' }

const lecturerOf = (entry: Row) => (typeof entry.lecturer === 'object' ? entry.lecturer : { id: entry.lecturer ?? '', name: String(entry.lecturer ?? '') })

/**
 * 办理: the moves a course request allows in its state, above its (read-only) form. The server decides who may
 * make each move and answers refusals in both languages; this panel only offers the state's moves and shows answers.
 */
export const MovePanel: UIFieldClientComponent = () => {
  const { id } = useDocumentInfo()
  const { config: { routes: { api }, serverURL } } = useConfig()
  const { i18n } = useTranslation()
  const en = i18n.language === 'en'
  const say = (words: readonly [string, string]) => (en ? words[1] : words[0])
  const base = `${serverURL}${api}/course-requests/${id}`
  const [doc, setDoc] = useState<Doc | null>(null)
  const [suggestions, setSuggestions] = useState<null | Suggestion[]>(null)
  const [chosen, setChosen] = useState<string[]>([])
  const [lecturer, setLecturer] = useState('')
  const [reason, setReason] = useState('')
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!id) return
    void fetch(`${base}?depth=1`, { credentials: 'include' }).then(async (response) => setDoc(response.ok ? await response.json() : null))
    void fetch(`${base}/lecturers`, { credentials: 'include' }).then(async (response) => setSuggestions(response.ok ? (await response.json()).lecturers : null))
  }, [base, id])

  const move = useCallback(
    async (action: RequestAction) => {
      setBusy(true)
      setMessage('')
      const body = { action, lecturer: lecturer || undefined, lecturers: chosen, reason: reason || undefined }
      const response = await fetch(`${base}/move`, { body: JSON.stringify(body), credentials: 'include', headers: { 'Content-Type': 'application/json' }, method: 'POST' })
      setBusy(false)
      if (response.ok) return window.location.reload()
      const answer = await response.json().catch(() => null)
      setMessage(answer?.errors?.[0]?.message ?? String(response.status))
    },
    [base, chosen, lecturer, reason],
  )

  if (!id || !doc?.status) return null
  const actions = (Object.keys(TRANSITIONS[doc.status]) as RequestAction[]).filter((action) => action !== 'expire')
  const pending = (doc.dispatches ?? []).filter((entry) => entry.status === 'pending').map(lecturerOf)

  return (
    <div style={box}>
      <strong>{en ? 'State' : '状态'}：{say(STATE_WORDS[doc.status])}</strong>
      {actions.includes('dispatch') && suggestions && (
        <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
          <legend>{en ? 'Lecturers, best match first' : '推荐讲师（按匹配排序）'}</legend>
          {suggestions.map((entry) => (
            <label key={entry.id} style={row}>
              <input
                checked={chosen.includes(String(entry.id))}
                disabled={!entry.available}
                onChange={(event) => setChosen(event.target.checked ? [...chosen, String(entry.id)] : chosen.filter((value) => value !== String(entry.id)))}
                type="checkbox"
              />
              {entry.name} · {en ? 'themes' : '主题匹配'} {entry.topicMatch} · {en ? 'this month' : '本月'} {entry.sessionsThisMonth}
              {entry.distanceKm != null && ` · ${entry.distanceKm} km`}
              {!entry.available && ` · ${en ? 'booked' : '该时段已有安排'}`}
            </label>
          ))}
        </fieldset>
      )}
      {pending.length > 0 && (
        <label style={row}>
          {en ? 'Answer for' : '代为答复'}
          <select onChange={(event) => setLecturer(event.target.value)} value={lecturer}>
            <option value="">{en ? '(my own dispatch)' : '（本人的派单）'}</option>
            {pending.map((entry) => (
              <option key={entry.id} value={String(entry.id)}>
                {entry.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {(actions.includes('decline') || actions.includes('cancel')) && (
        <label style={row}>
          {en ? 'Reason' : '理由'}
          <input maxLength={500} onChange={(event) => setReason(event.target.value)} style={{ flex: 1 }} value={reason} />
        </label>
      )}
      <div style={row}>
        {actions.map((action) => (
          <button className="btn btn--style-secondary btn--size-small" disabled={busy} key={action} onClick={() => void move(action)} type="button">
            {say(ACTION_WORDS[action])}
          </button>
        ))}
      </div>
      {message && <p role="alert">{message}</p>}
    </div>
  )
}
