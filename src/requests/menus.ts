import type { Field } from 'payload'

import { label } from '@/utilities/labels'

/** A bundle of kind 菜单 is a menu: the units below its owner may order its items (DESIGN.md §1, bundle). */
export const MENU_KIND = 'menu'

type Period = { orderableFrom?: null | string; orderableUntil?: null | string }

const validateUntil = (value: null | string | undefined, { siblingData }: { siblingData: Period }) =>
  !value || !siblingData.orderableFrom || new Date(value) >= new Date(siblingData.orderableFrom)
    ? true
    : '截止日期不能早于开始日期 / The period cannot end before it starts'

/** The period a menu takes orders for; shown only on menus. */
export const menuPeriodFields = (): Field[] => [
  {
    type: 'row',
    admin: { condition: (data) => data?.kind === MENU_KIND },
    fields: [
      { name: 'orderableFrom', type: 'date', label: label('可预约起始日', 'Orderable from') },
      { name: 'orderableUntil', type: 'date', label: label('可预约截止日', 'Orderable until'), validate: validateUntil as never },
    ],
  },
]

/** Does a session starting at `startsAt` fall inside the menu's period (a missing bound is open)? */
export const isWithinMenuPeriod = (menu: Period, startsAt: Date): boolean => {
  const from = menu.orderableFrom ? new Date(menu.orderableFrom) : null
  const until = menu.orderableUntil ? new Date(menu.orderableUntil) : null
  if (until) until.setUTCHours(23, 59, 59, 999)
  return (!from || startsAt >= from) && (!until || startsAt <= until)
}
