import { describe, expect, it } from 'vitest'

import { isAuthChange, isSavablePath, sizeWords } from './saved'

describe('what the offline worker may answer from a saved copy', () => {
  it('site pages, PDF page images and uploaded files', () => {
    for (const path of ['/lessons/12', '/bundles/3', '/courseware/7', '/courseware/7/pages/2', '/api/courseware/file/a.pdf', '/_next/static/css/x.css', '/'])
      expect(isSavablePath(path), path).toBe(true)
  })

  it('never the admin, users or any other API route, the account forms or the save lists', () => {
    for (const path of ['/admin', '/admin/collections/lessons', '/api/users/me', '/api/users/login', '/api/users/file/x', '/api/search', '/api/lessons/1', '/api/courseware/file/a/b', '/account/signout', '/offline/lessons/1', '/offline/index', '/sw.js'])
      expect(isSavablePath(path), path).toBe(false)
  })

  it('sign-in and sign-out posts, on the site or the admin, drop the saved copies', () => {
    for (const path of ['/account/signin', '/account/signout', '/api/users/login', '/api/users/logout']) expect(isAuthChange('POST', path), path).toBe(true)
    expect(isAuthChange('GET', '/account/signout')).toBe(false)
    expect(isAuthChange('POST', '/account/prefs')).toBe(false)
  })
})

describe('the offline space message', () => {
  it('sizes read as people say them: kilobytes under a megabyte, never "0.0 MB"', () => {
    expect(sizeWords(0)).toBe('1 KB')
    expect(sizeWords(16_500)).toBe('17 KB')
    expect(sizeWords(1024 * 1024)).toBe('1.00 MB')
    expect(sizeWords(50 * 1024 * 1024 - 10 * 1024)).toBe('49.99 MB')
  })
})
