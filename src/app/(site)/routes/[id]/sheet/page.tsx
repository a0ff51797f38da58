import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import type { FieldSite, Lecturer } from '@/payload-types'

import { readItem, visibleRelation } from '@/site/content'
import { siteOrigin } from '@/site/origin'
import { getPrefs } from '@/site/prefs'
import { shortCode } from '@/site/shortCodes'
import { MapSvg } from '@/site/ui/MapSvg'
import { QrCode } from '@/site/ui/QrCode'

type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const route = await readItem('field-routes', (await params).id)
  return route ? { robots: { index: false }, title: `${route.title}（路线单）` } : {}
}

/** A printable walking-route sheet: each stop with a QR code to its short link; 12 stops fit two A4 pages. */
export default async function RouteSheetPage({ params }: Props) {
  const route = await readItem('field-routes', (await params).id)
  if (!route) notFound()
  const { convert } = await getPrefs()
  const origin = await siteOrigin()
  const stops = (route.stops ?? []).map((stop) => ({ ...stop, lecturer: visibleRelation<Lecturer>(stop.lecturer), site: visibleRelation<FieldSite>(stop.site) }))
  const mapped = stops.flatMap((stop) => (stop.site ? [{ ...stop.site, name: stop.site.title }] : []))
  const routeLink = `${origin}/r/${shortCode('field-route', route.id)}`
  return (
    <article className="sheet">
      <header className="sheet-head">
        <div>
          <h1>{convert(route.title)}</h1>
          <p>
            {convert(`${stops.length} 站`)}
            {typeof route.totalDistanceKm === 'number' ? convert(` · 全程 ${route.totalDistanceKm} 公里`) : ''}
            {typeof route.totalMinutes === 'number' ? convert(` · 约 ${route.totalMinutes} 分钟`) : ''}
          </p>
          <p className="no-print">
            <a href={`/routes/${route.id}`}>{convert('返回路线')}</a>
          </p>
        </div>
        <figure>
          <QrCode label={convert('本路线的二维码')} size={96} text={routeLink} />
          <figcaption>{routeLink.replace(/^https?:\/\//, '')}</figcaption>
        </figure>
      </header>
      {mapped.length ? <MapSvg label={convert(`${route.title}路线示意图`)} stops={mapped} /> : null}
      <ol className="sheet-stops">
        {stops.map((stop, index) => {
          const link = stop.site ? `${origin}/r/${shortCode('field-site', stop.site.id)}` : null
          return (
            <li key={stop.id ?? index}>
              <div className="sheet-text">
                <h2>
                  {index + 1}. {convert(stop.topic)}
                </h2>
                {stop.site ? (
                  <p>
                    {convert(stop.site.title)} · {stop.site.address}
                  </p>
                ) : null}
                <p>{[stop.lecturer?.name ?? stop.speaker, convert(`${stop.minutes} 分钟`)].filter(Boolean).join(' · ')}</p>
              </div>
              {link ? (
                <figure>
                  <QrCode label={convert(`第 ${index + 1} 站的二维码`)} size={88} text={link} />
                  <figcaption>{link.replace(/^https?:\/\//, '')}</figcaption>
                </figure>
              ) : null}
            </li>
          )
        })}
      </ol>
    </article>
  )
}
