// Demo intelligence for the police, on the visits prisma/seed.ts has just
// created for Amira and Leah: one item submitted with an invented force reference, one new, one
// returned with a question; and Leah's visit records a new suspect, waiting for the officer to
// record it on the case. Everything here is invented: usernames, vehicles, places, references.
import type { Prisma } from '../../app/generated/prisma/client'
import type { UserKey, VictimKey } from './people'

export interface IntelligenceSeedKeys {
  victimId: (key: VictimKey) => string
  userId: (key: UserKey) => string
  orgId: (key: 'police' | 'brightpath') => string
}

/** The reference the submitted demo item carries (searchable in tests). */
export const DEMO_INTELLIGENCE_REFERENCE = 'INT/NM/26/00417'

export async function seedIntelligence(tx: Prisma.TransactionClient, { victimId, userId, orgId }: IntelligenceSeedKeys) {
  const visitOn = async (victim: VictimKey, isoDate: string) =>
    tx.visit.findFirstOrThrow({
      where: { victimId: victimId(victim), at: { gte: new Date(`${isoDate}T00:00:00Z`), lt: new Date(`${isoDate}T23:59:59Z`) } },
      select: { id: true, at: true },
    })
  const amiraFirst = await visitOn('amira', '2026-10-01')
  const amiraSchool = await visitOn('amira', '2026-10-27')
  const leahVisit = await visitOn('leah', '2026-11-02')

  // The new suspect Leah named: the officer is prompted to record it on her case.
  await tx.visit.update({
    where: { id: leahVisit.id },
    data: {
      disclosure: 'new_offence_or_suspect',
      disclosureNotes: 'Named a second man, known to her only as “Tee”, who drove her to a house in Fellgate in the summer (invented demo detail).',
    },
  })

  const common = { policeOrganisationId: orgId('police'), authorId: userId('advocate'), authorOrganisationId: orgId('brightpath') }
  const after = (d: Date, hours: number) => new Date(d.getTime() + hours * 3_600_000)
  await tx.intelligenceItem.createMany({
    data: [
      {
        ...common,
        victimId: victimId('amira'),
        visitId: amiraFirst.id,
        subject: 'vehicle',
        detail:
          'A silver hatchback with a partial registration beginning “NX7” collects her and two other girls outside Dalebridge library on Friday evenings. The driver is called “Jay”. Source: the young person.',
        sourceEvaluation: '2',
        intelligenceAssessment: 'A',
        handlingCode: 'P',
        status: 'submitted',
        policeReference: DEMO_INTELLIGENCE_REFERENCE,
        reviewedById: userId('officer'),
        reviewedAt: after(amiraFirst.at, 44),
        version: 2,
        createdAt: after(amiraFirst.at, 2),
      },
      {
        ...common,
        victimId: victimId('amira'),
        visitId: amiraSchool.id,
        subject: 'online_account',
        detail:
          'A messaging account with the username “dale_jay_99” sends her messages after midnight and offers lifts. She showed the profile; she does not know who runs it. Source: the young person.',
        sourceEvaluation: '2',
        intelligenceAssessment: 'B',
        handlingCode: 'C',
        handlingConditions: 'Not to be shared with her school: she fears other pupils will find out.',
        createdAt: after(amiraSchool.at, 1),
      },
      {
        ...common,
        victimId: victimId('leah'),
        visitId: leahVisit.id,
        subject: 'place',
        detail:
          'A house near the allotments in Fellgate with a blue door is used for parties where older men give girls alcohol. Source: the young person, told by a friend.',
        sourceEvaluation: '2',
        intelligenceAssessment: 'C',
        handlingCode: 'P',
        status: 'returned',
        question: 'Can she say which road the house is on, or what can be seen from it?',
        reviewedById: userId('officer'),
        reviewedAt: after(leahVisit.at, 50),
        version: 2,
        createdAt: after(leahVisit.at, 3),
      },
    ],
  })
}
