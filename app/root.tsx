import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { AppHeader } from '~/components/header'
import { NotificationBanner } from '~/components/notification-banner'
import { getUser } from '~/services/auth.server'
import { getEnv } from '~/services/env.server'
import { takeFlash } from '~/services/session.server'
import { useNonce } from '~/utils/nonce'
import appStyles from '~/styles/app.scss?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: appStyles },
  // Waypoint's own icon: the GOV.UK crown and font are for GOV.UK services only.
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ title: 'Waypoint' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const flash = await takeFlash(request)
  return data(
    {
      user: user && {
        name: user.name,
        email: user.email,
        role: user.role,
        organisationName: user.organisationName,
        organisationKind: user.organisationKind,
      },
      flash: flash.message,
      demoMode: getEnv().DEMO_MODE,
    },
    { headers: flash.setCookie ? { 'Set-Cookie': flash.setCookie } : undefined },
  )
}

export type RootLoader = typeof loader
export const useRootData = () => useRouteLoaderData<RootLoader>('root')

function Document({ children }: { children: React.ReactNode }) {
  const nonce = useNonce()
  return (
    <html lang="en-GB" className="govuk-template govuk-template--rebranded">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="robots" content="noindex, nofollow" />
        <Meta />
        <Links />
      </head>
      {/* GOV.UK Frontend's snippet below adds classes to <body> before hydration. */}
      <body className="govuk-template__body" suppressHydrationWarning>
        <script
          nonce={nonce}
          // GOV.UK Frontend's own snippet: marks the page as JS-capable before first paint.
          dangerouslySetInnerHTML={{
            __html:
              "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');",
          }}
        />
        <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
          Skip to main content
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  const { user, flash } = useLoaderData<typeof loader>()
  return (
    <Document>
      <AppHeader user={user} />
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" role="main">
          {flash ? <NotificationBanner {...flash} /> : null}
          <Outlet />
        </main>
      </div>
      <footer className="govuk-footer" role="contentinfo">
        <div className="govuk-width-container">
          <p className="govuk-body-s">Waypoint — open-source case tracker. Records are official-sensitive: handle them under your organisation’s data-sharing agreement.</p>
        </div>
      </footer>
    </Document>
  )
}

export function ErrorBoundary() {
  const rootData = useRootData()
  return (
    <Document>
      <AppHeader user={rootData?.user ?? null} />
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" role="main">
          <GeneralErrorBoundary />
        </main>
      </div>
    </Document>
  )
}
