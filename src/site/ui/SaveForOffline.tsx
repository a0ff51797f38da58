/** The save-for-offline control of a lesson or bundle page: the button for a signed-in member, else a hint. */
import { megabytes, OFFLINE_BUDGET_BYTES, type SavableKind } from '../offline/saved'
import { getPrefs } from '../prefs'
import { getReader } from '../session'
import { SaveOffline } from './SaveOffline'

export async function SaveForOffline({ id, kind }: { id: string; kind: SavableKind }) {
  const { convert } = await getPrefs()
  const reader = await getReader()
  if (!reader)
    return (
      <p className="meta">
        <a href={`/signin?back=${encodeURIComponent(`/${kind}/${id}`)}`}>{convert('登录')}</a>
        {convert('后可以保存到手机，断网也能看。')}
      </p>
    )
  const budget = `${megabytes(OFFLINE_BUDGET_BYTES)} MB`
  return (
    <SaveOffline
      id={id}
      kind={kind}
      readerId={String(reader.id)}
      words={{
        failed: convert('保存没有成功，请连上网络再试。'),
        over: convert(`离线空间不够：每人最多 ${budget}，已用 {used}，这一项至少要 {needed}。请先删除别的已保存内容。`),
        remove: convert('删除手机上的副本'),
        save: convert('保存到手机，断网也能看'),
        saved: convert('已保存到手机，断网也能打开。'),
        saving: convert('正在保存…'),
        used: convert('离线空间：已用 {used}，最多 {budget} MB'),
      }}
    />
  )
}
