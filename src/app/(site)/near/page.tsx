import type { Metadata } from 'next'

import { searchAs } from '@/search/endpoint'
import { getPrefs } from '@/site/prefs'
import { getReader, getSitePayload } from '@/site/session'
import { UseMyLocation } from '@/site/ui/UseMyLocation'
import { distanceWords, KIND_WORDS } from '@/site/words'

export const metadata: Metadata = { title: '附近的学习点' }

/** the "15-minute learning circle": about 1.2 km on foot; a little more is still shown, nearest first */
const RADIUS_KM = 5

type Props = { searchParams: Promise<{ lat?: string; lng?: string }> }

const coordinate = (value: string | undefined, limit: number): null | number => {
  const number = Number(value)
  return value && Number.isFinite(number) && Math.abs(number) <= limit ? number : null
}

export default async function NearPage({ searchParams }: Props) {
  const { lat: rawLat, lng: rawLng } = await searchParams
  const { convert } = await getPrefs()
  const lat = coordinate(rawLat, 90)
  const lng = coordinate(rawLng, 180)
  const asked = rawLat !== undefined || rawLng !== undefined
  const answer =
    lat !== null && lng !== null
      ? await searchAs(
          await getSitePayload(),
          await getReader(),
          new URLSearchParams({ kind: 'field-site,field-route', near: `${lat},${lng}`, perPage: '20', radiusKm: String(RADIUS_KM), sort: 'nearest' }),
        )
      : null
  return (
    <>
      <h1>{convert('附近的学习点')}</h1>
      <p className="muted">{convert('步行可到的现场教学点和路线，最近的在前。')}</p>
      <UseMyLocation failed={convert('无法取得位置，请在下面填写经纬度。')} formId="near-form" label={convert('用我现在的位置')} />
      <form action="/near" id="near-form" method="get">
        <p>
          <label htmlFor="lat">{convert('纬度')}</label>
          <input defaultValue={rawLat ?? ''} id="lat" inputMode="decimal" name="lat" type="text" />
        </p>
        <p>
          <label htmlFor="lng">{convert('经度')}</label>
          <input defaultValue={rawLng ?? ''} id="lng" inputMode="decimal" name="lng" type="text" />
        </p>
        <button type="submit">{convert('查找附近')}</button>
      </form>
      {asked && !answer ? (
        <p className="notice" role="alert">
          {convert('请填写正确的纬度（-90 到 90）和经度（-180 到 180）。')}
        </p>
      ) : null}
      {answer ? (
        answer.hits.length ? (
          <ol className="hits">
            {answer.hits.map((hit) => (
              <li className="hit" key={hit.id}>
                <span className="badge">{convert(KIND_WORDS[hit.kind])}</span>
                <a className="hit-title" href={hit.url}>
                  {convert(hit.title)}
                </a>
                <p className="meta">
                  {typeof hit.distanceMeters === 'number' ? convert(distanceWords(hit.distanceMeters)) : ''} · {hit.jurisdiction.name}
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p className="notice">{convert(`${RADIUS_KM} 公里内没有找到学习点。`)}</p>
        )
      ) : null}
    </>
  )
}
