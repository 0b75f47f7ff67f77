// The audit log against a real database: audit() appends hash-chained rows, verifyAuditChain()
// walks them page by page, the database itself refuses UPDATE/DELETE/TRUNCATE, and tampering done
// behind the trigger's back (as the table owner) is found at the right row. Tests run in order.
import { describe, expect, test } from 'vitest'
import { GENESIS_HASH, auditHash } from '~/domain/audit/chain'
import type { PrismaClient } from '~/generated/prisma/client'
import { audit, verifyAuditChain } from '~/services/audit.server'
import { db } from '~/services/db.server'
import { createUser } from '#tests/setup/world'

const rowsInOrder = async (prisma: PrismaClient) => prisma.auditEvent.findMany({ orderBy: { seq: 'asc' } })

/** Runs SQL with the append-only trigger switched off, as only the table owner could. */
async function behindTheTrigger(prisma: PrismaClient, sql: string) {
  await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete')
    await tx.$executeRawUnsafe(sql)
    await tx.$executeRawUnsafe('ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete')
  })
}

describe('audit log', () => {
  test('an empty log verifies', async () => {
    expect(await verifyAuditChain()).toEqual({ ok: true, checked: 0 })
  })

  test('audit() appends a row chained to the one before it', async () => {
    const prisma = await db()
    const user = await createUser({ role: 'officer' })
    await audit({ actor: { id: user.id, email: user.email }, action: 'victim.view', entityType: 'victim', entityId: 'v1', ip: '192.0.2.10', details: { tab: 'summary' } })
    await audit({ action: 'auth.login.failure', entityType: 'login', entityId: 'someone@test.example', ip: '192.0.2.11' })
    const [first, second] = await rowsInOrder(prisma)
    expect(first).toMatchObject({
      actorId: user.id,
      actorEmail: user.email,
      action: 'victim.view',
      entityType: 'victim',
      entityId: 'v1',
      ip: '192.0.2.10',
      details: { tab: 'summary' },
      prevHash: GENESIS_HASH,
    })
    expect(first!.hash).toBe(auditHash(first!, GENESIS_HASH))
    expect(second).toMatchObject({ actorId: null, actorEmail: null, action: 'auth.login.failure', prevHash: first!.hash })
    expect(second!.seq).toBeGreaterThan(first!.seq)
    expect(second!.hash).toBe(auditHash(second!, first!.hash))
    expect(await verifyAuditChain()).toEqual({ ok: true, checked: 2 })
  })

  test('a row written inside a transaction that rolls back leaves no trace and the chain stays intact', async () => {
    const prisma = await db()
    const before = await prisma.auditEvent.count()
    await expect(
      prisma.$transaction(async (tx) => {
        await audit({ action: 'user.create', entityType: 'user', entityId: 'rolled-back' }, tx)
        throw new Error('change failed')
      }),
    ).rejects.toThrow('change failed')
    expect(await prisma.auditEvent.count()).toBe(before)
    await audit({ action: 'user.create', entityType: 'user', entityId: 'kept' })
    expect(await verifyAuditChain()).toEqual({ ok: true, checked: before + 1 })
  })

  test('concurrent audit() calls still produce one intact chain', async () => {
    const prisma = await db()
    const before = await prisma.auditEvent.count()
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => audit({ action: 'case.view', entityType: 'case', entityId: `c${i}`, ip: '192.0.2.20' })),
    )
    const rows = await rowsInOrder(prisma)
    expect(rows).toHaveLength(before + 40)
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(rows.length)
    expect(await verifyAuditChain()).toEqual({ ok: true, checked: before + 40 })
  })

  test('verifyAuditChain() walks more rows than one page (1000)', async () => {
    const prisma = await db()
    const before = await prisma.auditEvent.count()
    const n = 1005 - before
    for (let i = 0; i < n; i++) await audit({ action: 'victim.view', entityType: 'victim', entityId: `bulk${i}`, details: { i } })
    expect(await verifyAuditChain()).toEqual({ ok: true, checked: 1005 })
  }, 120_000)

  test('the database refuses UPDATE, DELETE and TRUNCATE of audit rows, through Prisma or raw SQL', async () => {
    const prisma = await db()
    const [row] = await rowsInOrder(prisma)
    await expect(prisma.auditEvent.update({ where: { seq: row!.seq }, data: { action: 'edited' } })).rejects.toThrow(/append-only/)
    await expect(prisma.auditEvent.delete({ where: { seq: row!.seq } })).rejects.toThrow(/append-only/)
    await expect(prisma.auditEvent.deleteMany({})).rejects.toThrow(/append-only/)
    await expect(prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET "ip" = NULL`)).rejects.toThrow(/append-only/)
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/)
    await expect(prisma.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/)
    expect(await prisma.auditEvent.count()).toBe(1005)
    expect((await rowsInOrder(prisma))[0]).toEqual(row)
    expect(await verifyAuditChain()).toEqual({ ok: true, checked: 1005 })
  })

  test('a row tampered with behind the trigger is reported at its seq', async () => {
    const prisma = await db()
    const rows = await rowsInOrder(prisma)
    const target = rows[1002]! // on the second page
    await behindTheTrigger(prisma, `UPDATE "AuditEvent" SET "entityId" = 'someone-else' WHERE seq = ${target.seq}`)
    expect(await verifyAuditChain()).toEqual({
      ok: false,
      checked: 1002,
      brokenAtSeq: String(target.seq),
      reason: 'hash_mismatch',
    })
    // Tampering earlier in the log is found first.
    const early = rows[3]!
    await behindTheTrigger(prisma, `UPDATE "AuditEvent" SET "at" = "at" + interval '1 second' WHERE seq = ${early.seq}`)
    expect(await verifyAuditChain()).toMatchObject({ ok: false, brokenAtSeq: String(early.seq), reason: 'hash_mismatch' })
  })

  test('a deleted row is reported at the row after the gap', async () => {
    const prisma = await db()
    const rows = await rowsInOrder(prisma)
    await behindTheTrigger(prisma, `DELETE FROM "AuditEvent" WHERE seq = ${rows[1]!.seq}`)
    expect(await verifyAuditChain()).toEqual({
      ok: false,
      checked: 1,
      brokenAtSeq: String(rows[2]!.seq),
      reason: 'prev_hash_mismatch',
    })
  })

  test('the trigger is back on after the tampering tests', async () => {
    const prisma = await db()
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/)
  })
})
