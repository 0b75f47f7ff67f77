// Organisations and the people in them. Every value is invented and unique per call, so tests can
// create what they need without colliding with each other or with seeded data.
import { randomBytes } from 'node:crypto'
import type { OrganisationKind, Role } from '~/generated/prisma/client'
import { db } from '~/services/db.server'
import { hashPassword } from '~/services/password.server'
import { actor } from '../actors'

let counter = 0
/** A short token unique within this process, e.g. for names and references. */
export function unique(prefix = 't'): string {
  counter += 1
  return `${prefix}${counter}${randomBytes(3).toString('hex')}`
}

/** Unique letters only, for names (a person's name may not contain digits). */
export function uniqueWord(prefix = ''): string {
  return prefix + unique('').replace(/\d/g, (d) => 'ghijklmnop'[Number(d)]!)
}

export const ORGANISATION_KINDS: OrganisationKind[] = ['police', 'cps', 'witness_care', 'voluntary', 'local_authority']

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

/** One organisation of each kind, named `${label} ${kind}`: a whole area's agencies. */
export async function createOrganisationOfEachKind(label: string): Promise<Record<OrganisationKind, string>> {
  const ids = {} as Record<OrganisationKind, string>
  for (const kind of ORGANISATION_KINDS) ids[kind] = (await createOrganisation({ kind, name: `${label} ${kind}` })).id
  return ids
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

/**
 * The people most casework involves: a police force with an officer, a CPS area with a liaison and
 * a voluntary service with an advocate. The users come as the services' actors.
 */
export async function createTeam() {
  const police = await createOrganisation({ kind: 'police' })
  const cpsArea = await createOrganisation({ kind: 'cps' })
  const service = await createOrganisation({ kind: 'voluntary' })
  return {
    police,
    cpsOrg: cpsArea,
    service,
    officer: actor(await createUser({ role: 'officer', organisationId: police.id })),
    cps: actor(await createUser({ role: 'cps_liaison', organisationId: cpsArea.id })),
    advocate: actor(await createUser({ role: 'advocate', organisationId: service.id })),
  }
}
