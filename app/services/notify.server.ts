// Event emails: a change that someone should hear about at once — intelligence
// sent to a police force, a referral or sharing request made or answered — writes its outbox rows here,
// inside the change's own transaction (the rows commit or roll back with it). The caller wakes the
// worker after the commit (wakeAfterCommit).
//
// Whom: the organisation's team inbox when it has one; otherwise its active managers, each as they
// chose for that kind (only "immediate" emails now; a daily or weekly choice leaves it to the digest).
// What: the victim's pseudonymous reference, organisation names, a service label and a link — never a
// name, address, date of birth, the intelligence itself or a reason given for a decision.
import { serviceTypeLabel } from '~/domain/support/referrals'
import type { ReminderKind } from '~/domain/notifications/kinds'
import { inboxRecipient, notificationKeys, userRecipient, type RecipientKey, type ReferralState } from '~/domain/notifications/keys'
import type { Prisma } from '~/generated/prisma/client'
import type { EmailProps, EmailTemplate } from '#emails/catalogue'
import { appUrl, enqueueEmail, wakeEmailWorker } from './email.server'

type Tx = Prisma.TransactionClient


interface Recipient {
  to: string
  key: RecipientKey
  userId: string | null
  organisationId: string | null
}

const inbox = (org: { id: string; inboxEmail: string | null }): Recipient[] =>
  org.inboxEmail ? [{ to: org.inboxEmail, key: inboxRecipient(org.id), userId: null, organisationId: org.id }] : []

/** Whether the user wants this kind by email at once (no preference row = immediate). */
async function wantsNow(tx: Tx, userId: string, kind: ReminderKind) {
  const pref = await tx.notificationPreference.findUnique({ where: { userId_kind: { userId, kind } }, select: { delivery: true } })
  return !pref || pref.delivery === 'immediate'
}

/** The organisation's team inbox; without one, its active managers who want this kind at once. */
async function teamRecipients(tx: Tx, organisationId: string, kind: ReminderKind): Promise<Recipient[]> {
  const org = await tx.organisation.findUnique({ where: { id: organisationId }, select: { id: true, inboxEmail: true } })
  if (!org) return []
  if (org.inboxEmail) return inbox(org)
  const managers = await tx.user.findMany({
    where: { organisationId, role: 'manager', active: true },
    orderBy: { id: 'asc' },
    select: { id: true, email: true, notificationPrefs: { where: { kind }, select: { delivery: true } } },
  })
  return managers
    .filter((m) => (m.notificationPrefs[0]?.delivery ?? 'immediate') === 'immediate')
    .map((m) => ({ to: m.email, key: userRecipient(m.id), userId: m.id, organisationId: null }))
}

/** A person, when active and wanting this kind at once. */
async function personRecipient(tx: Tx, userId: string, kind: ReminderKind): Promise<Recipient[]> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, active: true } })
  if (!user?.active || !(await wantsNow(tx, user.id, kind))) return []
  return [{ to: user.email, key: userRecipient(user.id), userId: user.id, organisationId: null }]
}

/** One address gets one email, even when it is both a person's and a team inbox. */
function byAddress(recipients: Recipient[]): Recipient[] {
  const seen = new Set<string>()
  return recipients.filter((r) => {
    const address = r.to.toLowerCase()
    if (seen.has(address)) return false
    seen.add(address)
    return true
  })
}

/**
 * Who hears of a referral or sharing request: a new one goes to the receiving organisation's team; an
 * answer to the person who made it (who kept the kind as "immediate") and their organisation's inbox.
 * Both are 'referrals' emails.
 */
async function requestRecipients(
  tx: Tx,
  isNew: boolean,
  toOrganisationId: string,
  requesterId: string,
  fromOrganisation: { id: string; inboxEmail: string | null },
): Promise<Recipient[]> {
  if (isNew) return teamRecipients(tx, toOrganisationId, 'referrals')
  return [...(await personRecipient(tx, requesterId, 'referrals')), ...inbox(fromOrganisation)]
}

