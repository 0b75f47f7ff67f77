// The administrator's services against a real database: creating users (unique email, set-password
// email), deactivating (sessions revoked), role changes, 2FA reset, organisations, and the audit
// log page's services (view and export audited, filters, chain verification finding a tampered
// row). Every change must leave exactly the audit row that describes it; refusals leave none.
import { describe, expect, test } from 'vitest'
import { createOrganisation, createUser } from '#tests/setup/world'
import type { Actor } from '~/domain/access/policy'
import type { PrismaClient } from '~/generated/prisma/client'
import { exportAuditCsv, parseAuditQuery, parseDayStart, verifyAuditLog, viewAuditLog } from '~/services/audit-log-admin.server'
import { createOrganisation as adminCreateOrganisation, listOrganisations, updateOrganisation } from '~/services/organisations-admin.server'
import {
  adminResetTwoFactor,
  changeRole,
  createUser as adminCreateUser,
  getUser,
  listUsers,
  resendSetPasswordEmail,
  setUserActive,
  type AdminActor,
} from '~/services/users-admin.server'
import { verifyAuditChain } from '~/services/audit.server'
import { db } from '~/services/db.server'
import { emailDeliveriesSettled } from '~/services/email.server'
import { createSession } from '~/services/session.server'

const IP = '192.0.2.77'

async function newAdmin(): Promise<AdminActor> {
  const u = await createUser({ role: 'admin' })
  return { id: u.id, role: 'admin', organisationId: u.organisationId, email: u.email }
}

const auditRows = async (prisma: PrismaClient, action: string, entityId?: string) =>
  prisma.auditEvent.findMany({ where: { action, ...(entityId ? { entityId } : {}) }, orderBy: { seq: 'asc' } })

async function signIn(userId: string, n = 1) {
  for (let i = 0; i < n; i++) await createSession({ userId, ip: IP, userAgent: 'vitest', twoFactorPending: false })
}

const liveSessions = async (prisma: PrismaClient, userId: string) => prisma.session.count({ where: { userId, revokedAt: null } })

describe('creating users', () => {
  test('creates the account without a password, audits it with what was set, and emails a set-password link', async () => {
    const prisma = await db()
    const admin = await newAdmin()
    const org = await createOrganisation({ kind: 'voluntary' })
    const result = await adminCreateUser(admin, { name: 'Rhiannon Vale', email: '  Rhiannon.Vale@Test.Example ', role: 'advocate', organisationId: org.id }, IP)
    expect(result).toMatchObject({ ok: true, emailSent: true })
    if (!result.ok) throw new Error('unreachable')
    const user = await prisma.user.findUniqueOrThrow({ where: { id: result.id }, include: { password: true } })
    expect(user).toMatchObject({ email: 'rhiannon.vale@test.example', name: 'Rhiannon Vale', role: 'advocate', organisationId: org.id, active: true, password: null })
    const [row] = await auditRows(prisma, 'admin.user.created', user.id)
    expect(row).toMatchObject({ actorId: admin.id, actorEmail: admin.email, entityType: 'user', ip: IP })
    expect(row!.details).toEqual({ name: 'Rhiannon Vale', email: 'rhiannon.vale@test.example', role: 'advocate', organisation: { id: org.id, name: org.name } })
    await emailDeliveriesSettled()
    const email = await prisma.outboxEmail.findFirst({ where: { to: user.email, template: 'set-password' } })
    expect(email).not.toBeNull()
    expect(await prisma.passwordResetToken.count({ where: { userId: user.id, purpose: 'set' } })).toBe(1)
  })

  test('refuses an email that already has an account (any case), changing and auditing nothing', async () => {
    const prisma = await db()
    const admin = await newAdmin()
    const existing = await createUser({ role: 'officer' })
    const before = await prisma.auditEvent.count()
    const result = await adminCreateUser(admin, { name: 'Someone Else', email: existing.email.toUpperCase(), role: 'advocate', organisationId: existing.organisationId }, IP)
    expect(result).toEqual({ ok: false, field: 'email', message: 'An account with this email already exists' })
    expect(await prisma.user.count({ where: { email: existing.email } })).toBe(1)
    expect(await prisma.auditEvent.count()).toBe(before)
  })

  test('refuses an organisation that does not exist', async () => {
    const admin = await newAdmin()
    const result = await adminCreateUser(admin, { name: 'Nobody Known', email: 'nobody-known@test.example', role: 'advocate', organisationId: 'no-such-org' }, IP)
    expect(result).toMatchObject({ ok: false, field: 'organisationId' })
  })

  test('a new set-password email only for an active account with no password yet, audited', async () => {
    const prisma = await db()
    const admin = await newAdmin()
    const withPassword = await createUser({ password: 'a long enough passphrase' })
    expect(await resendSetPasswordEmail(admin, withPassword.id, IP)).toEqual({ ok: false, reason: 'no_password_needed' })
    const invited = await createUser()
    expect(await resendSetPasswordEmail(admin, invited.id, IP)).toMatchObject({ ok: true, emailSent: true })
    expect(await auditRows(prisma, 'admin.user.set_password_email_sent', invited.id)).toHaveLength(1)
    await emailDeliveriesSettled()
  })
})

