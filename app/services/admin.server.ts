// Administration: users, organisations and the audit log (DESIGN §roles: administrators manage
// these and see no casework). Every function takes the acting administrator and re-checks the role
// (defence in depth behind the routes' requireRole), and every change is audited in the same
// transaction as the change, with what changed (never a password or a secret).
import { TZDate } from '@date-fns/tz'
import { stringify } from 'csv-stringify/sync'
import { z } from 'zod'
import { canAdminister, type Actor, type Role } from '~/domain/access/policy'
import { ORGANISATION_KINDS, ROLES } from '~/domain/access/roles'
import type { ChainReport } from '~/domain/audit/chain'
import type { OrganisationKind, Prisma } from '~/generated/prisma/client'
import { audit, verifyAuditChain } from './audit.server'
import { forbidden, normaliseEmail } from './auth.server'
import { db } from './db.server'
import { logger } from './logger.server'
import { sendSetPasswordEmail } from './password-reset.server'
import { revokeUserSessions } from './session.server'
import { resetTwoFactor } from './two-factor.server'

export type AdminActor = Actor & { email: string }

export const USERS_PAGE_SIZE = 25
export const AUDIT_PAGE_SIZE = 50
/** The most rows one CSV export holds; narrow the filters for more. */
export const AUDIT_EXPORT_LIMIT = 50_000

function requireAdmin(actor: Actor) {
  if (!canAdminister(actor)) throw forbidden()
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002'

export type Failure<F extends string> = { ok: false; field: F; message: string }

// ---- users -------------------------------------------------------------------------------------

export const USER_SORTS = ['name', 'email', 'role', 'organisation'] as const
export type UserSort = (typeof USER_SORTS)[number]

// List pages read filters from the query string; a bad value is ignored, never an error.
const UserListQuerySchema = z.object({
  organisationId: z.string().min(1).max(40).optional().catch(undefined),
  role: z.enum(ROLES as [Role, ...Role[]]).optional().catch(undefined),
  status: z.enum(['active', 'deactivated']).optional().catch(undefined),
  sort: z.enum(USER_SORTS).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
})
export type UserListQuery = z.infer<typeof UserListQuerySchema>

export function parseUserListQuery(searchParams: URLSearchParams): UserListQuery {
  return UserListQuerySchema.parse(Object.fromEntries(searchParams))
}

function userOrder(sort: UserSort = 'name', dir: 'asc' | 'desc' = 'asc'): Prisma.UserOrderByWithRelationInput[] {
  switch (sort) {
    case 'email':
      return [{ email: dir }]
    case 'role':
      return [{ role: dir }, { name: 'asc' }]
    case 'organisation':
      return [{ organisation: { name: dir } }, { name: 'asc' }]
    case 'name':
      return [{ name: dir }, { email: 'asc' }]
  }
}

export async function listUsers(actor: AdminActor, q: UserListQuery = {}) {
  requireAdmin(actor)
  const prisma = await db()
  const where: Prisma.UserWhereInput = {
    ...(q.organisationId ? { organisationId: q.organisationId } : {}),
    ...(q.role ? { role: q.role } : {}),
    ...(q.status ? { active: q.status === 'active' } : {}),
  }
  const total = await prisma.user.count({ where })
  const pages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE))
  const page = Math.min(Math.max(1, q.page ?? 1), pages)
  const rows = await prisma.user.findMany({
    where,
    orderBy: userOrder(q.sort, q.dir),
    skip: (page - 1) * USERS_PAGE_SIZE,
    take: USERS_PAGE_SIZE,
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      totpSecret: true,
      organisation: { select: { id: true, name: true, requireTwoFactor: true } },
    },
  })
  return {
    total,
    page,
    pageSize: USERS_PAGE_SIZE,
    // Only whether two-factor sign-in is set up leaves this module, never the secret.
    rows: rows.map(({ totpSecret, ...u }) => ({ ...u, twoFactor: Boolean(totpSecret) })),
  }
}

