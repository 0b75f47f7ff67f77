// The authorisation matrix's world (tests/integration/authorisation-matrix.test.ts): organisations
// of every kind on two sides (A, whose users ask, and B, "another organisation"), a user of each
// role on side A, and for each record route three records — side A's own, side B's, and a
// restricted victim of side A that none of the asking users is allocated to — with the records
// that hang off each victim (entitlement, complaint, missing episode, intelligence item, referral …).
import { db } from '~/services/db.server'
import { pendingSessionCookieFor, sessionCookieFor } from '../app-harness'
import { actor } from '../actors'
import { createComplaint, createFailedEmail, createIntelligenceItem, createMissingEpisode, createReferral, createShareRequest, createVisit } from './casework'
import { createOrganisationOfEachKind, createUser } from './people'
import { arrestEntitlement, createVictimOnCase, recordArrest } from './records'

/** Who asks: no session, a session still owing its second factor, and a signed-in user of each role (side A). */
export const ASKERS = ['anonymous', 'pending', 'advocate', 'officer', 'cps_liaison', 'manager', 'police_manager', 'admin'] as const
export type Asker = (typeof ASKERS)[number]
export type UserAsker = Exclude<Asker, 'anonymous' | 'pending'>

/** Whose record: side A's own, side B's, side A's restricted victim (and what hangs off it); 'none' for routes without a record. */
export const CONTEXTS = ['own', 'other', 'restricted'] as const
export type RecordContext = (typeof CONTEXTS)[number]

type PerContext = Record<RecordContext, string>
type Person = Awaited<ReturnType<typeof createUser>>

