import type { Metadata } from 'next'

import { redirect } from 'next/navigation'

import { getPrefs } from '@/site/prefs'
import { localPath } from '@/site/safeHref'
import { getReader } from '@/site/session'

export const metadata: Metadata = { robots: { index: false }, title: '登录' }

const PROBLEMS: Record<string, string> = {
  down: '暂时无法登录，请稍后再试。',
  wait: '尝试次数过多，请稍后再试。',
  wrong: '邮箱或密码不正确。',
}

type Props = { searchParams: Promise<{ back?: string; problem?: string }> }

export default async function SignInPage({ searchParams }: Props) {
  const { back, problem } = await searchParams
  const returnTo = localPath(back)
  if (await getReader()) redirect(returnTo)
  const { convert } = await getPrefs()
  const message = problem ? PROBLEMS[problem] : undefined
  return (
    <>
      <h1>{convert('党员登录')}</h1>
      <p className="muted">{convert('登录后可以看到系统内共享和本辖区的课程资源。')}</p>
      {message ? (
        <p className="notice" role="alert">
          {convert(message)}
        </p>
      ) : null}
      <form action="/account/signin" className="stack" method="post">
        <input name="back" type="hidden" value={returnTo} />
        <p>
          <label htmlFor="email">{convert('邮箱')}</label>
          <input autoComplete="username" id="email" inputMode="email" name="email" required type="email" />
        </p>
        <p>
          <label htmlFor="password">{convert('密码')}</label>
          <input autoComplete="current-password" id="password" name="password" required type="password" />
        </p>
        <button type="submit">{convert('登录')}</button>
      </form>
    </>
  )
}
