// Account security against a real database (the outbox itself: email-outbox.test.ts): password
// reset by one-time link, the locked-account email, and TOTP two-factor enrolment and sign-in codes (valid, wrong, replayed), plus the administrator's 2FA reset.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { generateTOTP } from '@epic-web/totp'
import type { ActionFunctionArgs } from '@remix-run/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { startMockResend, type CapturedEmail } from '#tests/mocks/resend-server'
import { createOrganisation, createUser } from '#tests/setup/world'
import { TOTP } from '~/domain/auth/totp'
import { attemptLogin, attemptSecondFactor } from '~/services/auth.server'
import { db } from '~/services/db.server'
import { BACKGROUND_DELAY_MS, emailDeliveriesSettled } from '~/services/email.server'
import { runEmailWorkerOnce } from '~/services/email-worker.server'
import {
  checkResetToken,
  completePasswordReset,
  requestPasswordReset,
  RESET_REQUESTS_PER_HOUR,
  sendSetPasswordEmail,
} from '~/services/password-reset.server'
import { verifyPassword } from '~/services/password.server'
import { createSession } from '~/services/session.server'
import { confirmEnrolment, newTotpSecret, resetTwoFactor, startEnrolment, verifySignInCode } from '~/services/two-factor.server'

// Email settings are switched per test: the real getEnv() with these values on top.
const env = vi.hoisted(() => ({ overrides: {} as Record<string, string | undefined> }))
vi.mock('~/services/env.server', async (importOriginal) => {
  const actual = await importOriginal<typeof import('~/services/env.server')>()
  return { ...actual, getEnv: () => ({ ...actual.getEnv(), ...env.overrides }) }
})

// Rendering can be held up (renderGate.closed), to show which answers wait for an email to be made.
const renderGate = vi.hoisted(() => ({ closed: null as Promise<void> | null }))
vi.mock('@react-email/render', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@react-email/render')>()
  return {
    ...actual,
    render: async (...args: Parameters<typeof actual.render>) => {
      if (renderGate.closed) await renderGate.closed
      return actual.render(...args)
    },
  }
})

const IP = '192.0.2.44'
const PASSWORD = 'correct horse battery staple'
const NEW_PASSWORD = 'a quite different passphrase'

let dataDir: string
let mock: Awaited<ReturnType<typeof startMockResend>>
let mockUrl: string


async function captured(to?: string): Promise<CapturedEmail[]> {
  const url = new URL('/emails', mockUrl)
  if (to) url.searchParams.set('to', to)
  return ((await (await fetch(url)).json()) as { data: CapturedEmail[] }).data
}

function useResend(baseUrl: string) {
  env.overrides.RESEND_API_KEY = 're_test_key'
  env.overrides.RESEND_BASE_URL = baseUrl
}


beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'waypoint-account-security-'))
  mock = await startMockResend(0)
  mockUrl = `http://127.0.0.1:${(mock.address() as { port: number }).port}`
})

afterAll(async () => {
  await emailDeliveriesSettled()
  await new Promise<void>((resolve) => mock.close(() => resolve()))
  rmSync(dataDir, { recursive: true, force: true })
})

beforeEach(async () => {
  env.overrides = { DATA_DIR: dataDir, APP_URL: 'https://waypoint.test.example' }
  useResend(mockUrl)
  await fetch(new URL('/emails', mockUrl), { method: 'DELETE' })
  // Most tests sign in from one address, whose failures only time clears: each starts with none.
  await (await db()).loginAttempt.deleteMany()
})

afterEach(async () => {
  // Background deliveries finish before the next test changes the settings.
  await emailDeliveriesSettled()
  vi.useRealTimers()
})

/** Background jobs finish, then the outbox worker sends what they queued. */
async function settle() {
  await emailDeliveriesSettled()
  await runEmailWorkerOnce()
}

async function outboxRows(to: string) {
  const prisma = await db()
  return prisma.outboxEmail.findMany({ where: { to }, orderBy: { createdAt: 'asc' } })
}

