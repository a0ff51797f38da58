import React from 'react'

/** An open book on a red square: the library's mark, also public/favicon.svg. */
export function CommonsMark({ size = 24 }: { size?: number }) {
  return (
    <svg aria-hidden="true" height={size} viewBox="0 0 32 32" width={size} xmlns="http://www.w3.org/2000/svg">
      <rect fill="#a4161a" height="32" rx="6" width="32" />
      <path d="M6 9c3.5-1.2 7-1 10 1.2v14C13 22 9.5 21.8 6 23z" fill="#fff" />
      <path d="M26 9c-3.5-1.2-7-1-10 1.2v14c3-2.2 6.5-2.4 10-1.2z" fill="#f6d365" />
    </svg>
  )
}

/** The navigation's icon. */
export function Icon() {
  return <CommonsMark size={28} />
}
