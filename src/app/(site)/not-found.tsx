import { getPrefs } from '@/site/prefs'
import { SearchForm } from '@/site/ui/SearchView'

/** One answer for a missing item and for one the reader may not see: it reveals nothing. */
export default async function NotFound() {
  const { convert } = await getPrefs()
  return (
    <>
      <h1>{convert('没有找到这个页面')}</h1>
      <p>{convert('它可能已被删除、地址有误，或者需要登录后才能查看。')}</p>
      <p>
        <a href="/signin">{convert('登录')}</a>
        {' · '}
        <a href="/">{convert('回到首页')}</a>
      </p>
      <SearchForm params={new URLSearchParams()} />
    </>
  )
}