describe('deactivating and reactivating', () => {
  test('deactivating revokes every session and is audited; reactivating does not bring sessions back', async () => {
    const prisma = await db()
    const admin = await newAdmin()
    const user = await createUser({ role: 'advocate' })
    await signIn(user.id, 3)
    expect(await liveSessions(prisma, user.id)).toBe(3)

    const result = await setUserActive(admin, user.id, false, IP)
    expect(result).toEqual({ ok: true, changed: true, sessionsRevoked: 3 })
    expect(await liveSessions(prisma, user.id)).toBe(0)
    expect(await prisma.session.count({ where: { userId: user.id, revokedReason: 'deactivated' } })).toBe(3)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(false)
    const [row] = await auditRows(prisma, 'admin.user.deactivated', user.id)
    expect(row).toMatchObject({ actorId: admin.id, ip: IP, details: { active: { from: true, to: false } } })

    // Deactivating again changes nothing and audits nothing.
    expect(await setUserActive(admin, user.id, false, IP)).toMatchObject({ ok: true, changed: false })
    expect(await auditRows(prisma, 'admin.user.deactivated', user.id)).toHaveLength(1)

    expect(await setUserActive(admin, user.id, true, IP)).toEqual({ ok: true, changed: true, sessionsRevoked: 0 })
    expect(await liveSessions(prisma, user.id)).toBe(0)
    expect(await auditRows(prisma, 'admin.user.reactivated', user.id)).toHaveLength(1)
  })

  test('an administrator cannot deactivate themselves', async () => {
    const prisma = await db()
    const admin = await newAdmin()
    await signIn(admin.id)
    expect(await setUserActive(admin, admin.id, false, IP)).toEqual({ ok: false, reason: 'self' })
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true)
    expect(await liveSessions(prisma, admin.id)).toBe(1)
  })

  test('an unknown user is reported, not created', async () => {
    const admin = await newAdmin()
    expect(await setUserActive(admin, 'no-such-user', false, IP)).toEqual({ ok: false, reason: 'not_found' })
    expect(await getUser(admin, 'no-such-user')).toBeNull()
  })
})

describe('roles and two-factor sign-in', () => {
  test('a role change is audited with from and to, and signs the person out', async () => {
    const prisma = await db()
    const admin = await newAdmin()
    const user = await createUser({ role: 'advocate' })
    await signIn(user.id, 2)
    expect(await changeRole(admin, user.id, 'manager', IP)).toEqual({ ok: true, changed: true, sessionsRevoked: 2 })
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe('manager')
    const rows = await auditRows(prisma, 'admin.user.role_changed', user.id)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ actorId: admin.id, actorEmail: admin.email, entityType: 'user', ip: IP, details: { role: { from: 'advocate', to: 'manager' } } })

    // The same role again: nothing to change, nothing audited.
    expect(await changeRole(admin, user.id, 'manager', IP)).toEqual({ ok: true, changed: false, sessionsRevoked: 0 })
    expect(await auditRows(prisma, 'admin.user.role_changed', user.id)).toHaveLength(1)
  })

  test('an administrator cannot change their own role', async () => {
    const admin = await newAdmin()
    expect(await changeRole(admin, admin.id, 'advocate', IP)).toEqual({ ok: false, reason: 'self' })
  })

  test('resetting two-factor sign-in clears the secret, signs the person out and is audited', async () => {
    const prisma = await db()
    const admin = await newAdmin()
    const user = await createUser({ totpSecret: 'JBSWY3DPEHPK3PXP' })
    await signIn(user.id)
    expect(await adminResetTwoFactor(admin, user.id, IP)).toEqual({ ok: true, changed: true })
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(after.totpSecret).toBeNull()
    expect(await liveSessions(prisma, user.id)).toBe(0)
    expect(await auditRows(prisma, 'admin.user.2fa_reset', user.id)).toHaveLength(1)
    // Nothing left to reset.
    expect(await adminResetTwoFactor(admin, user.id, IP)).toEqual({ ok: true, changed: false })
    expect(await auditRows(prisma, 'admin.user.2fa_reset', user.id)).toHaveLength(1)
  })
})

