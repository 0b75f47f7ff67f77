// Referrals from a victim's record to a voluntary-sector support service. Pure:
// the service types, the referral's life (sent → accepted | declined → active → closed, or withdrawn
// by the referrer), which side of the referral may do what, whether consent or a recorded lawful
// basis covers sharing the victim's information with the receiving organisation (UK GDPR; DPA 2018
// Sch 1 Part 2 para 18), and whether a support session may be logged.
import { z } from 'zod'
import { todayInLondon } from '~/domain/calendar/date-parts'
import { londonDateOf } from '~/domain/calendar/working-days'

export const SERVICE_TYPES = [
  { id: 'isva', label: 'ISVA or ChISVA (independent sexual violence adviser)' },
  { id: 'cse_specialist', label: 'CSE specialist support' },
  { id: 'counselling', label: 'Counselling and pre-trial therapy' },
  { id: 'sexual_health', label: 'Sexual health' },
  { id: 'substance_misuse', label: 'Substance misuse' },
  { id: 'family_support', label: 'Family support' },
  { id: 'court_support', label: 'Court support or witness service' },
  { id: 'education_employment', label: 'Education and employment' },
] as const

export type ServiceType = (typeof SERVICE_TYPES)[number]['id']

export const REFERRAL_STATUSES = [
  { id: 'sent', label: 'Sent' },
  { id: 'accepted', label: 'Accepted' },
  { id: 'declined', label: 'Declined' },
  { id: 'active', label: 'Active' },
  { id: 'closed', label: 'Closed' },
  { id: 'withdrawn', label: 'Withdrawn' },
] as const

export type ReferralStatus = (typeof REFERRAL_STATUSES)[number]['id']

// Kept as a list so the case review can count why support ended.
export const REFERRAL_OUTCOMES = [
  { id: 'support_completed', label: 'Support completed' },
  { id: 'disengaged', label: 'The young person stopped engaging' },
  { id: 'declined_further_support', label: 'The young person declined further support' },
  { id: 'moved_area', label: 'Moved out of the area' },
  { id: 'transferred', label: 'Transferred to another service' },
  { id: 'other', label: 'Other' },
] as const

export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number]['id']

const ids = <T extends readonly { id: string }[]>(list: T) => list.map((x) => x.id) as [T[number]['id'], ...T[number]['id'][]]

export const serviceTypeLabel = (id: string) => SERVICE_TYPES.find((s) => s.id === id)?.label ?? id

// ---- making a referral --------------------------------------------------------------------------

export const ReferralInputSchema = z.object({
  organisationId: z.string({ error: 'Select the organisation to refer to' }).trim().min(1, 'Select the organisation to refer to').max(40),
  serviceType: z.enum(ids(SERVICE_TYPES), { error: 'Select the service to refer to' }),
  reason: z
    .string({ error: 'Enter why you are making the referral' })
    .trim()
    .min(1, 'Enter why you are making the referral')
    .max(2000, 'Why you are making the referral must be 2,000 characters or fewer'),
})

export type ReferralInput = z.infer<typeof ReferralInputSchema>

/** A referral may only be made to a service the receiving organisation offers (from the directory). */
export function checkServiceOffered(input: Pick<ReferralInput, 'serviceType'>, organisation: { name: string; services: readonly string[] }) {
  if (organisation.services.includes(input.serviceType)) return []
  return [
    { path: 'serviceType', message: `${organisation.name} does not offer ${serviceTypeLabel(input.serviceType).toLowerCase()}: choose a service it offers` },
  ]
}

// ---- the referral's life -----------------------------------------------------------------------

export interface Referral {
  status: ReferralStatus
  /** The organisation that made the referral (the referring side). */
  fromOrganisationId: string
  /** The organisation providing the service (the receiving side). */
  toOrganisationId: string
  sentAt: Date
  acceptedAt?: Date | null
  declinedAt?: Date | null
  declineReason?: string | null
  activeAt?: Date | null
  closedAt?: Date | null
  outcome?: ReferralOutcome | null
  outcomeDetail?: string | null
  withdrawnAt?: Date | null
  withdrawReason?: string | null
}

