import type { PayloadRequest } from 'payload'

/** The address readers open (Payload's serverURL, from COMMONS_PUBLIC_URL), else the one this request came to. */
export const siteUrlOf = (req: Pick<PayloadRequest, 'payload' | 'url'>): string => {
  const configured = req.payload.config.serverURL
  if (configured) return configured.replace(/\/+$/, '')
  try {
    return new URL(req.url ?? '').origin
  } catch {
    return ''
  }
}