/**
 * Everything the users list page needs (also the administrator's home page): the page of users
 * for the query string's filters, and the organisations to filter by.
 */
export async function adminUsersPage(actor: AdminActor, searchParams: URLSearchParams) {
  const query = parseUserListQuery(searchParams)
  const [users, organisations] = await Promise.all([listUsers(actor, query), listOrganisations(actor)])
  return { users, organisations: organisations.map((o) => ({ value: o.id, label: o.name })), query }
}
export type AdminUsersPageData = Awaited<ReturnType<typeof adminUsersPage>>

export async function getUser(actor: AdminActor, userId: string) {
  requireAdmin(actor)
  const prisma = await db()
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      totpSecret: true,
      totpEnrolledAt: true,
      createdAt: true,
      password: { select: { updatedAt: true } },
      organisation: { select: { id: true, name: true, requireTwoFactor: true } },
      _count: { select: { sessions: { where: { revokedAt: null, twoFactorPending: false, expiresAt: { gt: new Date() } } } } },
      sessions: { orderBy: { createdAt: 'desc' }, take: 1, where: { twoFactorPending: false }, select: { createdAt: true } },
    },
  })
  if (!user) return null
  const { totpSecret, password, sessions, _count, ...rest } = user
  return {
    ...rest,
    twoFactor: Boolean(totpSecret),
    passwordSet: Boolean(password),
    activeSessions: _count.sessions,
    lastSignIn: sessions[0]?.createdAt ?? null,
  }
}
export type AdminUser = NonNullable<Awaited<ReturnType<typeof getUser>>>

export interface NewUserInput {
  name: string
  email: string
  role: Role
  organisationId: string
}

/**
 * Creates an account without a password and emails the person a link to choose one. The email
 * address is unique (case-insensitive).
 */
export async function createUser(
  actor: AdminActor,
  input: NewUserInput,
  ip: string,
  request?: Request,
): Promise<{ ok: true; id: string; emailSent: boolean } | Failure<'email' | 'organisationId'>> {
  requireAdmin(actor)
  const prisma = await db()
  const email = normaliseEmail(input.email)
  const duplicate: Failure<'email'> = { ok: false, field: 'email', message: 'An account with this email already exists' }
  let id: string
  try {
    const result = await prisma.$transaction(async (tx) => {
      const organisation = await tx.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true, name: true } })
      if (!organisation) return { ok: false, field: 'organisationId', message: 'Select an organisation' } as const
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) return duplicate
      const user = await tx.user.create({ data: { name: input.name, email, role: input.role, organisationId: organisation.id } })
      await audit(
        {
          actor,
          action: 'admin.user.created',
          entityType: 'user',
          entityId: user.id,
          ip,
          details: { name: user.name, email: user.email, role: user.role, organisation: { id: organisation.id, name: organisation.name } },
        },
        tx,
      )
      return { ok: true, id: user.id } as const
    })
    if (!result.ok) return result
    id = result.id
  } catch (error) {
    // Two administrators adding the same person at once: the unique index decides.
    if (isUniqueViolation(error)) return duplicate
    throw error
  }
  return { ok: true, id, emailSent: await trySendSetPasswordEmail(id, request) }
}

/** The account exists either way; a failed send is logged (never the address) and can be retried. */
async function trySendSetPasswordEmail(userId: string, request?: Request): Promise<boolean> {
  try {
    await sendSetPasswordEmail(userId, request)
    return true
  } catch (error) {
    logger.error({ userId, err: error instanceof Error ? error.message : 'unknown' }, 'set-password email failed')
    return false
  }
}

export type UserChangeFailure = { ok: false; reason: 'not_found' | 'self' | 'no_password_needed' }
type UserChangeResult<T = object> = ({ ok: true; changed: boolean } & T) | UserChangeFailure

/** Administrators change other people's accounts; their own settings are on "Your account". */
const selfChange = (actor: Actor, userId: string): UserChangeFailure | null => (actor.id === userId ? { ok: false, reason: 'self' } : null)

