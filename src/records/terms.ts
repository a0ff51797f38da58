import type { Term } from '@/fields/vocabulary'

/** How a training session came about: an order from a menu, the monthly 月训, a 送学上门 visit, or otherwise. */
export const SESSION_KINDS: readonly Term[] = [
  { code: 'ordered', en: 'Ordered from a menu', zh: '点单授课' },
  { code: 'monthly', en: 'Monthly training', zh: '月训' },
  { code: 'doorstep', en: 'Taught at home', zh: '送学上门' },
  { code: 'other', en: 'Other', zh: '其他' },
]
