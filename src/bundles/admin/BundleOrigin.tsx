'use client'

import type { UIFieldClientComponent } from 'payload'

import { useAuth, useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

type Listed = { relationTo: string; title: string; value: number | string }
type Upstream = {
  fork: boolean
  upstream?: null | { added: Listed[]; changed: boolean; edited: number; id: number | string; removed: Listed[]; reordered: boolean; title: string; updatedAt: string }
}
type Reuse = { direct: number; jurisdictions: Array<{ count: number; id: number | string; name: string }>; total: number }
type Unit = { id: number | string; name: string }
type Me = { jurisdiction?: { id: number | string } | number | string; role?: string }

const box: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150, #ddd)',
  borderRadius: 'var(--style-radius-s, 4px)',
  marginBottom: 'var(--base, 20px)',
  padding: 'calc(var(--base, 20px) / 2) var(--base, 20px)',
}
const row: React.CSSProperties = { alignItems: 'center', display: 'flex', flexWrap: 'wrap', gap: 8, margin: '6px 0' }
const button = 'btn btn--style-secondary btn--size-small'

const idOf = (value: Me['jurisdiction']) => (typeof value === 'object' && value ? value.id : value)

/**
 * 来源与复用: for a fork, where it came from and whether the upstream changed since (with a pull); for any bundle,
 * where it was reused (only forks the viewer may read); and, for organizers, a copy into a jurisdiction they organize.
 */
export const BundleOrigin: UIFieldClientComponent = () => {
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const { config: { routes: { admin: adminRoute, api }, serverURL } } = useConfig()
  const { i18n } = useTranslation()
  const en = i18n.language === 'en'
  const base = `${serverURL}${api}/bundles/${id}`
  const [upstream, setUpstream] = useState<null | Upstream>(null)
  const [reuse, setReuse] = useState<null | Reuse>(null)
  const [units, setUnits] = useState<Unit[]>([])
  const [target, setTarget] = useState('')
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  const me = user as Me | null
  const owner = useFormFields(([fields]) => String(idOf(fields.jurisdiction?.value as Me['jurisdiction']) ?? ''))
  const mayFork = me?.role === 'admin' || me?.role === 'organizer'

  useEffect(() => {
    if (!id) return
    const get = (path: string) => fetch(`${base}/${path}`, { credentials: 'include' }).then((response) => (response.ok ? response.json() : null))
    void get('upstream').then(setUpstream)
    void get('reuse').then(setReuse)
  }, [base, id])

  useEffect(() => {
    const own = idOf(me?.jurisdiction)
    if (!mayFork || own === undefined) return
    const where = me?.role === 'admin' ? '' : `&where[or][0][id][equals]=${own}&where[or][1][ancestorPath][contains]=/${own}/`
    void fetch(`${serverURL}${api}/jurisdictions?depth=0&limit=100&sort=ancestorPath${where}`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : null))
      .then((body) => {
        // a bundle is not forked into the jurisdiction that owns it
        const offered = ((body?.docs ?? []) as Unit[]).filter((unit) => String(unit.id) !== owner)
        setUnits(offered)
        setTarget(String(offered.find((unit) => String(unit.id) === String(own))?.id ?? offered[0]?.id ?? ''))
      })
  }, [api, mayFork, me?.jurisdiction, me?.role, owner, serverURL])

  const post = useCallback(
    async (path: string, body: unknown) => {
      setBusy(true)
      setMessage('')
      const response = await fetch(`${base}/${path}`, { body: JSON.stringify(body), credentials: 'include', headers: { 'Content-Type': 'application/json' }, method: 'POST' })
      setBusy(false)
      const answer = await response.json().catch(() => null)
      if (!response.ok) setMessage(answer?.errors?.[0]?.message ?? String(response.status))
      return response.ok ? answer : null
    },
    [base],
  )

  const fork = async () => {
    const answer = await post('fork', { jurisdiction: target })
    if (answer) window.location.assign(`${serverURL}${adminRoute}/collections/bundles/${answer.doc.id}`)
  }
  const pull = async () => {
    if (await post('pull-upstream', {})) window.location.reload()
  }

  if (!id) return null
  const changes = upstream?.upstream
  return (
    <div className="bundle-origin" style={box}>
      {upstream?.fork && (
        <div className="bundle-origin__upstream">
          {changes ? (
            <div style={row}>
              {en ? 'Forked from' : '复制自'}
              <a href={`${serverURL}${adminRoute}/collections/bundles/${changes.id}`}>《{changes.title}》</a>
              {changes.changed ? (
                <>
                  <strong className="bundle-origin__changed">{en ? 'Upstream has changes' : '上游有更新'}</strong>
                  <span>
                    {changes.added.length > 0 && `${en ? 'added' : '新增'}：${changes.added.map((item) => item.title).join('、')}；`}
                    {changes.removed.length > 0 && `${en ? 'removed' : '移除'}：${changes.removed.map((item) => item.title).join('、')}；`}
                    {changes.reordered && (en ? 'order changed; ' : '顺序有调整；')}
                    {changes.edited > 0 && `${en ? 'rows edited' : '学时或备注修改'} ${changes.edited}`}
                  </span>
                  <button className={button} disabled={busy} onClick={() => void pull()} type="button">
                    {en ? 'Pull upstream changes' : '拉取上游更新'}
                  </button>
                </>
              ) : (
                <span>{en ? 'Up to date with its upstream' : '与上游一致'}</span>
              )}
            </div>
          ) : (
            <p>{en ? 'The upstream bundle was deleted or is no longer visible to you.' : '上游课程包已删除或您已无权查看。'}</p>
          )}
        </div>
      )}
      <div className="bundle-origin__reuse" style={row}>
        {reuse && reuse.total > 0
          ? `${en ? 'Reused' : '已被复用'} ${reuse.total} ${en ? 'times' : '次'}（${en ? 'directly' : '直接复制'} ${reuse.direct}）：${reuse.jurisdictions.map((unit) => (unit.count > 1 ? `${unit.name} ×${unit.count}` : unit.name)).join('、')}`
          : en
            ? 'Not reused by others yet (that you can see).'
            : '暂无您可见的复用。'}
      </div>
      {mayFork && units.length > 0 && (
        <div style={row}>
          <label htmlFor="bundle-fork-target">{en ? 'Fork into' : '复制到'}</label>
          <select id="bundle-fork-target" onChange={(event) => setTarget(event.target.value)} value={target}>
            {units.map((unit) => (
              <option key={unit.id} value={String(unit.id)}>
                {unit.name}
              </option>
            ))}
          </select>
          <button className={button} disabled={busy} onClick={() => void fork()} type="button">
            {en ? 'Fork this bundle' : '复制为本辖区课程包'}
          </button>
        </div>
      )}
      {message && <p role="alert">{message}</p>}
    </div>
  )
}
