// Missing episodes through the real services and database: recording (a double submit records one;
// a return before the start or in the future is refused next to the field and nothing is saved),
// the 72-hour return home interview clock (in time or late, by the injected clock), concurrent edits,
// who may see and record, the home page's caseload, and an audit without what the child said.
import { beforeAll, describe, expect, test } from 'vitest'
import type { MissingEpisodeInput } from '~/domain/missing/episodes'
import { db } from '~/services/db.server'
import {
  getEpisodeForm,
  getEpisodeForUpdate,
  getMissingEpisode,
  listMissingEpisodes,
  missingOnCaseload,
  recordMissingEpisode,
  recordReturn,
  recordReturnInterview,
} from '~/services/missing.server'
import { allocate, createCase, createOrganisation, createTeam, createUser, createVictim } from '#tests/setup/world'
import { type TestActor, actor, status } from '#tests/setup/actors'

type A = TestActor
const ip = '198.51.100.12'
let keySeq = 0
const key = () => `missing-key-${++keySeq}`
const HOUR = 3_600_000

let officer: A, advocate: A, cps: A, witnessCare: A, otherAdvocate: A, admin: A, manager: A
let victimId: string

// Saturday 28 March 2026, 03:30 GMT: the clocks go forward the next night, so the interview is due
// at 04:30 BST on Tuesday 31 March (72 elapsed hours).
const RETURNED = new Date('2026-03-28T03:30:00Z')
const episode = (over: Partial<MissingEpisodeInput> = {}): MissingEpisodeInput => ({
  missingFrom: new Date('2026-03-27T19:00:00Z'),
  returnedAt: RETURNED,
  reportedToPolice: true,
  policeReference: 'NM-MISS-0001',
  foundBy: 'police',
  foundByDetail: null,
  ...over,
})

async function recorded(over: Partial<MissingEpisodeInput> = {}) {
  const result = await recordMissingEpisode(advocate, victimId, episode(over), key(), ip)
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.episodeId
}

beforeAll(async () => {
  const team = await createTeam()
  const { police, cpsOrg, service } = team
  ;({ officer, cps, advocate } = team)
  const wcOrg = await createOrganisation({ kind: 'witness_care' })
  witnessCare = actor(await createUser({ role: 'cps_liaison', organisationId: wcOrg.id }))
  otherAdvocate = actor(await createUser({ role: 'advocate', organisationId: (await createOrganisation({ kind: 'voluntary' })).id }))
  admin = actor(await createUser({ role: 'admin', organisationId: police.id }))
  manager = actor(await createUser({ role: 'manager', organisationId: service.id }))
  const caseId = (
    await createCase({
      policeOrganisationId: police.id,
      cpsOrganisationId: cpsOrg.id,
      witnessCareOrganisationId: wcOrg.id,
      sentToCpsAt: new Date('2026-02-05T10:00:00Z'),
    })
  ).id
  victimId = (await createVictim({ caseIds: [caseId] })).id
  await allocate({ caseId, userId: officer.id, organisationId: police.id, kind: 'oic' })
  await allocate({ victimId, organisationId: service.id, kind: 'service' })
  await allocate({ victimId, userId: advocate.id, organisationId: service.id, kind: 'lead_advocate' })
})

