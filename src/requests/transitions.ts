/**
 * The course-request state machine (点单 → 派单 → 接单): which move may happen in which state, and who may make
 * it. Pure data, so the table is the rule and a test can walk every (state, action, actor).
 */
export const REQUEST_STATES = ['requested', 'dispatched', 'accepted', 'declined', 'delivered', 'cancelled'] as const
export type RequestState = (typeof REQUEST_STATES)[number]

export const REQUEST_ACTIONS = ['dispatch', 'accept', 'decline', 'deliver', 'cancel', 'expire'] as const
export type RequestAction = (typeof REQUEST_ACTIONS)[number]

/**
 * unit: an organizer or instructor of the ordering unit; dispatcher: an organizer of the menu's owner;
 * lecturer: the account of a lecturer with an unanswered dispatch; proxy: a dispatcher answering for a lecturer
 * who has no account; system: the periodic check for unanswered dispatches. Admins act as unit and dispatcher.
 */
export const ACTORS = ['unit', 'dispatcher', 'lecturer', 'proxy', 'system'] as const
export type Actor = (typeof ACTORS)[number]

/** `byAnswers`: the state follows the lecturers' answers (see `settleByAnswers`). */
export type Move = { to: 'byAnswers' | RequestState; who: readonly Actor[] }

const answer: Move = { to: 'byAnswers', who: ['lecturer', 'proxy'] }
const cancel: Move = { to: 'cancelled', who: ['unit', 'dispatcher'] }
const dispatch: Move = { to: 'dispatched', who: ['dispatcher'] }

export const TRANSITIONS: Record<RequestState, Partial<Record<RequestAction, Move>>> = {
  requested: { cancel, dispatch },
  dispatched: {
    accept: answer,
    cancel,
    decline: answer,
    // A dispatch nobody answered in time goes back to the organizer.
    expire: { to: 'byAnswers', who: ['system'] },
  },
  accepted: { cancel, deliver: { to: 'delivered', who: ['unit', 'dispatcher'] } },
  declined: { cancel, dispatch },
  delivered: {},
  cancelled: {},
}

export const findMove = (state: RequestState, action: RequestAction): Move | null => TRANSITIONS[state]?.[action] ?? null

export const mayMove = (state: RequestState, action: RequestAction, actors: readonly Actor[]): boolean =>
  Boolean(findMove(state, action)?.who.some((actor) => actors.includes(actor)))

export const DISPATCH_STATES = ['pending', 'accepted', 'declined', 'expired', 'withdrawn'] as const
export type DispatchState = (typeof DISPATCH_STATES)[number]

/** Where a dispatched request stands once its lecturers answered (or did not). */
export const settleByAnswers = (answers: readonly DispatchState[]): RequestState => {
  if (answers.includes('pending')) return 'dispatched'
  if (answers.includes('accepted')) return 'accepted'
  // Nobody took it: back to the organizer, who dispatches again or cancels.
  return answers.includes('declined') ? 'declined' : 'requested'
}

/** Dispatches that hold the lecturer's time. */
export const HOLDS_TIME: readonly DispatchState[] = ['pending', 'accepted']
