/** The search page body: one GET form, results, facets with names, pages. Server-rendered; works without JavaScript. */
import type { SearchAnswer } from '@/search/endpoint'

import { getPrefs } from '../prefs'
import { type PageParams, runSiteSearch, SITE_PER_PAGE, toSearchParams, withParam } from '../search'
import { distanceWords, FACET_WORDS, KIND_WORDS, VISIBILITY_WORDS } from '../words'
import { AsYouType } from './AsYouType'
import { Highlight } from './Highlight'

type Hit = SearchAnswer['hits'][number]

const FILTERS_KEPT_BY_FORM = ['kind', 'theme', 'audience', 'format', 'jurisdiction', 'visibility', 'year', 'sort', 'near', 'radiusKm']

const hitHref = (hit: Hit): string => (hit.kind === 'courseware' && hit.pages?.length ? `${hit.url}?page=${hit.pages[0]}` : hit.url)

function HitItem({ convert, hit }: { convert: (text: string) => string; hit: Hit }) {
  const snippet = hit.highlights.body || hit.highlights.summary || hit.summary
  return (
    <li className="hit">
      <span className="badge">{convert(KIND_WORDS[hit.kind])}</span>
      <a className="hit-title" href={hitHref(hit)}>
        <Highlight convert={convert} html={hit.highlights.title || hit.title} />
      </a>
      {snippet ? (
        <p>
          <Highlight convert={convert} html={snippet} />
        </p>
      ) : null}
      {hit.pages?.length ? (
        <p className="pages">
          {convert('匹配页：')}
          {hit.pages.slice(0, 12).map((page) => (
            <a aria-label={convert(`第 ${page} 页`)} href={`${hit.url}?page=${page}`} key={page}>
              {convert(`第${page}页`)}
            </a>
          ))}
        </p>
      ) : null}
      <p className="meta">
        {hit.jurisdiction.name}
        {' · '}
        {convert(VISIBILITY_WORDS[hit.visibility])}
        {typeof hit.distanceMeters === 'number' ? ` · ${convert(distanceWords(hit.distanceMeters))}` : ''}
      </p>
    </li>
  )
}

export async function SearchForm({ params, autoFocus = false }: { params: URLSearchParams; autoFocus?: boolean }) {
  const { convert } = await getPrefs()
  return (
    <form action="/search" className="search-form" method="get" role="search">
      <div className="field">
        <label htmlFor="q">{convert('搜索课程、课件、讲师、现场教学点')}</label>
        <input autoFocus={autoFocus} defaultValue={params.get('q') ?? ''} enterKeyHint="search" id="q" maxLength={200} name="q" type="search" />
      </div>
      {FILTERS_KEPT_BY_FORM.flatMap((name) => params.getAll(name).map((value, index) => <input key={`${name}-${index}`} name={name} type="hidden" value={value} />))}
      <button type="submit">{convert('搜索')}</button>
    </form>
  )
}

/** The search box with a few titles as you type (a small client part; the form works without it). */
export async function SearchBox({ params }: { params: URLSearchParams }) {
  const { convert } = await getPrefs()
  return (
    <>
      <SearchForm params={params} />
      <AsYouType inputId="q" label={convert('边打字边找到的结果')} />
    </>
  )
}

export async function SearchView({ pageParams }: { pageParams: PageParams }) {
  const { convert } = await getPrefs()
  const params = toSearchParams(pageParams)
  const outcome = await runSiteSearch(params)
  return (
    <>
      <SearchBox params={params} />
      {outcome.kind === 'empty' ? null : outcome.kind === 'error' ? (
        <p className="notice" role="alert">
          {convert(outcome.message)}
        </p>
      ) : (
        <div className="search-layout">
          <section aria-labelledby="results-heading">
            <h2 id="results-heading">{convert(`找到 ${outcome.answer.total} 条结果`)}</h2>
            {outcome.answer.total === 0 ? (
              <div className="notice">
                <p>{convert('没有找到相关内容。')}</p>
                <p>{convert('可以换个说法、少写几个字，或去掉筛选条件再试。')}</p>
                {params.toString() !== (params.get('q') ? `q=${encodeURIComponent(params.get('q')!)}` : '') ? (
                  <a href={params.get('q') ? `/search?q=${encodeURIComponent(params.get('q')!)}` : '/search'}>{convert('去掉全部筛选')}</a>
                ) : null}
              </div>
            ) : (
              <ol className="hits">
                {outcome.answer.hits.map((hit) => (
                  <HitItem convert={convert} hit={hit} key={hit.id} />
                ))}
              </ol>
            )}
            <Pager convert={convert} page={outcome.answer.page} params={params} total={outcome.answer.total} />
          </section>
          <nav aria-label={convert('筛选')} className="facets">
            <h2>{convert('筛选')}</h2>
            {outcome.jurisdictionTrail.length ? (
              <p>
                {convert('辖区：')}
                <a href={withParam(params, 'jurisdiction', null)}>{convert('全部')}</a>
                {outcome.jurisdictionTrail.map((step) => (
                  <span key={step.id}>
                    {' › '}
                    <a href={withParam(params, 'jurisdiction', step.id)}>{step.name}</a>
                  </span>
                ))}
              </p>
            ) : null}
            {outcome.facets
              .filter((facet) => facet.values.length)
              .map((facet) => (
                <details key={facet.name} open={facet.name === 'kind' || facet.values.some((value) => value.chosen)}>
                  <summary>{convert(FACET_WORDS[facet.name])}</summary>
                  <ul className="chips">
                    {facet.values.map((value) => (
                      <li key={value.value}>
                        <a aria-current={value.chosen ? 'true' : undefined} href={withParam(params, facet.name, value.chosen && facet.name !== 'jurisdiction' ? null : value.value)}>
                          {value.chosen ? '✓ ' : ''}
                          {facet.name === 'jurisdiction' ? value.label : convert(value.label)}
                          {` (${value.count})`}
                        </a>
                      </li>
                    ))}
                  </ul>
                </details>
              ))}
          </nav>
        </div>
      )}
    </>
  )
}

function Pager({ convert, page, params, total }: { convert: (text: string) => string; page: number; params: URLSearchParams; total: number }) {
  const pages = Math.ceil(total / SITE_PER_PAGE)
  if (pages <= 1) return null
  return (
    <nav aria-label={convert('翻页')} className="pager">
      {page > 1 ? (
        <a className="button secondary" href={withParam(params, 'page', String(page - 1))} rel="prev">
          {convert('上一页')}
        </a>
      ) : (
        <span />
      )}
      <span>{convert(`第 ${page} / ${pages} 页`)}</span>
      {page < pages ? (
        <a className="button secondary" href={withParam(params, 'page', String(page + 1))} rel="next">
          {convert('下一页')}
        </a>
      ) : (
        <span />
      )}
    </nav>
  )
}
