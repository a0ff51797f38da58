'use client'
/**
 * 保存到手机: keeps a lesson or a bundle (its pages, PDF page images and files, as listed by
 * /offline/<kind>/<id>) in the signed-in member's own cache, within OFFLINE_BUDGET_BYTES, so that the service
 * worker (public/sw.js) can open them with the network off. Copies of another member are dropped on sight.
 */
import { useEffect, useState } from 'react'

import {
  megabytes,
  sizeWords,
  OFFLINE_BUDGET_BYTES,
  SAVED_CACHE_PREFIX,
  SAVED_INDEX_PATH,
  savedCacheName,
  type SavedIndex,
  type SavableKind,
  usedBytes,
} from '../offline/saved'

type Words = { over: string; remove: string; save: string; saved: string; saving: string; failed: string; used: string }
// 'checking' until the page's script has run: the button does nothing before that, so it is shown disabled
type State = { status: 'checking' | 'failed' | 'idle' | 'over' | 'saved' | 'saving' | 'unsupported'; used: number; needed?: number }

const readIndex = async (cache: Cache): Promise<SavedIndex> => ((await (await cache.match(SAVED_INDEX_PATH))?.json()) as SavedIndex | undefined) ?? {}
const writeIndex = (cache: Cache, index: SavedIndex) => cache.put(SAVED_INDEX_PATH, Response.json(index))

/** the page's own stylesheets and scripts, so a saved page looks the same offline */
const pageAssets = (): string[] =>
  [...document.querySelectorAll<HTMLLinkElement | HTMLScriptElement>('link[rel="stylesheet"], script[src]')]
    .map((element) => new URL(element instanceof HTMLLinkElement ? element.href : element.src))
    .filter((url) => url.origin === location.origin && url.pathname.startsWith('/_next/static/'))
    .map((url) => url.pathname + url.search)

/** Drops the copies only this item used; returns the index without it. */
async function forget(cache: Cache, index: SavedIndex, key: string): Promise<SavedIndex> {
  const { [key]: gone, ...rest } = index
  const kept = new Set(Object.values(rest).flatMap((item) => item.urls))
  await Promise.all((gone?.urls ?? []).filter((url) => !kept.has(url)).map((url) => cache.delete(url)))
  await writeIndex(cache, rest)
  return rest
}

async function save(cache: Cache, index: SavedIndex, key: string, title: string, urls: string[]): Promise<State> {
  const before = usedBytes(index)
  const already = new Set(Object.values(index).flatMap((item) => item.urls))
  let bytes = 0
  for (const url of urls) {
    if (already.has(url)) continue
    const response = await fetch(url, { credentials: 'same-origin' })
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
    const body = await response.blob()
    bytes += body.size
    const headers = new Headers(response.headers)
    // the body is kept decoded: its stored length and encoding no longer apply
    for (const name of ['content-encoding', 'content-length']) headers.delete(name)
    await cache.put(url, new Response(body, { headers, status: response.status }))
    if (before + bytes > OFFLINE_BUDGET_BYTES) {
      await forget(cache, { ...index, [key]: { bytes, title, urls } }, key)
      return { needed: bytes, status: 'over', used: before }
    }
  }
  const next = { ...index, [key]: { bytes, title, urls } }
  await writeIndex(cache, next)
  return { status: 'saved', used: usedBytes(next) }
}

export function SaveOffline({ id, kind, readerId, words }: { id: string; kind: SavableKind; readerId: string; words: Words }) {
  const [state, setState] = useState<State>({ status: 'checking', used: 0 })
  const key = `${kind}/${id}`
  const cacheName = savedCacheName(readerId)

  useEffect(() => {
    if (!('serviceWorker' in navigator) || !('caches' in window)) return setState({ status: 'unsupported', used: 0 })
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => setState({ status: 'unsupported', used: 0 }))
    void (async () => {
      const others = (await caches.keys()).filter((name) => name.startsWith(SAVED_CACHE_PREFIX) && name !== cacheName)
      await Promise.all(others.map((name) => caches.delete(name)))
      const index = await readIndex(await caches.open(cacheName))
      setState({ status: index[key] ? 'saved' : 'idle', used: usedBytes(index) })
    })()
  }, [cacheName, key])

  if (state.status === 'unsupported') return null
  const onSave = async () => {
    setState((current) => ({ ...current, status: 'saving' }))
    try {
      const response = await fetch(`/offline/${key}`, { credentials: 'same-origin' })
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      const list = (await response.json()) as { title: string; urls: string[] }
      await navigator.serviceWorker.ready
      const cache = await caches.open(cacheName)
      setState(await save(cache, await readIndex(cache), key, list.title, [...new Set([...list.urls, ...pageAssets()])]))
    } catch {
      setState((current) => ({ ...current, status: 'failed' }))
    }
  }
  const onRemove = async () => {
    const cache = await caches.open(cacheName)
    setState({ status: 'idle', used: usedBytes(await forget(cache, await readIndex(cache), key)) })
  }
  const used = words.used.replace('{used}', sizeWords(state.used)).replace('{budget}', megabytes(OFFLINE_BUDGET_BYTES))
  return (
    <section aria-live="polite" className="save-offline">
      {state.status === 'saved' ? (
        <>
          <p className="notice">{words.saved}</p>
          <button className="button secondary" onClick={onRemove} type="button">
            {words.remove}
          </button>
        </>
      ) : (
        <button className="button" disabled={state.status === 'saving' || state.status === 'checking'} onClick={onSave} type="button">
          {state.status === 'saving' ? words.saving : words.save}
        </button>
      )}
      {state.status === 'over' ? <p className="notice" role="alert">{words.over.replace('{used}', sizeWords(state.used)).replace('{needed}', sizeWords(state.needed ?? 0))}</p> : null}
      {state.status === 'failed' ? <p className="notice" role="alert">{words.failed}</p> : null}
      <p className="meta">{used}</p>
    </section>
  )
}
