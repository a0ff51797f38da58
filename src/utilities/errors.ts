import type { PayloadRequest } from 'payload'

import { APIError, ValidationError } from 'payload'

import { bilingual } from './labels'

/** A 400 that points the admin form at one field, with a message in Chinese and English. */
export const fieldError = (
  req: PayloadRequest,
  collection: string,
  path: string,
  zh: string,
  en: string,
): ValidationError =>
  new ValidationError({ collection, errors: [{ message: bilingual(zh, en), path }], req })

export const forbidden = (zh: string, en: string): APIError => new APIError(bilingual(zh, en), 403, null, true)

/** Any 4xx refusal a user reads, in Chinese and English, with an optional code for programs (`errors[0].data.code`). */
export const apiError = (status: number, zh: string, en: string, code?: string): APIError =>
  new APIError(bilingual(zh, en), status, code ? { code } : null, true)

export const badRequest = (zh: string, en: string): APIError => apiError(400, zh, en)
