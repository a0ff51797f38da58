/** `GET /offline/<lessons|bundles>/<id>`: the addresses the save button keeps for a signed-in member. */
import { saveList } from '@/site/offline/saveList'
import { SAVABLE_KINDS, type SavableKind } from '@/site/offline/saved'
import { getReader } from '@/site/session'

const answer = (body: unknown, status = 200): Response =>
  Response.json(body, { headers: { 'Cache-Control': 'private, no-store' }, status })

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; kind: string }> }): Promise<Response> {
  const { id, kind } = await params
  if (!(await getReader())) return answer({ error: '请先登录再保存 / Sign in to save for offline reading' }, 401)
  const list = SAVABLE_KINDS.includes(kind as SavableKind) ? await saveList(kind as SavableKind, id) : null
  return list ? answer(list) : answer({ error: '找不到这一项 / Not found' }, 404)
}