export async function changeRole(actor: AdminActor, userId: string, role: Role, ip: string): Promise<UserChangeResult<{ sessionsRevoked: number }>> {
  requireAdmin(actor)
  const refused = selfChange(actor, userId)
  if (refused) return refused
  const prisma = await db()
  const outcome = await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true } })
    if (!before) return 'not_found' as const
    if (before.role === role) return 'unchanged' as const
    await tx.user.update({ where: { id: userId }, data: { role } })
    await audit({ actor, action: 'admin.user.role_changed', entityType: 'user', entityId: userId, ip, details: { role: { from: before.role, to: role } } }, tx)
    return 'changed' as const
  })
  if (outcome === 'not_found') return { ok: false, reason: 'not_found' }
  if (outcome === 'unchanged') return { ok: true, changed: false, sessionsRevoked: 0 }
  // What a role may see changes with it: the person signs in again under the new role.
  const sessionsRevoked = await revokeUserSessions(userId, 'role_changed')
  return { ok: true, changed: true, sessionsRevoked }
}

/** Deactivating signs the person out everywhere; their records and audit history stay. */
export async function setUserActive(actor: AdminActor, userId: string, active: boolean, ip: string): Promise<UserChangeResult<{ sessionsRevoked: number }>> {
  requireAdmin(actor)
  const refused = selfChange(actor, userId)
  if (refused) return refused
  const prisma = await db()
  const outcome = await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { active: true } })
    if (!before) return 'not_found' as const
    if (before.active === active) return 'unchanged' as const
    await tx.user.update({ where: { id: userId }, data: { active } })
    await audit(
      { actor, action: active ? 'admin.user.reactivated' : 'admin.user.deactivated', entityType: 'user', entityId: userId, ip, details: { active: { from: before.active, to: active } } },
      tx,
    )
    return 'changed' as const
  })
  if (outcome === 'not_found') return { ok: false, reason: 'not_found' }
  // A deactivated account's sessions already stop working (loadSession checks `active`); revoking
  // them ends them for good, so reactivation does not bring them back.
  const sessionsRevoked = !active ? await revokeUserSessions(userId, 'deactivated') : 0
  return { ok: true, changed: outcome === 'changed', sessionsRevoked }
}

/** For a lost phone: clears the person's two-factor secret and signs them out everywhere (audited by two-factor.server). */
export async function adminResetTwoFactor(actor: AdminActor, userId: string, ip: string): Promise<UserChangeResult> {
  requireAdmin(actor)
  const refused = selfChange(actor, userId)
  if (refused) return refused
  const prisma = await db()
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpPendingSecret: true } })
  if (!user) return { ok: false, reason: 'not_found' }
  if (!user.totpSecret && !user.totpPendingSecret) return { ok: true, changed: false }
  await resetTwoFactor(userId, actor, ip)
  return { ok: true, changed: true }
}

/** Sends a new set-password link to someone who has not chosen a password yet. */
export async function resendSetPasswordEmail(actor: AdminActor, userId: string, ip: string, request?: Request): Promise<UserChangeResult<{ emailSent: boolean }>> {
  requireAdmin(actor)
  const refused = selfChange(actor, userId)
  if (refused) return refused
  const prisma = await db()
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { active: true, password: { select: { userId: true } } } })
  if (!user) return { ok: false, reason: 'not_found' }
  if (user.password || !user.active) return { ok: false, reason: 'no_password_needed' }
  await audit({ actor, action: 'admin.user.set_password_email_sent', entityType: 'user', entityId: userId, ip })
  return { ok: true, changed: true, emailSent: await trySendSetPasswordEmail(userId, request) }
}

// ---- organisations -----------------------------------------------------------------------------

export async function listOrganisations(actor: AdminActor) {
  requireAdmin(actor)
  const prisma = await db()
  return prisma.organisation.findMany({
    orderBy: { name: 'asc' },
    select: { id: true, name: true, kind: true, inboxEmail: true, requireTwoFactor: true, _count: { select: { users: { where: { active: true } } } } },
  })
}

