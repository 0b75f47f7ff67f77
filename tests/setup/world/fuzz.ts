// The action fuzzer's world (tests/integration/fuzz-actions.test.ts): one of each record an action
// works on, held by organisations whose users are allowed to act on it, so a fuzzed request gets
// past authorisation to validation and the services.
import { createHash, randomBytes } from 'node:crypto'
import { db } from '~/services/db.server'
import { recordJourneyEvent } from '~/services/journal.server'
import { createSession } from '~/services/session.server'
import { actor } from '../actors'
import { createComplaint, createConsent, createFailedEmail, createIntelligenceItem, createMissingEpisode, createReferral, createShareRequest, createVisit } from './casework'
import { createOrganisation, createTeam, createUser, unique } from './people'
import { allocate, arrestEntitlement, createCase, createVictimOnCase, recordArrest } from './records'

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000)

export type FuzzWorld = Awaited<ReturnType<typeof buildFuzzWorld>>

export async function buildFuzzWorld() {
  const prisma = await db()
  const team = await createTeam()
  const { police, cpsOrg, service, officer, cps, advocate } = team
  const provider = await createOrganisation({ kind: 'voluntary', name: `Fuzz Provider ${unique()}` })
  const manager = await createUser({ role: 'manager', organisationId: service.id })
  const receiver = await createUser({ role: 'advocate', organisationId: provider.id })
  const admin = await createUser({ role: 'admin' })
  // Someone for the account pages and the administrator's user pages to change without locking
  // out the people the other actions are fuzzed as.
  const self = await createUser({ role: 'advocate', organisationId: service.id })
  // A second session, so the account page offers to sign out the others.
  await createSession({ userId: self.id, ip: '127.0.0.1', userAgent: 'fuzz other device', twoFactorPending: false })
  const target = await createUser({ role: 'advocate', organisationId: service.id })
  const resetUser = await createUser({ role: 'advocate', organisationId: service.id })
  const opsUser = await createUser({ role: 'officer', organisationId: police.id, totpSecret: 'JBSWY3DPEHPK3PXP' })
  const twoFactorUser = await createUser({ role: 'officer', organisationId: police.id, totpSecret: 'JBSWY3DPEHPK3PXP' })
  // What the administrator's organisation pages change (two-factor required, visit policy, services).
  const spare = await createOrganisation({ kind: 'voluntary', name: `Fuzz Spare ${unique()}` })

  const held = { officerId: officer.id, advocateId: advocate.id }
  const { victim, caseId } = await createVictimOnCase({ case: { policeOrganisationId: police.id, cpsOrganisationId: cpsOrg.id }, ...held, serviceId: service.id })
  const kase = await prisma.case.findUniqueOrThrow({ where: { id: caseId } })
  // Records of their own for actions that can take a user's access away (ending an allocation) or
  // close the record, so the other actions keep theirs.
  const ownCase = await createCase({ policeOrganisationId: police.id, cpsOrganisationId: cpsOrg.id })
  const ownVictim = (await createVictimOnCase({ caseId: ownCase.id, ...held })).victim
  const closingVictim = (await createVictimOnCase({ caseId: ownCase.id, advocateId: advocate.id })).victim
  await recordArrest(officer, kase.id)
  const entitlement = await arrestEntitlement(victim.id)
  const complaint = await createComplaint({ entitlementId: entitlement.id, victimId: victim.id, receivedAt: daysAgo(3), summary: 'Not told of the arrest', recordedById: advocate.id })

  // A finalised case (no charge), for the case review.
  const reviewed = await createCase({ policeOrganisationId: police.id, cpsOrganisationId: cpsOrg.id, victimIds: [victim.id] })
  await allocate({ caseId: reviewed.id, userId: officer.id, kind: 'oic' })
  const reviewedSuspect = await recordArrest(officer, reviewed.id, { daysAgo: 40, label: 'Suspect B' })
  const noCharge = { type: 'police_no_charge_decision', occurredAt: daysAgo(30), defendantId: reviewedSuspect.id, details: { reason: 'Not enough evidence' } }
  const decided = await recordJourneyEvent(actor(officer), reviewed.id, noCharge, unique('no-charge'), '127.0.0.1')
  if (!decided.ok) throw new Error(`fuzz world: no-charge decision not recorded: ${JSON.stringify(decided)}`)

  const by = { victimId: victim.id, organisationId: service.id, recordedById: advocate.id }
  const visit = await createVisit({
    ...by,
    purpose: 'Follow-up visit',
    seenAlone: true,
    spokenToAlone: true,
    engagement: 'engaged',
    disclosure: 'new_offence_or_suspect',
    disclosureNotes: 'Named a second person',
  })
  const episode = await createMissingEpisode({ ...by, missingFrom: daysAgo(6), returnedAt: daysAgo(5) })
  const item = await createIntelligenceItem({
    victimId: victim.id,
    visitId: visit.id,
    policeOrganisationId: police.id,
    authorId: advocate.id,
    authorOrganisationId: service.id,
    subject: 'vehicle',
    detail: 'A grey van seen twice outside school',
    sourceEvaluation: '1',
    intelligenceAssessment: 'A',
  })
  await prisma.supportService.create({ data: { organisationId: provider.id, serviceType: 'counselling' } })
  const consent = await createConsent({ victimId: victim.id, sharedWith: provider.name, givenBy: 'the young person', recordedById: advocate.id })
  const referral = await createReferral({
    victimId: victim.id,
    fromOrganisationId: service.id,
    toOrganisationId: provider.id,
    reason: 'Counselling before trial',
    referredById: advocate.id,
    consentId: consent.id,
    sentAt: daysAgo(1),
  })
  // The service has shared the victim with the force: officers link her to a case or decline.
  const share = await createShareRequest({
    kind: 'police_report',
    victimId: victim.id,
    fromOrganisationId: service.id,
    toOrganisationId: police.id,
    requestedById: advocate.id,
    reason: 'Wants to report',
  })
  const email = await createFailedEmail()
  const resetToken = randomBytes(32).toString('base64url')
  await prisma.passwordResetToken.create({
    data: { userId: target.id, tokenHash: createHash('sha256').update(resetToken).digest('hex'), expiresAt: new Date(Date.now() + 3_600_000) },
  })

  return {
    users: { officer, cps, advocate, manager, receiver, admin, self, target, resetUser, opsUser, twoFactorUser },
    spare,
    police,
    cpsOrg,
    service,
    provider,
    kase,
    ownCase,
    ownVictim,
    closingVictim,
    reviewed,
    victim,
    entitlement,
    complaint,
    visit,
    episode,
    item,
    referral,
    share,
    email,
    resetToken,
  }
}
