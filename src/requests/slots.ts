import type { CollectionBeforeDeleteHook, Payload, PayloadRequest } from 'payload'

import { APIError, ValidationError } from 'payload'

import { apiError } from '@/utilities/errors'
import { uniqueIndexReady } from '@/utilities/indexReady'
import { bilingual } from '@/utilities/labels'
import { localSpan } from '@/utilities/localTime'

/**
 * A lecturer's time is claimed in 15-minute slots, one row per (lecturer, slot) under a unique index on `key`
 * (collection `lecturer-slots`). Inserting rows is the only atomic step FerretDB offers without transactions:
 * two bookings that share a slot cannot both insert it, so at most one of them gets all of its slots.
 */
export const SLOT_MINUTES = 15
const SLOT_MS = SLOT_MINUTES * 60_000
export const SLOTS = 'lecturer-slots'

/** Minutes a lecturer needs between two sessions (travel, setting up); `COMMONS_TRAVEL_MINUTES`, default 60. */
export const travelMinutes = (): number => {
  const configured = Number(process.env.COMMONS_TRAVEL_MINUTES)
  return Number.isFinite(configured) && configured >= 0 ? configured : 60
}

/**
 * The slots a session holds, ascending: its time widened by half the travel time on each side, so two sessions
 * need at least the travel time between them.
 */
export const slotRange = (startsAt: Date, endsAt: Date, travel = travelMinutes()): number[] => {
  const pad = (travel * 60_000) / 2
  const first = Math.floor((startsAt.getTime() - pad) / SLOT_MS)
  const last = Math.ceil((endsAt.getTime() + pad) / SLOT_MS)
  return Array.from({ length: Math.max(0, last - first) }, (_, index) => first + index)
}

export const slotKey = (lecturerId: number | string, slot: number): string => `${lecturerId}:${slot}`

export type Booking = { endsAt: Date; lecturer: { id: number | string; name: string }; requestId: number | string; startsAt: Date }

type SlotRow = { id: number | string; request: number | string }

/** The lecturer is taken: names the request that holds the time (its number and time only, which any dispatcher may know). */
export class BookingConflict extends APIError {
  constructor(lecturerName: string, holder: { id: number | string; startsAt?: null | string; endsAt?: null | string }) {
    const when = holder.startsAt ? `，${localSpan(holder.startsAt, holder.endsAt)}` : ''
    const whenEn = holder.startsAt ? `, ${localSpan(holder.startsAt, holder.endsAt)}` : ''
    super(
      bilingual(
        `讲师${lecturerName}在该时段（含路途时间）已有安排：课程申请 #${holder.id}${when}；请另选讲师或时间`,
        `Lecturer ${lecturerName} is already booked at that time (travel included): course request #${holder.id}${whenEn}; choose another lecturer or time`,
      ),
      409,
      { code: 'lecturer_booked', conflictingRequest: holder.id },
      true,
    )
  }
}

const findSlot = async (payload: Payload, key: string): Promise<null | SlotRow> => {
  const found = await payload.find({ collection: SLOTS, depth: 0, limit: 1, pagination: false, where: { key: { equals: key } } })
  return (found.docs[0] as unknown as SlotRow | undefined) ?? null
}

const HOLDER_LOOKUPS = 5

/**
 * Inserts one slot; on the unique index's refusal returns the row that holds it. (Payload turns the database's
 * refusal into a ValidationError, worded differently by SQLite, MongoDB and FerretDB, so look rather than parse.)
 * A holder that vanished meanwhile was a booking rolling back: try again.
 */
const insertSlot = async (payload: Payload, booking: Booking, slot: number): Promise<null | SlotRow> => {
  const key = slotKey(booking.lecturer.id, slot)
  for (let attempt = 0; attempt < HOLDER_LOOKUPS; attempt++) {
    try {
      await payload.create({
        collection: SLOTS,
        data: { key, lecturer: booking.lecturer.id as never, request: booking.requestId as never, slot },
        depth: 0,
      })
      return null
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      const holder = await findSlot(payload, key)
      if (holder) return holder
    }
  }
  throw apiError(503, '讲师时段繁忙，请稍后再试', 'The lecturer’s calendar is busy; please try again')
}

/**
 * Claims every slot of a booking in ascending order, all or nothing: on a conflict it deletes what it inserted
 * and throws a BookingConflict naming the holder. Ascending order means a booking only ever waits on one that is
 * further along, so among bookings that overlap each other exactly one gets through.
 */
export const claimSlots = async (payload: Payload, booking: Booking): Promise<void> => {
  await uniqueIndexReady(payload, SLOTS)
  const inserted: number[] = []
  for (const slot of slotRange(booking.startsAt, booking.endsAt)) {
    const holder = await insertSlot(payload, booking, slot)
    if (holder && String(holder.request) === String(booking.requestId)) continue
    if (holder) {
      await deleteSlots(payload, booking.lecturer.id, booking.requestId, inserted)
      const request = await payload.findByID({ id: holder.request, collection: 'course-requests', depth: 0, disableErrors: true })
      throw new BookingConflict(booking.lecturer.name, { endsAt: request?.endsAt, id: holder.request, startsAt: request?.startsAt })
    }
    inserted.push(slot)
  }
}

const deleteSlots = async (payload: Payload, lecturerId: number | string, requestId: number | string, slots: number[]) => {
  if (slots.length === 0) return
  await payload.delete({
    collection: SLOTS,
    where: { key: { in: slots.map((slot) => slotKey(lecturerId, slot)) }, request: { equals: requestId } },
  })
}

/** Frees a lecturer's time held for a request (declined, cancelled, expired, withdrawn). */
export const releaseSlots = async (payload: Payload, requestId: number | string, lecturerId: number | string, req?: PayloadRequest) => {
  await payload.delete({ collection: SLOTS, req, where: { and: [{ request: { equals: requestId } }, { lecturer: { equals: lecturerId } }] } })
}

/** A deleted request holds no lecturer's time (its slots go first: they refer to it). */
export const releaseDeletedRequestSlots: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({ collection: SLOTS, req, where: { request: { equals: id } } })
}
