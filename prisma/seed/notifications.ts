// Demo notification choices: one officer takes Victims' Code reminders and intelligence
// news in the weekly summary, so the demo shows a digest (Mondays from 7am, or at the first
// scheduler run later in the week) beside the immediate reminders everyone else gets. Every
// organisation already has a team inbox (ORGANISATIONS in prisma/seed.ts).
import type { Prisma } from '../../app/generated/prisma/client'

/** The demo user on the weekly summary (officer2@demo.example). */
export const WEEKLY_DIGEST_USER = 'officer2@demo.example'

export async function seedNotificationPreferences(tx: Prisma.TransactionClient, { userId }: { userId: string }) {
  await tx.notificationPreference.createMany({
    data: [
      { userId, kind: 'entitlements', delivery: 'weekly' },
      { userId, kind: 'intelligence', delivery: 'weekly' },
    ],
  })
}
