/** The admin's words for the bundle builder and fork panel: [Chinese, English]. */
export const ITEM_KINDS = {
  courseware: ['课件', 'Courseware'],
  'field-route': ['现场教学路线', 'Route'],
  lesson: ['课程', 'Lesson'],
  textbook: ['本土教材', 'Textbook'],
  video: ['音像资料', 'Video'],
} as const

export type ItemKind = keyof typeof ITEM_KINDS

export const COLLECTION_OF_KIND: Record<ItemKind, string> = {
  courseware: 'courseware',
  'field-route': 'field-routes',
  lesson: 'lessons',
  textbook: 'textbooks',
  video: 'videos',
}

export const KIND_OF_COLLECTION = Object.fromEntries(Object.entries(COLLECTION_OF_KIND).map(([kind, collection]) => [collection, kind])) as Record<
  string,
  ItemKind
>

/** An id as the database takes it: a number on SQLite, 24 hex digits on MongoDB. */
export const asId = (id: number | string): number | string => (typeof id === 'string' && /^\d{1,15}$/.test(id) ? Number(id) : id)

/** What the builder learned about items (from search hits or a lookup), so row labels need not ask again. */
export type ItemSummary = { jurisdiction: string; title: string }
export const itemSummaries = new Map<string, ItemSummary>()
export const summaryKey = (collection: string, id: number | string) => `${collection}:${id}`
