import { ROLE_LABELS } from './navigation'
import type { Role } from './policy'

export const ROLES = Object.keys(ROLE_LABELS) as Role[]
export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))

export const ORGANISATION_KINDS = ['police', 'cps', 'witness_care', 'local_authority', 'voluntary', 'health'] as const
export const ORGANISATION_KIND_LABELS: Record<(typeof ORGANISATION_KINDS)[number], string> = {
  police: 'Police force',
  cps: 'CPS area',
  witness_care: 'Witness care unit',
  local_authority: 'Local authority',
  voluntary: 'Voluntary-sector service',
  health: 'Health',
}