export type ReferralAction = 'send' | 'accept' | 'decline' | 'activate' | 'close' | 'withdraw'
type ChangeAction = Exclude<ReferralAction, 'send'>

/** Which status each action leads to, from which statuses. Declined, closed and withdrawn are final. */
export const TRANSITIONS: Record<ChangeAction, { from: readonly ReferralStatus[]; to: ReferralStatus }> = {
  accept: { from: ['sent'], to: 'accepted' },
  decline: { from: ['sent'], to: 'declined' },
  activate: { from: ['accepted'], to: 'active' },
  close: { from: ['active'], to: 'closed' },
  withdraw: { from: ['sent', 'accepted'], to: 'withdrawn' },
}

const RECEIVING_ACTIONS: readonly ReferralAction[] = ['accept', 'decline', 'activate', 'close']
const REFERRING_ACTIONS: readonly ReferralAction[] = ['send', 'withdraw']

/**
 * Whether a user of `actorOrgId` may take `action` on the referral, by side only (not by status):
 * the receiving organisation answers and runs the support, the referring side sends and withdraws.
 * A referral within one organisation makes it both sides.
 */
export function canAct(actorOrgId: string, referral: Pick<Referral, 'fromOrganisationId' | 'toOrganisationId'>, action: ReferralAction): boolean {
  if (RECEIVING_ACTIONS.includes(action) && actorOrgId === referral.toOrganisationId) return true
  return REFERRING_ACTIONS.includes(action) && actorOrgId === referral.fromOrganisationId
}

/** The actions this organisation may take now: legal from the status and allowed for its side. */
export function availableActions(actorOrgId: string, referral: Referral): ChangeAction[] {
  return (Object.keys(TRANSITIONS) as ChangeAction[]).filter((a) => TRANSITIONS[a].from.includes(referral.status) && canAct(actorOrgId, referral, a))
}

export interface TransitionInput {
  at: Date
  reason?: string | null
  outcome?: string | null
  outcomeDetail?: string | null
}

export type TransitionField = 'action' | 'at' | 'reason' | 'outcome' | 'outcomeDetail'
export type TransitionResult = { ok: true; referral: Referral } | { ok: false; field: TransitionField; message: string }

const ARTICLE_STATUS: Record<ReferralStatus, string> = {
  sent: 'A sent referral',
  accepted: 'An accepted referral',
  declined: 'A declined referral',
  active: 'An active referral',
  closed: 'A closed referral',
  withdrawn: 'A withdrawn referral',
}
const VERB: Record<ChangeAction, string> = {
  accept: 'be accepted',
  decline: 'be declined',
  activate: 'be made active',
  close: 'be closed',
  withdraw: 'be withdrawn',
}
const PAST: Record<ReferralStatus, string> = {
  sent: 'sent',
  accepted: 'accepted',
  declined: 'declined',
  active: 'made active',
  closed: 'closed',
  withdrawn: 'withdrawn',
}
// Points the user at the step they missed, where there is one.
const HINT: Partial<Record<`${ReferralStatus}:${ChangeAction}`, string>> = {
  'sent:activate': ': it must be accepted first',
  'sent:close': ': decline it, or ask the referrer to withdraw it',
  'accepted:close': ': make it active first, or ask the referrer to withdraw it',
  'active:withdraw': ': ask the receiving service to close it',
  'active:decline': ': close it with an outcome instead',
}

/** Why `action` is not allowed from the referral's status, or null when it is. */
export function illegalTransitionMessage(status: ReferralStatus, action: ChangeAction): string | null {
  const t = TRANSITIONS[action]
  if (t.from.includes(status)) return null
  if (status === t.to) return `This referral has already been ${PAST[status]}`
  return `${ARTICLE_STATUS[status]} cannot ${VERB[action]}${HINT[`${status}:${action}`] ?? ''}`
}

