import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { getUserJurisdictionId, pathSegment } from '@/access/jurisdictionScope'
import { isAdmin } from '@/access/roles'
import { fieldError } from '@/utilities/errors'
import { localDate } from '@/utilities/localTime'
import { relationId, sameId } from '@/utilities/relationId'

import type { HistoryAction } from './terms'
import type { RequestState } from './transitions'

import { ORDERING_LEVELS } from './access'
import { isWithinMenuPeriod, MENU_KIND } from './menus'

const COLLECTION = 'course-requests'
const MAX_SESSION_HOURS = 12

type OrderData = {
  endsAt?: null | string
  fieldSite?: unknown
  item?: { relationTo?: string; value?: unknown } | null
  jurisdiction?: unknown
  jurisdictionPath?: null | string
  menu?: unknown
  placeText?: null | string
  startsAt?: null | string
}

const refuse = (req: PayloadRequest, path: string, zh: string, en: string) => fieldError(req, COLLECTION, path, zh, en)

const checkTimes = (req: PayloadRequest, data: OrderData): { endsAt: Date; startsAt: Date } => {
  const startsAt = new Date(data.startsAt ?? '')
  const endsAt = new Date(data.endsAt ?? '')
  if (Number.isNaN(startsAt.getTime())) throw refuse(req, 'startsAt', '请填写开始时间', 'A start time is required')
  if (Number.isNaN(endsAt.getTime()) || endsAt <= startsAt) {
    throw refuse(req, 'endsAt', '结束时间应晚于开始时间', 'The session must end after it starts')
  }
  if (endsAt.getTime() - startsAt.getTime() > MAX_SESSION_HOURS * 3_600_000) {
    throw refuse(req, 'endsAt', `一次课程不超过 ${MAX_SESSION_HOURS} 小时`, `A session lasts at most ${MAX_SESSION_HOURS} hours`)
  }
  return { endsAt, startsAt }
}

const loadUnit = async (req: PayloadRequest, data: OrderData) => {
  if (req.user && !isAdmin(req.user) && !sameId(data.jurisdiction, getUserJurisdictionId(req.user))) {
    throw refuse(req, 'jurisdiction', '只能为本单位点单', 'You can only order for your own unit')
  }
  const unit = await req.payload.findByID({ id: relationId(data.jurisdiction)!, collection: 'jurisdictions', depth: 0, req })
  if (!(ORDERING_LEVELS as readonly string[]).includes(unit.level)) {
    throw refuse(req, 'jurisdiction', '只有村/社区、机关、企事业和两新组织可以点单', 'Only villages, communities, agencies, enterprises and 两新 organisations order from a menu')
  }
  return unit
}

const loadMenu = async (req: PayloadRequest, data: OrderData) => {
  const menu = await req.payload.findByID({ id: relationId(data.menu)!, collection: 'bundles', depth: 0, disableErrors: true, draft: false, req })
  if (!menu || menu.kind !== MENU_KIND || menu._status !== 'published') {
    throw refuse(req, 'menu', '所选课程包不是已发布的菜单', 'The chosen bundle is not a published menu')
  }
  const owner = relationId(menu.jurisdiction)!
  if (sameId(owner, data.jurisdiction) || !String(data.jurisdictionPath ?? '').includes(pathSegment(owner))) {
    throw refuse(req, 'menu', '只能从上级辖区的菜单点单', 'You can only order from a menu of a jurisdiction above your unit')
  }
  return menu
}

const itemTitle = async (req: PayloadRequest, data: OrderData, menuItems: Array<{ item?: unknown }>): Promise<string> => {
  const wanted = data.item
  const onMenu = menuItems.some(({ item }) => {
    const entry = item as { relationTo?: string; value?: unknown }
    return entry?.relationTo === wanted?.relationTo && sameId(entry?.value, wanted?.value)
  })
  if (!wanted?.relationTo || !onMenu) throw refuse(req, 'item', '所点课程不在该菜单上', 'The item ordered is not on this menu')
  const doc = await req.payload.findByID({ id: relationId(wanted.value)!, collection: wanted.relationTo as 'lessons', depth: 0, req })
  return String((doc as { title?: string }).title ?? '')
}

/**
 * An order is for the orderer's own unit (a village, community or organisation), from a published menu of a
 * jurisdiction above it, for an item on that menu, inside the menu's period, at a field site or a named place.
 * The request starts `requested`, to be dispatched by the menu owner's organizers.
 */
export const checkOrder: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const order = data as OrderData
  const { startsAt } = checkTimes(req, order)
  if (!relationId(order.fieldSite) && !order.placeText?.trim()) {
    throw refuse(req, 'placeText', '请选择现场教学点或填写地点', 'Choose a field site or write where the session is held')
  }
  const unit = await loadUnit(req, order)
  const menu = await loadMenu(req, order)
  if (!isWithinMenuPeriod(menu, startsAt)) {
    throw refuse(req, 'startsAt', '时间不在该菜单的预约期内', 'The date is outside the period this menu takes orders for')
  }
  const title = await itemTitle(req, order, menu.items ?? [])
  Object.assign(data, {
    activeLecturers: [],
    dispatchedFrom: relationId(menu.jurisdiction),
    dispatches: [],
    lecturerUsers: [],
    status: 'requested' satisfies RequestState,
    title: `${unit.name} · ${title} · ${localDate(startsAt)}`,
  })
  return data
}

export type HistoryEntry = { action: HistoryAction; at: string; by: null | number | string; note?: string; state: RequestState }

/** The context key under which a move hands its history entry to `appendHistory`. */
export const MOVE_CONTEXT = 'courseRequestMove'

/** The history only grows, and only from here: the order on create, then the move a write carries in its context. */
export const appendHistory: CollectionBeforeChangeHook = ({ context, data, operation, originalDoc, req }) => {
  if (operation === 'create') {
    data.history = [{ action: 'order', at: new Date().toISOString(), by: req.user?.id ?? null, state: 'requested' } satisfies HistoryEntry]
    return data
  }
  const earlier = (originalDoc?.history ?? []) as HistoryEntry[]
  const move = context[MOVE_CONTEXT] as HistoryEntry | undefined
  data.history = move ? [...earlier, move] : earlier
  return data
}
