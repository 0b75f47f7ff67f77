// The authorisation matrix's one fixture: organisations of every kind on two sides (A, whose users
// ask, and B, "another organisation"), a user of each role on side A, and for each record route
// three records — side A's own, side B's, and a restricted victim of side A that none of the
// asking users is allocated to — with the child records routes need (entitlement, complaint,
// missing episode, intelligence item, referral, outbox email …).
import type { OrganisationKind } from '~/generated/prisma/client'
import { db } from '~/services/db.server'
import { recordJourneyEvent } from '~/services/journal.server'
import { sessionCookieFor } from '#tests/setup/app-harness'
import { allocate, createCase, createOrganisation, createUser, createVictim } from '#tests/setup/factories'

/** Who asks: no session, a session still owing its second factor, and a signed-in user of each role (side A). */
export const ASKERS = ['anonymous', 'pending', 'advocate', 'officer', 'cps_liaison', 'manager', 'police_manager', 'admin'] as const
export type Asker = (typeof ASKERS)[number]
export type UserAsker = Exclude<Asker, 'anonymous' | 'pending'>

/** Whose record: side A's own, side B's, side A's restricted victim (and what hangs off it); 'none' for routes without a record. */
export const CONTEXTS = ['own', 'other', 'restricted'] as const
export type RecordContext = (typeof CONTEXTS)[number]

type PerContext = Record<RecordContext, string>

export interface World {
  cookies: Record<Asker, string | undefined>
  users: Record<UserAsker, { id: string; organisationId: string }>
  /** A user of side B that admin routes act on (never one who asks). */
  spareUserId: string
  otherOrganisationId: string
  victim: PerContext
  case: PerContext
  entitlement: PerContext
  complaint: PerContext
  episode: PerContext
  intelligence: PerContext
  intelligenceVersion: PerContext
  referral: PerContext
  referralVersion: PerContext
  /** A sharing request per record: own, side A's service sharing with side A's force; other, side B's; restricted, side B asking side A for access. */
  shareRequest: PerContext
  /** A visit per record with a disclosure for the police to record on the case (the intelligence queue's action). */
  disclosureVisit: PerContext
  outboxEmailId: string
  /**
   * Never in any answer: another organisation's victim's name and reference, and the restricted victim's name. (The
   * restricted victim's reference may reach the force its intelligence and disclosures were sent to: a handle to
   * the case, not who the child is — docs/decisions/0012-authorisation-matrix.md.)
   */
  secrets: string[]
}

const KINDS: OrganisationKind[] = ['police', 'cps', 'witness_care', 'voluntary', 'local_authority']

async function side(label: string) {
  const org = {} as Record<OrganisationKind, string>
  for (const kind of KINDS) org[kind] = (await createOrganisation({ kind, name: `Matrix ${label} ${kind}` })).id
  return org
}

/** A victim on a case with an arrest recorded, so the victim has an entitlement (Right 6) to complain about. */
async function victimOnCase(opts: { police: string; cps?: string; witnessCare?: string; officerId: string; advocateId: string; service: string; restricted?: boolean }) {
  const prisma = await db()
  const c = await createCase({ policeOrganisationId: opts.police, cpsOrganisationId: opts.cps ?? null, witnessCareOrganisationId: opts.witnessCare ?? null })
  const v = await createVictim({ caseIds: [c.id], restricted: opts.restricted ?? false })
  await allocate({ caseId: c.id, userId: opts.officerId, kind: 'oic' })
  await allocate({ victimId: v.id, userId: opts.advocateId, kind: 'lead_advocate' })
  await allocate({ victimId: v.id, organisationId: opts.service, kind: 'service' })
  const suspect = await prisma.defendant.create({ data: { caseId: c.id, label: 'Suspect A' } })
  const officer = await prisma.user.findUniqueOrThrow({ where: { id: opts.officerId } })
  const arrest = { type: 'suspect_arrested', occurredAt: new Date(Date.now() - 20 * 86_400_000), defendantId: suspect.id, details: {} }
  const recorded = await recordJourneyEvent({ ...officer, role: 'officer' }, c.id, arrest, `matrix-arrest-${v.id}`, '127.0.0.1')
  if (!recorded.ok) throw new Error('matrix world: the arrest was not recorded')
  const entitlement = await prisma.entitlement.findFirstOrThrow({ where: { victimId: v.id, ruleId: 'r06_suspect_arrested' } })
  return { victimId: v.id, caseId: c.id, entitlementId: entitlement.id }
}

