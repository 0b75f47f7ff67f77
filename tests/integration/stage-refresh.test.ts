// Stored case stages that move with time alone (a hearing date passing, the appeal window
// closing) are brought up to date by refreshTimeDependentStages, so the stage filter stays true.
import { beforeAll, expect, test } from 'vitest'
import { deriveCaseStage } from '~/domain/journey/derive'
import { TIME_DEPENDENT_STAGES } from '~/domain/journey/stages'
import { db } from '~/services/db.server'
import { refreshTimeDependentStages } from '~/services/journal.server'
import { seedDemo } from '../../prisma/seed'

beforeAll(async () => {
  await seedDemo(await db())
})

async function stages() {
  const prisma = await db()
  return new Map((await prisma.case.findMany({ select: { crimeReference: true, stage: true } })).map((c) => [c.crimeReference, c.stage]))
}

test('nothing moves when the stored stages are already those of today', async () => {
  expect(await refreshTimeDependentStages()).toBe(0)
})

test('a year on, every case in a time-dependent stage is re-derived; the others are left alone', async () => {
  const prisma = await db()
  const before = await stages()
  const later = new Date(Date.now() + 365 * 86_400_000)
  const moved = await refreshTimeDependentStages(later)
  const after = await stages()
  expect(moved).toBeGreaterThan(0)
  // The sentenced case's appeal window has closed; hearings listed have all gone by.
  expect(after.get('NM/25/001093')).toBe('post_sentence')
  const cases = await prisma.case.findMany({ select: { crimeReference: true, defendants: { select: { id: true } }, events: true } })
  for (const c of cases) {
    const was = before.get(c.crimeReference)!
    if ((TIME_DEPENDENT_STAGES as readonly string[]).includes(was)) {
      expect(after.get(c.crimeReference), c.crimeReference).toBe(deriveCaseStage(c.events, { now: later, defendantIds: c.defendants.map((d) => d.id) }))
    } else {
      expect(after.get(c.crimeReference), c.crimeReference).toBe(was)
    }
  }
  expect([...after].filter(([ref, stage]) => before.get(ref) !== stage).length).toBe(moved)
})
