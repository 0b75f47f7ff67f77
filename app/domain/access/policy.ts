// The one access policy. Every "may this user see or change this record?" question in Waypoint is
// answered here, from facts the service layer loads (app/services/access.server.ts). Pure: no I/O.
//
// Reasons to see a victim or a case come from organisation and allocation, never from role alone:
//  - advocate:    victims allocated to them, or to their service (organisation)
//  - officer:     cases of their own force that they are allocated to, and the victims on them
//  - cps_liaison: cases sent to CPS where their organisation is the CPS area or witness care unit,
//                 and the victims on them — without address or contact details
//  - manager:     their organisation's records (victims held by their service and those victims'
//                 cases; cases of their force or sent to their CPS area / witness care unit)
//  - admin:       users, organisations and the audit log — no casework at all
// A restricted victim is visible only to users explicitly allocated to that victim.
// An organisation holds a victim when it has an active allocation on the record; holders work the
// record. Organisations come to hold a child only through the sharing flows (app/domain/sharing):
// accepting an advocacy referral, an approved access request, or a force linking a shared child to
// a case. Referral-only access: advocates and managers of a service supporting the child without
// holding the record (an accepted or active referral for counselling, sexual health…) may view the
// victim — and the victim's cases, to support them through court — but not change the record,
// allocate, or see visits and what they hold. A referral waiting for an answer shows its receiving
// organisation a summary to decide on (canSeeReferralSummary), not the record.

export type Role = 'advocate' | 'officer' | 'cps_liaison' | 'manager' | 'admin'

export interface Actor {
  id: string
  role: Role
  organisationId: string
  /** police | cps | witness_care | voluntary | local_authority | health, where a rule depends on it. */
  organisationKind?: string
}

export interface AllocationFact {
  userId: string | null
  organisationId: string
}

export interface CaseFacts {
  id: string
  policeOrganisationId: string
  cpsOrganisationId: string | null
  witnessCareOrganisationId: string | null
  sentToCps: boolean
  /** Active allocations on the case. */
  allocations: readonly AllocationFact[]
}

export interface VictimFacts {
  id: string
  restricted: boolean
  /** Active allocations on the victim record itself. */
  allocations: readonly AllocationFact[]
  cases: readonly CaseFacts[]
  /** Support referrals of the victim (app/domain/support/referrals.ts). Absent: none. */
  referrals?: readonly ReferralFact[]
}

export interface ReferralFact {
  toOrganisationId: string
  status: string
}

/** Referral statuses that let the receiving organisation see the victim: while support is agreed or running. */
export const REFERRAL_ACCESS_STATUSES = ['accepted', 'active'] as const

export type Action = 'view' | 'update'

const allocatedTo = (allocations: readonly AllocationFact[], actor: Actor) => allocations.some((a) => a.userId === actor.id)
const heldByOrg = (allocations: readonly AllocationFact[], actor: Actor) => allocations.some((a) => a.organisationId === actor.organisationId)

function cpsReachesCase(actor: Actor, c: CaseFacts) {
  return c.sentToCps && (c.cpsOrganisationId === actor.organisationId || c.witnessCareOrganisationId === actor.organisationId)
}

export function canViewCase(actor: Actor, c: CaseFacts): boolean {
  switch (actor.role) {
    case 'officer':
      return c.policeOrganisationId === actor.organisationId && allocatedTo(c.allocations, actor)
    case 'cps_liaison':
      return cpsReachesCase(actor, c)
    case 'manager':
      return c.policeOrganisationId === actor.organisationId || cpsReachesCase(actor, c)
    case 'advocate':
    case 'admin':
      return false
  }
}

/**
 * Advocates, and managers of their services, reach a case through a victim on it they can see:
 * supporting a child through court needs the case's milestones.
 */
export function canViewCaseThroughVictim(actor: Actor, c: CaseFacts, victims: readonly VictimFacts[]): boolean {
  if (canViewCase(actor, c)) return true
  return (actor.role === 'advocate' || actor.role === 'manager') && victims.some((v) => canViewVictim(actor, v))
}

