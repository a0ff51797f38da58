import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import type { Media } from '@/payload-types'

import { termWord } from '@/fields/terms'
import { FIELD_SITE_SERVICES, FIELD_SITE_TYPES } from '@/fields/vocabulary'
import { listVisible, readItem, visibleRelations } from '@/site/content'
import { amapMarkerUrl } from '@/site/geo'
import { itemMetadata } from '@/site/metadata'
import { getPrefs } from '@/site/prefs'
import { Fact } from '@/site/ui/Fact'
import { ItemHeader } from '@/site/ui/ItemHeader'
import { MapSvg } from '@/site/ui/MapSvg'
import { RelatedList } from '@/site/ui/RelatedList'

type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const site = await readItem('field-sites', (await params).id)
  return site ? itemMetadata(site.title, site.description ?? site.address, site.photos) : {}
}

export default async function FieldSitePage({ params }: Props) {
  const { id } = await params
  const site = await readItem('field-sites', id)
  if (!site) notFound()
  const { convert } = await getPrefs()
  const photos = visibleRelations<Media>(site.photos).filter((photo) => photo.url)
  const routes = await listVisible('field-routes', 'stops.site', id)
  return (
    <article>
      <ItemHeader item={site} kind="field-site" />
      <dl className="facts">
        <Fact label={convert('类型')}>{convert(termWord(FIELD_SITE_TYPES, site.type))}</Fact>
        <Fact label={convert('地址')}>{site.address}</Fact>
        <Fact label={convert('可容纳')}>{typeof site.capacity === 'number' ? convert(`${site.capacity} 人`) : null}</Fact>
        <Fact label={convert('开放时间')}>{site.openHours ? convert(site.openHours) : null}</Fact>
        <Fact label={convert('配套服务')}>{(site.services ?? []).map((code) => convert(termWord(FIELD_SITE_SERVICES, code))).join('、')}</Fact>
      </dl>
      {site.description ? <p>{convert(site.description)}</p> : null}
      <section aria-labelledby="where">
        <h2 id="where">{convert('位置')}</h2>
        <MapSvg label={convert(`${site.title}的位置示意图`)} stops={[{ ...site, name: site.title }]} />
        <p>
          <a className="button" href={amapMarkerUrl(site, site.title)} rel="noopener noreferrer nofollow">
            {convert('在地图应用中打开')}
          </a>
        </p>
      </section>
      {photos.length ? (
        <section aria-labelledby="photos">
          <h2 id="photos">{convert('照片')}</h2>
          <div className="photos">
            {photos.map((photo) => (
              // eslint-disable-next-line @next/next/no-img-element -- stored pictures, served by Payload with access checks
              <img alt={photo.alt || convert(site.title)} height={photo.height ?? undefined} key={photo.id} loading="lazy" src={photo.url!} width={photo.width ?? undefined} />
            ))}
          </div>
        </section>
      ) : null}
      <RelatedList heading={convert('经过这里的路线')} items={routes.map((route) => ({ href: `/routes/${route.id}`, title: convert(route.title) }))} />
    </article>
  )
}
