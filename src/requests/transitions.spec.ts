import { describe, expect, it } from 'vitest'

import { ACTORS, mayMove, REQUEST_ACTIONS, REQUEST_STATES, settleByAnswers } from './transitions'

/** Every move that is allowed, written out by hand: state, action, who. Anything else must be refused. */
const ALLOWED = new Set([
  'requested dispatch dispatcher',
  'requested cancel unit',
  'requested cancel dispatcher',
  'dispatched accept lecturer',
  'dispatched accept proxy',
  'dispatched decline lecturer',
  'dispatched decline proxy',
  'dispatched expire system',
  'dispatched cancel unit',
  'dispatched cancel dispatcher',
  'accepted deliver unit',
  'accepted deliver dispatcher',
  'accepted cancel unit',
  'accepted cancel dispatcher',
  'declined dispatch dispatcher',
  'declined cancel unit',
  'declined cancel dispatcher',
])

describe('course-request state machine', () => {
  for (const state of REQUEST_STATES) {
    for (const action of REQUEST_ACTIONS) {
      it(`${state} × ${action}: only ${ACTORS.filter((actor) => ALLOWED.has(`${state} ${action} ${actor}`)).join(', ') || 'nobody'}`, () => {
        for (const actor of ACTORS) expect(mayMove(state, action, [actor]), `${state} ${action} ${actor}`).toBe(ALLOWED.has(`${state} ${action} ${actor}`))
        expect(mayMove(state, action, [])).toBe(false)
      })
    }
  }

  it('a request settles by its lecturers’ answers', () => {
    expect(settleByAnswers(['pending', 'accepted'])).toBe('dispatched')
    expect(settleByAnswers(['declined', 'accepted'])).toBe('accepted')
    expect(settleByAnswers(['declined', 'declined'])).toBe('declined')
    expect(settleByAnswers(['expired'])).toBe('requested')
    expect(settleByAnswers(['withdrawn', 'expired', 'declined'])).toBe('declined')
  })
})
