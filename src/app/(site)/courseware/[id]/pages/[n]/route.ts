/** GET /courseware/<id>/pages/<n>: page n of a PDF the reader may see, as a picture; otherwise the same 404. */
import { readItem } from '@/site/content'
import { pdfPageImage } from '@/site/pdfPages'

const notFound = () => new Response('未找到 / Not found', { headers: { 'Content-Type': 'text/plain; charset=utf-8' }, status: 404 })

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; n: string }> }): Promise<Response> {
  const { id, n } = await params
  const page = /^\d{1,5}$/.test(n) ? Number(n) : 0
  const item = page ? await readItem('courseware', id) : null
  if (!item?.filename || item.mimeType !== 'application/pdf') return notFound()
  try {
    const image = await pdfPageImage({ ...item, filename: item.filename }, item.updatedAt, page)
    if (!image) return notFound()
    return new Response(image as BodyInit, {
      // private: what a reader may see depends on who they are
      headers: { 'Cache-Control': 'private, max-age=3600', 'Content-Type': 'image/webp', 'X-Content-Type-Options': 'nosniff' },
    })
  } catch (error) {
    console.error(`[site] courseware ${id} page ${page} could not be drawn`, error)
    return new Response('无法显示这一页 / This page cannot be shown', { headers: { 'Content-Type': 'text/plain; charset=utf-8' }, status: 503 })
  }
}
