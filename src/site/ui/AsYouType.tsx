'use client'
/**
 * Results as you type: a few titles from /api/search under the search box, after a pause in typing. The page
 * works without it (the form submits to the server-rendered /search); this only saves a round of the page.
 */
import { useEffect, useState } from 'react'

type Suggestion = { id: string; title: string; url: string }

const PAUSE_MS = 300

export function AsYouType({ inputId, label }: { inputId: string; label: string }) {
  const [items, setItems] = useState<Suggestion[]>([])
  useEffect(() => {
    const input = document.getElementById(inputId) as HTMLInputElement | null
    if (!input) return
    let timer: ReturnType<typeof setTimeout> | undefined
    let controller: AbortController | undefined
    const onInput = () => {
      clearTimeout(timer)
      timer = setTimeout(async () => {
        controller?.abort()
        const q = input.value.trim()
        if (q.length < 2) return setItems([])
        controller = new AbortController()
        try {
          const response = await fetch(`/api/search?perPage=5&q=${encodeURIComponent(q)}`, { signal: controller.signal })
          if (!response.ok) return setItems([])
          const body = (await response.json()) as { hits: Suggestion[] }
          setItems(body.hits.map(({ id, title, url }) => ({ id, title, url })))
        } catch {
          // a newer keystroke aborted this one, or the network is gone: the form still works
        }
      }, PAUSE_MS)
    }
    input.addEventListener('input', onInput)
    return () => {
      clearTimeout(timer)
      controller?.abort()
      input.removeEventListener('input', onInput)
    }
  }, [inputId])
  return (
    <div aria-live="polite" className="as-you-type">
      {items.length ? (
        <ul aria-label={label} className="chips">
          {items.map((item) => (
            <li key={item.id}>
              <a href={item.url}>{item.title}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
