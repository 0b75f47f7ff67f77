// Small factories for integration tests. Every value is invented and unique per call, so tests can
// create what they need without colliding with each other or with seeded data. All of them use
// the Prisma client of the test file's own database (`await db()`).
import { randomBytes } from 'node:crypto'
import type { AllocationKind, OrganisationKind, Role } from '~/generated/prisma/client'
import { db } from '~/services/db.server'
import { hashPassword } from '~/services/password.server'

let counter = 0
/** A short token unique within this process, e.g. for names and references. */
export function unique(prefix = 't'): string {
  counter += 1
  return `${prefix}${counter}${randomBytes(3).toString('hex')}`
}

const ORG_KIND_FOR_ROLE: Record<Role, OrganisationKind> = {
  advocate: 'voluntary',
  officer: 'police',
  cps_liaison: 'cps',
  manager: 'voluntary',
  admin: 'local_authority',
}

export async function createOrganisation(
  data: { name?: string; kind?: OrganisationKind; requireTwoFactor?: boolean; inboxEmail?: string | null } = {},
) {
  const prisma = await db()
  return prisma.organisation.create({
    data: {
      name: data.name ?? `Test Organisation ${unique()}`,
      kind: data.kind ?? 'voluntary',
      requireTwoFactor: data.requireTwoFactor ?? false,
      inboxEmail: data.inboxEmail ?? null,
    },
  })
}

/**
 * A user with the given role (advocate by default). Without `organisationId` a new organisation of
 * the kind the role belongs to is created. With `password` the argon2id hash is stored (≈60 ms),
 * so the user can sign in; the plain password is returned alongside the user.
 */
export async function createUser(
  data: {
    role?: Role
    organisationId?: string
    email?: string
    name?: string
    password?: string
    active?: boolean
    totpSecret?: string | null
  } = {},
) {
  const prisma = await db()
  const role = data.role ?? 'advocate'
  const organisationId = data.organisationId ?? (await createOrganisation({ kind: ORG_KIND_FOR_ROLE[role] })).id
  const token = unique('u')
  const user = await prisma.user.create({
    data: {
      email: (data.email ?? `${token}@test.example`).toLowerCase(),
      name: data.name ?? `Test User ${token}`,
      role,
      organisationId,
      active: data.active ?? true,
      totpSecret: data.totpSecret ?? null,
      totpEnrolledAt: data.totpSecret ? new Date() : null,
      ...(data.password ? { password: { create: { hash: await hashPassword(data.password) } } } : {}),
    },
  })
  return { ...user, password: data.password }
}

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
