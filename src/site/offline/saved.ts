/**
 * Saving for offline reading, the rules shared by the page (which saves) and the service worker (which serves
 * what was saved when the network is gone): what may be kept, under whose name, and how much.
 */

/** One Cache Storage cache per member: `commons-saved:<user id>`. */
export const SAVED_CACHE_PREFIX = 'commons-saved:'
export const savedCacheName = (readerId: number | string): string => `${SAVED_CACHE_PREFIX}${readerId}`

/** What one member may keep on a phone: pages, PDF page images and files together. */
export const OFFLINE_BUDGET_BYTES = 50 * 1024 * 1024

/** The Chinese page shown for a page that was not saved (precached by the worker). */
export const OFFLINE_PAGE = '/offline.html'

/** The list of saved items, kept in the member's cache under a path the worker never serves. */
export const SAVED_INDEX_PATH = '/offline/index'

export const SAVABLE_KINDS = ['lessons', 'bundles'] as const
export type SavableKind = (typeof SAVABLE_KINDS)[number]

/**
 * Paths the worker may answer from a saved copy: the site's pages and uploaded files. Never the admin, the
 * account forms, the save lists, or any API route but an upload's file (`/api/<collection>/file/…`, not users).
 */
export const isSavablePath = (pathname: string): boolean => {
  if (/^\/(admin|account|offline|sw\.js)(\/|$)/.test(pathname)) return false
  if (!pathname.startsWith('/api/')) return true
  return /^\/api\/[\w-]+\/file\/[^/]+$/.test(pathname) && !pathname.startsWith('/api/users/')
}

/** Sign-in and sign-out (site or admin): every saved copy is dropped, since another member may come next. */
export const isAuthChange = (method: string, pathname: string): boolean =>
  method === 'POST' && /^\/(account\/sign(in|out)|api\/users\/(login|logout))$/.test(pathname)

export type SavedIndex = Record<string, { bytes: number; title: string; urls: string[] }>

export const usedBytes = (index: SavedIndex): number => Object.values(index).reduce((sum, item) => sum + item.bytes, 0)

export const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1)

/** a size people read: kilobytes under a megabyte (a lesson page is 16 KB, not "0.0 MB"), else megabytes */
export const sizeWords = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.ceil(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`