describe('recording an episode', () => {
  test('the advocate records an episode; it is listed with the due time across the change of clocks; a double submit records one', async () => {
    const prisma = await db()
    const k = key()
    const first = await recordMissingEpisode(advocate, victimId, episode(), k, ip)
    expect(first).toMatchObject({ ok: true, duplicate: false })
    const again = await recordMissingEpisode(advocate, victimId, episode(), k, ip)
    expect(again).toEqual({ ok: true, episodeId: first.ok ? first.episodeId : '', duplicate: true })
    expect(await prisma.missingEpisode.count({ where: { victimId } })).toBe(1)
    const listed = await listMissingEpisodes(advocate, victimId, new Date('2026-03-30T12:00:00Z'))
    expect(listed!.canRecord).toBe(true)
    expect(listed!.episodes).toHaveLength(1)
    expect(listed!.episodes[0]).toMatchObject({
      outcome: 'due',
      dueAt: new Date('2026-03-31T03:30:00Z'),
      dueText: '04:30 BST on Tuesday 31 March 2026',
      reportedToPolice: true,
      policeReference: 'NM-MISS-0001',
    })
    const later = await listMissingEpisodes(advocate, victimId, new Date('2026-03-31T03:30:00.001Z'))
    expect(later!.episodes[0]!.outcome).toBe('overdue')
  })

  test('episodes are listed newest first; a child still missing has no due time', async () => {
    const id = await recorded({ missingFrom: new Date('2026-04-10T18:00:00Z'), returnedAt: null, foundBy: null })
    const listed = await listMissingEpisodes(advocate, victimId, new Date('2026-04-11T12:00:00Z'))
    expect(listed!.episodes[0]).toMatchObject({ id, outcome: 'still_missing', dueAt: null, dueText: null })
    expect(listed!.episodes.map((e) => e.missingFrom.getTime())).toEqual([...listed!.episodes.map((e) => e.missingFrom.getTime())].sort((a, b) => b - a))
  })

  test('a return before the start, or anything in the future, is refused next to the field, and nothing is saved', async () => {
    const prisma = await db()
    const before = await prisma.missingEpisode.count()
    const backwards = await recordMissingEpisode(advocate, victimId, episode({ returnedAt: new Date('2026-03-27T18:00:00Z') }), key(), ip)
    expect(backwards).toEqual({ ok: false, issues: [{ path: 'returnedAt', message: 'The time they returned must be after the time they went missing' }] })
    const future = await recordMissingEpisode(
      advocate,
      victimId,
      episode({ missingFrom: new Date(Date.now() + HOUR), returnedAt: null, foundBy: null }),
      key(),
      ip,
    )
    expect(future).toEqual({ ok: false, issues: [{ path: 'missingFrom', message: 'The time they went missing must be now or in the past' }] })
    const futureReturn = await recordMissingEpisode(advocate, victimId, episode({ returnedAt: new Date(Date.now() + HOUR) }), key(), ip)
    expect(futureReturn.ok).toBe(false)
    expect(!futureReturn.ok && futureReturn.issues.map((i) => i.path)).toEqual(['returnedAt'])
    expect(await prisma.missingEpisode.count()).toBe(before)
  })
})

