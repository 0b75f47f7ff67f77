// Server-side sessions: the cookie carries only a random, signed session id; the Session row
// holds everything else, so a session can be revoked (sign out, sign out elsewhere, deactivation,
// password reset) and expires after SESSION_IDLE_MINUTES idle or SESSION_ABSOLUTE_MINUTES in all.
import { randomBytes } from 'node:crypto'
import { createCookie, createCookieSessionStorage, redirect } from '@remix-run/node'
import { absoluteExpiry, sessionState, shouldTouch, type SessionPolicy } from '~/domain/auth/session-rules'
import { db } from './db.server'
import { getEnv } from './env.server'

let generatedSecret: string | undefined
function secret(): string {
  // Outside production an unset secret is generated per process: sessions then end on restart.
  generatedSecret ??= getEnv().SESSION_SECRET ?? randomBytes(32).toString('hex')
  return generatedSecret
}

function secure() {
  return getEnv().NODE_ENV === 'production'
}

let cookie: ReturnType<typeof createCookie> | undefined
function sessionCookie() {
  cookie ??= createCookie('__waypoint_session', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secure(),
    secrets: [secret()],
  })
  return cookie
}

export function sessionPolicy(): SessionPolicy {
  const env = getEnv()
  return { idleMinutes: env.SESSION_IDLE_MINUTES, absoluteMinutes: env.SESSION_ABSOLUTE_MINUTES }
}

export async function readSessionId(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get('cookie'))
  return typeof value === 'string' && value.length > 0 ? value : null
}

export async function createSession(opts: {
  userId: string
  ip: string
  userAgent: string | null
  twoFactorPending: boolean
}): Promise<{ id: string; setCookie: string }> {
  const prisma = await db()
  const now = new Date()
  const id = randomBytes(32).toString('base64url')
  await prisma.session.create({
    data: {
      id,
      userId: opts.userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: absoluteExpiry(now, sessionPolicy()),
      twoFactorPending: opts.twoFactorPending,
      ip: opts.ip,
      userAgent: opts.userAgent?.slice(0, 300) ?? null,
    },
  })
  return { id, setCookie: await sessionCookie().serialize(id) }
}

export async function clearSessionCookie(): Promise<string> {
  return sessionCookie().serialize('', { maxAge: 0 })
}

// A page view asks for its session several times (the root loader, the route's loader, and
// requireUser itself): reads share one load per request object. Not for actions, which may change
// the session (sign-in, revocation) between two asks.
const sessionsOfReads = new WeakMap<Request, ReturnType<typeof readSession>>()

/** The live session for this request with its user, or null (expired ones are revoked on the way). */
export function loadSession(request: Request) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return readSession(request)
  let session = sessionsOfReads.get(request)
  if (!session) {
    session = readSession(request)
    sessionsOfReads.set(request, session)
  }
  return session
}

async function readSession(request: Request) {
  const id = await readSessionId(request)
  if (!id) return null
  const prisma = await db()
  const session = await prisma.session.findUnique({
    where: { id },
    include: { user: { include: { organisation: true } } },
  })
  if (!session) return null
  const now = new Date()
  const state = sessionState(session, now, sessionPolicy())
  if (state !== 'active') {
    if (!session.revokedAt) {
      await prisma.session.update({ where: { id }, data: { revokedAt: now, revokedReason: state } })
    }
    return null
  }
  if (!session.user.active) return null
  if (shouldTouch(session.lastSeenAt, now)) {
    await prisma.session.update({ where: { id }, data: { lastSeenAt: now } })
  }
  return session
}

export async function revokeSession(id: string, reason: string) {
  const prisma = await db()
  await prisma.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: reason } })
}

export async function revokeUserSessions(userId: string, reason: string, exceptId?: string) {
  const prisma = await db()
  const { count } = await prisma.session.updateMany({
    where: { userId, revokedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    data: { revokedAt: new Date(), revokedReason: reason },
  })
  return count
}

// Flash messages after a redirect (GOV.UK notification banner), in a short-lived cookie of their own.
type FlashData = { message: FlashMessage }
let flashStorage: ReturnType<typeof createCookieSessionStorage<FlashData, FlashData>> | undefined
function flash() {
  flashStorage ??= createCookieSessionStorage<FlashData, FlashData>({
    cookie: { name: '__waypoint_flash', httpOnly: true, sameSite: 'lax', path: '/', secure: secure(), secrets: [secret()] },
  })
  return flashStorage
}

export interface FlashMessage {
  kind: 'success' | 'info'
  title?: string
  message: string
}

export async function setFlash(request: Request, message: FlashMessage): Promise<string> {
  const storage = flash()
  const s = await storage.getSession(request.headers.get('cookie'))
  s.flash('message', message)
  return storage.commitSession(s)
}

/**
 * Redirects after a change, with the banner that says what happened on the page it lands on. Typed
 * as redirect() is: a plain Response in an action's answers would make useActionData `any`.
 */
export async function redirectWithFlash(
  request: Request,
  to: string,
  message: string | FlashMessage,
  init?: ResponseInit,
): Promise<ReturnType<typeof redirect>> {
  const headers = new Headers(init?.headers)
  headers.append('Set-Cookie', await setFlash(request, typeof message === 'string' ? { kind: 'success', message } : message))
  return redirect(to, { ...init, headers })
}

export async function takeFlash(request: Request): Promise<{ message: FlashMessage | null; setCookie: string | null }> {
  const storage = flash()
  const s = await storage.getSession(request.headers.get('cookie'))
  const message = s.get('message') ?? null
  return { message, setCookie: message ? await storage.commitSession(s) : null }
}
