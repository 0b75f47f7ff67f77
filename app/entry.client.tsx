import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode, useEffect } from 'react'
import { hydrateRoot } from 'react-dom/client'

// GOV.UK Frontend's JavaScript is progressive enhancement only (collapsible service navigation on
// small screens, double-click protection, error summary focus): every page works without it. It
// starts once, after React has hydrated the document, so it never changes markup React is
// still matching against the server's HTML.
let enhanced = false
function GovukFrontend() {
  useEffect(() => {
    if (enhanced) return
    enhanced = true
    import('govuk-frontend')
      .then(({ initAll }) => initAll())
      .catch(() => {
        // Without the enhancements the pages still work; nothing to tell the user.
      })
  }, [])
  return null
}

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
      <GovukFrontend />
    </StrictMode>,
  )
})
