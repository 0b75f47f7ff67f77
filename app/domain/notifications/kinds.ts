// The kinds of reminder a person can choose how to receive, and the choices. Account emails
// (password reset, two-factor, lockout) are always sent at once and are not a choice.

export const REMINDER_KINDS = ['entitlements', 'visits', 'hearings', 'intelligence', 'referrals'] as const
export type ReminderKind = (typeof REMINDER_KINDS)[number]

export const REMINDER_KIND_LABELS: Record<ReminderKind, { label: string; hint: string }> = {
  entitlements: { label: "Victims' Code rights", hint: 'A right your organisation owes is due tomorrow or overdue' },
  visits: { label: 'Follow-up visits', hint: 'A visit to a child you support is due or overdue' },
  hearings: { label: 'Hearings', hint: 'A hearing in a case you support is in the next 7 days' },
  intelligence: { label: 'Intelligence', hint: 'New intelligence has been sent to your force' },
  referrals: { label: 'Referrals', hint: 'A referral to your organisation, or one you made is accepted or declined' },
}

export const DELIVERIES = ['immediate', 'daily', 'weekly'] as const
export type Delivery = (typeof DELIVERIES)[number]

export const DELIVERY_LABELS: Record<Delivery, string> = {
  immediate: 'An email each time',
  daily: 'In a daily summary (each working day at 7am)',
  weekly: 'In a weekly summary (Mondays at 7am)',
}

export const isReminderKind = (value: string): value is ReminderKind => (REMINDER_KINDS as readonly string[]).includes(value)
export const isDelivery = (value: string): value is Delivery => (DELIVERIES as readonly string[]).includes(value)

/** A person's choice for each kind: immediate unless they chose a summary. */
export function deliveriesFrom(rows: { kind: string; delivery: string }[]): Record<ReminderKind, Delivery> {
  const chosen = Object.fromEntries(REMINDER_KINDS.map((k) => [k, 'immediate'])) as Record<ReminderKind, Delivery>
  for (const row of rows) if (isReminderKind(row.kind) && isDelivery(row.delivery)) chosen[row.kind] = row.delivery
  return chosen
}
