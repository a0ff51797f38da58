/// <reference lib="webworker" />
/**
 * The member site's service worker (bundled by scripts/build-sw.mjs into public/sw.js). It caches nothing by
 * itself: pages and files go to the network, and only when that fails does it answer from the copies a member
 * saved (src/site/ui/SaveOffline.tsx), or with the Chinese offline page for a page. Sign-in and sign-out drop
 * every saved copy, so one member's private items are never served to the next.
 */
import { NetworkOnly, Serwist, type SerwistPlugin } from 'serwist'

import { isAuthChange, isSavablePath, OFFLINE_PAGE, SAVED_CACHE_PREFIX } from './saved'

declare const self: ServiceWorkerGlobalScope
declare const OFFLINE_PAGE_REVISION: string

const savedCaches = async (): Promise<string[]> => (await caches.keys()).filter((name) => name.startsWith(SAVED_CACHE_PREFIX))

const clearSaved = async (): Promise<void> => {
  await Promise.all((await savedCaches()).map((name) => caches.delete(name)))
}

const savedCopy = async (request: Request): Promise<Response | undefined> => {
  for (const name of await savedCaches()) {
    // Next varies pages on its router headers, which a saved copy and a reload do not share
    const copy = await (await caches.open(name)).match(request, { ignoreVary: true })
    if (copy) return copy
  }
  return undefined
}

const fromSaved: SerwistPlugin = {
  handlerDidError: async ({ request }) =>
    (await savedCopy(request)) ?? (request.mode === 'navigate' ? await serwist.matchPrecache(OFFLINE_PAGE) : undefined),
}

const serwist = new Serwist({
  clientsClaim: true,
  disableDevLogs: true,
  precacheEntries: [{ revision: OFFLINE_PAGE_REVISION, url: OFFLINE_PAGE }],
  runtimeCaching: [
    {
      handler: new NetworkOnly({ plugins: [fromSaved] }),
      matcher: ({ request, sameOrigin, url }) => sameOrigin && request.method === 'GET' && isSavablePath(url.pathname),
    },
  ],
  skipWaiting: true,
})

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url)
  if (url.origin === self.location.origin && isAuthChange(event.request.method, url.pathname)) event.waitUntil(clearSaved())
})

serwist.addEventListeners()