const lastChangeAt = (r: Referral): Date => [r.acceptedAt, r.activeAt].reduce<Date>((latest, d) => (d && d > latest ? d : latest), r.sentAt)
const text = (v: string | null | undefined) => (v ?? '').trim()

/** The referral after `action`, or the one field that is wrong. Nothing is changed when refused. */
export function transition(referral: Referral, action: ChangeAction, input: TransitionInput): TransitionResult {
  const illegal = illegalTransitionMessage(referral.status, action)
  if (illegal) return { ok: false, field: 'action', message: illegal }
  if (Number.isNaN(input.at.getTime())) return { ok: false, field: 'at', message: 'Enter a real date' }
  if (input.at.getTime() < lastChangeAt(referral).getTime()) {
    return { ok: false, field: 'at', message: `The date must be on or after the referral was ${PAST[referral.status]}` }
  }
  const at = input.at
  switch (action) {
    case 'accept':
      return { ok: true, referral: { ...referral, status: 'accepted', acceptedAt: at } }
    case 'activate':
      return { ok: true, referral: { ...referral, status: 'active', activeAt: at } }
    case 'decline': {
      const reason = text(input.reason)
      if (!reason) return { ok: false, field: 'reason', message: 'Enter why the referral is being declined' }
      if (reason.length > 1000) return { ok: false, field: 'reason', message: 'Why the referral is being declined must be 1,000 characters or fewer' }
      return { ok: true, referral: { ...referral, status: 'declined', declinedAt: at, declineReason: reason } }
    }
    case 'withdraw': {
      const reason = text(input.reason)
      if (!reason) return { ok: false, field: 'reason', message: 'Enter why the referral is being withdrawn' }
      if (reason.length > 1000) return { ok: false, field: 'reason', message: 'Why the referral is being withdrawn must be 1,000 characters or fewer' }
      return { ok: true, referral: { ...referral, status: 'withdrawn', withdrawnAt: at, withdrawReason: reason } }
    }
    case 'close': {
      const outcome = REFERRAL_OUTCOMES.find((o) => o.id === input.outcome)?.id
      if (!outcome) return { ok: false, field: 'outcome', message: 'Select the outcome of the support' }
      const detail = text(input.outcomeDetail)
      if (outcome === 'other' && !detail) return { ok: false, field: 'outcomeDetail', message: 'Enter the outcome of the support' }
      if (detail.length > 1000) return { ok: false, field: 'outcomeDetail', message: 'The outcome must be 1,000 characters or fewer' }
      return { ok: true, referral: { ...referral, status: 'closed', closedAt: at, outcome, outcomeDetail: detail || null } }
    }
  }
}

// ---- support sessions ----------------------------------------------------------------------------

export type SessionCheck = { ok: true; activate: boolean } | { ok: false; field: 'referral' | 'at'; message: string }

/**
 * Whether a support session may be logged on the referral. An accepted referral takes sessions —
 * the first session is when support starts, so the caller should make it active in the same
 * transaction (`activate: true`).
 */
export function checkSession(referral: Referral, session: { at: Date }, now: Date): SessionCheck {
  switch (referral.status) {
    case 'sent':
      return { ok: false, field: 'referral', message: 'The referral must be accepted before sessions can be logged' }
    case 'declined':
    case 'closed':
    case 'withdrawn':
      return { ok: false, field: 'referral', message: `Sessions cannot be logged on a ${referral.status} referral` }
  }
  if (Number.isNaN(session.at.getTime())) return { ok: false, field: 'at', message: 'Enter a real date for the session' }
  // A session date with no time is the start of its day (UTC), as for contacts: today is never "in the future",
  // and a session on the day the referral was sent is never "before" it.
  if (session.at.getTime() > Math.max(now.getTime(), todayInLondon(now).getTime())) {
    return { ok: false, field: 'at', message: 'The date of the session must be today or in the past' }
  }
  if (londonDateOf(session.at) < londonDateOf(referral.sentAt)) {
    return { ok: false, field: 'at', message: 'The date of the session must be on or after the referral was sent' }
  }
  return { ok: true, activate: referral.status === 'accepted' }
}

