import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import type { FieldSite, Lecturer } from '@/payload-types'

import { readItem, visibleRelation } from '@/site/content'
import { amapWalkUrl } from '@/site/geo'
import { itemMetadata } from '@/site/metadata'
import { getPrefs } from '@/site/prefs'
import { Fact } from '@/site/ui/Fact'
import { ItemHeader } from '@/site/ui/ItemHeader'
import { MapSvg } from '@/site/ui/MapSvg'

type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const route = await readItem('field-routes', (await params).id)
  return route ? itemMetadata(route.title, route.summary) : {}
}

export default async function FieldRoutePage({ params }: Props) {
  const route = await readItem('field-routes', (await params).id)
  if (!route) notFound()
  const { convert } = await getPrefs()
  // a stop whose site the reader may not see keeps its topic but shows no place
  const stops = (route.stops ?? []).map((stop) => ({ ...stop, lecturer: visibleRelation<Lecturer>(stop.lecturer), site: visibleRelation<FieldSite>(stop.site) }))
  const mapped = stops.flatMap((stop) => (stop.site ? [{ ...stop.site, name: stop.site.title }] : []))
  return (
    <article>
      <ItemHeader item={route} kind="field-route" />
      <dl className="facts">
        <Fact label={convert('站点')}>{convert(`${stops.length} 站`)}</Fact>
        <Fact label={convert('总距离')}>{typeof route.totalDistanceKm === 'number' ? convert(`${route.totalDistanceKm} 公里`) : null}</Fact>
        <Fact label={convert('总时长')}>{typeof route.totalMinutes === 'number' ? convert(`${route.totalMinutes} 分钟`) : null}</Fact>
      </dl>
      {route.summary ? <p>{convert(route.summary)}</p> : null}
      {mapped.length ? <MapSvg label={convert(`${route.title}路线示意图，按行走顺序编号`)} stops={mapped} /> : null}
      <p>
        <a className="button secondary" href={`/routes/${route.id}/sheet`}>
          {convert('打印路线单')}
        </a>
      </p>
      <h2>{convert('站点（按行走顺序）')}</h2>
      <ol className="stops">
        {stops.map((stop, index) => (
          <li key={stop.id ?? index}>
            <strong>{convert(stop.topic)}</strong>
            {stop.site ? (
              <>
                {' · '}
                <a href={`/sites/${stop.site.id}`}>{convert(stop.site.title)}</a>
              </>
            ) : null}
            <br />
            <span className="meta">
              {[stop.lecturer?.name ?? stop.speaker, convert(`${stop.minutes} 分钟`)].filter(Boolean).join(' · ')}
            </span>
            {stop.site ? (
              <>
                {' '}
                <a href={amapWalkUrl(stop.site, stop.site.title)} rel="noopener noreferrer nofollow">
                  {convert('步行导航')}
                </a>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </article>
  )
}