describe('only administrators', () => {
  test.each(['advocate', 'officer', 'cps_liaison', 'manager'] as const)('every service refuses a %s with 403 and changes nothing', async (role) => {
    const prisma = await db()
    const u = await createUser({ role })
    const actor: AdminActor = { id: u.id, role, organisationId: u.organisationId, email: u.email }
    const target = await createUser()
    const org = await createOrganisation()
    const before = await prisma.auditEvent.count()
    const calls: (() => Promise<unknown>)[] = [
      () => listUsers(actor),
      () => getUser(actor, target.id),
      () => adminCreateUser(actor, { name: 'Sneaky Person', email: 'sneaky@test.example', role: 'admin', organisationId: org.id }, IP),
      () => changeRole(actor, target.id, 'admin', IP),
      () => setUserActive(actor, target.id, false, IP),
      () => adminResetTwoFactor(actor, target.id, IP),
      () => resendSetPasswordEmail(actor, target.id, IP),
      () => listOrganisations(actor),
      () => adminCreateOrganisation(actor, { name: 'Sneaky Org', kind: 'voluntary', requireTwoFactor: false }, IP),
      () => updateOrganisation(actor, org.id, { name: 'Renamed', kind: 'voluntary', requireTwoFactor: false }, IP),
      () => viewAuditLog(actor, {}, 1, IP),
      () => exportAuditCsv(actor, {}, IP),
      () => verifyAuditLog(actor, IP),
    ]
    for (const call of calls) {
      const refusal = await call().then(
        () => null,
        (e: unknown) => e,
      )
      expect(refusal).toBeInstanceOf(Response)
      expect((refusal as Response).status).toBe(403)
    }
    expect(await prisma.auditEvent.count()).toBe(before)
    expect(await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ role: target.role, active: true })
  })

  test('an administrator-shaped actor is still checked by role, not by name', async () => {
    const u = await createUser({ role: 'manager' })
    const actor = { id: u.id, role: 'manager', organisationId: u.organisationId, email: u.email } satisfies Actor & { email: string }
    await expect(listUsers(actor)).rejects.toBeInstanceOf(Response)
  })
})

describe('the users list', () => {
  test('filters by organisation, role and status, and pages', async () => {
    const admin = await newAdmin()
    const org = await createOrganisation({ kind: 'police' })
    for (let i = 0; i < 3; i++) await createUser({ role: 'officer', organisationId: org.id, name: `Officer ${i}` })
    await createUser({ role: 'manager', organisationId: org.id, name: 'Manager' })
    await createUser({ role: 'officer', organisationId: org.id, name: 'Gone', active: false, totpSecret: 'JBSWY3DPEHPK3PXP' })
    expect((await listUsers(admin, { organisationId: org.id })).total).toBe(5)
    expect((await listUsers(admin, { organisationId: org.id, role: 'officer' })).total).toBe(4)
    const deactivated = await listUsers(admin, { organisationId: org.id, status: 'deactivated' })
    expect(deactivated.rows.map((r) => r.name)).toEqual(['Gone'])
    expect(deactivated.rows[0]).toMatchObject({ active: false, twoFactor: true })
    expect(deactivated.rows[0]).not.toHaveProperty('totpSecret')
    const byEmailDesc = await listUsers(admin, { organisationId: org.id, sort: 'email', dir: 'desc' })
    const emails = byEmailDesc.rows.map((r) => r.email)
    expect(emails).toEqual([...emails].sort().reverse())
    // A page past the end shows the last page.
    expect((await listUsers(admin, { organisationId: org.id, page: 99 })).page).toBe(1)
  })
})

