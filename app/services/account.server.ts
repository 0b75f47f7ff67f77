// What the /account page shows about the signed-in person's own sessions.
import { db } from './db.server'

/** The user's live, fully signed-in sessions, most recently active first. */
export async function listActiveSessions(userId: string) {
  const prisma = await db()
  return prisma.session.findMany({
    where: { userId, revokedAt: null, twoFactorPending: false, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: 'desc' },
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
  })
}
