import React from 'react'

import { CommonsMark } from './Icon'

/** The login page's logo: the mark and the library's name in place of Payload's. */
export function Logo() {
  return (
    <div className="commons-logo" style={{ alignItems: 'center', display: 'flex', gap: 16 }}>
      <CommonsMark size={56} />
      <div>
        <div style={{ fontSize: 30, fontWeight: 700, letterSpacing: 2, lineHeight: 1.2 }}>课件共享库</div>
        <div style={{ color: 'var(--theme-elevation-500)', fontSize: 14 }}>Courseware Commons · 党员教育培训资源</div>
      </div>
    </div>
  )
}
