// Only paths on this site may be redirected to after sign-in (no open redirects). The value is
// resolved as a browser would — which strips tabs and newlines, so "/\t/evil.example" means
// "//evil.example" — and anything that lands on another origin is refused.
const BASE = 'http://waypoint.invalid'

export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/')) return fallback
  let url: URL
  try {
    url = new URL(to, BASE)
  } catch {
    return fallback
  }
  const path = `${url.pathname}${url.search}${url.hash}`
  // "/.//x" normalises to "//x", which a browser would read as another host.
  if (url.origin !== BASE || path.startsWith('//')) return fallback
  return path
}