export function canViewVictim(actor: Actor, v: VictimFacts): boolean {
  return hasDirectVictimAccess(actor, v) || hasReferralOnlyAccess(actor, v)
}

/** Through a referral to the actor's organisation (advocates and managers), for unrestricted victims. */
export function referredToActorOrg(actor: Actor, v: VictimFacts): boolean {
  if (v.restricted || (actor.role !== 'advocate' && actor.role !== 'manager')) return false
  return (v.referrals ?? []).some(
    (r) => r.toOrganisationId === actor.organisationId && (REFERRAL_ACCESS_STATUSES as readonly string[]).includes(r.status),
  )
}

/** The victim is visible only because of a referral: view, never change, allocate or see visits. */
export function hasReferralOnlyAccess(actor: Actor, v: VictimFacts): boolean {
  return !hasDirectVictimAccess(actor, v) && referredToActorOrg(actor, v)
}

/** Access by allocation, service or case — everything but a referral. */
export function hasDirectVictimAccess(actor: Actor, v: VictimFacts): boolean {
  if (actor.role === 'admin') return false
  if (v.restricted) return allocatedTo(v.allocations, actor)
  switch (actor.role) {
    case 'advocate':
      return allocatedTo(v.allocations, actor) || heldByOrg(v.allocations, actor)
    case 'manager':
      return heldByOrg(v.allocations, actor) || v.cases.some((c) => canViewCase(actor, c))
    case 'officer':
    case 'cps_liaison':
      return allocatedTo(v.allocations, actor) || v.cases.some((c) => canViewCase(actor, c))
  }
}

/** Address, phone and email: never for CPS liaison, whose job does not need them. */
export function canViewVictimContactDetails(actor: Actor, v: VictimFacts): boolean {
  return actor.role !== 'cps_liaison' && canViewVictim(actor, v)
}

export function canUpdateVictim(actor: Actor, v: VictimFacts): boolean {
  // Victim details belong to the people supporting and investigating; CPS record on the case.
  return (actor.role === 'advocate' || actor.role === 'officer' || actor.role === 'manager') && hasDirectVictimAccess(actor, v)
}

export function canUpdateCase(actor: Actor, c: CaseFacts): boolean {
  return actor.role !== 'manager' && canViewCase(actor, c)
}

// Administration: only administrators, and never casework.
export const canAdminister = (actor: Actor) => actor.role === 'admin'
export const canSeeCasework = (actor: Actor) => actor.role !== 'admin'

// ---- Creating records ------------------------------------------------------------------
// Advocates and officers open victim records (a child may be referred for support before any police
// report); managers may too. A new record is held by the creator's organisation (see services).
export const canCreateVictim = (actor: Actor) => actor.role === 'advocate' || actor.role === 'officer' || actor.role === 'manager'

// Cases are police investigations: officers (and police managers) open them for their own force.
export const canCreateCase = (actor: Actor, policeOrganisationId: string) =>
  (actor.role === 'officer' || actor.role === 'manager') && actor.organisationId === policeOrganisationId

/**
 * Allocating people: to a victim, whoever may update the victim (an advocate taking on a child, a
 * manager assigning); to a case, the police who may update it, or CPS for their own CPS allocations.
 */
export function canAllocateToVictim(actor: Actor, v: VictimFacts): boolean {
  return (actor.role === 'advocate' || actor.role === 'manager') && canUpdateVictim(actor, v)
}
export function canAllocateToCase(actor: Actor, c: CaseFacts): boolean {
  if (actor.role === 'manager') return c.policeOrganisationId === actor.organisationId || cpsReachesCase(actor, c)
  return canUpdateCase(actor, c)
}

// ---- The journal --------------------------------------------------------------------
/**
 * Recording a journey event: the event type must belong to the actor's role (officers record police
 * steps, CPS liaison CPS and court steps, advocates support steps — app/domain/journey/events.ts),
 * and the actor must be working the case: police and CPS through the case itself, advocates through
 * a victim on it whom they support.
 */
