'use client'

import type { UIFieldClientComponent } from 'payload'

import { useConfig, useForm, useFormFields, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { asId, COLLECTION_OF_KIND, ITEM_KINDS, type ItemKind, itemSummaries, summaryKey } from './words'

type Hit = { docId: string; id: string; jurisdiction?: { id: string; name: string } | null; kind: ItemKind; title: string }

const box: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150, #ddd)',
  borderRadius: 'var(--style-radius-s, 4px)',
  marginBottom: 'var(--base, 20px)',
  padding: 'calc(var(--base, 20px) / 2) var(--base, 20px)',
}
const line: React.CSSProperties = { alignItems: 'center', display: 'flex', gap: 8, padding: '4px 0' }

/**
 * 从共享库添加: searches the whole library through GET /api/search as the signed-in organizer (so it finds only
 * what they may read, in either script) and adds a hit to the bundle's items with one click. The items' order is
 * then set by dragging the rows below; the server refuses any item its editor may not read.
 */
export const ItemSearch: UIFieldClientComponent = () => {
  const { config: { routes: { api }, serverURL } } = useConfig()
  const { i18n } = useTranslation()
  const en = i18n.language === 'en'
  const { addFieldRow } = useForm()
  const rows = useFormFields(([fields]) => fields.items?.rows?.length ?? 0)
  const chosen = useFormFields(([fields]) =>
    Array.from({ length: rows }, (_, index) => {
      const value = fields[`items.${index}.item`]?.value as { relationTo?: string; value?: unknown } | undefined
      return value ? summaryKey(String(value.relationTo), String(value.value)) : ''
    }).join('|'),
  )
  const [query, setQuery] = useState('')
  const [hits, setHits] = useState<Hit[]>([])
  const [message, setMessage] = useState('')

  useEffect(() => {
    const q = query.trim()
    if (!q) return setHits([])
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      const params = new URLSearchParams({ kind: Object.keys(ITEM_KINDS).join(','), perPage: '12', q })
      const response = await fetch(`${serverURL}${api}/search?${params}`, { credentials: 'include', signal: controller.signal }).catch(() => null)
      if (!response) return
      const body = await response.json().catch(() => null)
      if (!response.ok) return setMessage(body?.errors?.[0]?.message ?? String(response.status))
      setMessage('')
      setHits(body.hits)
    }, 300)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [api, query, serverURL])

  const add = (hit: Hit) => {
    const collection = COLLECTION_OF_KIND[hit.kind]
    const value = { relationTo: collection, value: asId(hit.docId) }
    itemSummaries.set(summaryKey(collection, hit.docId), { jurisdiction: hit.jurisdiction?.name ?? '', title: hit.title })
    addFieldRow({ path: 'items', schemaPath: 'items', subFieldState: { item: { initialValue: value, valid: true, value } } })
  }

  const added = new Set(chosen.split('|'))
  return (
    <div className="bundle-item-search" style={box}>
      <label style={{ display: 'block', fontWeight: 600, marginBottom: 6 }} htmlFor="bundle-item-search">
        {en ? 'Add from the shared library' : '从共享库添加内容'}
      </label>
      <input
        className="bundle-item-search__input"
        id="bundle-item-search"
        onChange={(event) => setQuery(event.target.value)}
        placeholder={en ? 'Search lessons, courseware, videos, textbooks, routes' : '搜索课程、课件、音像资料、本土教材、现场教学路线（简体繁体均可）'}
        style={{ padding: 8, width: '100%' }}
        type="search"
        value={query}
      />
      {message && <p role="alert">{message}</p>}
      <ul className="bundle-item-search__hits" style={{ listStyle: 'none', margin: '8px 0 0', padding: 0 }}>
        {hits.map((hit) => {
          const isAdded = added.has(summaryKey(COLLECTION_OF_KIND[hit.kind], hit.docId))
          return (
            <li className="bundle-item-search__hit" data-hit={hit.id} key={hit.id} style={line}>
              <span className="pill pill--style-light">{ITEM_KINDS[hit.kind]?.[en ? 1 : 0] ?? hit.kind}</span>
              <span style={{ flex: 1 }}>
                {hit.title}
                {hit.jurisdiction?.name ? `（${hit.jurisdiction.name}）` : ''}
              </span>
              <button className="btn btn--style-secondary btn--size-small" disabled={isAdded} onClick={() => add(hit)} style={{ margin: 0 }} type="button">
                {isAdded ? (en ? 'Added' : '已添加') : en ? 'Add' : '添加'}
              </button>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
