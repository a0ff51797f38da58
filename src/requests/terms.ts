import type { Term } from '@/fields/vocabulary'

import type { DispatchState, RequestAction, RequestState } from './transitions'

type Words<K extends string> = Record<K, [zh: string, en: string]>

const toTerms = <K extends string>(words: Words<K>): readonly Term[] =>
  Object.entries<[string, string]>(words).map(([code, [zh, en]]) => ({ code, en, zh }))

export const STATE_WORDS: Words<RequestState> = {
  requested: ['待派单', 'Requested'],
  dispatched: ['已派单', 'Dispatched'],
  accepted: ['已接单', 'Accepted'],
  declined: ['被婉拒', 'Declined'],
  delivered: ['已授课', 'Delivered'],
  cancelled: ['已取消', 'Cancelled'],
}

/** What a history entry records: the order itself, then every move. */
export type HistoryAction = 'order' | RequestAction

export const ACTION_WORDS: Words<HistoryAction> = {
  order: ['点单', 'order'],
  dispatch: ['派单', 'dispatch'],
  accept: ['接单', 'accept'],
  decline: ['婉拒', 'decline'],
  deliver: ['确认已授课', 'mark delivered'],
  cancel: ['取消', 'cancel'],
  expire: ['超时未答复，退回', 'return unanswered'],
}

const DISPATCH_WORDS: Words<DispatchState> = {
  pending: ['待答复', 'Awaiting answer'],
  accepted: ['已接单', 'Accepted'],
  declined: ['已婉拒', 'Declined'],
  expired: ['超时未答复', 'Not answered in time'],
  withdrawn: ['已撤回', 'Withdrawn'],
}

export const REQUEST_STATE_TERMS = toTerms(STATE_WORDS)
export const HISTORY_ACTION_TERMS = toTerms(ACTION_WORDS)
export const DISPATCH_STATE_TERMS = toTerms(DISPATCH_WORDS)