export function canRecordJourneyEvent(actor: Actor, roleMayRecordType: boolean, c: CaseFacts, victims: readonly VictimFacts[]): boolean {
  if (!roleMayRecordType) return false
  if (actor.role === 'advocate') return victims.some((v) => canUpdateVictim(actor, v))
  return canUpdateCase(actor, c)
}

/**
 * Logging a contact with the victim (what they were told, when, how): anyone working with the
 * victim, including witness care and CPS liaison, who tell victims about charges and hearings.
 */
export const canRecordContact = (actor: Actor, v: VictimFacts) => actor.role !== 'admin' && hasDirectVictimAccess(actor, v)

/**
 * Follow-up visits hold what the child said, their wishes and feelings and safeguarding concerns:
 * for those supporting and safeguarding them (advocates, police, managers), not CPS liaison or
 * witness care, whose work does not need them. Recording one needs the right to update the victim.
 */
export const canSeeVisits = (actor: Actor, v: VictimFacts) => actor.role !== 'cps_liaison' && hasDirectVictimAccess(actor, v)
export const canRecordVisit = (actor: Actor, v: VictimFacts) => canUpdateVictim(actor, v)

/** The organisation holds the record: an active allocation of the actor's organisation on the victim. */
export const holdsVictim = (actor: Actor, v: VictimFacts) => heldByOrg(v.allocations, actor)

// ---- Sharing a child between organisations --------------------------------------------------------

/** The two sides of a referral or a sharing request. */
export interface SharingParties {
  fromOrganisationId: string
  toOrganisationId: string
}

const CASEWORK_SHARERS: readonly Role[] = ['advocate', 'officer', 'manager']
const isParty = (actor: Actor, r: SharingParties) => actor.organisationId === r.fromOrganisationId || actor.organisationId === r.toOrganisationId

/**
 * What the receiving organisation needs to decide on a referral or a shared child — age, offences,
 * communication needs, safe contact — for the caseworkers of the two organisations, not the record.
 */
export const canSeeSharingSummary = (actor: Actor, r: SharingParties) => CASEWORK_SHARERS.includes(actor.role) && isParty(actor, r)

const SUPPORT_ORGANISATION_KINDS = ['voluntary', 'local_authority', 'health']

/**
 * An advocacy service (its advocates and managers) shares a child it works with with a police
 * force; never a restricted record (the force could not read it).
 */
export const canShareWithPolice = (actor: Actor, v: VictimFacts) =>
  (actor.role === 'advocate' || (actor.role === 'manager' && SUPPORT_ORGANISATION_KINDS.includes(actor.organisationKind ?? ''))) &&
  !v.restricted &&
  canUpdateVictim(actor, v)

/** Anyone who may add a child may ask the holder of an existing record for access. */
export const canRequestAccess = (actor: Actor) => canCreateVictim(actor)

export interface ShareFacts extends SharingParties {
  kind: 'police_report' | 'access'
  status: string
}

/**
 * Answering a request: for a child shared with the police, the force's officers link her to a case
 * (an officer, who can then work the case) or its officers and managers decline; for an access
 * request, the holding organisation's people who may update the record approve or refuse. The
 * requesting side may withdraw while it waits.
 */
export function shareActionsFor(actor: Actor, r: ShareFacts, victim: VictimFacts | null): ('link' | 'decline' | 'approve' | 'refuse' | 'withdraw')[] {
  if (r.status !== 'pending' || !CASEWORK_SHARERS.includes(actor.role)) return []
  const actions: ('link' | 'decline' | 'approve' | 'refuse' | 'withdraw')[] = []
  if (actor.organisationId === r.toOrganisationId) {
    if (r.kind === 'police_report') {
      if (actor.role === 'officer') actions.push('link')
      if (actor.role === 'officer' || actor.role === 'manager') actions.push('decline')
    } else if (victim && canUpdateVictim(actor, victim)) {
      actions.push('approve', 'refuse')
    }
  }
  if (actor.organisationId === r.fromOrganisationId) actions.push('withdraw')
  return actions
}
