// Waypoint in-process, for route-level integration tests (authorisation matrix, action fuzzing):
// every route module from the route manifest (the same flat-routes convention app/routes.ts uses),
// app/root.tsx and app/entry.server.tsx behind Remix's own request handler, on the test file's
// database. A request reaches loaders and actions and renders HTML exactly as in the browser; only
// the Express layer of scripts/server.ts (static files, security headers, cross-origin refusal) is
// not in front of it.
import path from 'node:path'
import { UNSAFE_flatRoutes as flatRoutes } from '@remix-run/dev'
import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import { createSession } from '~/services/session.server'

const APP_DIRECTORY = path.resolve(import.meta.dirname, '../../app')

export interface ManifestRoute {
  id: string
  parentId?: string
  path?: string
  index?: boolean
  file: string
}

/** The route manifest Remix builds from app/routes (root excluded), keyed by route id. */
export function routeManifest(): Record<string, ManifestRoute> {
  return flatRoutes(APP_DIRECTORY, [], 'routes') as Record<string, ManifestRoute>
}

/** The URL pattern of a route, e.g. `/victims/:victimId/edit` (parents' segments joined). */
export function routePattern(routes: Record<string, ManifestRoute>, id: string): string {
  const parts: string[] = []
  for (let r: ManifestRoute | undefined = routes[id]; r; r = r.parentId ? routes[r.parentId] : undefined) {
    if (r.path) parts.unshift(r.path)
  }
  return '/' + parts.join('/')
}

export const ORIGIN = 'http://waypoint.test'

let handler: ((request: Request) => Promise<Response>) | undefined

/** Remix's request handler over the real modules; built once per test file. */
export async function appHandler(): Promise<(request: Request) => Promise<Response>> {
  if (handler) return handler
  const manifest = routeManifest()
  const rootModule: Record<string, unknown> = await import('~/root')
  const routes: ServerBuild['routes'] = { root: { id: 'root', path: '', module: rootModule as unknown as ServerBuild['routes'][string]['module'] } }
  const assetRoutes: ServerBuild['assets']['routes'] = {}
  const entryRoute = (id: string, parentId: string | undefined, route: Partial<ManifestRoute>, module: Record<string, unknown>) => ({
    id,
    parentId,
    path: route.path,
    index: route.index,
    caseSensitive: undefined,
    module: `/fake/${id}.js`,
    hasAction: typeof module.action === 'function',
    hasLoader: typeof module.loader === 'function',
    hasClientAction: false,
    hasClientLoader: false,
    hasErrorBoundary: typeof module.ErrorBoundary === 'function',
  })
  assetRoutes.root = entryRoute('root', undefined, { path: '' }, rootModule)
  for (const route of Object.values(manifest)) {
    const module = await import(/* @vite-ignore */ path.join(APP_DIRECTORY, route.file))
    routes[route.id] = { id: route.id, parentId: route.parentId, path: route.path, index: route.index, module }
    assetRoutes[route.id] = entryRoute(route.id, route.parentId, route, module)
  }
  const build = {
    mode: 'production',
    entry: { module: await import('~/entry.server') },
    routes,
    assets: { entry: { module: '/fake/entry.client.js', imports: [] }, routes: assetRoutes, url: '/fake/manifest.js', version: 'test' },
    publicPath: '/',
    assetsBuildDirectory: path.join(APP_DIRECTORY, '../build/client'),
    // As vite.config.ts: with single fetch off, an action's data() would reach the page as its wrapper.
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_singleFetch: true, v3_lazyRouteDiscovery: true, v3_routeConfig: true },
    isSpaMode: false,
  } as unknown as ServerBuild
  const remix = createRequestHandler(build, 'production')
  handler = (request) => remix(request, { cspNonce: 'test-nonce', ip: '127.0.0.1' })
  return handler
}

/** A signed-in session for the user, as the cookie header a browser would send. */
export async function sessionCookieFor(userId: string): Promise<string> {
  const { setCookie } = await createSession({ userId, ip: '127.0.0.1', userAgent: 'app-harness', twoFactorPending: false })
  return setCookie.split(';')[0]!
}

/** A session half-way through sign-in: the password given, the second factor still owed. */
export async function pendingSessionCookieFor(userId: string): Promise<string> {
  const { setCookie } = await createSession({ userId, ip: '127.0.0.1', userAgent: 'app-harness', twoFactorPending: true })
  return setCookie.split(';')[0]!
}

/** One request through the app: GET by default; a body object is sent as a urlencoded form (POST). */
export async function request(
  urlPath: string,
  opts: { cookie?: string; method?: string; form?: Record<string, string | string[]> | URLSearchParams } = {},
): Promise<Response> {
  const app = await appHandler()
  // Remix compares an action's Origin with Host (its cross-site check), so a POST needs both.
  const headers = new Headers({ origin: ORIGIN, host: new URL(ORIGIN).host })
  if (opts.cookie) headers.set('cookie', opts.cookie)
  let body: URLSearchParams | undefined
  if (opts.form) {
    body = opts.form instanceof URLSearchParams ? opts.form : new URLSearchParams()
    if (!(opts.form instanceof URLSearchParams)) {
      for (const [key, value] of Object.entries(opts.form)) for (const v of [value].flat()) body.append(key, v)
    }
    headers.set('content-type', 'application/x-www-form-urlencoded')
  }
  const method = opts.method ?? (body ? 'POST' : 'GET')
  return app(new Request(new URL(urlPath, ORIGIN), { method, headers, body, redirect: 'manual' }))
}
