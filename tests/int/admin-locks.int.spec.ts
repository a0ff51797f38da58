/**
 * Issue 11, "no controls a role cannot use": the admin's form state takes document locks (Payload writes them
 * straight to the database). Someone who may only read a document must not get one: they would be shown as its
 * editor and the real editor told the document was taken over. Who may edit it still sees the editor's lock
 * (and the take-over it offers); the others see no lock at all, so no take-over control.
 */
import type { Payload, PayloadRequest } from 'payload'

import { handleFormStateLocking } from '@payloadcms/ui/utilities/handleFormStateLocking'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { LOCKS_SLUG, withLockRule } from '@/security/locks'
import { relationId } from '@/utilities/relationId'

import { createJurisdictionTree, createUser } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'

let payload: Payload
let stop: () => Promise<void>
const people: Record<string, Awaited<ReturnType<typeof createUser>>> = {}
let lessonId: number | string

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  const tree = await createJurisdictionTree(payload)
  people.editor = await createUser(payload, { email: 'editor@locks.local', jurisdiction: tree.town.id, role: 'organizer' })
  people.districtOrganizer = await createUser(payload, { email: 'district@locks.local', jurisdiction: tree.district.id, role: 'organizer' })
  people.member = await createUser(payload, { email: 'member@locks.local', jurisdiction: tree.town.id, role: 'member' })
  const lesson = await payload.create({ collection: 'lessons', data: { _status: 'published', jurisdiction: tree.town.id, title: '源泉镇专题党课', visibility: 'public' } })
  lessonId = lesson.id
})
afterAll(async () => stop?.())

/** The admin's form-state call for the lesson as `who`, through the project's wrapper, keeping only the lock part. */
const openForm = async (who: string) => {
  const req = await createLocalReq({ user: { ...people[who]!, collection: 'users' } as never }, payload)
  const formState = withLockRule(async (args: { collectionSlug: string; id: number | string; req: PayloadRequest; returnLockStatus: boolean }) =>
    args.returnLockStatus ? handleFormStateLocking({ ...args, updateLastEdited: true }) : undefined,
  )
  return formState({ collectionSlug: 'lessons', id: lessonId, req, returnLockStatus: true })
}
const lockHolders = async () =>
  (await payload.find({ collection: LOCKS_SLUG, depth: 0, overrideAccess: true, pagination: false, where: { 'document.value': { equals: lessonId } } })).docs.map((lock) =>
    String(relationId(lock.user?.value)),
  )
const lockUser = (state: Awaited<ReturnType<typeof openForm>>) => String(relationId(state?.user as never))

describe('document locks taken by the admin form', () => {
  it('the editor opening the form holds the lock', async () => {
    expect(lockUser(await openForm('editor'))).toBe(String(people.editor!.id))
    expect(await lockHolders()).toEqual([String(people.editor!.id)])
  })

  it('a member who may only read the lesson opens it: no lock in their name, and the editor keeps theirs', async () => {
    expect(await openForm('member')).toBeUndefined()
    expect(await lockHolders()).toEqual([String(people.editor!.id)])
    expect(lockUser(await openForm('editor'))).toBe(String(people.editor!.id))
    const visible = await payload.find({ collection: LOCKS_SLUG, overrideAccess: false, user: people.member, where: { 'document.value': { equals: lessonId } } })
    expect(visible.docs).toEqual([]) // so the admin offers them no take-over
  })

  it('an organizer above, who may edit it, is shown the editor’s lock (and may take it over)', async () => {
    const state = await openForm('districtOrganizer')
    expect(state?.isLocked).toBe(true)
    expect(lockUser(state)).toBe(String(people.editor!.id))
    expect(await lockHolders()).toEqual([String(people.editor!.id)])
  })
})
