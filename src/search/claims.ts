/**
 * Several app processes drain one search outbox. Before a process sends a change, it inserts a claim row under
 * the change's key into `search-claims`, whose unique index lets only one process in: on SQLite, MongoDB and
 * FerretDB alike (FerretDB v1 does not make a conditional update atomic against a concurrent one; an insert
 * under a unique index it does refuse). The process deletes its claims once the batch is handled. Claims left by
 * a process that died are swept once older than the lease, and whoever drains next takes their changes, which
 * are still in the outbox: the outbox row goes only after the engine took the change.
 */
import type { Payload } from 'payload'

import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'

import { uniqueIndexReady } from '@/utilities/indexReady'

const CLAIMS = 'search-claims'
const INSERT_ATTEMPTS = 2

/**
 * How long a claim holds (`COMMONS_SEARCH_CLAIM_SECONDS`, default 60): far longer than a batch takes, and how long
 * the changes of a process killed mid-batch wait before another process takes them.
 */
export const claimLeaseMs = (): number => {
  const configured = Number(process.env.COMMONS_SEARCH_CLAIM_SECONDS)
  return (Number.isFinite(configured) && configured > 0 ? configured : 60) * 1000
}

const leaseStart = (): string => new Date(Date.now() - claimLeaseMs()).toISOString()

/** A name for one batch's claims: which machine and process holds them, unique per batch. */
export const newClaimHolder = (): string => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`

/** Keys other processes hold now: a drain reads past them. */
export const heldKeys = async (payload: Payload): Promise<string[]> => {
  const { docs } = await payload.db.find<{ key: string }>({
    collection: CLAIMS,
    limit: 0,
    pagination: false,
    select: { key: true },
    where: { createdAt: { greater_than_equal: leaseStart() } },
  })
  return docs.map((claim) => claim.key)
}

/** Deletes claims older than the lease. A claim made since never matches, so processes may race at this. */
export const sweepExpiredClaims = async (payload: Payload): Promise<void> => {
  await payload.db.deleteMany({ collection: CLAIMS, where: { createdAt: { less_than: leaseStart() } } })
}

const insertClaim = async (payload: Payload, key: string, holder: string): Promise<boolean> => {
  for (let attempt = 0; attempt < INSERT_ATTEMPTS; attempt++) {
    const now = new Date().toISOString()
    try {
      await payload.db.create({ collection: CLAIMS, data: { createdAt: now, holder, key, updatedAt: now }, returning: false })
      return true
    } catch (error) {
      // The unique index refused it: another process holds the key. Adapters word that refusal differently
      // (FerretDB's names no field), so look for the holder rather than parse the error.
      const held = await payload.db.findOne({ collection: CLAIMS, where: { key: { equals: key } } })
      if (held) return false
      if (attempt === INSERT_ATTEMPTS - 1) throw error
    }
  }
  return false
}

/**
 * Claims keys for `holder` until one is refused; returns the keys it got. Each process starts at a random place
 * in the list, so two that read the same rows claim different parts of them instead of racing key by key; the
 * first refusal means the rest is being claimed by another process, and the next round reads past it.
 */
export const claimKeys = async (payload: Payload, keys: string[], holder: string): Promise<Set<string>> => {
  await uniqueIndexReady(payload, CLAIMS)
  const start = Math.floor(Math.random() * keys.length)
  const claimed = new Set<string>()
  for (const key of [...keys.slice(start), ...keys.slice(0, start)]) {
    if (!(await insertClaim(payload, key, holder))) break
    claimed.add(key)
  }
  return claimed
}

export const releaseClaims = async (payload: Payload, holder: string): Promise<void> => {
  await payload.db.deleteMany({ collection: CLAIMS, where: { holder: { equals: holder } } })
}