/** The records that hang off a victim: a complaint, a missing episode, an intelligence item and a referral. */
async function childRecords(victimId: string, entitlementId: string, author: { id: string; organisationId: string }, police: string, referTo: string) {
  const prisma = await db()
  const complaint = await prisma.complaint.create({
    data: { entitlementId, victimId, receivedAt: new Date(Date.now() - 5 * 86_400_000), summary: 'Not told of the arrest in time.', recordedById: author.id },
  })
  const episode = await prisma.missingEpisode.create({
    data: {
      victimId,
      organisationId: author.organisationId,
      recordedById: author.id,
      missingFrom: new Date(Date.now() - 3 * 86_400_000),
      reportedToPolice: true,
      idempotencyKey: `matrix-episode-${victimId}`,
    },
  })
  const item = await prisma.intelligenceItem.create({
    data: {
      victimId,
      missingEpisodeId: episode.id,
      policeOrganisationId: police,
      authorId: author.id,
      authorOrganisationId: author.organisationId,
      subject: 'A car seen at the park',
      detail: 'An invented detail for the authorisation matrix.',
      sourceEvaluation: 'B',
      intelligenceAssessment: '2',
      handlingCode: 'P',
    },
  })
  const consent = await prisma.consent.create({ data: { victimId, scope: 'referral', sharedWith: 'support services', recordedById: author.id } })
  const referral = await prisma.referral.create({
    data: {
      victimId,
      fromOrganisationId: author.organisationId,
      toOrganisationId: referTo,
      serviceType: 'counselling',
      reason: 'Support through court.',
      referredById: author.id,
      sharingBasis: 'consent',
      consentId: consent.id,
      sentAt: new Date(),
      idempotencyKey: `matrix-referral-${victimId}`,
    },
  })
  const visit = await prisma.visit.create({
    data: {
      victimId,
      organisationId: author.organisationId,
      recordedById: author.id,
      status: 'completed',
      at: new Date(Date.now() - 2 * 86_400_000),
      placeType: 'home',
      purpose: 'welfare',
      disclosure: 'new_offence_or_suspect',
      disclosureNotes: 'An invented disclosure for the authorisation matrix.',
      idempotencyKey: `matrix-visit-${victimId}`,
    },
  })
  return { complaintId: complaint.id, episodeId: episode.id, itemId: item.id, referralId: referral.id, visitId: visit.id }
}

