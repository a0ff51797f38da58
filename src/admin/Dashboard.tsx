import type { ServerProps } from 'payload'

import React from 'react'

import type { User } from '@/payload-types'

import { dashboardPanels, type Words } from './dashboard'

const card: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 'var(--style-radius-m, 6px)',
  padding: 'calc(var(--base) * 0.75)',
}

/** Above the collection cards: what waits for this user (src/admin/dashboard.ts decides what). */
export async function Dashboard({ i18n, payload, user }: ServerProps) {
  const panels = await dashboardPanels(payload, user as User | null)
  if (!panels.length) return null
  const say = (words: Words) => (i18n?.language === 'en' ? words.en : words.zh)
  return (
    <section aria-label={say({ en: 'Your work', zh: '我的待办' })} className="commons-dashboard" style={{ display: 'grid', gap: 'var(--base)', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', marginBottom: 'calc(var(--base) * 2)' }}>
      {panels.map((panel) => (
        <div data-panel={panel.key} key={panel.key} style={card}>
          <h3 style={{ alignItems: 'baseline', display: 'flex', gap: 8, justifyContent: 'space-between', margin: 0 }}>
            <span>{say(panel.title)}</span>
            <strong data-count style={{ color: 'var(--theme-error-500, #a4161a)', fontSize: '1.6em' }}>
              {panel.count}
            </strong>
          </h3>
          {panel.links.length ? (
            <ul style={{ listStyle: 'none', margin: 'calc(var(--base) / 2) 0 0', padding: 0 }}>
              {panel.links.map((link) => (
                <li key={link.href} style={{ display: 'flex', gap: 8, justifyContent: 'space-between', padding: '2px 0' }}>
                  <a href={link.href}>{link.title}</a>
                  {link.meta ? <span style={{ color: 'var(--theme-elevation-500)' }}>{link.meta}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p style={{ color: 'var(--theme-elevation-500)', margin: 'calc(var(--base) / 2) 0 0' }}>{say(panel.empty)}</p>
          )}
          {panel.more ? (
            <p style={{ margin: 'calc(var(--base) / 2) 0 0' }}>
              <a href={panel.more.href}>{say(panel.more.words)} →</a>
            </p>
          ) : null}
        </div>
      ))}
    </section>
  )
}
