// Who can be allocated to what. A case has its officer in charge (police), CPS liaison (CPS area)
// and witness care officer (witness care unit); a victim has a lead advocate and other advocates
// (their support service). Access follows active allocations (app/domain/access/policy.ts).

export type AllocationKind = 'lead_advocate' | 'advocate' | 'service' | 'oic' | 'cps_liaison' | 'witness_care'
export type OrgKind = 'police' | 'cps' | 'witness_care' | 'local_authority' | 'voluntary' | 'health'
export type PersonRole = 'advocate' | 'officer' | 'cps_liaison' | 'manager' | 'admin'

export const ALLOCATION_KIND_LABELS: Record<AllocationKind, string> = {
  lead_advocate: 'Lead advocate',
  advocate: 'Advocate',
  service: 'Support service',
  oic: 'Officer in charge',
  cps_liaison: 'CPS liaison',
  witness_care: 'Witness care officer',
}

export const CASE_ALLOCATION_KINDS = ['oic', 'cps_liaison', 'witness_care'] as const
export const VICTIM_ALLOCATION_KINDS = ['lead_advocate', 'advocate'] as const
export type CaseAllocationKind = (typeof CASE_ALLOCATION_KINDS)[number]
export type VictimAllocationKind = (typeof VICTIM_ALLOCATION_KINDS)[number]

const REQUIREMENTS: Record<CaseAllocationKind | VictimAllocationKind, { role: PersonRole; orgKinds: readonly OrgKind[] }> = {
  oic: { role: 'officer', orgKinds: ['police'] },
  cps_liaison: { role: 'cps_liaison', orgKinds: ['cps'] },
  witness_care: { role: 'cps_liaison', orgKinds: ['witness_care'] },
  lead_advocate: { role: 'advocate', orgKinds: ['voluntary', 'local_authority', 'health'] },
  advocate: { role: 'advocate', orgKinds: ['voluntary', 'local_authority', 'health'] },
}

export interface Person {
  id: string
  role: PersonRole
  active: boolean
  organisationId: string
  organisationKind: OrgKind
}

export interface CaseOrganisations {
  policeOrganisationId: string
  cpsOrganisationId: string | null
  witnessCareOrganisationId: string | null
}

/** The organisation a case allocation of this kind must come from, when the case names one. */
function caseOrganisationFor(kind: CaseAllocationKind, c: CaseOrganisations): string | null {
  switch (kind) {
    case 'oic':
      return c.policeOrganisationId
    case 'cps_liaison':
      return c.cpsOrganisationId
    case 'witness_care':
      return c.witnessCareOrganisationId
  }
}

/** Whether this person fits this kind of allocation on this case (role, organisation kind, the case's own organisations). */
export function fitsCaseAllocation(kind: CaseAllocationKind, person: Person, c: CaseOrganisations): boolean {
  const req = REQUIREMENTS[kind]
  if (!person.active || person.role !== req.role || !req.orgKinds.includes(person.organisationKind)) return false
  const org = caseOrganisationFor(kind, c)
  return org === null || org === person.organisationId
}

/**
 * The kinds of case allocation an actor (already allowed to allocate on the case by the policy)
 * makes: each organisation allocates only its own people — the force its officers, the CPS area
 * its liaison, the witness care unit its officers. Staff of another organisation come to a child
 * through a referral or a sharing request, never by someone else's allocation.
 */
export function caseKindsForActor(actor: { organisationId: string }, c: CaseOrganisations): CaseAllocationKind[] {
  return CASE_ALLOCATION_KINDS.filter((k) => caseOrganisationFor(k, c) === actor.organisationId)
}

/** Victim allocations: advocates of the allocating actor's own service. */
export function fitsVictimAllocation(kind: VictimAllocationKind, person: Person, actor: { organisationId: string }): boolean {
  const req = REQUIREMENTS[kind]
  return (
    person.active &&
    person.role === req.role &&
    req.orgKinds.includes(person.organisationKind) &&
    person.organisationId === actor.organisationId
  )
}
