// The records casework hangs off a victim, written directly (not through the services) with
// invented defaults; each takes who and whose it is, and any field to override.
import type { Prisma } from '~/generated/prisma/client'
import { db } from '~/services/db.server'
import { unique } from './people'

/** The required keys of a create input, and any of the rest. */
type With<T, K extends keyof T> = Pick<T, K> & Partial<T>

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000)

export async function createComplaint(data: With<Prisma.ComplaintUncheckedCreateInput, 'entitlementId' | 'victimId' | 'recordedById'>) {
  const prisma = await db()
  return prisma.complaint.create({ data: { receivedAt: daysAgo(5), summary: 'Not told of the arrest in time.', ...data } })
}

export async function createMissingEpisode(data: With<Prisma.MissingEpisodeUncheckedCreateInput, 'victimId' | 'organisationId' | 'recordedById'>) {
  const prisma = await db()
  return prisma.missingEpisode.create({ data: { missingFrom: daysAgo(3), reportedToPolice: true, idempotencyKey: unique('episode'), ...data } })
}

export async function createIntelligenceItem(
  data: With<Prisma.IntelligenceItemUncheckedCreateInput, 'victimId' | 'policeOrganisationId' | 'authorId' | 'authorOrganisationId'>,
) {
  const prisma = await db()
  return prisma.intelligenceItem.create({
    data: {
      subject: 'A car seen at the park',
      detail: 'An invented detail.',
      sourceEvaluation: 'B',
      intelligenceAssessment: '2',
      handlingCode: 'P',
      ...data,
    },
  })
}

export async function createConsent(data: With<Prisma.ConsentUncheckedCreateInput, 'victimId' | 'recordedById'>) {
  const prisma = await db()
  return prisma.consent.create({ data: { scope: 'referral', sharedWith: 'support services', ...data } })
}

/** A referral sent on the victim's consent (a new consent to refer unless `consentId` is given). */
export async function createReferral(
  data: With<Prisma.ReferralUncheckedCreateInput, 'victimId' | 'fromOrganisationId' | 'toOrganisationId' | 'referredById'>,
) {
  const prisma = await db()
  const consentId = data.consentId ?? (await createConsent({ victimId: data.victimId, recordedById: data.referredById })).id
  return prisma.referral.create({
    data: {
      serviceType: 'counselling',
      reason: 'Support through court.',
      sharingBasis: 'consent',
      sentAt: new Date(),
      idempotencyKey: unique('referral'),
      ...data,
      consentId,
    },
  })
}

/** A completed home visit two days ago; pass `disclosure` for one the police are to act on. */
export async function createVisit(data: With<Prisma.VisitUncheckedCreateInput, 'victimId' | 'organisationId' | 'recordedById'>) {
  const prisma = await db()
  return prisma.visit.create({
    data: { status: 'completed', at: daysAgo(2), placeType: 'home', purpose: 'welfare', idempotencyKey: unique('visit'), ...data },
  })
}

export async function createShareRequest(
  data: With<Prisma.ShareRequestUncheckedCreateInput, 'kind' | 'victimId' | 'fromOrganisationId' | 'toOrganisationId' | 'requestedById'>,
) {
  const prisma = await db()
  return prisma.shareRequest.create({ data: { reason: 'An invented request.', idempotencyKey: unique('share'), ...data } })
}

/** An email that failed to send (what the administrator's outbox page retries). */
export async function createFailedEmail(data: Partial<Prisma.OutboxEmailUncheckedCreateInput> = {}) {
  const prisma = await db()
  return prisma.outboxEmail.create({
    data: {
      dedupeKey: unique('email'),
      to: 'someone@test.example',
      subject: 'Reset your password',
      template: 'password-reset',
      status: 'failed',
      ...data,
    },
  })
}
