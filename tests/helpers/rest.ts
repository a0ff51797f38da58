import type { Payload, Where } from 'payload'

import { handleEndpoints } from 'payload'
import { stringify } from 'qs-esm'

export type RestResponse<T = any> = { body: T; status: number }

/**
 * Calls Payload's REST layer exactly as the Next route handlers do, without a running server:
 * the same auth, access control, validation and error shapes a browser or app gets.
 */
export class RestClient {
  constructor(private readonly payload: Payload) {}

  private tokens = new Map<string, string>()

  async login(email: string, password: string): Promise<string> {
    const { body, status } = await this.request('POST', '/users/login', { body: { email, password } })
    if (status !== 200) throw new Error(`login failed for ${email}: ${status} ${JSON.stringify(body)}`)
    this.tokens.set(email, body.token)
    return body.token
  }

  tokenFor(email: string): string | undefined {
    return this.tokens.get(email)
  }

  async request<T = any>(
    method: 'DELETE' | 'GET' | 'PATCH' | 'POST',
    path: string,
    { body, query, token }: { body?: unknown; query?: Record<string, unknown>; token?: string } = {},
  ): Promise<RestResponse<T>> {
    const search = query ? `?${stringify(query, { addQueryPrefix: false })}` : ''
    const headers = new Headers({ 'Accept-Language': 'zh', 'Content-Type': 'application/json' })
    if (token) headers.set('Authorization', `JWT ${token}`)
    const request = new Request(`http://localhost:3000/api${path}${search}`, {
      body: body === undefined ? undefined : JSON.stringify(body),
      headers,
      method,
    })
    const response = await handleEndpoints({ config: this.payload.config, request })
    const text = await response.text()
    return { body: text ? JSON.parse(text) : null, status: response.status }
  }

  find = (collection: string, token?: string, where?: Where, extra: Record<string, unknown> = {}) =>
    this.request('GET', `/${collection}`, { query: { depth: 0, limit: 500, where, ...extra }, token })

  findByID = (collection: string, id: number | string, token?: string, extra: Record<string, unknown> = {}) =>
    this.request('GET', `/${collection}/${id}`, { query: { depth: 0, ...extra }, token })

  create = (collection: string, data: unknown, token?: string, query?: Record<string, unknown>) =>
    this.request('POST', `/${collection}`, { body: data, query, token })

  update = (collection: string, id: number | string, data: unknown, token?: string, query?: Record<string, unknown>) =>
    this.request('PATCH', `/${collection}/${id}`, { body: data, query, token })

  delete = (collection: string, id: number | string, token?: string) =>
    this.request('DELETE', `/${collection}/${id}`, { token })
}
