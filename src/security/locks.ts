import type {
  Access,
  CollectionBeforeChangeHook,
  CollectionSlug,
  PayloadRequest,
  SanitizedConfig,
  Where,
} from 'payload'

import { isAdmin } from '@/access/roles'
import { forbidden } from '@/utilities/errors'
import { relationId, sameId } from '@/utilities/relationId'

/** Payload adds this collection itself while sanitising the config (payload/dist/locked-documents/config.js). */
export const LOCKS_SLUG = 'payload-locked-documents'

type Lock = { document?: { relationTo: string; value: unknown } | null; globalSlug?: null | string; id: number | string; user?: { value: unknown } | null }

/** The ids among `ids` of `collection` that the signed-in user may update, by that collection's own update rule. */
export const updatableIds = async (req: PayloadRequest, collection: string, ids: unknown[]): Promise<Set<string>> => {
  const config = req.payload.collections[collection as CollectionSlug]?.config
  if (!config || ids.length === 0) return new Set()
  const rule = await config.access.update({ req })
  if (rule === false) return new Set()
  const inIds: Where = { id: { in: ids } }
  const { docs } = await req.payload.find({
    collection: collection as CollectionSlug,
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: {},
    where: rule === true ? inIds : { and: [inIds, rule] },
  })
  return new Set(docs.map((doc) => String(doc.id)))
}

/**
 * Locks one may see, take over and remove: one's own, and those on documents one may update (the admin
 * shows who is editing and offers to take over). Admins see all; nobody else learns a document or an
 * editor through a lock.
 */
const visibleLocks: Access = async ({ req }) => {
  const { user } = req
  if (!user) return false
  if (isAdmin(user)) return true
  const { docs } = await req.payload.db.find<Lock>({ collection: LOCKS_SLUG, limit: 0, pagination: false, req })
  const idsByCollection = new Map<string, unknown[]>()
  for (const lock of docs) {
    if (!lock.document) continue
    idsByCollection.set(lock.document.relationTo, [...(idsByCollection.get(lock.document.relationTo) ?? []), relationId(lock.document.value)])
  }
  const visible: Array<number | string> = []
  for (const [collection, ids] of idsByCollection) {
    const updatable = await updatableIds(req, collection, ids)
    for (const lock of docs) {
      if (lock.document?.relationTo === collection && updatable.has(String(relationId(lock.document.value)))) visible.push(lock.id)
    }
  }
  const own: Where = { 'user.value': { equals: user.id } }
  return visible.length === 0 ? own : { or: [own, { id: { in: visible } }] }
}

/**
 * A lock is written by someone who may update its document, in their own name; otherwise anyone could freeze
 * any document (every save and delete answers 423) in anyone's name.
 */
const claimLockAsSelf: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const { user } = req
  if (!user) return data
  const claimant = data.user ?? originalDoc?.user
  if (!claimant || claimant.relationTo !== user.collection || !sameId(claimant.value, user.id)) {
    throw forbidden('只能以自己的名义锁定文档', 'You can only lock a document in your own name')
  }
  const document = data.document ?? originalDoc?.document
  if (!(await mayLock(req, { collection: document?.relationTo, globalSlug: data.globalSlug, id: relationId(document?.value) }))) {
    throw forbidden('只有可以编辑该文档的人才能锁定它', 'Only someone who may edit a document can lock it')
  }
  return data
}

type LockTarget = { collection?: null | string; globalSlug?: null | string; id?: unknown }

/** Who may lock (and so be shown as editing) a document: whoever may update it; a global: admins. */
const mayLock = async (req: PayloadRequest, { collection, globalSlug, id }: LockTarget): Promise<boolean> => {
  if (collection && id !== undefined && id !== null) return (await updatableIds(req, collection, [id])).size > 0
  return Boolean(globalSlug) && isAdmin(req.user)
}

type FormStateArgs = { collectionSlug?: string; globalSlug?: string; id?: number | string; req: PayloadRequest; returnLockStatus?: boolean }

/**
 * Wraps the admin's `form-state` server function. Payload takes a lock there for whoever has the form open,
 * straight in the database (no access rule, no hook), so someone who may only read a document would appear as
 * its editor, next to the one really editing it, and that editor would be told the document was taken over.
 * Only those who may lock it get the lock status.
 */
export const withLockRule =
  <Args extends FormStateArgs, Result>(handler: (args: Args) => Promise<Result>) =>
  async (args: Args): Promise<Result> => {
    if (!args.returnLockStatus || (await mayLock(args.req, { collection: args.collectionSlug, globalSlug: args.globalSlug, id: args.id }))) return handler(args)
    return handler({ ...args, returnLockStatus: false })
  }

/**
 * Gives the locks collection its rules. It exists only after Payload sanitised the config, so this runs on the
 * built config (`buildConfig(...).then(addLockRules)`); Payload offers no override for it in 3.90.
 */
export const addLockRules = (config: SanitizedConfig): SanitizedConfig => {
  const locks = config.collections.find((collection) => collection.slug === LOCKS_SLUG)
  if (!locks) return config
  locks.access = { ...locks.access, create: ({ req: { user } }) => Boolean(user), delete: visibleLocks, read: visibleLocks, update: visibleLocks }
  locks.hooks.beforeChange = [...(locks.hooks.beforeChange ?? []), claimLockAsSelf]
  return config
}