/** One outbox row per address (byAddress). Answers how many were queued (0 when all were already). */
async function queueEach<T extends EmailTemplate>(
  tx: Tx,
  recipients: Recipient[],
  template: T,
  props: EmailProps<T>,
  kind: ReminderKind,
  dedupeKey: (recipient: RecipientKey) => string,
): Promise<number> {
  let queued = 0
  for (const r of byAddress(recipients)) {
    const ok = await enqueueEmail(tx, { template, props, to: r.to, dedupeKey: dedupeKey(r.key), kind, userId: r.userId, organisationId: r.organisationId })
    if (ok) queued += 1
  }
  return queued
}

/** Queues "new intelligence for your force". Answers how many emails were queued (0 when all were already). */
export async function notifyIntelligenceReceived(tx: Tx, itemId: string): Promise<number> {
  const item = await tx.intelligenceItem.findUniqueOrThrow({
    where: { id: itemId },
    select: { id: true, policeOrganisation: { select: { id: true, name: true } } },
  })
  const force = item.policeOrganisation
  const props = { organisation: force.name, url: `${appUrl()}/intelligence/${item.id}` }
  const recipients = await teamRecipients(tx, force.id, 'intelligence')
  return queueEach(tx, recipients, 'intelligence-received', props, 'intelligence', (key) => notificationKeys.intelligenceReceived(item.id, key))
}

/**
 * Queues the referral email for its state: received → the receiving organisation (inbox, else its
 * managers); accepted or declined → the person who made it and the referring organisation's inbox.
 */
export async function notifyReferral(tx: Tx, referralId: string, state: ReferralState): Promise<number> {
  const r = await tx.referral.findUniqueOrThrow({
    where: { id: referralId },
    select: {
      id: true,
      serviceType: true,
      referredById: true,
      victim: { select: { reference: true } },
      fromOrganisation: { select: { id: true, name: true, inboxEmail: true } },
      toOrganisation: { select: { id: true, name: true } },
    },
  })
  const recipients = await requestRecipients(tx, state === 'received', r.toOrganisation.id, r.referredById, r.fromOrganisation)
  const props = {
    state,
    reference: r.victim.reference,
    service: serviceTypeLabel(r.serviceType),
    from: r.fromOrganisation.name,
    to: r.toOrganisation.name,
    url: `${appUrl()}/referrals/${r.id}`,
  }
  return queueEach(tx, recipients, 'referral-update', props, 'referrals', (key) => notificationKeys.referral(r.id, state, key))
}

/**
 * A sharing request (app/services/share-requests.server.ts): the receiving organisation's team hears
 * of a new one; the person who made it (and their organisation's inbox) of the answer. Someone refused
 * access is not told the record's reference.
 */
export async function notifyShare(tx: Tx, requestId: string, state: 'received' | 'linked' | 'declined' | 'approved' | 'refused'): Promise<number> {
  const r = await tx.shareRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      id: true,
      kind: true,
      requestedById: true,
      victim: { select: { reference: true } },
      fromOrganisation: { select: { id: true, name: true, inboxEmail: true } },
      toOrganisation: { select: { id: true, name: true } },
    },
  })
  const recipients = await requestRecipients(tx, state === 'received', r.toOrganisation.id, r.requestedById, r.fromOrganisation)
  const asker = r.kind === 'access' && state !== 'received' && state !== 'approved'
  const props = {
    state,
    kind: r.kind as 'police_report' | 'access',
    reference: asker ? null : r.victim.reference,
    from: r.fromOrganisation.name,
    to: r.toOrganisation.name,
    url: `${appUrl()}/requests/${r.id}`,
  }
  return queueEach(tx, recipients, 'share-update', props, 'referrals', (key) => notificationKeys.share(r.id, state, key))
}

/** Passes a committed transaction's result through, waking the email worker on the way. */
export function wakeAfterCommit<T>(result: T): T {
  wakeEmailWorker()
  return result
}