export async function getOrganisation(actor: AdminActor, id: string) {
  requireAdmin(actor)
  const prisma = await db()
  return prisma.organisation.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      kind: true,
      inboxEmail: true,
      requireTwoFactor: true,
      _count: { select: { users: { where: { active: true } } } },
    },
  })
}

export interface OrganisationInput {
  name: string
  kind: OrganisationKind
  inboxEmail?: string | null
  requireTwoFactor: boolean
}

const ORGANISATION_FIELDS = ['name', 'kind', 'inboxEmail', 'requireTwoFactor'] as const
const duplicateName: Failure<'name'> = { ok: false, field: 'name', message: 'An organisation with this name already exists' }

function organisationData(input: OrganisationInput) {
  if (!ORGANISATION_KINDS.includes(input.kind)) throw new Error('unknown organisation kind')
  return { name: input.name.trim(), kind: input.kind, inboxEmail: input.inboxEmail ? normaliseEmail(input.inboxEmail) : null, requireTwoFactor: input.requireTwoFactor }
}

export async function createOrganisation(actor: AdminActor, input: OrganisationInput, ip: string): Promise<{ ok: true; id: string } | Failure<'name'>> {
  requireAdmin(actor)
  const prisma = await db()
  const data = organisationData(input)
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.organisation.findFirst({ where: { name: { equals: data.name, mode: 'insensitive' } }, select: { id: true } })) return duplicateName
      const org = await tx.organisation.create({ data })
      await audit({ actor, action: 'admin.organisation.created', entityType: 'organisation', entityId: org.id, ip, details: { ...data } }, tx)
      return { ok: true, id: org.id } as const
    })
  } catch (error) {
    if (isUniqueViolation(error)) return duplicateName
    throw error
  }
}

/** Saves the changes and audits exactly what changed (`{ field: { from, to } }`); nothing changed, nothing audited. */
export async function updateOrganisation(
  actor: AdminActor,
  id: string,
  input: OrganisationInput,
  ip: string,
): Promise<{ ok: true; changed: (typeof ORGANISATION_FIELDS)[number][] } | Failure<'name'> | { ok: false; field: null; message: 'not_found' }> {
  requireAdmin(actor)
  const prisma = await db()
  const data = organisationData(input)
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await tx.organisation.findUnique({ where: { id } })
      if (!before) return { ok: false, field: null, message: 'not_found' } as const
      const clash = await tx.organisation.findFirst({ where: { id: { not: id }, name: { equals: data.name, mode: 'insensitive' } }, select: { id: true } })
      if (clash) return duplicateName
      const changed = ORGANISATION_FIELDS.filter((k) => before[k] !== data[k])
      if (changed.length === 0) return { ok: true, changed } as const
      await tx.organisation.update({ where: { id }, data })
      await audit(
        {
          actor,
          action: 'admin.organisation.updated',
          entityType: 'organisation',
          entityId: id,
          ip,
          details: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: data[k] }])),
        },
        tx,
      )
      return { ok: true, changed } as const
    })
  } catch (error) {
    if (isUniqueViolation(error)) return duplicateName
    throw error
  }
}

// ---- audit log ---------------------------------------------------------------------------------

export interface DateParts {
  day?: string
  month?: string
  year?: string
}

/**
 * A GOV.UK date input's three parts → the start of that day in London (audit times are instants;
 * administrators think in UK days). Empty → no date; anything else not a real date → an error.
 */
export function parseDayStart(parts: DateParts, label: string): { date?: Date; error?: string } {
  const day = parts.day?.trim() ?? ''
  const month = parts.month?.trim() ?? ''
  const year = parts.year?.trim() ?? ''
  if (!day && !month && !year) return {}
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean)
  if (missing.length) return { error: `${label} must include a ${missing.join(' and ')}` }
  if (![day, month, year].every((p) => /^\d+$/.test(p)) || year.length !== 4) return { error: `${label} must be a real date` }
  const [d, m, y] = [Number(day), Number(month), Number(year)]
  const probe = new Date(Date.UTC(y, m - 1, d))
  if (m < 1 || m > 12 || probe.getUTCDate() !== d || probe.getUTCMonth() !== m - 1 || y < 2000 || y > 2100) {
    return { error: `${label} must be a real date` }
  }
  return { date: new Date(new TZDate(y, m - 1, d, 'Europe/London').getTime()) }
}