describe('organisations', () => {
  test('names are unique whatever the case; an update audits exactly what changed', async () => {
    const prisma = await db()
    const admin = await newAdmin()
    const created = await adminCreateOrganisation(admin, { name: 'Fernhollow Advocacy', kind: 'voluntary', inboxEmail: 'Team@Fernhollow.Example', requireTwoFactor: false }, IP)
    expect(created.ok).toBe(true)
    if (!created.ok) throw new Error('unreachable')
    expect(await prisma.organisation.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ inboxEmail: 'team@fernhollow.example' })
    expect(await auditRows(prisma, 'admin.organisation.created', created.id)).toHaveLength(1)
    expect(await adminCreateOrganisation(admin, { name: 'fernhollow advocacy', kind: 'health', requireTwoFactor: false }, IP)).toEqual({
      ok: false,
      field: 'name',
      message: 'An organisation with this name already exists',
    })

    const on = await updateOrganisation(admin, created.id, { name: 'Fernhollow Advocacy', kind: 'voluntary', inboxEmail: 'team@fernhollow.example', requireTwoFactor: true }, IP)
    expect(on).toEqual({ ok: true, changed: ['requireTwoFactor'] })
    const off = await updateOrganisation(admin, created.id, { name: 'Fernhollow Young People', kind: 'voluntary', inboxEmail: null, requireTwoFactor: false }, IP)
    expect(off).toEqual({ ok: true, changed: ['name', 'inboxEmail', 'requireTwoFactor'] })
    const rows = await auditRows(prisma, 'admin.organisation.updated', created.id)
    expect(rows.map((r) => r.details)).toEqual([
      { requireTwoFactor: { from: false, to: true } },
      {
        name: { from: 'Fernhollow Advocacy', to: 'Fernhollow Young People' },
        inboxEmail: { from: 'team@fernhollow.example', to: null },
        requireTwoFactor: { from: true, to: false },
      },
    ])
    // Saving without changes audits nothing.
    expect(await updateOrganisation(admin, created.id, { name: 'Fernhollow Young People', kind: 'voluntary', requireTwoFactor: false }, IP)).toEqual({ ok: true, changed: [] })
    expect(await auditRows(prisma, 'admin.organisation.updated', created.id)).toHaveLength(2)

    const other = await createOrganisation({ name: 'Another Service' })
    expect(await updateOrganisation(admin, other.id, { name: 'FERNHOLLOW YOUNG PEOPLE', kind: 'voluntary', requireTwoFactor: false }, IP)).toMatchObject({ ok: false, field: 'name' })
  })
})

