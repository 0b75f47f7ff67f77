// The fixture world of the action fuzzer (tests/integration/fuzz-actions.test.ts): one of each record
// an action works on, held by organisations whose users are allowed to act on it, so a fuzzed request
// gets past authorisation to validation and the services. Built from tests/setup/factories.ts, plus
// the few records the factories do not make, written directly or through the journal service.
import { createHash, randomBytes } from 'node:crypto'
import { db } from '~/services/db.server'
import { recordJourneyEvent } from '~/services/journal.server'
import { createSession } from '~/services/session.server'
import { actor } from './actors'
import { allocate, createCase, createOrganisation, createUser, createVictim, unique } from './factories'

const IP = '127.0.0.1'
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000)

export type FuzzWorld = Awaited<ReturnType<typeof buildFuzzWorld>>

export async function buildFuzzWorld() {
  const prisma = await db()
  const police = await createOrganisation({
    kind: 'police',
    name: `Fuzz Police ${unique()}`,
  })
  const cpsOrg = await createOrganisation({
    kind: 'cps',
    name: `Fuzz CPS ${unique()}`,
  })
  const service = await createOrganisation({
    kind: 'voluntary',
    name: `Fuzz Service ${unique()}`,
  })
  const provider = await createOrganisation({
    kind: 'voluntary',
    name: `Fuzz Provider ${unique()}`,
  })
  const officer = await createUser({
    role: 'officer',
    organisationId: police.id,
  })
  const cps = await createUser({
    role: 'cps_liaison',
    organisationId: cpsOrg.id,
  })
  const advocate = await createUser({
    role: 'advocate',
    organisationId: service.id,
  })
  const manager = await createUser({
    role: 'manager',
    organisationId: service.id,
  })
  const receiver = await createUser({
    role: 'advocate',
    organisationId: provider.id,
  })
  const admin = await createUser({ role: 'admin' })
  // Someone for the account pages and the administrator's user pages to change without locking
  // out the people the other actions are fuzzed as.
  const self = await createUser({ role: 'advocate', organisationId: service.id })
  // A second session, so the account page offers to sign out the others.
  await createSession({ userId: self.id, ip: IP, userAgent: 'fuzz other device', twoFactorPending: false })
  const target = await createUser({ role: 'advocate', organisationId: service.id })
  const resetUser = await createUser({ role: 'advocate', organisationId: service.id })
  const opsUser = await createUser({ role: 'officer', organisationId: police.id, totpSecret: 'JBSWY3DPEHPK3PXP' })
  const twoFactorUser = await createUser({ role: 'officer', organisationId: police.id, totpSecret: 'JBSWY3DPEHPK3PXP' })
  // What the administrator's organisation pages change (two-factor required, visit policy, services).
  const spare = await createOrganisation({ kind: 'voluntary', name: `Fuzz Spare ${unique()}` })

  const kase = await createCase({
    policeOrganisationId: police.id,
    cpsOrganisationId: cpsOrg.id,
  })
  const victim = await createVictim({ caseIds: [kase.id] })
  await allocate({ caseId: kase.id, userId: officer.id, kind: 'oic' })
  await allocate({
    victimId: victim.id,
    userId: advocate.id,
    kind: 'lead_advocate',
  })
  await allocate({ victimId: victim.id, organisationId: service.id })
  // Records of their own for actions that can take a user's access away (ending an allocation) or
  // close the record, so the other actions keep theirs.
  const ownCase = await createCase({ policeOrganisationId: police.id, cpsOrganisationId: cpsOrg.id })
  await allocate({ caseId: ownCase.id, userId: officer.id, kind: 'oic' })
  const ownVictim = await createVictim({ caseIds: [ownCase.id] })
  await allocate({ victimId: ownVictim.id, userId: advocate.id, kind: 'lead_advocate' })
  const closingVictim = await createVictim({ caseIds: [ownCase.id] })
  await allocate({ victimId: closingVictim.id, userId: advocate.id, kind: 'lead_advocate' })
  const suspect = await prisma.defendant.create({
    data: { caseId: kase.id, label: 'Suspect A' },
  })
  const arrest = await recordJourneyEvent(
    actor(officer),
    kase.id,
    {
      type: 'suspect_arrested',
      occurredAt: daysAgo(20),
      defendantId: suspect.id,
      details: {},
    },
    `fuzz-arrest-${kase.id}`,
    IP,
  )
  if (!arrest.ok) throw new Error(`fuzz world: arrest not recorded: ${JSON.stringify(arrest)}`)
  const entitlement = await prisma.entitlement.findFirstOrThrow({
    where: { victimId: victim.id },
  })
  const complaint = await prisma.complaint.create({
    data: {
      entitlementId: entitlement.id,
      victimId: victim.id,
      receivedAt: daysAgo(3),
      summary: 'Not told of the arrest',
      recordedById: advocate.id,
    },
  })

  // A finalised case (no charge), for the case review.
  const reviewed = await createCase({
    policeOrganisationId: police.id,
    cpsOrganisationId: cpsOrg.id,
    victimIds: [victim.id],
  })
  await allocate({ caseId: reviewed.id, userId: officer.id, kind: 'oic' })
  const reviewedSuspect = await prisma.defendant.create({
    data: { caseId: reviewed.id, label: 'Suspect B' },
  })
  for (const [type, at, details] of [
    ['suspect_arrested', 40, {}],
    ['police_no_charge_decision', 30, { reason: 'Not enough evidence' }],
  ] as const) {
    const r = await recordJourneyEvent(
      actor(officer),
      reviewed.id,
      {
        type,
        occurredAt: daysAgo(at),
        defendantId: reviewedSuspect.id,
        details,
      },
      `fuzz-${type}-${reviewed.id}`,
      IP,
    )
    if (!r.ok) throw new Error(`fuzz world: ${type} not recorded: ${JSON.stringify(r)}`)
  }

  const visit = await prisma.visit.create({
    data: {
      victimId: victim.id,
      organisationId: service.id,
      recordedById: advocate.id,
      status: 'completed',
      at: daysAgo(2),
      placeType: 'home',
      purpose: 'Follow-up visit',
      seenAlone: true,
      spokenToAlone: true,
      engagement: 'engaged',
      disclosure: 'new_offence_or_suspect',
      disclosureNotes: 'Named a second person',
      idempotencyKey: unique('visit'),
    },
  })
  const episode = await prisma.missingEpisode.create({
    data: {
      victimId: victim.id,
      organisationId: service.id,
      recordedById: advocate.id,
      missingFrom: daysAgo(6),
      returnedAt: daysAgo(5),
      reportedToPolice: true,
      idempotencyKey: unique('episode'),
    },
  })
  const item = await prisma.intelligenceItem.create({
    data: {
      victimId: victim.id,
      visitId: visit.id,
      policeOrganisationId: police.id,
      authorId: advocate.id,
      authorOrganisationId: service.id,
      subject: 'vehicle',
      detail: 'A grey van seen twice outside school',
      sourceEvaluation: '1',
      intelligenceAssessment: 'A',
      handlingCode: 'P',
    },
  })
  await prisma.supportService.create({
    data: { organisationId: provider.id, serviceType: 'counselling' },
  })
  const consent = await prisma.consent.create({
    data: {
      victimId: victim.id,
      scope: 'referral',
      sharedWith: provider.name,
      givenBy: 'the young person',
      recordedById: advocate.id,
    },
  })
  const referral = await prisma.referral.create({
    data: {
      victimId: victim.id,
      fromOrganisationId: service.id,
      toOrganisationId: provider.id,
      serviceType: 'counselling',
      reason: 'Counselling before trial',
      referredById: advocate.id,
      sharingBasis: 'consent',
      consentId: consent.id,
      sentAt: daysAgo(1),
      idempotencyKey: unique('referral'),
    },
  })
  // The service has shared the victim with the force: officers link her to a case or decline.
  const share = await prisma.shareRequest.create({
    data: {
      kind: 'police_report',
      victimId: victim.id,
      fromOrganisationId: service.id,
      toOrganisationId: police.id,
      requestedById: advocate.id,
      reason: 'Wants to report',
      idempotencyKey: unique('share'),
    },
  })
  const email = await prisma.outboxEmail.create({
    data: {
      dedupeKey: unique('fuzz-email'),
      to: 'someone@test.example',
      subject: 'Reset your password',
      template: 'password-reset',
      status: 'failed',
    },
  })
  const resetToken = randomBytes(32).toString('base64url')
  await prisma.passwordResetToken.create({
    data: {
      userId: target.id,
      tokenHash: createHash('sha256').update(resetToken).digest('hex'),
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  })

  return {
    users: {
      officer,
      cps,
      advocate,
      manager,
      receiver,
      admin,
      self,
      target,
      resetUser,
      opsUser,
      twoFactorUser,
    },
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

/** A session half-way through sign-in (password given, code still to enter). */
export async function pendingTwoFactorCookie(userId: string): Promise<string> {
  const { setCookie } = await createSession({
    userId,
    ip: IP,
    userAgent: 'fuzz',
    twoFactorPending: true,
  })
  return setCookie.split(';')[0]!
}
