import { Form, Link, useLocation } from '@remix-run/react'
import { navigationFor, ROLE_LABELS, type NavItem } from '~/domain/access/navigation'
import type { Role } from '~/domain/access/policy'

interface HeaderUser {
  name: string
  role: Role
  organisationName: string
  organisationKind?: string
}

/**
 * Which navigation item the current path belongs to: the longest href that is the path or a
 * parent of it; on "/" (every role's home) the role's first item.
 */
export function currentNavHref(items: readonly NavItem[], pathname: string): string | undefined {
  if (pathname === '/') return items.find((i) => i.href === '/')?.href ?? items[0]?.href
  return items
    .filter((i) => i.href !== '/' && (pathname === i.href || pathname.startsWith(`${i.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href
}

// GOV.UK Frontend 6 markup: the generic header (the GOV.UK header and crown are reserved for
// GOV.UK services) and service navigation, together inside the page's <header> banner landmark
// as GOV.UK's page template does. The header carries the account links ("Your account", "Sign
// out"), as GOV.UK's header navigation did; the service navigation only the role's sections, so
// they fit on one line. Works without JavaScript: the "Menu" toggle stays hidden and the list
// shows; with GOV.UK Frontend's JS the list collapses behind it on small screens.
// Sign out is a POST form so it cannot be triggered by a cross-site link.
export function AppHeader({ user }: { user: HeaderUser | null }) {
  const { pathname } = useLocation()
  const items = user ? navigationFor(user.role, user.organisationKind) : []
  const current = currentNavHref(items, pathname)
  const onAccount = pathname === '/account' || pathname.startsWith('/account/')
  return (
    <header className="govuk-template__header" data-testid="app-header">
      <div className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container app-header__container">
          <div className="govuk-generic-header__logo">
            <Link to="/" className="govuk-generic-header__homepage-link">
              Waypoint
            </Link>
          </div>
          {user ? (
            <nav aria-label="Account" className="app-header__account">
              <ul className="app-header__account-list">
                <li className="app-header__account-item">
                  <Link className="app-header__account-link" to="/account" aria-current={onAccount ? (pathname === '/account' ? 'page' : 'true') : undefined}>
                    Your account
                  </Link>
                </li>
                <li className="app-header__account-item">
                  <Form method="post" action="/logout" className="app-header__account-form">
                    <button type="submit" className="app-header__account-link app-header__account-button">
                      Sign out
                    </button>
                  </Form>
                </li>
              </ul>
            </nav>
          ) : null}
        </div>
      </div>
      {user ? (
        <section className="govuk-service-navigation app-service-navigation" aria-label="Service information" data-module="govuk-service-navigation">
          <div className="govuk-width-container">
            <div className="govuk-service-navigation__container">
              <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                <button
                  type="button"
                  className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                  aria-controls="navigation"
                  hidden
                  aria-hidden="true"
                >
                  Menu
                </button>
                <ul className="govuk-service-navigation__list" id="navigation">
                  {items.map((item) => (
                    <NavigationItem key={item.href} href={item.href} label={item.label} current={item.href === current} exact={pathname === item.href || pathname === '/'} />
                  ))}
                </ul>
              </nav>
            </div>
            <p className="govuk-body-s app-signed-in" data-testid="signed-in-as">
              Signed in as <strong>{user.name}</strong>, {ROLE_LABELS[user.role]}, {user.organisationName}
            </p>
          </div>
        </section>
      ) : null}
    </header>
  )
}

function NavigationItem({ href, label, current, exact }: { href: string; label: string; current: boolean; exact: boolean }) {
  return (
    <li className={`govuk-service-navigation__item${current ? ' govuk-service-navigation__item--active' : ''}`}>
      <Link className="govuk-service-navigation__link" to={href} aria-current={current ? (exact ? 'page' : 'true') : undefined}>
        {/* GOV.UK wraps the active item in <strong> so it still stands out without CSS. */}
        {current ? <strong className="govuk-service-navigation__active-fallback">{label}</strong> : label}
      </Link>
    </li>
  )
}
