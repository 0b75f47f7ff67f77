// Rules the HTTP server applies before a request reaches Remix: which methods it answers, and that
// every state-changing request comes from Waypoint's own pages.
import type { Request, RequestHandler } from 'express'

/** The methods Remix serves: loaders answer GET and HEAD, actions the rest. */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
const ALLOWED = new Set<string>(ALLOWED_METHODS)
const SAFE = new Set(['GET', 'HEAD'])

/**
 * Any other method (TRACE, PROPFIND, OPTIONS…) is answered 405 with the list of those allowed.
 * Remix cannot build a request for some of them (TRACE), which failed as a 500.
 */
export function allowedMethodsOnly(): RequestHandler {
  return (req, res, next) => {
    if (ALLOWED.has(req.method)) return next()
    res.status(405).set('Allow', ALLOWED_METHODS.join(', ')).type('text/plain').send('Method not allowed.')
  }
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    const { origin } = new URL(url)
    return origin === 'null' ? undefined : origin
  } catch {
    return undefined
  }
}

/**
 * The request's own origin as this server sees it. Behind a TLS-terminating proxy the scheme comes
 * from X-Forwarded-Proto only when the app is told to trust the proxy (TRUST_PROXY=true → Express's
 * 'trust proxy'); otherwise the configured APP_URL is what matches.
 */
function ownOrigin(req: Request): string | undefined {
  return originOf(`${req.protocol}://${req.get('host') ?? ''}`)
}

/**
 * Cross-site request forgery: a state-changing request must name, in Origin (or failing that
 * Referer), exactly Waypoint's origin — scheme, host and port — either the configured public
 * address (APP_URL) or the address the request came to. A request naming neither is refused.
 */
export function sameOriginWrites(configuredUrl: string | undefined): RequestHandler {
  const configured = originOf(configuredUrl)
  return (req, res, next) => {
    if (SAFE.has(req.method)) return next()
    const source = originOf(req.get('origin') ?? req.get('referer'))
    if (!source || (source !== configured && source !== ownOrigin(req))) {
      res.status(403).type('text/plain').send('Forbidden: cross-origin request refused.')
      return
    }
    next()
  }
}
