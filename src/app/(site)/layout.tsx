/* The member site's shell: reading preferences applied on the server, sign-in state, no client JavaScript. */
import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'


import { siteOrigin } from '@/site/origin'
import { getPrefs, SCRIPT_WORDS, SCRIPTS, TEXT_SIZE_WORDS, TEXT_SIZES } from '@/site/prefs'
import { getReader } from '@/site/session'

import './site.css'

/** Absolute picture URLs in Open Graph cards: the host the reader used. */
export async function generateMetadata(): Promise<Metadata> {
  const { convert } = await getPrefs()
  return {
    description: convert('基层党员教育课件共享库：课程、课件、音像资料、本土教材、现场教学点与路线。'),
    metadataBase: new URL(await siteOrigin()),
    title: { default: convert('课件共享库'), template: `%s · ${convert('课件共享库')}` },
  }
}

export const viewport: Viewport = { initialScale: 1, width: 'device-width' }

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const { convert, script, size } = await getPrefs()
  const reader = await getReader()
  return (
    <html data-size={size} lang={script === 'hant' ? 'zh-Hant' : 'zh-Hans'}>
      <body>
        <a className="skip" href="#main">
          {convert('跳到正文')}
        </a>
        <header className="site-header">
          <a className="brand" href="/">
            {convert('课件共享库')}
          </a>
          <nav aria-label={convert('账户')} className="account">
            {reader ? (
              <form action="/account/signout" method="post">
                <span className="who">{reader.name}</span>
                <button className="button secondary" type="submit">
                  {convert('退出登录')}
                </button>
              </form>
            ) : (
              <a className="button secondary" href="/signin">
                {convert('登录')}
              </a>
            )}
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <form action="/account/prefs" className="prefs" method="post">
            <fieldset>
              <legend>{convert('字号')}</legend>
              {TEXT_SIZES.map((value) => (
                <button aria-pressed={value === size} className="button choice" key={value} name="size" type="submit" value={value}>
                  {convert(TEXT_SIZE_WORDS[value])}
                  <span className="visually-hidden">{convert('号字')}</span>
                </button>
              ))}
            </fieldset>
            <fieldset>
              <legend>{convert('字体')}</legend>
              {SCRIPTS.map((value) => (
                <button aria-pressed={value === script} className="button choice" key={value} lang={value === 'hant' ? 'zh-Hant' : 'zh-Hans'} name="script" type="submit" value={value}>
                  {SCRIPT_WORDS[value]}
                  <span className="visually-hidden">{value === 'hant' ? '繁體字' : '简体字'}</span>
                </button>
              ))}
            </fieldset>
          </form>
          <p className="muted">
            <a href="/admin">{convert('管理后台')}</a>
          </p>
        </footer>
      </body>
    </html>
  )
}