// ---- sharing: consent or a recorded lawful basis ---------------------------------------------------

/** A consent row (prisma model Consent): either consent (`givenBy`) or a lawful basis used without it. */
export interface ConsentRecord {
  id: string
  scope: string
  /** Free text naming an organisation or role, e.g. "Northmoor Police OIC". */
  sharedWith: string
  givenBy: string | null
  lawfulBasis: string | null
  recordedAt: Date
  withdrawnAt: Date | null
}

export type SharingBasis = { ok: true; basis: 'consent' | 'lawful_basis'; consentId: string; scope: string } | { ok: false; reason: string }

const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()

/**
 * Whether a record's "shared with" names the organisation: its id, or its full name as whole words
 * ("Northmoor Police OIC" names "Northmoor Police"). A generic phrase such as "partner agencies"
 * names no one, so it does not cover a referral: consent must name who will receive the information.
 */
export function namesOrganisation(sharedWith: string, organisation: { id: string; name: string }): boolean {
  if (sharedWith.trim() === organisation.id) return true
  const name = normalise(organisation.name)
  return name.length > 0 && ` ${normalise(sharedWith)} `.includes(` ${name} `)
}

const londonDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' })

/**
 * Does consent, or a recorded lawful basis, cover sharing with the receiving organisation as of `now`?
 * Consent is preferred to a lawful basis when both exist, and the newest record of a kind wins.
 * Withdrawn consent never counts, whatever the withdrawal time (a clock running a little behind must
 * not revive it); a record made after `now` does not count yet.
 */
export function sharingBasisFor(consents: readonly ConsentRecord[], receivingOrganisation: { id: string; name: string }, now: Date): SharingBasis {
  const org = receivingOrganisation
  const known = consents.filter((c) => c.recordedAt.getTime() <= now.getTime() && (c.givenBy || c.lawfulBasis))
  const forOrg = known.filter((c) => namesOrganisation(c.sharedWith, org))
  const live = forOrg.filter((c) => !c.withdrawnAt).sort((a, b) => b.recordedAt.getTime() - a.recordedAt.getTime())
  const found = live.find((c) => c.givenBy) ?? live.find((c) => c.lawfulBasis)
  if (found) return { ok: true, basis: found.givenBy ? 'consent' : 'lawful_basis', consentId: found.id, scope: found.scope }

  const withdrawn = forOrg.flatMap((c) => (c.withdrawnAt ? [{ record: c, at: c.withdrawnAt }] : [])).sort((a, b) => b.at.getTime() - a.at.getTime())[0]
  if (withdrawn) {
    const what = withdrawn.record.givenBy ? 'Consent to share information with' : 'The lawful basis for sharing information with'
    return {
      ok: false,
      reason: `${what} ${org.name} was withdrawn on ${londonDate.format(withdrawn.at)}. Record new consent, or a lawful basis for sharing without it, before referring.`,
    }
  }
  const others = [...new Set(known.filter((c) => !c.withdrawnAt).map((c) => c.sharedWith.trim()))]
  if (others.length) {
    return {
      ok: false,
      reason: `The consent and lawful bases recorded cover sharing with ${others.join('; ')}, not ${org.name}. Record consent, or a lawful basis for sharing without it, that names ${org.name} before referring.`,
    }
  }
  return {
    ok: false,
    reason: `No consent or lawful basis for sharing this victim’s information is recorded. Record consent, or a lawful basis for sharing without it, that names ${org.name} before referring.`,
  }
}
