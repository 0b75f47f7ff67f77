// Victims, cases and who holds them. Every value is invented and unique per call.
import type { AllocationKind } from '~/generated/prisma/client'
import { db } from '~/services/db.server'
import { recordJourneyEvent } from '~/services/journal.server'
import type { TestActor } from '../actors'
import { createOrganisation, unique } from './people'

export async function createVictim(
  data: {
    reference?: string
    firstName?: string
    lastName?: string
    dateOfBirth?: Date
    restricted?: boolean
    address?: string | null
    phone?: string | null
    email?: string | null
    status?: string
    /** Links the victim to these cases. */
    caseIds?: string[]
  } = {},
) {
  const prisma = await db()
  const token = unique('v')
  return prisma.victim.create({
    data: {
      reference: data.reference ?? `V-TEST-${token.toUpperCase()}`,
      firstName: data.firstName ?? 'Testfirst',
      lastName: data.lastName ?? `Testlast ${token}`,
      dateOfBirth: data.dateOfBirth ?? new Date('2011-05-17'),
      restricted: data.restricted ?? false,
      address: data.address === undefined ? '1 Invented Row, Nowhere' : data.address,
      phone: data.phone === undefined ? '07700 900123' : data.phone,
      email: data.email === undefined ? `${token}@victim.example` : data.email,
      status: data.status ?? 'open',
      cases: data.caseIds?.length ? { create: data.caseIds.map((caseId) => ({ caseId })) } : undefined,
    },
  })
}

/**
 * A case held by a police organisation (a new one unless `policeOrganisationId` is given). Pass
 * `cpsOrganisationId` (and optionally `witnessCareOrganisationId`) to make it a case sent to CPS.
 */
export async function createCase(
  data: {
    crimeReference?: string
    policeOrganisationId?: string
    cpsOrganisationId?: string | null
    witnessCareOrganisationId?: string | null
    stage?: string
    summary?: string | null
    sentToCpsAt?: Date | null
    status?: string
    victimIds?: string[]
  } = {},
) {
  const prisma = await db()
  const policeOrganisationId = data.policeOrganisationId ?? (await createOrganisation({ kind: 'police' })).id
  const sentToCps = data.cpsOrganisationId ? (data.sentToCpsAt ?? new Date()) : (data.sentToCpsAt ?? null)
  return prisma.case.create({
    data: {
      crimeReference: data.crimeReference ?? `TEST/${unique('c').toUpperCase()}`,
      policeOrganisationId,
      cpsOrganisationId: data.cpsOrganisationId ?? null,
      witnessCareOrganisationId: data.witnessCareOrganisationId ?? null,
      stage: data.stage ?? (data.cpsOrganisationId ? 'charging_decision' : 'investigation'),
      summary: data.summary ?? null,
      sentToCpsAt: sentToCps,
      status: data.status ?? 'open',
      victims: data.victimIds?.length ? { create: data.victimIds.map((victimId) => ({ victimId })) } : undefined,
    },
  })
}

export async function linkVictimToCase(victimId: string, caseId: string) {
  const prisma = await db()
  return prisma.victimCase.create({ data: { victimId, caseId } })
}

/**
 * An allocation of a victim or a case. With `userId` it is an explicit allocation of that user
 * (organisation defaults to the user's); with only `organisationId` the organisation holds it.
 * Kind defaults to 'oic' for cases and 'lead_advocate' (user) or 'service' (organisation) for victims.
 */
export async function allocate(data: {
  victimId?: string
  caseId?: string
  userId?: string
  organisationId?: string
  kind?: AllocationKind
  startedAt?: Date
  endedAt?: Date | null
}) {
  if (!data.victimId === !data.caseId) throw new Error('allocate: give exactly one of victimId or caseId')
  const prisma = await db()
  let organisationId = data.organisationId
  if (!organisationId && data.userId) {
    organisationId = (await prisma.user.findUniqueOrThrow({ where: { id: data.userId } })).organisationId
  }
  if (!organisationId) throw new Error('allocate: give userId or organisationId')
  const kind = data.kind ?? (data.caseId ? 'oic' : data.userId ? 'lead_advocate' : 'service')
  return prisma.allocation.create({
    data: {
      kind,
      victimId: data.victimId ?? null,
      caseId: data.caseId ?? null,
      userId: data.userId ?? null,
      organisationId,
      startedAt: data.startedAt ?? new Date(),
      endedAt: data.endedAt ?? null,
    },
  })
}

/**
 * A victim on a case (a new case unless `caseId` is given): the officer is allocated the case as
 * officer in charge, the advocate the victim as lead advocate, and the service holds the victim.
 */
export async function createVictimOnCase(data: {
  caseId?: string
  case?: Parameters<typeof createCase>[0]
  victim?: Omit<NonNullable<Parameters<typeof createVictim>[0]>, 'caseIds'>
  officerId?: string
  advocateId?: string
  serviceId?: string
}) {
  const caseId = data.caseId ?? (await createCase(data.case)).id
  const victim = await createVictim({ ...data.victim, caseIds: [caseId] })
  if (data.officerId) await allocate({ caseId, userId: data.officerId, kind: 'oic' })
  if (data.advocateId) await allocate({ victimId: victim.id, userId: data.advocateId, kind: 'lead_advocate' })
  if (data.serviceId) await allocate({ victimId: victim.id, organisationId: data.serviceId, kind: 'service' })
  return { victimId: victim.id, caseId, victim }
}

/**
 * A suspect arrested on the case `daysAgo` days ago (20 by default), recorded through the journal
 * as the officer would, so each victim on the case gains the Right 6 entitlement to be told.
 */
export async function recordArrest(officer: TestActor, caseId: string, opts: { daysAgo?: number; label?: string } = {}) {
  const prisma = await db()
  const suspect = await prisma.defendant.create({ data: { caseId, label: opts.label ?? 'Suspect A' } })
  const arrest = { type: 'suspect_arrested', occurredAt: new Date(Date.now() - (opts.daysAgo ?? 20) * 86_400_000), defendantId: suspect.id, details: {} }
  const recorded = await recordJourneyEvent(officer, caseId, arrest, unique('arrest'), '127.0.0.1')
  if (!recorded.ok) throw new Error(`recordArrest: not recorded: ${JSON.stringify(recorded)}`)
  return suspect
}

/** The victim's Right 6 entitlement (told of a suspect's arrest), which recordArrest creates. */
export async function arrestEntitlement(victimId: string) {
  const prisma = await db()
  return prisma.entitlement.findFirstOrThrow({ where: { victimId, ruleId: 'r06_suspect_arrested' } })
}
