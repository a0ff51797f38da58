'use client'
/** Fills the near-me form from the phone's location (WGS-84, as stored) and submits it. */
import { useState } from 'react'

export function UseMyLocation({ formId, label, failed }: { formId: string; label: string; failed: string }) {
  const [problem, setProblem] = useState('')
  const locate = () =>
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        const form = document.getElementById(formId) as HTMLFormElement | null
        if (!form) return
        ;(form.elements.namedItem('lat') as HTMLInputElement).value = coords.latitude.toFixed(5)
        ;(form.elements.namedItem('lng') as HTMLInputElement).value = coords.longitude.toFixed(5)
        form.requestSubmit()
      },
      () => setProblem(failed),
      { enableHighAccuracy: true, maximumAge: 60_000, timeout: 15_000 },
    )
  return (
    <p>
      <button className="button" onClick={locate} type="button">
        {label}
      </button>
      {problem ? <span role="status"> {problem}</span> : null}
    </p>
  )
}
