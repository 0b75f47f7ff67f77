import { Link, useLocation } from '@remix-run/react'

// GOV.UK pagination: previous/next and page numbers, links keep the current filters.
export function Pagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const location = useLocation()
  const pages = Math.max(1, Math.ceil(total / pageSize))
  if (pages <= 1) return null
  const href = (p: number) => {
    const params = new URLSearchParams(location.search)
    params.set('page', String(p))
    return `${location.pathname}?${params.toString()}`
  }
  const numbers = Array.from({ length: pages }, (_, i) => i + 1).filter((p) => p === 1 || p === pages || Math.abs(p - page) <= 1)
  return (
    <nav className="govuk-pagination" aria-label="Pagination">
      {page > 1 ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={href(page - 1)} rel="prev">
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {numbers.map((p, i) => (
          <PaginationItem key={p} p={p} gap={i > 0 && p - numbers[i - 1]! > 1} current={p === page} href={href(p)} />
        ))}
      </ul>
      {page < pages ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={href(page + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      ) : null}
    </nav>
  )
}

function PaginationItem({ p, gap, current, href }: { p: number; gap: boolean; current: boolean; href: string }) {
  return (
    <>
      {gap ? <li className="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li> : null}
      <li className={`govuk-pagination__item${current ? ' govuk-pagination__item--current' : ''}`}>
        <Link className="govuk-link govuk-pagination__link" to={href} aria-label={`Page ${p}`} aria-current={current ? 'page' : undefined}>
          {p}
        </Link>
      </li>
    </>
  )
}
