/** GET /r/<code>: a printed QR code's short link, redirected to the item's page (which checks access itself). */
import { resolveShortCode } from '@/site/shortCodes'

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  const target = resolveShortCode((await params).code)
  if (!target) return new Response('未找到 / Not found', { headers: { 'Content-Type': 'text/plain; charset=utf-8' }, status: 404 })
  return new Response(null, { headers: { 'Cache-Control': 'public, max-age=86400', Location: target }, status: 302 })
}
