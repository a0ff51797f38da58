'use client'

import type { UIFieldClientComponent } from 'payload'

import { useDocumentInfo } from '@payloadcms/ui'
import React from 'react'

const links = (id: number | string) => [
  { href: `/calendar/${id}`, text: '月训日历' },
  { href: `/stats/${id}`, text: '培训统计（本辖区及下级）' },
  { href: `/api/jurisdictions/${id}/calendar.ics`, text: '公开日历订阅（.ics）' },
]

/** Above a saved jurisdiction: its 月训 calendar, its statistics and its public feed (the pages check who may see). */
export const JurisdictionLinks: UIFieldClientComponent = () => {
  const { id } = useDocumentInfo()
  if (id === undefined || id === null) return null
  return (
    <p style={{ display: 'flex', flexWrap: 'wrap', gap: 16, marginBottom: 'var(--base, 20px)' }}>
      {links(id).map((link) => (
        <a href={link.href} key={link.href} rel="noopener" target="_blank">
          {link.text}
        </a>
      ))}
    </p>
  )
}