const nextLondonDay = (start: Date) => {
  const t = new TZDate(start.getTime(), 'Europe/London')
  return new Date(new TZDate(t.getFullYear(), t.getMonth(), t.getDate() + 1, 'Europe/London').getTime())
}

const text = (max: number) => z.string().trim().max(max).optional().catch(undefined).transform((v) => v || undefined)

const AuditQuerySchema = z.object({
  action: text(100),
  actor: text(254),
  entityId: text(200),
  'from-day': text(4),
  'from-month': text(4),
  'from-year': text(6),
  'to-day': text(4),
  'to-month': text(4),
  'to-year': text(6),
  page: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
})

export interface AuditFilters {
  /** Actions starting with this, e.g. "auth.login" or "admin.user". */
  action?: string
  /** Actor's email containing this (any case), or the actor's id. */
  actor?: string
  entityId?: string
  /** From the start of this instant (inclusive) … */
  from?: Date
  /** … to before this instant. */
  to?: Date
}

/**
 * The audit page's filters from its query string (or the export form), with the values as typed
 * for redisplay and an error for each date that is not a real date (that filter is then ignored).
 */
export function parseAuditQuery(input: URLSearchParams | FormData) {
  const raw = AuditQuerySchema.parse(Object.fromEntries([...input.entries()].filter(([, v]) => typeof v === 'string')))
  const fromParts = { day: raw['from-day'], month: raw['from-month'], year: raw['from-year'] }
  const toParts = { day: raw['to-day'], month: raw['to-month'], year: raw['to-year'] }
  const from = parseDayStart(fromParts, 'The from date')
  const to = parseDayStart(toParts, 'The to date')
  const errors: { from?: string; to?: string } = { from: from.error, to: to.error }
  if (from.date && to.date && to.date < from.date) errors.to = 'The to date must be the same as or after the from date'
  const filters: AuditFilters = {
    action: raw.action,
    actor: raw.actor,
    entityId: raw.entityId,
    from: from.date,
    to: to.date && !errors.to ? nextLondonDay(to.date) : undefined,
  }
  return {
    filters,
    values: { action: raw.action, actor: raw.actor, entityId: raw.entityId, from: fromParts, to: toParts },
    errors,
    page: raw.page,
  }
}

function auditWhere(f: AuditFilters): Prisma.AuditEventWhereInput {
  return {
    ...(f.action ? { action: { startsWith: f.action } } : {}),
    ...(f.actor ? { OR: [{ actorEmail: { contains: f.actor, mode: 'insensitive' } }, { actorId: f.actor }] } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
  }
}

/** Filters as recorded in the audit row of a view or export (dates as ISO instants). */
const filtersForAudit = (f: AuditFilters) =>
  Object.fromEntries(
    Object.entries({ ...f, from: f.from?.toISOString(), to: f.to?.toISOString() }).filter(([, v]) => v !== undefined),
  ) as Prisma.InputJsonObject

const auditRow = (r: { seq: bigint; at: Date; actorId: string | null; actorEmail: string | null; action: string; entityType: string | null; entityId: string | null; ip: string | null; details: Prisma.JsonValue; hash: string }) => ({
  seq: r.seq.toString(),
  at: r.at,
  actorId: r.actorId,
  actorEmail: r.actorEmail,
  action: r.action,
  entityType: r.entityType,
  entityId: r.entityId,
  ip: r.ip,
  details: r.details === null ? null : JSON.stringify(r.details),
  hash: r.hash,
})
export type AuditRow = ReturnType<typeof auditRow>

/** Newest first. Viewing the audit log is itself audited ('audit.view'). */
export async function viewAuditLog(actor: AdminActor, filters: AuditFilters, page: number | undefined, ip: string) {
  requireAdmin(actor)
  const prisma = await db()
  await audit({ actor, action: 'audit.view', entityType: 'audit', ip, details: { filters: filtersForAudit(filters), page: page ?? 1 } })
  const where = auditWhere(filters)
  const total = await prisma.auditEvent.count({ where })
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE))
  const current = Math.min(Math.max(1, page ?? 1), pages)
  const rows = await prisma.auditEvent.findMany({ where, orderBy: { seq: 'desc' }, skip: (current - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE })
  return { total, page: current, pageSize: AUDIT_PAGE_SIZE, rows: rows.map(auditRow) }
}

