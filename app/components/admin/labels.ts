import type { Role } from '~/domain/access/policy'

// What each role can see, in the words of the access policy (app/domain/access/policy.ts), shown
// as hints where an administrator chooses a role.
export const ROLE_HINTS: Record<Role, string> = {
  advocate: 'Supports victims allocated to them or to their service',
  officer: 'Sees the cases of their force that they are allocated to',
  cps_liaison: 'Sees cases sent to their CPS area or witness care unit, without victims’ contact details',
  manager: 'Sees all of their organisation’s records',
  admin: 'Manages users, organisations and the audit log; sees no casework',
}
