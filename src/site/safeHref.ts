/** A link from content becomes a live href only when it leads to a web page, a mail address or a page of this site. */
export const safeHref = (value: unknown): null | string => {
  if (typeof value !== 'string') return null
  // browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so compare without them
  const url = value.replace(/[\u0000-\u0020\u007f]/g, '')
  if (url === '') return null
  if (url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')) return url
  if (url.startsWith('#')) return url
  return /^(https?:|mailto:)/i.test(url) ? url : null
}

/** A path to return to after a form on this site: only a local path, never another host. */
export const localPath = (value: unknown, fallback = '/'): string => {
  const href = typeof value === 'string' ? safeHref(value) : null
  return href && href.startsWith('/') ? href : fallback
}
