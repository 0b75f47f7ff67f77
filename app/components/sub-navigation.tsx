import { Link, useLocation } from '@remix-run/react'

// MOJ sub navigation: tabs-like links between the sections of one area. The current item is the
// one whose href matches the current path (or `current` when given).
export interface SubNavigationItem {
  href: string
  text: string
  current?: boolean
}

export function SubNavigation({ items, label = 'Secondary navigation' }: { items: readonly SubNavigationItem[]; label?: string }) {
  const { pathname } = useLocation()
  return (
    <nav className="moj-sub-navigation" aria-label={label}>
      <ul className="moj-sub-navigation__list">
        {items.map((item) => {
          const current = item.current ?? (pathname === item.href || pathname.startsWith(`${item.href}/`))
          return (
            <li key={item.href} className="moj-sub-navigation__item">
              <Link className="moj-sub-navigation__link" to={item.href} aria-current={current ? 'page' : undefined}>
                {item.text}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
