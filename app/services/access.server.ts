// Loads the facts the access policy (app/domain/access/policy.ts) needs and turns its answers into
// thrown Responses, plus the Prisma filters that list pages use. The filters express the same rules
// as the pure policy so that lists are indexed queries; tests/integration/access-policy.test.ts
// checks the two agree for every role and record.
import {
  canUpdateCase,
  canUpdateVictim,
  canViewCaseThroughVictim,
  canViewVictim,
  canViewVictimContactDetails,
  hasReferralOnlyAccess,
  REFERRAL_ACCESS_STATUSES,
  type Actor,
  type CaseFacts,
  type VictimFacts,
} from '~/domain/access/policy'
import type { Prisma } from '~/generated/prisma/client'
import { audit } from './audit.server'
import { forbidden, notFound } from './auth.server'
import { db } from './db.server'
import { cachedRead } from './read-cache.server'

const ACTIVE = { endedAt: null }
const NOTHING = { id: { in: [] as string[] } }

const allocationSelect = { where: ACTIVE, select: { userId: true, organisationId: true } } as const
const caseFactsSelect = {
  id: true,
  policeOrganisationId: true,
  cpsOrganisationId: true,
  witnessCareOrganisationId: true,
  sentToCpsAt: true,
  allocations: allocationSelect,
} as const

type CaseFactsRow = Prisma.CaseGetPayload<{ select: typeof caseFactsSelect }>

function toCaseFacts(c: CaseFactsRow): CaseFacts {
  return {
    id: c.id,
    policeOrganisationId: c.policeOrganisationId,
    cpsOrganisationId: c.cpsOrganisationId,
    witnessCareOrganisationId: c.witnessCareOrganisationId,
    sentToCps: c.sentToCpsAt !== null,
    allocations: c.allocations,
  }
}

const victimFactsSelect = {
  id: true,
  restricted: true,
  allocations: allocationSelect,
  cases: { select: { case: { select: caseFactsSelect } } },
  referrals: { where: { status: { in: REFERRAL_ACCESS_STATUSES as unknown as string[] } }, select: { toOrganisationId: true, status: true } },
} as const

type VictimFactsRow = Prisma.VictimGetPayload<{ select: typeof victimFactsSelect }>

function toVictimFacts(v: VictimFactsRow): VictimFacts {
  return {
    id: v.id,
    restricted: v.restricted,
    allocations: v.allocations,
    cases: v.cases.map((vc) => toCaseFacts(vc.case)),
    referrals: v.referrals,
  }
}

export function loadVictimFacts(victimId: string): Promise<VictimFacts | null> {
  // Facts do not depend on who asks: one load serves every section of a page (read-cache.server.ts).
  return cachedRead(`victim-facts:${victimId}`, async () => {
    const prisma = await db()
    const row = await prisma.victim.findUnique({ where: { id: victimId }, select: victimFactsSelect })
    return row ? toVictimFacts(row) : null
  })
}

export async function loadCaseFacts(caseId: string): Promise<{ facts: CaseFacts; victims: VictimFacts[] } | null> {
  const prisma = await db()
  const row = await prisma.case.findUnique({
    where: { id: caseId },
    select: { ...caseFactsSelect, victims: { select: { victim: { select: victimFactsSelect } } } },
  })
  if (!row) return null
  return { facts: toCaseFacts(row), victims: row.victims.map((vc) => toVictimFacts(vc.victim)) }
}

export interface VictimAccess {
  facts: VictimFacts
  canUpdate: boolean
  canSeeContactDetails: boolean
  /** Visible only through a referral to the user's organisation: view only, no visits. */
  referralOnly: boolean
}

/**
 * Throws 404 when the victim does not exist or the user has no reason to see it (the same answer,
 * so a URL cannot be used to learn that a record exists), 403 when they may see but not change it.
 */
export async function requireVictimAccess(actor: Actor, victimId: string, action: 'view' | 'update' = 'view'): Promise<VictimAccess> {
  const facts = await loadVictimFacts(victimId)
  if (!facts) throw notFound()
  if (!canViewVictim(actor, facts)) throw await refused(actor, 'victim', victimId, action, notFound())
  const access = {
    facts,
    canUpdate: canUpdateVictim(actor, facts),
    canSeeContactDetails: canViewVictimContactDetails(actor, facts),
    referralOnly: hasReferralOnlyAccess(actor, facts),
  }
  if (action === 'update' && !access.canUpdate) throw await refused(actor, 'victim', victimId, action, forbidden())
  return access
}

export interface CaseAccess {
  facts: CaseFacts
  victims: VictimFacts[]
  canUpdate: boolean
  /** Victims on the case this user may open (restricted ones may be hidden). */
  visibleVictimIds: Set<string>
}

