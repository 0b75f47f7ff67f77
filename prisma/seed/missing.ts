// Demo missing episodes, invented: two of advocate@'s Brightpath victims went
// missing and came back. Ruby's return home interview was completed within 72 hours, with findings
// to pass to the police as intelligence; Zainab returned yesterday and her interview is due. Dates
// are relative to the seed's `now`, so the 72-hour clock is current whenever the demo is seeded.
import { randomUUID } from 'node:crypto'
import type { Prisma } from '../../app/generated/prisma/client'
import type { UserKey, VictimKey } from './people'

const HOUR = 3_600_000

export async function seedMissingEpisodes(
  tx: Prisma.TransactionClient,
  keys: { now: Date; victimId: (key: VictimKey) => string; userId: (key: UserKey) => string; organisationId: string },
) {
  const ago = (hours: number) => new Date(keys.now.getTime() - hours * HOUR)
  const episode = (victim: VictimKey, v: Omit<Prisma.MissingEpisodeCreateManyInput, 'victimId' | 'organisationId' | 'recordedById' | 'idempotencyKey'>) => ({
    victimId: keys.victimId(victim),
    organisationId: keys.organisationId,
    recordedById: keys.userId('advocate'),
    idempotencyKey: `seed-missing-${randomUUID()}`,
    recordedAt: v.returnedAt ?? v.missingFrom,
    ...v,
  })
  const rubyBack = ago(12 * 24 + 3)
  const result = await tx.missingEpisode.createMany({
    data: [
      episode('ruby', {
        missingFrom: ago(14 * 24 + 5),
        returnedAt: rubyBack,
        reportedToPolice: true,
        policeReference: 'NM-MISS-20417',
        foundBy: 'police',
        rhiStatus: 'completed',
        rhiAt: new Date(rubyBack.getTime() + 30 * HOUR),
        rhiBy: 'Priya Lomax, Brightpath return interview worker',
        rhiFindings:
          'Said an older male collects her from school in a car and takes her to a flat above a takeaway. Would not give his name. (Invented demo detail.)',
        version: 2,
      }),
      episode('zainab', {
        missingFrom: ago(44),
        returnedAt: ago(20),
        reportedToPolice: true,
        policeReference: 'NM-MISS-20533',
        foundBy: 'family_or_carer',
      }),
    ],
  })
  return result.count
}