export async function buildWorld(): Promise<World> {
  const prisma = await db()
  const a = await side('A')
  const b = await side('B')
  const users = {
    advocate: await createUser({ role: 'advocate', organisationId: a.voluntary }),
    officer: await createUser({ role: 'officer', organisationId: a.police }),
    cps_liaison: await createUser({ role: 'cps_liaison', organisationId: a.cps }),
    manager: await createUser({ role: 'manager', organisationId: a.voluntary }),
    police_manager: await createUser({ role: 'manager', organisationId: a.police }),
    admin: await createUser({ role: 'admin', organisationId: a.local_authority }),
  }
  // Colleagues on side A who hold the restricted victim, and side B's own people.
  const advocateA2 = await createUser({ role: 'advocate', organisationId: a.voluntary })
  const officerA2 = await createUser({ role: 'officer', organisationId: a.police })
  const advocateB = await createUser({ role: 'advocate', organisationId: b.voluntary })
  const officerB = await createUser({ role: 'officer', organisationId: b.police })
  const spare = await createUser({ role: 'advocate', organisationId: b.voluntary })
  const pendingUser = await createUser({ role: 'advocate', organisationId: a.voluntary })

  const own = await victimOnCase({ police: a.police, cps: a.cps, witnessCare: a.witness_care, officerId: users.officer.id, advocateId: users.advocate.id, service: a.voluntary })
  const other = await victimOnCase({ police: b.police, cps: b.cps, witnessCare: b.witness_care, officerId: officerB.id, advocateId: advocateB.id, service: b.voluntary })
  // Restricted: held by side A's service and force, but allocated to colleagues only — and its case is not sent to CPS.
  const restricted = await victimOnCase({ police: a.police, officerId: officerA2.id, advocateId: advocateA2.id, service: a.voluntary, restricted: true })

  const ownChildren = await childRecords(own.victimId, own.entitlementId, users.advocate, a.police, b.voluntary)
  const otherChildren = await childRecords(other.victimId, other.entitlementId, advocateB, b.police, b.local_authority)
  const restrictedChildren = await childRecords(restricted.victimId, restricted.entitlementId, advocateA2, a.police, b.voluntary)

  // A signed-off review on every case (the review page needs one; a signed-off one is not recomputed from the journal).
  for (const caseId of [own.caseId, other.caseId, restricted.caseId]) {
    await prisma.caseReview.create({
      data: { caseId, status: 'signed_off', finalisedAt: new Date(), outcome: 'guilty_plea', factors: {}, signedOffAt: new Date(), signedOffById: users.cps_liaison.id },
    })
  }
  const hidden = (id: string) => prisma.victim.findUniqueOrThrow({ where: { id }, select: { lastName: true, reference: true } })
  const [otherVictim, restrictedVictim] = [await hidden(other.victimId), await hidden(restricted.victimId)]

  const email = await prisma.outboxEmail.create({
    data: { dedupeKey: `matrix-${spare.id}`, to: spare.email, subject: 'Choose your password', template: 'set-password', status: 'failed', attempts: 5 },
  })

  const cookies: World['cookies'] = { anonymous: undefined, pending: undefined } as World['cookies']
  for (const [asker, user] of Object.entries(users)) cookies[asker as UserAsker] = await sessionCookieFor(user.id)
  cookies.pending = await pendingCookieFor(pendingUser.id)

  const per = <K extends string>(key: K, o: Record<K, string>, t: Record<K, string>, r: Record<K, string>): PerContext => ({ own: o[key], other: t[key], restricted: r[key] })
  const versions = async (ids: PerContext, table: 'intelligenceItem' | 'referral') => {
    const out = {} as PerContext
    for (const ctx of ['own', 'other', 'restricted'] as const) {
      const row = table === 'referral' ? await prisma.referral.findUniqueOrThrow({ where: { id: ids[ctx] } }) : await prisma.intelligenceItem.findUniqueOrThrow({ where: { id: ids[ctx] } })
      out[ctx] = String(row.version)
    }
    return out
  }
  const share = async (kind: 'police_report' | 'access', victimId: string, from: { id: string; organisationId: string }, to: string) =>
    (
      await prisma.shareRequest.create({
        data: { kind, victimId, fromOrganisationId: from.organisationId, toOrganisationId: to, requestedById: from.id, reason: 'Matrix: a request.', idempotencyKey: `matrix-share-${victimId}` },
      })
    ).id
  const shareRequest: PerContext = {
    own: await share('police_report', own.victimId, users.advocate, a.police),
    other: await share('police_report', other.victimId, advocateB, b.police),
    restricted: await share('access', restricted.victimId, advocateB, a.voluntary),
  }
  const intelligence = per('itemId', ownChildren, otherChildren, restrictedChildren)
  const referral = per('referralId', ownChildren, otherChildren, restrictedChildren)
  return {
    cookies,
    users: Object.fromEntries(Object.entries(users).map(([k, u]) => [k, { id: u.id, organisationId: u.organisationId }])) as World['users'],
    spareUserId: spare.id,
    otherOrganisationId: b.voluntary,
    victim: per('victimId', own, other, restricted),
    case: per('caseId', own, other, restricted),
    entitlement: per('entitlementId', own, other, restricted),
    complaint: per('complaintId', ownChildren, otherChildren, restrictedChildren),
    episode: per('episodeId', ownChildren, otherChildren, restrictedChildren),
    intelligence,
    intelligenceVersion: await versions(intelligence, 'intelligenceItem'),
    referral,
    referralVersion: await versions(referral, 'referral'),
    shareRequest,
    disclosureVisit: per('visitId', ownChildren, otherChildren, restrictedChildren),
    outboxEmailId: email.id,
    secrets: [otherVictim.lastName, otherVictim.reference, restrictedVictim.lastName],
  }
}

/** A session that signed in with a password but still owes its second factor. */
async function pendingCookieFor(userId: string): Promise<string> {
  const { createSession } = await import('~/services/session.server')
  const { setCookie } = await createSession({ userId, ip: '127.0.0.1', userAgent: 'matrix', twoFactorPending: true })
  return setCookie.split(';')[0]!
}

/** Row counts (and summed versions, which move on every update) of the tables a request could write. */
export async function footprint(): Promise<Record<string, number>> {
  const prisma = await db()
  const tables = [
    'Organisation', 'User', 'Victim', 'Case', 'VictimCase', 'Allocation', 'Consent', 'Contact', 'Visit', 'Defendant', 'JourneyEvent',
    'Complaint', 'MissingEpisode', 'IntelligenceItem', 'Referral', 'SupportSession', 'SupportService', 'CaseReview', 'OutboxEmail',
    'BankHoliday', 'RuleDeadlineOverride', 'VisitPolicySetting', 'NotificationPreference', 'AuditEvent',
  ]
  const versioned = ['Victim', 'Case', 'Complaint', 'MissingEpisode', 'IntelligenceItem', 'Referral']
  const columns = [
    ...tables.map((t) => `(SELECT count(*) FROM "${t}")::int AS "${t}"`),
    ...versioned.map((t) => `(SELECT coalesce(sum(version), 0) FROM "${t}")::int AS "${t}.version"`),
  ]
  const [row] = await prisma.$queryRawUnsafe<Record<string, number>[]>(`SELECT ${columns.join(', ')}`)
  return row!
}
