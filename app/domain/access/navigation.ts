import type { Role } from './policy'

// Service navigation per role (GOV.UK service navigation pattern). Pure data, shared by the header
// and the tests that check each role sees only its own sections.
export interface NavItem {
  href: string
  label: string
}

export const NAVIGATION: Record<Role, NavItem[]> = {
  advocate: [
    { href: '/', label: 'My caseload' },
    { href: '/victims', label: 'Victims' },
    { href: '/referrals', label: 'Referrals' },
    { href: '/requests', label: 'Sharing requests' },
    { href: '/support', label: 'Support services' },
  ],
  officer: [
    { href: '/', label: 'My cases' },
    { href: '/cases', label: 'Cases' },
    { href: '/victims', label: 'Victims' },
    { href: '/compliance', label: 'Code compliance' },
    { href: '/requests', label: 'Sharing requests' },
    { href: '/support', label: 'Support services' },
  ],
  cps_liaison: [
    { href: '/', label: 'Awaiting CPS' },
    { href: '/cases', label: 'Cases' },
    { href: '/compliance', label: 'Code compliance' },
    { href: '/review', label: 'Case review' },
    { href: '/support', label: 'Support services' },
  ],
  manager: [
    { href: '/', label: 'Team overview' },
    { href: '/victims', label: 'Victims' },
    { href: '/cases', label: 'Cases' },
    { href: '/compliance', label: 'Code compliance' },
    { href: '/review', label: 'Case review' },
    { href: '/referrals', label: 'Referrals' },
    { href: '/requests', label: 'Sharing requests' },
    { href: '/support', label: 'Support services' },
  ],
  admin: [
    { href: '/admin/users', label: 'Users' },
    { href: '/admin/organisations', label: 'Organisations' },
    { href: '/admin/holidays', label: 'Bank holidays' },
    { href: '/admin/rules', label: 'Code deadlines' },
    { href: '/admin/audit', label: 'Audit log' },
    { href: '/admin/emails', label: 'Email templates' },
    { href: '/admin/outbox', label: 'Outbox' },
  ],
}

export const ROLE_LABELS: Record<Role, string> = {
  advocate: 'Advocate',
  officer: 'Police officer in charge',
  cps_liaison: 'CPS liaison',
  manager: 'Manager',
  admin: 'Administrator',
}

/** The police intelligence queue: for officers and managers of a police organisation. */
export const INTELLIGENCE_NAV: NavItem = { href: '/intelligence', label: 'Intelligence' }

/** A user's navigation: their role's, plus the intelligence queue for police officers and managers. */
export function navigationFor(role: Role, organisationKind?: string): NavItem[] {
  const items = NAVIGATION[role]
  return (role === 'officer' || role === 'manager') && organisationKind === 'police' ? [...items, INTELLIGENCE_NAV] : items
}
