import { Link, useLocation } from '@remix-run/react'

// GOV.UK pagination: previous/next with arrows and page numbers (first, last and the pages around
// the current one, ellipses between). Links keep the current URL's other search params (filters,
// sort) and change only ?page=.

/** Page numbers to show, with null for an ellipsis: 1 … 4 5 6 … 20. Pure, for tests. */
export function pageItems(page: number, pages: number): (number | null)[] {
  const items: (number | null)[] = []
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - page) <= 1) items.push(p)
    else if (items[items.length - 1] !== null) items.push(null)
  }
  return items
}

export function Pagination({ page, pageSize, total, label = 'Pagination' }: { page: number; pageSize: number; total: number; label?: string }) {
  const location = useLocation()
  const pages = Math.max(1, Math.ceil(total / pageSize))
  if (pages <= 1) return null
  const current = Math.min(Math.max(1, page), pages)
  const href = (p: number) => {
    const params = new URLSearchParams(location.search)
    if (p === 1) params.delete('page')
    else params.set('page', String(p))
    const search = params.toString()
    return `${location.pathname}${search ? `?${search}` : ''}`
  }
  return (
    <nav className="govuk-pagination" aria-label={label}>
      {current > 1 ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={href(current - 1)} rel="prev">
            <svg className="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z" />
            </svg>
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {pageItems(current, pages).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} className="govuk-pagination__item govuk-pagination__item--ellipsis">
              &ctdot;
            </li>
          ) : (
            <li key={p} className={`govuk-pagination__item${p === current ? ' govuk-pagination__item--current' : ''}`}>
              <Link className="govuk-link govuk-pagination__link" to={href(p)} aria-label={`Page ${p}`} aria-current={p === current ? 'page' : undefined}>
                {p}
              </Link>
            </li>
          ),
        )}
      </ul>
      {current < pages ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={href(current + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
            <svg className="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
            </svg>
          </Link>
        </div>
      ) : null}
    </nav>
  )
}