/** Walks the whole chain; when broken, also returns the first row that fails. Audited ('audit.verify'). */
export async function verifyAuditLog(actor: AdminActor, ip: string): Promise<{ report: ChainReport; brokenRow: AuditRow | null }> {
  requireAdmin(actor)
  const report = await verifyAuditChain()
  let brokenRow: AuditRow | null = null
  if (!report.ok) {
    const prisma = await db()
    const row = await prisma.auditEvent.findUnique({ where: { seq: BigInt(report.brokenAtSeq) } })
    brokenRow = row ? auditRow(row) : null
  }
  await audit({ actor, action: 'audit.verify', entityType: 'audit', ip, details: { ...report } })
  return { report, brokenRow }
}

// RFC 4180 CSV through csv-stringify. Cells that a spreadsheet would run as a formula (= + - @,
// tab, CR) are first prefixed with an apostrophe (OWASP "CSV injection"): the audit log holds text
// typed by anyone, such as the email address tried at sign-in.
const neutralise = (value: string | null | undefined) => {
  const v = value ?? ''
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
}

export const csvLine = (cells: readonly (string | null | undefined)[]) =>
  // Any line break inside a cell is quoted, not only CRLF, so every reader sees one record per row.
  stringify([cells.map(neutralise)], { record_delimiter: 'windows', quoted_match: /[\r\n]/ })

/** One cell as it appears in the file (used by tests). */
export const csvCell = (value: string | null | undefined) => csvLine([value]).replace(/\r\n$/, '')

const CSV_HEADER = ['seq', 'at', 'actor_email', 'actor_id', 'action', 'entity_type', 'entity_id', 'ip', 'details', 'prev_hash', 'hash']

/**
 * The filtered audit log as CSV, oldest first (at most AUDIT_EXPORT_LIMIT rows: `truncated` says
 * so). The export itself is audited ('audit.export') with its filters and row count.
 */
export async function exportAuditCsv(actor: AdminActor, filters: AuditFilters, ip: string): Promise<{ csv: string; rows: number; truncated: boolean }> {
  requireAdmin(actor)
  const prisma = await db()
  const where = auditWhere(filters)
  const total = await prisma.auditEvent.count({ where })
  const lines = [csvLine(CSV_HEADER)]
  let after: bigint | undefined
  let rows = 0
  while (rows < AUDIT_EXPORT_LIMIT) {
    const batch = await prisma.auditEvent.findMany({
      where: after === undefined ? where : { AND: [where, { seq: { gt: after } }] },
      orderBy: { seq: 'asc' },
      take: Math.min(1000, AUDIT_EXPORT_LIMIT - rows),
    })
    if (batch.length === 0) break
    for (const r of batch) {
      lines.push(
        csvLine([r.seq.toString(), r.at.toISOString(), r.actorEmail, r.actorId, r.action, r.entityType, r.entityId, r.ip, r.details === null ? '' : JSON.stringify(r.details), r.prevHash, r.hash]),
      )
    }
    rows += batch.length
    after = batch[batch.length - 1]!.seq
  }
  const truncated = total > rows
  await audit({ actor, action: 'audit.export', entityType: 'audit', ip, details: { filters: filtersForAudit(filters), rows, truncated, format: 'csv' } })
  return { csv: lines.join(''), rows, truncated }
}