describe('the return and the return home interview', () => {
  test('a return is recorded on a still-missing episode; the interview is then due 72 hours later', async () => {
    const id = await recorded({ missingFrom: new Date('2026-05-01T20:00:00Z'), returnedAt: null, foundBy: null })
    const { version } = await getEpisodeForUpdate(advocate, victimId, id)
    const refused = await recordReturn(
      advocate,
      victimId,
      id,
      { returnedAt: new Date('2026-05-01T19:00:00Z'), foundBy: 'police', foundByDetail: null },
      version,
      ip,
    )
    expect(refused).toEqual({ ok: false, issues: [{ path: 'returnedAt', message: 'The time they returned must be after the time they went missing' }] })
    const saved = await recordReturn(
      advocate,
      victimId,
      id,
      { returnedAt: new Date('2026-05-02T09:00:00Z'), foundBy: 'family_or_carer', foundByDetail: null },
      version,
      ip,
    )
    expect(saved).toEqual({ ok: true })
    const view = await getMissingEpisode(advocate, victimId, id, ip, new Date('2026-05-03T09:00:00Z'))
    expect(view.episode).toMatchObject({ outcome: 'due', dueText: '10:00 BST on Tuesday 5 May 2026', version: version + 1, foundBy: 'family_or_carer' })
  })

  test('an interview completed within 72 hours is in time; one a minute past is late (by the injected clock)', async () => {
    const inTime = await recorded()
    const late = await recorded()
    const v1 = (await getEpisodeForUpdate(advocate, victimId, inTime)).version
    const v2 = (await getEpisodeForUpdate(advocate, victimId, late)).version
    const now = new Date('2026-04-02T12:00:00Z')
    const interview = (at: Date) => ({
      status: 'completed' as const,
      at,
      by: 'R. Ellery, independent return worker',
      findings: 'Said an older male collects her from school in a car',
    })
    expect(await recordReturnInterview(advocate, victimId, inTime, interview(new Date(RETURNED.getTime() + 72 * HOUR)), v1, ip, now)).toEqual({ ok: true })
    expect(await recordReturnInterview(advocate, victimId, late, interview(new Date(RETURNED.getTime() + 72 * HOUR + 60_000)), v2, ip, now)).toEqual({
      ok: true,
    })
    const listed = await listMissingEpisodes(advocate, victimId, now)
    expect(listed!.episodes.find((e) => e.id === inTime)).toMatchObject({
      outcome: 'completed_in_time',
      rhiFindings: 'Said an older male collects her from school in a car',
    })
    expect(listed!.episodes.find((e) => e.id === late)).toMatchObject({ outcome: 'completed_late' })
  })

  test('an interview before the return, or with no one named, is refused next to the fields', async () => {
    const id = await recorded()
    const { version } = await getEpisodeForUpdate(advocate, victimId, id)
    const result = await recordReturnInterview(
      advocate,
      victimId,
      id,
      { status: 'completed', at: new Date('2026-03-28T01:00:00Z'), by: null, findings: null },
      version,
      ip,
    )
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: 'at', message: 'The interview cannot have been carried out before they returned' },
        { path: 'by', message: 'Enter who carried out the interview' },
      ],
    })
    expect((await getEpisodeForUpdate(advocate, victimId, id)).version).toBe(version)
  })

  test('two people editing the same episode: the second save is refused with what is saved now, and nothing is overwritten', async () => {
    const prisma = await db()
    const id = await recorded()
    const { version } = await getEpisodeForUpdate(advocate, victimId, id)
    const now = new Date('2026-03-29T12:00:00Z')
    const first = await recordReturnInterview(
      advocate,
      victimId,
      id,
      { status: 'offered', at: new Date('2026-03-28T10:00:00Z'), by: 'Advocate A', findings: null },
      version,
      ip,
      now,
    )
    expect(first).toEqual({ ok: true })
    const second = await recordReturnInterview(
      manager,
      victimId,
      id,
      { status: 'declined', at: new Date('2026-03-28T11:00:00Z'), by: 'Manager B', findings: null },
      version,
      ip,
      now,
    )
    expect(second).toMatchObject({ ok: false, conflict: { currentVersion: version + 1, current: { rhiStatus: 'offered', rhiBy: 'Advocate A' } } })
    expect(await prisma.missingEpisode.findUniqueOrThrow({ where: { id } })).toMatchObject({ rhiStatus: 'offered', rhiBy: 'Advocate A', version: version + 1 })
    // Saving again on purpose, at the version now saved, replaces it.
    expect(
      await recordReturnInterview(
        manager,
        victimId,
        id,
        { status: 'declined', at: new Date('2026-03-28T11:00:00Z'), by: 'Manager B', findings: null },
        version + 1,
        ip,
        now,
      ),
    ).toEqual({ ok: true })
  })

  test('the audit holds identifiers and statuses, never the findings', async () => {
    const prisma = await db()
    const id = await recorded()
    const { version } = await getEpisodeForUpdate(advocate, victimId, id)
    await recordReturnInterview(
      advocate,
      victimId,
      id,
      { status: 'completed', at: new Date('2026-03-29T10:00:00Z'), by: 'R. Ellery', findings: 'Named a flat above a takeaway on the high street' },
      version,
      ip,
      new Date('2026-03-30T10:00:00Z'),
    )
    const recordedRow = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'missing_episode.record', details: { path: ['episodeId'], equals: id } } })
    expect(recordedRow.details).toEqual({ episodeId: id, returned: true, reportedToPolice: true, foundBy: 'police' })
    const row = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'missing_episode.interview', details: { path: ['episodeId'], equals: id } } })
    expect(row.details).toEqual({
      episodeId: id,
      rhiStatus: 'completed',
      findings: true,
      outcome: 'completed_in_time',
      fromVersion: version,
      toVersion: version + 1,
    })
    const all = await prisma.auditEvent.findMany({ where: { action: { startsWith: 'missing_episode.' } } })
    expect(JSON.stringify(all.map((a) => a.details))).not.toMatch(/takeaway|older male|R\. Ellery/)
  })
})