export async function requireCaseAccess(actor: Actor, caseId: string, action: 'view' | 'update' = 'view'): Promise<CaseAccess> {
  const loaded = await loadCaseFacts(caseId)
  if (!loaded) throw notFound()
  if (!canViewCaseThroughVictim(actor, loaded.facts, loaded.victims)) throw await refused(actor, 'case', caseId, action, notFound())
  const access = {
    ...loaded,
    canUpdate: canUpdateCase(actor, loaded.facts),
    visibleVictimIds: new Set(loaded.victims.filter((v) => canViewVictim(actor, v)).map((v) => v.id)),
  }
  if (action === 'update' && !access.canUpdate) throw await refused(actor, 'case', caseId, action, forbidden())
  return access
}

/**
 * Someone asked for a record that exists but is not theirs to see or change: the audit log keeps
 * the attempt, while the user gets the same answer as for a record that does not exist.
 */
export async function refused(actor: Actor, entityType: string, entityId: string, action: 'view' | 'update', answer: Response): Promise<Response> {
  await audit({ actor: auditActor(actor), action: `${entityType}.${action}.refused`, entityType, entityId })
  return answer
}

/** A page that shows a victim's or a case's details (a form under the record, too) audits the view. */
export async function auditView(actor: Actor, entityType: 'victim' | 'case', entityId: string, page: string, ip?: string | null) {
  await audit({ actor: auditActor(actor), action: `${entityType}.view`, entityType, entityId, ip: ip ?? null, details: { page } })
}

// Services are handed the signed-in user, who has an email; the policy's Actor does not need one.
const auditActor = (actor: Actor) => ({ id: actor.id, email: 'email' in actor && typeof actor.email === 'string' ? actor.email : null })

// ---- List filters: the same rules as policy.ts, as Prisma where-clauses ------------------------

function cpsReaches(actor: Actor): Prisma.CaseWhereInput {
  return {
    sentToCpsAt: { not: null },
    OR: [{ cpsOrganisationId: actor.organisationId }, { witnessCareOrganisationId: actor.organisationId }],
  }
}

/** Cases the actor can see in their own right (not through a victim). */
function directCaseWhere(actor: Actor): Prisma.CaseWhereInput {
  switch (actor.role) {
    case 'officer':
      return { policeOrganisationId: actor.organisationId, allocations: { some: { ...ACTIVE, userId: actor.id } } }
    case 'cps_liaison':
      return cpsReaches(actor)
    case 'manager':
      return { OR: [{ policeOrganisationId: actor.organisationId }, cpsReaches(actor)] }
    case 'advocate':
    case 'admin':
      return NOTHING
  }
}

/** Unrestricted victims referred to the actor's organisation (advocates and managers): referral-only access. */
function referredWhere(actor: Actor): Prisma.VictimWhereInput {
  return { referrals: { some: { toOrganisationId: actor.organisationId, status: { in: [...REFERRAL_ACCESS_STATUSES] } } } }
}

/**
 * The list filter for victims the actor may see. `referred: false` leaves out victims seen only
 * because they were referred to the actor's organisation (its own records, for team totals).
 */
export function victimWhere(actor: Actor, { referred = true }: { referred?: boolean } = {}): Prisma.VictimWhereInput {
  const throughReferral: Prisma.VictimWhereInput[] = referred ? [referredWhere(actor)] : []
  const explicitlyAllocated: Prisma.VictimWhereInput = { allocations: { some: { ...ACTIVE, userId: actor.id } } }
  let unrestricted: Prisma.VictimWhereInput
  switch (actor.role) {
    case 'admin':
      return NOTHING
    case 'advocate':
      unrestricted = {
        OR: [{ allocations: { some: { ...ACTIVE, OR: [{ userId: actor.id }, { organisationId: actor.organisationId }] } } }, ...throughReferral],
      }
      break
    case 'manager':
      unrestricted = {
        OR: [
          { allocations: { some: { ...ACTIVE, organisationId: actor.organisationId } } },
          { cases: { some: { case: directCaseWhere(actor) } } },
          ...throughReferral,
        ],
      }
      break
    case 'officer':
    case 'cps_liaison':
      unrestricted = { OR: [explicitlyAllocated, { cases: { some: { case: directCaseWhere(actor) } } }] }
      break
  }
  return { OR: [{ restricted: false, ...unrestricted }, { restricted: true, ...explicitlyAllocated }] }
}

export function caseWhere(actor: Actor, options: { referred?: boolean } = {}): Prisma.CaseWhereInput {
  const throughVictim: Prisma.CaseWhereInput = { victims: { some: { victim: victimWhere(actor, options) } } }
  if (actor.role === 'advocate') return throughVictim
  if (actor.role === 'manager') return { OR: [directCaseWhere(actor), throughVictim] }
  return directCaseWhere(actor)
}