describe('password reset', () => {
  /**
   * The token in the reset link of the latest email to `to` that has one (the row's copy is erased
   * once sent). Other emails may arrive after it: a locked-account email is made after its answer.
   */
  async function latestToken(to: string): Promise<string> {
    await settle()
    const links = (await captured(to)).map((email) => /\/reset-password\/([A-Za-z0-9_-]+)/.exec(email.text ?? '')?.[1]).filter(Boolean)
    if (links.length === 0) throw new Error(`no reset link in the email to ${to}`)
    return links.at(-1)!
  }

  test('a request for an active account emails a one-time link built from APP_URL; only the hash is stored', async () => {
    const user = await createUser({ password: PASSWORD })
    await requestPasswordReset(`  ${user.email.toUpperCase()} `, IP)
    const token = await latestToken(user.email)
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const prisma = await db()
    const [row] = await prisma.passwordResetToken.findMany({ where: { userId: user.id } })
    expect(row).toMatchObject({ purpose: 'reset', usedAt: null })
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(row!.tokenHash).not.toContain(token)
    const minutes = (row!.expiresAt.getTime() - row!.createdAt.getTime()) / 60_000
    expect(minutes).toBeCloseTo(30, 0)
    const [email] = await captured(user.email)
    expect(email!.text).toContain(`https://waypoint.test.example/reset-password/${token}`)
    expect(await checkResetToken(token)).toEqual({ ok: true, userId: user.id, purpose: 'reset' })
  })

  test('an unknown or deactivated email gets no token and no email, but the request is audited', async () => {
    const inactive = await createUser({ password: PASSWORD, active: false })
    await requestPasswordReset('nobody-here@test.example', IP)
    await requestPasswordReset(inactive.email, IP)
    await emailDeliveriesSettled()
    const prisma = await db()
    expect(await prisma.passwordResetToken.count({ where: { userId: inactive.id } })).toBe(0)
    expect(await outboxRows('nobody-here@test.example')).toHaveLength(0)
    expect(await outboxRows(inactive.email)).toHaveLength(0)
    const audited = await prisma.auditEvent.findMany({ where: { action: 'auth.password.reset_requested', entityId: { in: ['nobody-here@test.example', inactive.email] } } })
    expect(audited).toHaveLength(2)
  })

  test('the forgot-password page answers the same whether or not an account exists', async () => {
    const { action } = await import('~/routes/forgot-password')
    const user = await createUser({ password: PASSWORD })
    const ask = async (email: string) => {
      const request = new Request('http://localhost/forgot-password', { method: 'POST', body: new URLSearchParams({ email }) })
      const result = await action({ request, context: { ip: IP }, params: {} } as unknown as ActionFunctionArgs)
      return JSON.stringify(result).replace(email, '<email>')
    }
    expect(await ask(user.email)).toBe(await ask('no-such-account@test.example'))
  })

  test('without APP_URL set, the link is on the local address, never the host the request named', async () => {
    delete env.overrides.APP_URL
    const { action } = await import('~/routes/forgot-password')
    const user = await createUser({ password: PASSWORD })
    const request = new Request('http://evil.example/forgot-password', {
      method: 'POST',
      headers: { host: 'evil.example' },
      body: new URLSearchParams({ email: user.email }),
    })
    await action({ request, context: { ip: IP }, params: {} } as unknown as ActionFunctionArgs)
    const token = await latestToken(user.email)
    const [email] = await captured(user.email)
    expect(email!.text).toContain(`http://localhost:${process.env.PORT ?? 3000}/reset-password/${token}`)
    expect(email!.text).not.toContain('evil.example')
  })

  test('at most a few reset emails per account per hour', async () => {
    const user = await createUser({ password: PASSWORD })
    for (let i = 0; i < RESET_REQUESTS_PER_HOUR + 2; i++) await requestPasswordReset(user.email, IP)
    await emailDeliveriesSettled()
    expect(await outboxRows(user.email)).toHaveLength(RESET_REQUESTS_PER_HOUR)
  })

  test('a reset sets the password, uses the link up, signs out every session and is audited', async () => {
    const prisma = await db()
    const user = await createUser({ password: PASSWORD })
    const sessions = await Promise.all([1, 2].map(() => createSession({ userId: user.id, ip: IP, userAgent: 'test', twoFactorPending: false })))
    await requestPasswordReset(user.email, IP)
    await requestPasswordReset(user.email, IP)
    const token = await latestToken(user.email)

    expect(await completePasswordReset(token, NEW_PASSWORD, IP)).toEqual({ ok: true, userId: user.id, purpose: 'reset' })
    const hash = (await prisma.password.findUniqueOrThrow({ where: { userId: user.id } })).hash
    expect(hash).toMatch(/^\$argon2id\$/)
    expect(await verifyPassword(hash, NEW_PASSWORD)).toBe(true)
    expect(await verifyPassword(hash, PASSWORD)).toBe(false)
    const after = await prisma.session.findMany({ where: { id: { in: sessions.map((s) => s.id) } } })
    expect(after.every((s) => s.revokedAt && s.revokedReason === 'password_reset')).toBe(true)
    // Every outstanding link of the account is used up, not just this one.
    expect(await prisma.passwordResetToken.count({ where: { userId: user.id, usedAt: null } })).toBe(0)
    const events = await prisma.auditEvent.findMany({ where: { action: 'auth.password.reset', entityId: user.id } })
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ actorId: user.id, ip: IP })

    // Single use.
    expect(await checkResetToken(token)).toEqual({ ok: false, reason: 'used' })
    expect(await completePasswordReset(token, 'yet another passphrase here', IP)).toEqual({ ok: false, reason: 'used' })
    expect(await verifyPassword((await prisma.password.findUniqueOrThrow({ where: { userId: user.id } })).hash, NEW_PASSWORD)).toBe(true)
  })

  test('two simultaneous submissions of one link: only one succeeds', async () => {
    const user = await createUser({ password: PASSWORD })
    await requestPasswordReset(user.email, IP)
    const token = await latestToken(user.email)
    const results = await Promise.all([completePasswordReset(token, 'first new passphrase', IP), completePasswordReset(token, 'second new passphrase', IP)])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
  })

  test('an expired link is refused and changes nothing', async () => {
    const prisma = await db()
    const user = await createUser({ password: PASSWORD })
    await requestPasswordReset(user.email, IP)
    const token = await latestToken(user.email)
    await prisma.passwordResetToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(await checkResetToken(token)).toEqual({ ok: false, reason: 'expired' })
    expect(await completePasswordReset(token, NEW_PASSWORD, IP)).toEqual({ ok: false, reason: 'expired' })
    expect(await verifyPassword((await prisma.password.findUniqueOrThrow({ where: { userId: user.id } })).hash, PASSWORD)).toBe(true)
  })

  test('unknown and malformed links are refused', async () => {
    for (const token of ['A'.repeat(43), '', 'short', 'x'.repeat(500), '../../etc/passwd', 'a b c']) {
      expect(await checkResetToken(token)).toEqual({ ok: false, reason: 'unknown' })
      expect(await completePasswordReset(token, NEW_PASSWORD, IP)).toEqual({ ok: false, reason: 'unknown' })
    }
  })

  test('a link stops working when the account is deactivated', async () => {
    const prisma = await db()
    const user = await createUser({ password: PASSWORD })
    await requestPasswordReset(user.email, IP)
    const token = await latestToken(user.email)
    await prisma.user.update({ where: { id: user.id }, data: { active: false } })
    expect(await completePasswordReset(token, NEW_PASSWORD, IP)).toEqual({ ok: false, reason: 'unknown' })
  })

  test('a completed reset ends a sign-in lockout on the account', async () => {
    const user = await createUser({ password: PASSWORD })
    let last
    for (let i = 0; i < 5; i++) last = await attemptLogin(user.email, 'wrong password', IP)
    expect(last).toMatchObject({ ok: false, reason: 'locked' })
    expect(await attemptLogin(user.email, PASSWORD, IP)).toMatchObject({ ok: false, reason: 'locked' })
    await requestPasswordReset(user.email, IP)
    expect((await completePasswordReset(await latestToken(user.email), NEW_PASSWORD, IP)).ok).toBe(true)
    expect(await attemptLogin(user.email, NEW_PASSWORD, IP)).toMatchObject({ ok: true, userId: user.id })
  })

  test('sendSetPasswordEmail sends a 72-hour link that sets the first password', async () => {
    const prisma = await db()
    const user = await createUser({ name: 'Newly Created' })
    await sendSetPasswordEmail(user.id)
    const token = await latestToken(user.email)
    const [row] = await outboxRows(user.email)
    expect(row).toMatchObject({ template: 'set-password', status: 'sent' })
    expect((await captured(user.email))[0]!.text).toContain('Newly Created')
    const stored = await prisma.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } })
    expect(stored.purpose).toBe('set')
    expect((stored.expiresAt.getTime() - stored.createdAt.getTime()) / 3_600_000).toBeCloseTo(72, 0)
    expect(await completePasswordReset(token, NEW_PASSWORD, IP)).toMatchObject({ ok: true, purpose: 'set' })
    expect(await prisma.auditEvent.count({ where: { action: 'auth.password.set', entityId: user.id } })).toBe(1)
    expect(await attemptLogin(user.email, NEW_PASSWORD, IP)).toMatchObject({ ok: true })
  })
})

