'use client'

import { useConfig, useRowLabel, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { ITEM_KINDS, KIND_OF_COLLECTION, type ItemSummary, itemSummaries, summaryKey } from './words'

type Row = { item?: { relationTo?: string; value?: { id?: number | string; title?: string } | number | string } | null }

/** A bundle row, collapsed, says what it holds: kind, title and owner (looked up once per item). */
export const ItemRowLabel: React.FC = () => {
  const { data, rowNumber } = useRowLabel<Row>()
  const { config: { routes: { api }, serverURL } } = useConfig()
  const { i18n } = useTranslation()
  const en = i18n.language === 'en'
  const collection = data?.item?.relationTo
  const raw = data?.item?.value
  const id = typeof raw === 'object' && raw ? raw.id : raw
  const key = collection && id !== undefined ? summaryKey(collection, id) : ''
  const [summary, setSummary] = useState<ItemSummary | undefined>(() => itemSummaries.get(key))

  useEffect(() => {
    if (!key) return
    const known = itemSummaries.get(key)
    if (known) return setSummary(known)
    void fetch(`${serverURL}${api}/${collection}/${id}?depth=1`, { credentials: 'include' }).then(async (response) => {
      if (!response.ok) return
      const doc = await response.json()
      const found = { jurisdiction: typeof doc.jurisdiction === 'object' ? (doc.jurisdiction?.name ?? '') : '', title: doc.title ?? '' }
      itemSummaries.set(key, found)
      setSummary(found)
    })
  }, [api, collection, id, key, serverURL])

  const kind = collection ? KIND_OF_COLLECTION[collection] : undefined
  const number = String((rowNumber ?? 0) + 1).padStart(2, '0')
  if (!key) return <span>{`${en ? 'Item' : '内容'} ${number}`}</span>
  return (
    <span className="bundle-item-row" data-item={key}>
      {number} · {kind ? ITEM_KINDS[kind][en ? 1 : 0] : collection} · <strong>{summary?.title ?? `#${id}`}</strong>
      {summary?.jurisdiction ? `（${summary.jurisdiction}）` : ''}
    </span>
  )
}
