import { Form, Link, NavLink } from '@remix-run/react'
import { NAVIGATION, ROLE_LABELS } from '~/domain/access/navigation'
import type { Role } from '~/domain/access/policy'

interface HeaderUser {
  name: string
  role: Role
  organisationName: string
}

// GOV.UK header + service navigation. Sign out is a POST form so it works without JavaScript
// and cannot be triggered by a cross-site link.
export function AppHeader({ user }: { user: HeaderUser | null }) {
  return (
    <>
      {/* GOV.UK Frontend's generic header: the GOV.UK header and crown are reserved for GOV.UK services. */}
      <header className="govuk-generic-header" data-testid="app-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <Link to="/" className="govuk-generic-header__homepage-link">
              Waypoint
            </Link>
          </div>
        </div>
      </header>
      {user ? (
        <section className="govuk-service-navigation" aria-label="Service information" data-module="govuk-service-navigation">
          <div className="govuk-width-container">
            <div className="govuk-service-navigation__container">
              <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                <ul className="govuk-service-navigation__list" id="navigation">
                  {NAVIGATION[user.role].map((item) => (
                    <li key={item.href} className="govuk-service-navigation__item">
                      <NavLink to={item.href} end={item.href === '/'} className="govuk-service-navigation__link">
                        {item.label}
                      </NavLink>
                    </li>
                  ))}
                  <li className="govuk-service-navigation__item">
                    <Link className="govuk-service-navigation__link" to="/account">
                      Your account
                    </Link>
                  </li>
                  <li className="govuk-service-navigation__item">
                    <Form method="post" action="/logout">
                      <button type="submit" className="govuk-service-navigation__link app-link-button">
                        Sign out
                      </button>
                    </Form>
                  </li>
                </ul>
              </nav>
              <p className="govuk-body-s govuk-!-margin-0 govuk-!-margin-left-4" data-testid="signed-in-as">
                {user.name} · {ROLE_LABELS[user.role]} · {user.organisationName}
              </p>
            </div>
          </div>
        </section>
      ) : null}
    </>
  )
}
