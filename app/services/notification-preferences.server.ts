// "Your notifications": each person chooses, per kind of reminder, an email each
// time or a daily or weekly summary; a manager also sets their own organisation's team inbox (the
// address emails go to when no one person owns a task). No row means an email each time, so
// choosing "immediate" deletes the row. Every change is audited with the choices only.
import { deliveriesFrom, REMINDER_KINDS, type Delivery, type ReminderKind } from '~/domain/notifications/kinds'
import type { Actor } from '~/domain/access/policy'
import { audit, type AuditActor } from './audit.server'
import { forbidden, normaliseEmail } from './auth.server'
import { db } from './db.server'


export const canSetTeamInbox = (actor: Actor) => actor.role === 'manager'

/** The person's choices for each kind, and (managers only) their organisation's team inbox. */
export async function getNotificationSettings(actor: Actor) {
  const prisma = await db()
  const [rows, organisation] = await Promise.all([
    prisma.notificationPreference.findMany({ where: { userId: actor.id }, select: { kind: true, delivery: true } }),
    canSetTeamInbox(actor) ? prisma.organisation.findUnique({ where: { id: actor.organisationId }, select: { id: true, name: true, inboxEmail: true } }) : null,
  ])
  return { deliveries: deliveriesFrom(rows), team: organisation }
}

/** Saves the person's choices; audits what changed ({ from, to } per kind) and answers the kinds changed. */
export async function saveNotificationPreferences(actor: AuditActor, chosen: Record<ReminderKind, Delivery>, ip: string): Promise<{ changed: ReminderKind[] }> {
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const before = deliveriesFrom(await tx.notificationPreference.findMany({ where: { userId: actor.id }, select: { kind: true, delivery: true } }))
    const changed = REMINDER_KINDS.filter((k) => before[k] !== chosen[k])
    if (changed.length === 0) return { changed }
    for (const kind of changed) {
      if (chosen[kind] === 'immediate') await tx.notificationPreference.deleteMany({ where: { userId: actor.id, kind } })
      else
        await tx.notificationPreference.upsert({
          where: { userId_kind: { userId: actor.id, kind } },
          create: { userId: actor.id, kind, delivery: chosen[kind] },
          update: { delivery: chosen[kind] },
        })
    }
    await audit(
      {
        actor,
        action: 'notifications.preferences.updated',
        entityType: 'user',
        entityId: actor.id,
        ip,
        details: {
          from: Object.fromEntries(changed.map((k) => [k, before[k]])),
          to: Object.fromEntries(changed.map((k) => [k, chosen[k]])),
        },
      },
      tx,
    )
    return { changed }
  })
}

/**
 * Sets (or, with null, clears) the team inbox of the manager's own organisation. Audited like the
 * administrator's organisation page: `{ inboxEmail: { from, to } }`; nothing changed, nothing audited.
 */
export async function setTeamInbox(actor: AuditActor, inboxEmail: string | null, ip: string): Promise<{ changed: boolean }> {
  if (!canSetTeamInbox(actor)) throw forbidden()
  const to = inboxEmail?.trim() ? normaliseEmail(inboxEmail) : null
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({ where: { id: actor.organisationId }, select: { inboxEmail: true } })
    if (before.inboxEmail === to) return { changed: false }
    await tx.organisation.update({ where: { id: actor.organisationId }, data: { inboxEmail: to } })
    await audit(
      {
        actor,
        action: 'organisation.updated',
        entityType: 'organisation',
        entityId: actor.organisationId,
        ip,
        details: { inboxEmail: { from: before.inboxEmail, to } },
      },
      tx,
    )
    return { changed: true }
  })
}
