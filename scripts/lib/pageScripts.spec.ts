import { describe, expect, it } from 'vitest'

import { scriptSources } from './pageScripts'

describe('the scripts a page loads', () => {
  it('counts each script a current browser runs once, not the nomodule polyfills or inline scripts', () => {
    const html =
      '<script src="/_next/static/chunks/a.js" async=""></script><script src="/_next/static/chunks/p.js" noModule=""></script>' +
      '<script>self.__next_f.push([1])</script><script src="/_next/static/chunks/a.js"></script><script src="/b.js?x=1&amp;y=2"></script>'
    expect(scriptSources(html)).toEqual(['/_next/static/chunks/a.js', '/b.js?x=1&y=2'])
  })
})