describe('locked-account email', () => {
  test('is sent once when a real account becomes locked, not again while it stays locked', async () => {
    const user = await createUser({ password: PASSWORD })
    for (let i = 0; i < 4; i++) expect(await attemptLogin(user.email, 'wrong', IP)).toMatchObject({ reason: 'invalid' })
    expect(await attemptLogin(user.email, 'wrong', IP)).toMatchObject({ reason: 'locked' })
    for (let i = 0; i < 3; i++) expect(await attemptLogin(user.email, 'wrong', IP)).toMatchObject({ reason: 'locked' })
    await settle()
    const rows = await outboxRows(user.email)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ template: 'account-locked', status: 'sent' })
    expect(rows[0]!.dedupeKey).toMatch(new RegExp(`^account-locked:${user.id}:\\d+$`))
  })

  test('is not sent for an email with no account', async () => {
    const email = 'locked-nobody@test.example'
    for (let i = 0; i < 6; i++) await attemptLogin(email, 'wrong', IP)
    await emailDeliveriesSettled()
    expect(await outboxRows(email)).toHaveLength(0)
  })
})

describe('two-factor sign-in', () => {
  /** The code an authenticator app would show at `ms` (Date is faked only while it is computed). */
  async function codeAt(secret: string, ms: number): Promise<string> {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(ms)
    try {
      return (await generateTOTP({ ...TOTP, secret })).otp
    } finally {
      vi.useRealTimers()
    }
  }
  const codeNow = (secret: string) => codeAt(secret, Date.now())

  async function enrolledUser(opts: { requireTwoFactor?: boolean } = {}) {
    const org = await createOrganisation({ requireTwoFactor: opts.requireTwoFactor ?? false })
    const user = await createUser({ password: PASSWORD, organisationId: org.id })
    const { secret } = await startEnrolment(user.id)
    // Enrol with the previous step's code, so "now" and "next" are both fresh afterwards.
    expect(await confirmEnrolment(user, await codeAt(secret, Date.now() - 30_000), IP)).toBe(true)
    return { user, secret }
  }

  test('enrolment keeps one pending secret until confirmed, refuses a wrong code, then turns 2FA on', async () => {
    const prisma = await db()
    const user = await createUser({ password: PASSWORD })
    const current = await createSession({ userId: user.id, ip: IP, userAgent: 'this one', twoFactorPending: false })
    const other = await createSession({ userId: user.id, ip: IP, userAgent: 'other', twoFactorPending: false })
    const first = await startEnrolment(user.id)
    const again = await startEnrolment(user.id)
    expect(again.secret).toBe(first.secret)
    expect(first.secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(first.uri).toContain('otpauth://totp/Waypoint:')
    expect(first.uri).toContain(`secret=${first.secret}`)
    expect(first.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(Buffer.from(first.qrDataUrl.split(',')[1]!, 'base64').toString()).toContain('<svg')

    const good = await codeNow(first.secret)
    const wrong = good === '000000' ? '111111' : '000000'
    expect(await confirmEnrolment({ ...user, sessionId: current.id }, wrong, IP)).toBe(false)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).totpSecret).toBeNull()

    expect(await confirmEnrolment({ ...user, sessionId: current.id }, good, IP)).toBe(true)
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(after).toMatchObject({ totpSecret: first.secret, totpPendingSecret: null })
    expect(after.totpEnrolledAt).toBeInstanceOf(Date)
    expect(after.totpLastCounter).toBeGreaterThan(0)
    expect(await prisma.auditEvent.count({ where: { action: 'auth.2fa.enrolled', entityId: user.id, actorId: user.id } })).toBe(1)
    // The owner is told (an outbox row written with the change); sessions that never passed a second factor are signed out.
    const [email] = await outboxRows(user.email)
    expect(email).toMatchObject({ template: 'two-factor-enrolled', status: 'pending' })
    expect((await prisma.session.findUniqueOrThrow({ where: { id: current.id } })).revokedAt).toBeNull()
    expect((await prisma.session.findUniqueOrThrow({ where: { id: other.id } })).revokedReason).toBe('2fa_enrolled')
    // The code that confirmed enrolment cannot then be used to sign in.
    expect(await verifySignInCode(user.id, good)).toBe(false)
  })

  test('a valid code is accepted once; the same code again, an older one and a wrong one are refused', async () => {
    const { user, secret } = await enrolledUser()
    const now = await codeNow(secret)
    expect(await verifySignInCode(user.id, now)).toBe(true)
    expect(await verifySignInCode(user.id, now)).toBe(false)
    expect(await verifySignInCode(user.id, await codeAt(secret, Date.now() - 30_000))).toBe(false)
    const next = await codeAt(secret, Date.now() + 30_000)
    if (next !== now) {
      // A code for the next step (clock drift) is still accepted, once.
      expect(await verifySignInCode(user.id, next)).toBe(true)
      expect(await verifySignInCode(user.id, next)).toBe(false)
    }
    for (const bad of ['', '12345', 'abcdef', '1234567']) expect(await verifySignInCode(user.id, bad)).toBe(false)
  })

  test('a user without two-factor never passes a code check', async () => {
    const user = await createUser()
    expect(await verifySignInCode(user.id, '123456')).toBe(false)
    expect(await verifySignInCode('no-such-user', '123456')).toBe(false)
  })

  test('wrong codes at sign-in are audited and count towards the same lockout as passwords', async () => {
    const prisma = await db()
    const { user, secret } = await enrolledUser()
    const good = await codeNow(secret)
    const wrong = String((Number(good) + 500_000) % 1_000_000).padStart(6, '0')
    for (let i = 0; i < 4; i++) expect(await attemptSecondFactor(user, wrong, IP)).toEqual({ ok: false, reason: 'invalid' })
    expect(await attemptSecondFactor(user, wrong, IP)).toMatchObject({ ok: false, reason: 'locked' })
    // Locked: even the right code is refused now, and the password step is locked too.
    expect(await attemptSecondFactor(user, good, IP)).toMatchObject({ ok: false, reason: 'locked' })
    expect(await attemptLogin(user.email, PASSWORD, IP)).toMatchObject({ ok: false, reason: 'locked' })
    expect(await prisma.loginAttempt.count({ where: { email: user.email, success: false } })).toBe(5)
    expect(await prisma.auditEvent.count({ where: { action: 'auth.2fa.failure', entityId: user.id } })).toBe(5)
    await emailDeliveriesSettled()
    expect((await outboxRows(user.email)).filter((r) => r.template === 'account-locked')).toHaveLength(1)
  })

  test('a right code at sign-in is audited as a success', async () => {
    const prisma = await db()
    const { user, secret } = await enrolledUser()
    expect(await attemptSecondFactor(user, await codeNow(secret), IP)).toEqual({ ok: true })
    expect(await prisma.auditEvent.count({ where: { action: 'auth.2fa.success', entityId: user.id } })).toBe(1)
  })

  test('password sign-in asks for a second factor only once enrolled', async () => {
    const plain = await createUser({ password: PASSWORD })
    expect(await attemptLogin(plain.email, PASSWORD, IP)).toMatchObject({ ok: true, needsSecondFactor: false })
    const { user } = await enrolledUser()
    expect(await attemptLogin(user.email, PASSWORD, IP)).toMatchObject({ ok: true, needsSecondFactor: true })
  })

  test("an administrator's reset clears two-factor, signs the user out everywhere and is audited", async () => {
    const prisma = await db()
    const admin = await createUser({ role: 'admin' })
    const { user } = await enrolledUser({ requireTwoFactor: true })
    const session = await createSession({ userId: user.id, ip: IP, userAgent: 'x', twoFactorPending: false })
    await resetTwoFactor(user.id, admin, IP)
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(after).toMatchObject({ totpSecret: null, totpPendingSecret: null, totpEnrolledAt: null, totpLastCounter: null })
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).revokedReason).toBe('2fa_reset')
    expect(await prisma.auditEvent.count({ where: { action: 'admin.user.2fa_reset', entityId: user.id, actorId: admin.id } })).toBe(1)
    expect(await attemptLogin(user.email, PASSWORD, IP)).toMatchObject({ ok: true, needsSecondFactor: false })
  })
})