export interface MatrixWorld {
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

/** A victim on a case with an arrest recorded, so the victim has an entitlement (Right 6) to complain about. */
async function arrestedVictim(opts: { police: string; cps?: string; witnessCare?: string; officer: Person; advocate: Person; service: string; restricted?: boolean }) {
  const { victimId, caseId } = await createVictimOnCase({
    case: { policeOrganisationId: opts.police, cpsOrganisationId: opts.cps ?? null, witnessCareOrganisationId: opts.witnessCare ?? null },
    victim: { restricted: opts.restricted ?? false },
    officerId: opts.officer.id,
    advocateId: opts.advocate.id,
    serviceId: opts.service,
  })
  await recordArrest(actor(opts.officer), caseId)
  return { victimId, caseId, entitlementId: (await arrestEntitlement(victimId)).id }
}

/** The records that hang off a victim: a complaint, a missing episode, an intelligence item, a referral and a visit with a disclosure. */
async function childRecords(victim: { victimId: string; entitlementId: string }, author: Person, police: string, referTo: string) {
  const { victimId } = victim
  const by = { victimId, organisationId: author.organisationId, recordedById: author.id }
  const complaint = await createComplaint({ victimId, entitlementId: victim.entitlementId, recordedById: author.id })
  const episode = await createMissingEpisode(by)
  const item = await createIntelligenceItem({ victimId, missingEpisodeId: episode.id, policeOrganisationId: police, authorId: author.id, authorOrganisationId: author.organisationId })
  const referral = await createReferral({ victimId, fromOrganisationId: author.organisationId, toOrganisationId: referTo, referredById: author.id })
  const visit = await createVisit({ ...by, disclosure: 'new_offence_or_suspect', disclosureNotes: 'An invented disclosure.' })
  return { complaintId: complaint.id, episodeId: episode.id, itemId: item.id, referralId: referral.id, visitId: visit.id }
}

export async function buildMatrixWorld(): Promise<MatrixWorld> {
  const prisma = await db()
  const a = await createOrganisationOfEachKind('Matrix A')
  const b = await createOrganisationOfEachKind('Matrix B')
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

  const own = await arrestedVictim({ police: a.police, cps: a.cps, witnessCare: a.witness_care, officer: users.officer, advocate: users.advocate, service: a.voluntary })
  const other = await arrestedVictim({ police: b.police, cps: b.cps, witnessCare: b.witness_care, officer: officerB, advocate: advocateB, service: b.voluntary })
  // Restricted: held by side A's service and force, but allocated to colleagues only — and its case is not sent to CPS.
  const restricted = await arrestedVictim({ police: a.police, officer: officerA2, advocate: advocateA2, service: a.voluntary, restricted: true })

  const ownChildren = await childRecords(own, users.advocate, a.police, b.voluntary)
  const otherChildren = await childRecords(other, advocateB, b.police, b.local_authority)
  const restrictedChildren = await childRecords(restricted, advocateA2, a.police, b.voluntary)

  // A signed-off review on every case (the review page needs one; a signed-off one is not recomputed from the journal).
  for (const caseId of [own.caseId, other.caseId, restricted.caseId]) {
    await prisma.caseReview.create({
      data: { caseId, status: 'signed_off', finalisedAt: new Date(), outcome: 'guilty_plea', factors: {}, signedOffAt: new Date(), signedOffById: users.cps_liaison.id },
    })
  }
  const hidden = (id: string) => prisma.victim.findUniqueOrThrow({ where: { id }, select: { lastName: true, reference: true } })
  const [otherVictim, restrictedVictim] = [await hidden(other.victimId), await hidden(restricted.victimId)]

  const email = await createFailedEmail({ to: spare.email, subject: 'Choose your password', template: 'set-password', attempts: 5 })

  const cookies: MatrixWorld['cookies'] = { anonymous: undefined, pending: undefined } as MatrixWorld['cookies']
  for (const [asker, user] of Object.entries(users)) cookies[asker as UserAsker] = await sessionCookieFor(user.id)
  cookies.pending = await pendingSessionCookieFor(pendingUser.id)

  const per = <K extends string>(key: K, o: Record<K, string>, t: Record<K, string>, r: Record<K, string>): PerContext => ({ own: o[key], other: t[key], restricted: r[key] })
  const versions = async (ids: PerContext, table: 'intelligenceItem' | 'referral') => {
    const out = {} as PerContext
    for (const ctx of CONTEXTS) {
      const row = table === 'referral' ? await prisma.referral.findUniqueOrThrow({ where: { id: ids[ctx] } }) : await prisma.intelligenceItem.findUniqueOrThrow({ where: { id: ids[ctx] } })
      out[ctx] = String(row.version)
    }
    return out
  }
  const share = async (kind: 'police_report' | 'access', victimId: string, from: Person, to: string) =>
    (await createShareRequest({ kind, victimId, fromOrganisationId: from.organisationId, toOrganisationId: to, requestedById: from.id })).id
  const shareRequest: PerContext = {
    own: await share('police_report', own.victimId, users.advocate, a.police),
    other: await share('police_report', other.victimId, advocateB, b.police),
    restricted: await share('access', restricted.victimId, advocateB, a.voluntary),
  }
  const intelligence = per('itemId', ownChildren, otherChildren, restrictedChildren)
  const referral = per('referralId', ownChildren, otherChildren, restrictedChildren)
  return {
    cookies,
    users: Object.fromEntries(Object.entries(users).map(([k, u]) => [k, { id: u.id, organisationId: u.organisationId }])) as MatrixWorld['users'],
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

/** Row counts (and summed versions, which move on every update) of the tables a request could write. */
export async function footprint(): Promise<Record<string, number>> {
  const prisma = await db()
  const tables = [
    'Organisation', 'User', 'Victim', 'Case', 'VictimCase', 'Allocation', 'Consent', 'Contact', 'Visit', 'Defendant', 'JourneyEvent',
    'Complaint', 'MissingEpisode', 'IntelligenceItem', 'Referral', 'SupportSession', 'SupportService', 'CaseReview', 'OutboxEmail',
    'BankHoliday', 'RuleDeadlineOverride', 'VisitPolicySetting', 'NotificationPreference', 'AuditEvent',
  ]
  const versioned = ['Victim', 'Case', 'Complaint', 'MissingEpisode', 'IntelligenceItem', 'Referral']
  // A refused attempt on a record that exists is audited as a refusal; that is the one row it may write.
  const counted = (t: string) => (t === 'AuditEvent' ? `"AuditEvent" WHERE action NOT LIKE '%.refused'` : `"${t}"`)
  const columns = [
    ...tables.map((t) => `(SELECT count(*) FROM ${counted(t)})::int AS "${t}"`),
    ...versioned.map((t) => `(SELECT coalesce(sum(version), 0) FROM "${t}")::int AS "${t}.version"`),
  ]
  const [row] = await prisma.$queryRawUnsafe<Record<string, number>[]>(`SELECT ${columns.join(', ')}`)
  return row!
}
