// The append-only, hash-chained audit log. Every view of a victim or case page, every change,
// every export and every sign-in success or failure goes through `audit()`. The database refuses
// UPDATE/DELETE on AuditEvent (migration 20261129001700_audit_append_only); nothing here offers them.
import { auditHash, GENESIS_HASH, verifyChain, type ChainReport } from '~/domain/audit/chain'
import type { Actor } from '~/domain/access/policy'
import type { Prisma, PrismaClient } from '~/generated/prisma/client'
import { db } from './db.server'

type Tx = Prisma.TransactionClient

/** Whoever acts, as the audit log records them: the signed-in user. */
export type AuditActor = Actor & { email: string }

export interface AuditEntry {
  actor?: { id: string; email: string | null } | null
  /** e.g. 'victim.view', 'user.create', 'auth.login.failure' */
  action: string
  entityType?: string | null
  entityId?: string | null
  ip?: string | null
  details?: Prisma.InputJsonValue | null
}

// Any constant works: it serialises appends so the chain has one order across all instances.
const AUDIT_LOCK_KEY = 4_242_001

async function appendInTx(tx: Tx, entry: AuditEntry) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY}::bigint)`
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { hash: true } })
  const [{ seq }] = await tx.$queryRaw<[{ seq: bigint }]>`SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'seq')) AS seq`
  const row = {
    seq,
    at: new Date(),
    actorId: entry.actor?.id ?? null,
    actorEmail: entry.actor?.email ?? null,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? null,
  }
  const prevHash = last?.hash ?? GENESIS_HASH
  const hash = auditHash(row, prevHash)
  await tx.auditEvent.create({
    data: { ...row, details: row.details ?? undefined, prevHash, hash },
  })
}

/**
 * Appends one audit row. Pass `tx` to make the row part of the change it records (it then
 * commits or rolls back with it); without `tx` it runs in a transaction of its own.
 */
export async function audit(entry: AuditEntry, tx?: Tx): Promise<void> {
  if (tx) return appendInTx(tx, entry)
  const prisma = await db()
  await prisma.$transaction((t) => appendInTx(t, entry))
}

const PAGE = 1000

/** Walks the whole chain in pages, so it works on millions of rows. `client`: another database (a restored backup). */
export async function verifyAuditChain(client?: PrismaClient): Promise<ChainReport> {
  const prisma = client ?? (await db())
  let prevHash = GENESIS_HASH
  let checked = 0
  let after: bigint | undefined
  for (;;) {
    const rows = await prisma.auditEvent.findMany({
      where: after === undefined ? {} : { seq: { gt: after } },
      orderBy: { seq: 'asc' },
      take: PAGE,
    })
    if (rows.length === 0) return { ok: true, checked }
    const report = verifyChain(rows, prevHash, checked)
    if (!report.ok) return report
    checked = report.checked
    prevHash = rows[rows.length - 1]!.hash
    after = rows[rows.length - 1]!.seq
  }
}