describe('answers that must not reveal whether an account exists', () => {
  /** Runs `answer` while no email can be rendered: it must finish without waiting for one. */
  async function answersWithoutWaitingForAnEmail<T>(answer: () => Promise<T>): Promise<T> {
    let release!: () => void
    renderGate.closed = new Promise<void>((resolve) => {
      release = resolve
    })
    try {
      const timeout = new Promise<'waited for an email'>((resolve) => setTimeout(() => resolve('waited for an email'), 3_000))
      const result = await Promise.race([answer(), timeout])
      expect(result).not.toBe('waited for an email')
      return result as T
    } finally {
      renderGate.closed = null
      release()
    }
  }

  test('a reset request for a real account answers before its email is made, and the email follows', async () => {
    const prisma = await db()
    const user = await createUser({ password: PASSWORD })
    await answersWithoutWaitingForAnEmail(() => requestPasswordReset(user.email, '192.0.2.61'))
    expect(await outboxRows(user.email)).toHaveLength(0)
    // Nothing at all is done for the account until well after the answer: no link issued yet either.
    await new Promise((resolve) => setTimeout(resolve, BACKGROUND_DELAY_MS / 4))
    expect(await prisma.passwordResetToken.count({ where: { userId: user.id } })).toBe(0)
    await settle()
    const rows = await outboxRows(user.email)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ template: 'password-reset', status: 'sent' })
  })

  test('the sign-in that locks a real account answers before the locked-account email is made', async () => {
    const user = await createUser({ password: PASSWORD })
    for (let i = 0; i < 4; i++) await attemptLogin(user.email, 'wrong', '192.0.2.62')
    const result = await answersWithoutWaitingForAnEmail(() => attemptLogin(user.email, 'wrong', '192.0.2.62'))
    expect(result).toMatchObject({ ok: false, reason: 'locked' })
    await new Promise((resolve) => setTimeout(resolve, BACKGROUND_DELAY_MS / 4))
    expect(await outboxRows(user.email)).toHaveLength(0)
    await emailDeliveriesSettled()
    expect((await outboxRows(user.email)).map((r) => r.template)).toEqual(['account-locked'])
  })

  test('reset requests arriving together still get at most the hourly number of links', async () => {
    const prisma = await db()
    const user = await createUser({ password: PASSWORD })
    await Promise.all(Array.from({ length: RESET_REQUESTS_PER_HOUR + 3 }, () => requestPasswordReset(user.email, '192.0.2.63')))
    await emailDeliveriesSettled()
    expect(await prisma.passwordResetToken.count({ where: { userId: user.id } })).toBe(RESET_REQUESTS_PER_HOUR)
    expect(await outboxRows(user.email)).toHaveLength(RESET_REQUESTS_PER_HOUR)
  })
})