describe('who may see and record', () => {
  test('CPS liaison and witness care cannot see or record; an advocate of another organisation and an administrator cannot see', async () => {
    const id = await recorded()
    for (const who of [cps, witnessCare]) {
      expect(await listMissingEpisodes(who, victimId)).toBeNull()
      expect(await status(() => getMissingEpisode(who, victimId, id, ip))).toBe(404)
      expect(await status(() => getEpisodeForm(who, victimId))).toBe(403)
      expect(await status(() => recordMissingEpisode(who, victimId, episode(), key(), ip))).toBe(403)
      expect(await status(() => recordReturnInterview(who, victimId, id, { status: 'declined', at: RETURNED, by: 'X', findings: null }, 1, ip))).toBe(404)
    }
    for (const who of [otherAdvocate, admin]) {
      expect(await status(() => listMissingEpisodes(who, victimId))).toBe(404)
      expect(await status(() => getMissingEpisode(who, victimId, id, ip))).toBe(404)
      expect(await status(() => recordMissingEpisode(who, victimId, episode(), key(), ip))).toBe(404)
    }
    // The officer on the case sees the episodes, and an episode is reached only through its own victim.
    expect((await listMissingEpisodes(officer, victimId))!.episodes.length).toBeGreaterThan(0)
    const elsewhere = (await createVictim()).id
    await allocate({ victimId: elsewhere, userId: advocate.id, organisationId: advocate.organisationId, kind: 'lead_advocate' })
    expect(await status(() => getMissingEpisode(advocate, elsewhere, id, ip))).toBe(404)
  })
})

describe('the home pages', () => {
  test('children missing now and interviews due or overdue, for the advocate and the service’s manager only', async () => {
    const prisma = await db()
    // Only this test's episodes: a fresh victim.
    const v = (await createVictim()).id
    await allocate({ victimId: v, organisationId: advocate.organisationId, kind: 'service' })
    await allocate({ victimId: v, userId: advocate.id, organisationId: advocate.organisationId, kind: 'lead_advocate' })
    const save = (input: MissingEpisodeInput) => recordMissingEpisode(advocate, v, input, key(), ip).then((r) => (r.ok ? r.episodeId : ''))
    const gone = await save(episode({ missingFrom: new Date('2026-06-10T20:00:00Z'), returnedAt: null, foundBy: null }))
    const due = await save(episode({ missingFrom: new Date('2026-06-01T20:00:00Z'), returnedAt: new Date('2026-06-09T08:00:00Z') }))
    const overdue = await save(episode({ missingFrom: new Date('2026-06-01T20:00:00Z'), returnedAt: new Date('2026-06-02T08:00:00Z') }))
    const done = await save(episode({ missingFrom: new Date('2026-05-20T20:00:00Z'), returnedAt: new Date('2026-05-21T08:00:00Z') }))
    await prisma.missingEpisode.update({ where: { id: done }, data: { rhiStatus: 'completed', rhiAt: new Date('2026-05-22T08:00:00Z'), rhiBy: 'R. Ellery' } })
    const now = new Date('2026-06-11T12:00:00Z')
    const mine = await missingOnCaseload(advocate, now)
    const forV = (rows: { victim: { id: string }; episodeId: string; outcome: string }[]) =>
      rows.filter((r) => r.victim.id === v).map((r) => [r.episodeId, r.outcome])
    expect(forV(mine!.missing)).toEqual([[gone, 'still_missing']])
    expect(forV(mine!.interviews)).toEqual([
      [overdue, 'overdue'],
      [due, 'due'],
    ])
    expect(forV((await missingOnCaseload(manager, now))!.interviews)).toHaveLength(2)
    expect(forV((await missingOnCaseload(otherAdvocate, now))!.interviews)).toEqual([])
    expect(await missingOnCaseload(officer, now)).toBeNull()
  })
})
