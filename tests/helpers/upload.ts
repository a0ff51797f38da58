import type { CollectionSlug, Payload } from 'payload'

import { handleEndpoints } from 'payload'

import { listStoredFiles } from '@/storage/storedFiles'

import type { RestResponse } from './rest'

export interface UploadRequest {
  bytes: Uint8Array
  filename: string
  /** What the browser claims; the server must not believe it. */
  mimetype?: string
  data?: Record<string, unknown>
  token?: string
  method?: 'PATCH' | 'POST'
  path?: string
}

/**
 * A multipart upload through Payload's REST layer, as the admin and browsers send it:
 * the file under `file` and the other fields as JSON under `_payload`.
 */
export async function uploadViaRest(payload: Payload, collection: string, request: UploadRequest): Promise<RestResponse> {
  const form = new FormData()
  form.append('file', new Blob([request.bytes as Uint8Array<ArrayBuffer>], { type: request.mimetype ?? 'application/octet-stream' }), request.filename)
  form.append('_payload', JSON.stringify(request.data ?? {}))
  const headers = new Headers({ 'Accept-Language': 'zh' })
  if (request.token) headers.set('Authorization', `JWT ${request.token}`)
  const url = `http://localhost:3000/api${request.path ?? `/${collection}`}`
  const response = await handleEndpoints({
    config: payload.config,
    request: new Request(url, { body: form, headers, method: request.method ?? 'POST' }),
  })
  const text = await response.text()
  return { body: text ? JSON.parse(text) : null, status: response.status }
}

/** Files a collection stores now (its local folder, or its folder in the S3 bucket), to prove a refusal left nothing behind. */
export const storedFiles = (payload: Payload, collection: CollectionSlug): Promise<string[]> => listStoredFiles(payload, collection)

export interface DownloadResponse {
  status: number
  headers: Headers
  bytes: Uint8Array
}

/** A GET through Payload's REST layer (e.g. `/courseware/file/<stored name>`), as a browser sends it. */
export async function downloadViaRest(payload: Payload, path: string, options: { token?: string; headers?: Record<string, string> } = {}): Promise<DownloadResponse> {
  const headers = new Headers(options.headers)
  if (options.token) headers.set('Authorization', `JWT ${options.token}`)
  const response = await handleEndpoints({ config: payload.config, request: new Request(`http://localhost:3000/api${path}`, { headers, method: 'GET' }) })
  return { bytes: new Uint8Array(await response.arrayBuffer()), headers: response.headers, status: response.status }
}