describe('sign-in throttling per address', () => {
  test('a success from an address does not clear its failures on other accounts: only time does', async () => {
    const ip = '192.0.2.81'
    const user = await createUser({ password: PASSWORD })
    // 19 failures spread over accounts, each below its own limit of 5; the address allows 20.
    for (let i = 0; i < 19; i++) {
      expect(await attemptLogin(`sprayed-${i % 5}@test.example`, 'wrong', ip)).toMatchObject({ reason: 'invalid' })
    }
    expect(await attemptLogin(user.email, PASSWORD, ip)).toMatchObject({ ok: true })
    expect(await attemptLogin('sprayed-5@test.example', 'wrong', ip)).toMatchObject({ reason: 'invalid' })
    expect(await attemptLogin('sprayed-6@test.example', 'wrong', ip)).toMatchObject({ ok: false, reason: 'locked' })
    expect(await attemptLogin(user.email, PASSWORD, ip)).toMatchObject({ ok: false, reason: 'locked' })
  })
})

describe('sign-in lockout with two-factor sign-in', () => {
  async function userWithTwoFactor() {
    const secret = newTotpSecret()
    const user = await createUser({ password: PASSWORD, totpSecret: secret })
    const { otp } = await generateTOTP({ ...TOTP, secret })
    // Off by half the code space from the code shown now; the odds of hitting a neighbouring step's code are 2 in 10^6.
    const wrong = String((Number(otp) + 500_000) % 1_000_000).padStart(6, '0')
    return { user, secret, wrong }
  }

  test('knowing the password does not buy more guesses at the code: signing in again keeps the count', async () => {
    const ip = '192.0.2.71'
    const { user, wrong } = await userWithTwoFactor()
    for (let round = 0; round < 2; round++) {
      expect(await attemptLogin(user.email, PASSWORD, ip)).toMatchObject({ ok: true, needsSecondFactor: true })
      for (let i = 0; i < 2; i++) expect(await attemptSecondFactor(user, wrong, ip)).toEqual({ ok: false, reason: 'invalid' })
    }
    expect(await attemptLogin(user.email, PASSWORD, ip)).toMatchObject({ ok: true, needsSecondFactor: true })
    expect(await attemptSecondFactor(user, wrong, ip)).toMatchObject({ ok: false, reason: 'locked' })
    expect(await attemptLogin(user.email, PASSWORD, ip)).toMatchObject({ ok: false, reason: 'locked' })
    await emailDeliveriesSettled()
    expect((await outboxRows(user.email)).filter((r) => r.template === 'account-locked')).toHaveLength(1)
  })

  test('wrong passwords and wrong codes count together', async () => {
    const ip = '192.0.2.72'
    const { user, wrong } = await userWithTwoFactor()
    for (let i = 0; i < 4; i++) expect(await attemptLogin(user.email, 'wrong', ip)).toMatchObject({ ok: false, reason: 'invalid' })
    expect(await attemptLogin(user.email, PASSWORD, ip)).toMatchObject({ ok: true, needsSecondFactor: true })
    expect(await attemptSecondFactor(user, wrong, ip)).toMatchObject({ ok: false, reason: 'locked' })
  })

  test('a right code completes sign-in and clears earlier failures', async () => {
    const ip = '192.0.2.73'
    const { user, secret, wrong } = await userWithTwoFactor()
    expect(await attemptLogin(user.email, PASSWORD, ip)).toMatchObject({ ok: true, needsSecondFactor: true })
    for (let i = 0; i < 4; i++) expect(await attemptSecondFactor(user, wrong, ip)).toEqual({ ok: false, reason: 'invalid' })
    expect(await attemptSecondFactor(user, (await generateTOTP({ ...TOTP, secret })).otp, ip)).toEqual({ ok: true })
    for (let i = 0; i < 4; i++) expect(await attemptLogin(user.email, 'wrong', ip)).toMatchObject({ ok: false, reason: 'invalid' })
  })

  test('without two-factor sign-in the right password still clears earlier failures', async () => {
    const ip = '192.0.2.74'
    const user = await createUser({ password: PASSWORD })
    for (let i = 0; i < 4; i++) await attemptLogin(user.email, 'wrong', ip)
    expect(await attemptLogin(user.email, PASSWORD, ip)).toMatchObject({ ok: true, needsSecondFactor: false })
    for (let i = 0; i < 4; i++) expect(await attemptLogin(user.email, 'wrong', ip)).toMatchObject({ ok: false, reason: 'invalid' })
  })
})