describe('the audit log', () => {
  test('viewing is audited with its filters; filters find by action, actor, record and London day', async () => {
    const prisma = await db()
    const admin = await newAdmin()
    const target = await createUser({ role: 'advocate' })
    await changeRole(admin, target.id, 'officer', IP)

    const byAction = await viewAuditLog(admin, { action: 'admin.user.role' }, 1, IP)
    expect(byAction.rows.every((r) => r.action.startsWith('admin.user.role'))).toBe(true)
    expect(byAction.rows.some((r) => r.entityId === target.id)).toBe(true)
    const views = await prisma.auditEvent.findMany({ where: { action: 'audit.view', actorId: admin.id } })
    expect(views).toHaveLength(1)
    expect(views[0]!.details).toEqual({ filters: { action: 'admin.user.role' }, page: 1 })

    const byRecord = await viewAuditLog(admin, { entityId: target.id }, 1, IP)
    expect(byRecord.rows.map((r) => r.action)).toContain('admin.user.role_changed')
    const byActor = await viewAuditLog(admin, { actor: admin.email.toUpperCase().slice(0, 8) }, 1, IP)
    expect(byActor.rows.length).toBeGreaterThan(0)
    expect(byActor.rows.every((r) => r.actorEmail === admin.email || r.actorEmail?.toLowerCase().includes(admin.email.slice(0, 8)))).toBe(true)
    // Newest first.
    const seqs = byActor.rows.map((r) => Number(r.seq))
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a))

    const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(new Date())
    const part = (t: string) => today.find((p) => p.type === t)!.value
    const q = new URLSearchParams({ entityId: target.id, 'from-day': part('day'), 'from-month': part('month'), 'from-year': part('year'), 'to-day': part('day'), 'to-month': part('month'), 'to-year': part('year') })
    const todayOnly = parseAuditQuery(q)
    expect(todayOnly.errors).toEqual({ from: undefined, to: undefined })
    expect((await viewAuditLog(admin, todayOnly.filters, 1, IP)).total).toBeGreaterThan(0)
    const longAgo = parseAuditQuery(new URLSearchParams({ entityId: target.id, 'to-day': '1', 'to-month': '1', 'to-year': '2020' }))
    expect((await viewAuditLog(admin, longAgo.filters, 1, IP)).total).toBe(0)
  })

  test('the CSV export is audited, oldest first, and neutralises spreadsheet formulas', async () => {
    const prisma = await db()
    const admin = await newAdmin()
    // A sign-in attempt records the email as typed: anyone can put a formula there.
    await prisma.$transaction(async (tx) => {
      const { audit } = await import('~/services/audit.server')
      await audit({ action: 'auth.login.failure', entityType: 'login', entityId: '=HYPERLINK("http://evil.example","x")', ip: IP }, tx)
    })
    const { csv, rows, truncated } = await exportAuditCsv(admin, { action: 'auth.login.failure' }, IP)
    expect(truncated).toBe(false)
    const lines = csv.trimEnd().split('\r\n')
    expect(lines[0]).toBe('seq,at,actor_email,actor_id,action,entity_type,entity_id,ip,details,prev_hash,hash')
    expect(lines).toHaveLength(rows + 1)
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`)
    const [row] = await auditRows(prisma, 'audit.export')
    expect(row).toMatchObject({ actorId: admin.id, ip: IP, details: { filters: { action: 'auth.login.failure' }, rows, truncated: false, format: 'csv' } })
  })

  test('verification reports an intact chain, then finds a tampered row and returns it (audited both times)', async () => {
    const prisma = await db()
    const admin = await newAdmin()
    const intact = await verifyAuditLog(admin, IP)
    expect(intact.report.ok).toBe(true)
    expect(intact.brokenRow).toBeNull()

    const victim = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'admin.user.role_changed' } })
    await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete')
      await tx.$executeRawUnsafe(`UPDATE "AuditEvent" SET "details" = '{"role":{"from":"advocate","to":"admin"}}' WHERE seq = ${victim.seq}`)
      await tx.$executeRawUnsafe('ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete')
    })
    const broken = await verifyAuditLog(admin, IP)
    expect(broken.report).toMatchObject({ ok: false, brokenAtSeq: victim.seq.toString(), reason: 'hash_mismatch' })
    expect(broken.brokenRow).toMatchObject({ seq: victim.seq.toString(), action: 'admin.user.role_changed' })
    const verifies = await prisma.auditEvent.findMany({ where: { action: 'audit.verify', actorId: admin.id }, orderBy: { seq: 'asc' } })
    expect(verifies.map((v) => (v.details as { ok: boolean }).ok)).toEqual([true, false])
    expect((await verifyAuditChain()).ok).toBe(false)
  })
})

describe('date filter parsing (GOV.UK date input, London days)', () => {
  test('the start of the day in London, in winter (GMT) and summer (BST)', () => {
    expect(parseDayStart({ day: '15', month: '1', year: '2026' }, 'From').date?.toISOString()).toBe('2026-01-15T00:00:00.000Z')
    expect(parseDayStart({ day: '15', month: '7', year: '2026' }, 'From').date?.toISOString()).toBe('2026-07-14T23:00:00.000Z')
  })

  test('empty is no filter; missing parts and impossible dates are errors', () => {
    expect(parseDayStart({}, 'The from date')).toEqual({})
    expect(parseDayStart({ day: '1', year: '2026' }, 'The from date')).toEqual({ error: 'The from date must include a month' })
    expect(parseDayStart({ day: '31', month: '2', year: '2026' }, 'The to date')).toEqual({ error: 'The to date must be a real date' })
    expect(parseDayStart({ day: 'x', month: '2', year: '2026' }, 'The to date')).toEqual({ error: 'The to date must be a real date' })
    expect(parseDayStart({ day: '1', month: '2', year: '26' }, 'The to date')).toEqual({ error: 'The to date must be a real date' })
  })

  test('the to date includes its whole day and may not be before the from date', () => {
    const q = parseAuditQuery(new URLSearchParams({ 'from-day': '2', 'from-month': '3', 'from-year': '2026', 'to-day': '1', 'to-month': '3', 'to-year': '2026' }))
    expect(q.errors.to).toBe('The to date must be the same as or after the from date')
    expect(q.filters.to).toBeUndefined()
    const day = parseAuditQuery(new URLSearchParams({ 'to-day': '28', 'to-month': '3', 'to-year': '2026' }))
    // 29 March 2026 is the day the clocks go forward: London midnight is still 00:00 UTC.
    expect(day.filters.to?.toISOString()).toBe('2026-03-29T00:00:00.000Z')
    const oversized = parseAuditQuery(new URLSearchParams({ action: 'x'.repeat(5000), page: 'abc' }))
    expect(oversized.filters.action).toBeUndefined()
    expect(oversized.page).toBeUndefined()
  })
})
