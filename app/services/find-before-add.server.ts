// "Find before you add": the victim records, across every organisation, that match a child someone
// is about to add (rules: app/domain/victims/matching.ts). A record the asking user may see comes
// back with its reference and name; one they may not see comes back with only the organisations
// holding it, so they can ask for access — nothing else about the child leaves the database.
//
// A handful of indexed queries whatever the number of victims: candidates by date of birth (btree)
// and normalised last name, and by reference (unique columns); then one load of the candidates and
// one visibility check with the victims list's own filter. Never a query per row.
import type { Actor } from '~/domain/access/policy'
import { dateKey, matches, normaliseName, referenceKeys, type StoredIdentity } from '~/domain/victims/matching'
import { Prisma } from '~/generated/prisma/client'
import { displayName } from '~/utils/format'
import { victimWhere } from './access.server'
import { db } from './db.server'

export interface ChildIdentity {
  firstName: string
  lastName: string
  preferredName?: string | null
  dateOfBirth: Date | null
  partnerReference?: string | null
}

export type ExistingRecord =
  | { victimId: string; visible: true; reference: string; name: string }
  | { victimId: string; visible: false; holders: { organisationId: string; name: string }[] }

type Client = Prisma.TransactionClient

/** Records across all organisations that match (domain rules above); `visible` says whether `actor` may see it (victimWhere from access.server.ts / canViewVictim). */
export async function findExistingRecords(actor: Actor, identity: ChildIdentity): Promise<ExistingRecord[]> {
  return findExistingRecordsWith(await db(), actor, identity)
}

/** The same, on a given client: inside the transaction (and lock) that then creates the record. */
export async function findExistingRecordsWith(client: Client, actor: Actor, identity: ChildIdentity): Promise<ExistingRecord[]> {
  const ids = await candidateIds(client, identity)
  if (ids.length === 0) return []
  const rows = await client.victim.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      reference: true,
      firstName: true,
      lastName: true,
      preferredName: true,
      dateOfBirth: true,
      allocations: { where: { endedAt: null }, select: { organisation: { select: { id: true, name: true } } } },
      cases: { select: { case: { select: { crimeReference: true, cpsUrn: true, police: { select: { id: true, name: true } } } } } },
    },
  })
  const matched = rows.filter((r) => matches(identity, toStored(r)))
  if (matched.length === 0) return []
  const visible = new Set(
    (await client.victim.findMany({ where: { AND: [{ id: { in: matched.map((r) => r.id) } }, victimWhere(actor)] }, select: { id: true } })).map((r) => r.id),
  )
  const records: ExistingRecord[] = matched.map((r) =>
    visible.has(r.id)
      ? { victimId: r.id, visible: true, reference: r.reference, name: displayName(r) }
      : { victimId: r.id, visible: false, holders: holdersOf(r) },
  )
  // Records the user can open first, then in a stable order.
  return records.sort((a, b) => Number(b.visible) - Number(a.visible) || (a.victimId < b.victimId ? -1 : a.victimId > b.victimId ? 1 : 0))
}

/** Ids of victims that may match: same date of birth and normalised last name, or the partner's reference. */
async function candidateIds(client: Client, identity: ChildIdentity): Promise<string[]> {
  const parts: Prisma.Sql[] = []
  const lastName = normaliseName(identity.lastName)
  if (identity.dateOfBirth && !Number.isNaN(identity.dateOfBirth.getTime()) && lastName) {
    // The date of birth index finds a handful of rows; the last name is compared as the rules do.
    parts.push(Prisma.sql`SELECT id FROM "Victim"
      WHERE "dateOfBirth" = ${dateKey(identity.dateOfBirth)}::date
        AND lower(btrim(regexp_replace("lastName", '[[:space:]]+', ' ', 'g'))) = ${lastName}`)
  }
  const keys = referenceKeys(identity.partnerReference)
  if (keys) {
    parts.push(Prisma.sql`SELECT id FROM "Victim" WHERE reference = ${keys.victimReference}`)
    if (keys.crimeReference) {
      parts.push(Prisma.sql`SELECT vc."victimId" AS id FROM "Case" c JOIN "VictimCase" vc ON vc."caseId" = c.id WHERE c."crimeReference" = ${keys.crimeReference}`)
    }
    if (keys.cpsUrn) {
      parts.push(Prisma.sql`SELECT vc."victimId" AS id FROM "Case" c JOIN "VictimCase" vc ON vc."caseId" = c.id WHERE c."cpsUrn" = ${keys.cpsUrn}`)
    }
  }
  if (parts.length === 0) return []
  const rows = await client.$queryRaw<{ id: string }[]>`${Prisma.join(parts, ' UNION ')}`
  return rows.map((r) => r.id)
}

interface CandidateRow {
  reference: string
  firstName: string
  lastName: string
  preferredName: string | null
  dateOfBirth: Date
  allocations: { organisation: { id: string; name: string } }[]
  cases: { case: { crimeReference: string; cpsUrn: string | null; police: { id: string; name: string } } }[]
}

const toStored = (r: CandidateRow): StoredIdentity => ({
  reference: r.reference,
  firstName: r.firstName,
  lastName: r.lastName,
  preferredName: r.preferredName,
  dateOfBirth: r.dateOfBirth,
  cases: r.cases.map((c) => ({ crimeReference: c.case.crimeReference, cpsUrn: c.case.cpsUrn })),
})

/** Organisations holding the record: active allocations on the victim and the police force of each of their cases. */
function holdersOf(r: CandidateRow): { organisationId: string; name: string }[] {
  const byId = new Map<string, string>()
  for (const a of r.allocations) byId.set(a.organisation.id, a.organisation.name)
  for (const c of r.cases) byId.set(c.case.police.id, c.case.police.name)
  return [...byId]
    .map(([organisationId, name]) => ({ organisationId, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || (a.organisationId < b.organisationId ? -1 : 1))
}

// ---- refusing a second record without a reason ----------------------------------------------------

export type DuplicateCheck = { ok: true; matchedVictimIds: string[] } | { ok: false; matches: ExistingRecord[] }

/**
 * Before a record is created (inside its transaction, after the creation lock): any match refuses
 * it unless the user has said why a second record is needed.
 */
export async function checkBeforeAdding(client: Client, actor: Actor, identity: ChildIdentity, duplicateReason: string | null | undefined): Promise<DuplicateCheck> {
  const found = await findExistingRecordsWith(client, actor, identity)
  if (found.length > 0 && !duplicateReason?.trim()) return { ok: false, matches: found }
  return { ok: true, matchedVictimIds: found.map((m) => m.victimId) }
}