describe('account pages (route actions with a signed-in session)', () => {
  /** A signed-in session for `userId` and the Cookie header that carries it. */
  async function signedIn(userId: string, twoFactorPending = false) {
    const session = await createSession({ userId, ip: IP, userAgent: 'integration test', twoFactorPending })
    return { id: session.id, cookie: session.setCookie.split(';')[0]! }
  }

  function post(path: string, cookie: string, form: Record<string, string>) {
    return new Request(`http://localhost${path}`, { method: 'POST', headers: { cookie }, body: new URLSearchParams(form) })
  }

  const args = (request: Request, params: Record<string, string> = {}) =>
    ({ request, context: { ip: IP }, params }) as unknown as ActionFunctionArgs

  /** Runs an action; a thrown Response (redirect or refusal) is returned like a returned one. */
  async function run(action: (a: ActionFunctionArgs) => Promise<unknown>, request: Request): Promise<{ status: number; location: string | null; body: unknown }> {
    try {
      const result = await action(args(request))
      if (result instanceof Response) return { status: result.status, location: result.headers.get('location'), body: null }
      const init = (result as { init?: { status?: number } } | null)?.init
      return { status: init?.status ?? 200, location: null, body: (result as { data?: unknown }).data ?? result }
    } catch (thrown) {
      if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get('location'), body: null }
      throw thrown
    }
  }

  test('"Sign out of all other sessions" revokes every other session, keeps this one, and is audited', async () => {
    const { action } = await import('~/routes/account._index')
    const prisma = await db()
    const user = await createUser({ password: PASSWORD })
    const others = await Promise.all([signedIn(user.id), signedIn(user.id), signedIn(user.id, true)])
    const stranger = await signedIn((await createUser()).id)
    const me = await signedIn(user.id)
    const result = await run(action, post('/account', me.cookie, { intent: 'sign-out-others' }))
    expect(result).toMatchObject({ status: 302, location: '/account' })
    const sessions = await prisma.session.findMany({ where: { id: { in: [...others.map((o) => o.id), me.id, stranger.id] } } })
    const byId = new Map(sessions.map((s) => [s.id, s]))
    for (const o of others) expect(byId.get(o.id)!.revokedReason).toBe('signed_out_elsewhere')
    expect(byId.get(me.id)!.revokedAt).toBeNull()
    expect(byId.get(stranger.id)!.revokedAt).toBeNull()
    const [event] = await prisma.auditEvent.findMany({ where: { action: 'auth.sessions.revoked_others', actorId: user.id } })
    expect(event).toMatchObject({ entityId: user.id, details: { count: 3 } })
  })

  test('the account page refuses an unknown action with 400 and sends the signed-out to sign in', async () => {
    const { action } = await import('~/routes/account._index')
    const user = await createUser({ password: PASSWORD })
    const me = await signedIn(user.id)
    expect(await run(action, post('/account', me.cookie, { intent: 'delete-everything' }))).toMatchObject({ status: 400 })
    expect(await run(action, post('/account', '', { intent: 'sign-out-others' }))).toMatchObject({ status: 302, location: '/login?redirectTo=%2Faccount' })
  })

  test('turning two-factor off needs a current code, and is refused when the organisation requires it', async () => {
    const { action } = await import('~/routes/account.two-factor')
    const prisma = await db()
    const code = async (secret: string) => (await generateTOTP({ ...TOTP, secret })).otp

    const requiredOrg = await createOrganisation({ requireTwoFactor: true })
    const secretA = newTotpSecret()
    const required = await createUser({ password: PASSWORD, organisationId: requiredOrg.id, totpSecret: secretA })
    const a = await signedIn(required.id)
    expect(await run(action, post('/account/two-factor', a.cookie, { intent: 'disable', code: await code(secretA) }))).toMatchObject({ status: 403 })
    expect((await prisma.user.findUniqueOrThrow({ where: { id: required.id } })).totpSecret).toBe(secretA)

    const secretB = newTotpSecret()
    const optional = await createUser({ password: PASSWORD, totpSecret: secretB })
    const b = await signedIn(optional.id)
    const good = await code(secretB)
    const wrong = String((Number(good) + 500_000) % 1_000_000).padStart(6, '0')
    expect(await run(action, post('/account/two-factor', b.cookie, { intent: 'disable', code: wrong }))).toMatchObject({ status: 400 })
    expect(await run(action, post('/account/two-factor', b.cookie, { intent: 'disable' }))).toMatchObject({ status: 400 })
    expect(await run(action, post('/account/two-factor', b.cookie, { code: good }))).toMatchObject({ status: 400 })
    expect((await prisma.user.findUniqueOrThrow({ where: { id: optional.id } })).totpSecret).toBe(secretB)
    // The wrong code counted towards lockout, like one at sign-in.
    expect(await prisma.loginAttempt.count({ where: { email: optional.email, success: false } })).toBe(1)

    expect(await run(action, post('/account/two-factor', b.cookie, { intent: 'disable', code: good }))).toMatchObject({ status: 302, location: '/account' })
    expect(await prisma.user.findUniqueOrThrow({ where: { id: optional.id } })).toMatchObject({ totpSecret: null, totpEnrolledAt: null })
    expect(await prisma.auditEvent.count({ where: { action: 'auth.2fa.disabled', entityId: optional.id } })).toBe(1)
  })

  test('the second-factor page: only a pending session may use it; a right code rotates to a new, full session', async () => {
    const { action } = await import('~/routes/login_.two-factor')
    const prisma = await db()
    const secret = newTotpSecret()
    const user = await createUser({ password: PASSWORD, totpSecret: secret })
    expect(await run(action, post('/login/two-factor', '', { code: '123456' }))).toMatchObject({ status: 302, location: '/login' })
    const full = await signedIn(user.id)
    expect(await run(action, post('/login/two-factor', full.cookie, { code: '123456' }))).toMatchObject({ status: 302, location: '/' })

    const pending = await signedIn(user.id, true)
    expect(await run(action, post('/login/two-factor', pending.cookie, { code: 'abc' }))).toMatchObject({ status: 400 })
    const { otp } = await generateTOTP({ ...TOTP, secret })
    const request = post('/login/two-factor', pending.cookie, { code: otp, redirectTo: '//evil.example/x' })
    const response = (await action(args(request)).catch((r: unknown) => r)) as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/')
    expect(response.headers.get('set-cookie')).toMatch(/__waypoint_session=/)
    expect((await prisma.session.findUniqueOrThrow({ where: { id: pending.id } })).revokedReason).toBe('second_factor_completed')
    const fresh = await prisma.session.findMany({ where: { userId: user.id, revokedAt: null, twoFactorPending: false, id: { not: full.id } } })
    expect(fresh).toHaveLength(1)
  })
})
