// Missing episodes and return home interviews: record an episode (a double submit
// records one), record the return and the interview with optimistic concurrency, list a victim's
// episodes with the 72-hour clock, and the caseload's children missing or owed an interview for the
// home pages. Who: the same as follow-up visits (canSeeVisits to see, canRecordVisit to record).
// The audit holds identifiers and choices only, never what the child said (findings).
import { canRecordVisit, canSeeVisits, type Actor } from '~/domain/access/policy'
import {
  describeLondonTime,
  missingEpisodeSchema,
  rhiDueAt,
  rhiOutcome,
  type MissingEpisodeInput,
  type ReturnInterviewInput,
  type RhiOutcome,
  type RhiStatus,
} from '~/domain/missing/episodes'
import { checkInterview, checkReturn, type ReturnInput } from '~/domain/missing/form'
import type { Prisma } from '~/generated/prisma/client'
import { auditView, refused, requireVictimAccess } from './access.server'
import { audit, type AuditActor } from './audit.server'
import { homePanelVictims } from './caseload.server'
import { forbidden, notFound } from './auth.server'
import { db } from './db.server'

export type Issue = { path: string; message: string }
const toList = (issues: Map<string, string>): Issue[] => [...issues].map(([path, message]) => ({ path, message }))

export type RecordEpisodeResult = { ok: true; episodeId: string; duplicate: boolean } | { ok: false; issues: Issue[] }

/** The rules of the form, held again here for whatever calls the service. */
function checkEpisode(input: MissingEpisodeInput, now: Date): Issue[] {
  const rules = missingEpisodeSchema(now).safeParse({
    missingFrom: input.missingFrom,
    returnedAt: input.returnedAt ?? '',
    reportedToPolice: input.reportedToPolice ? 'yes' : 'no',
    policeReference: input.policeReference ?? '',
    foundBy: input.foundBy ?? '',
    foundByDetail: input.foundByDetail ?? '',
  })
  if (rules.success) return []
  const seen = new Map<string, string>()
  for (const i of rules.error.issues) if (!seen.has(String(i.path[0]))) seen.set(String(i.path[0]), i.message)
  return toList(seen)
}

/** What the "record a missing episode" form needs; 403 for a user who may see the victim but not record. */
export async function getEpisodeForm(actor: Actor, victimId: string) {
  const access = await requireVictimAccess(actor, victimId)
  if (!canRecordVisit(actor, access.facts)) throw await refused(actor, 'victim', victimId, 'update', forbidden())
  await auditView(actor, 'victim', victimId, 'missing/new')
  const prisma = await db()
  return prisma.victim.findUniqueOrThrow({ where: { id: victimId }, select: { id: true, reference: true } })
}

export async function recordMissingEpisode(
  actor: AuditActor,
  victimId: string,
  input: MissingEpisodeInput,
  idempotencyKey: string,
  ip: string,
  now: Date = new Date(),
): Promise<RecordEpisodeResult> {
  const access = await requireVictimAccess(actor, victimId)
  if (!canRecordVisit(actor, access.facts)) throw forbidden()
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const existing = await tx.missingEpisode.findUnique({ where: { idempotencyKey }, select: { id: true, victimId: true } })
    if (existing) {
      if (existing.victimId !== victimId) throw forbidden()
      return { ok: true as const, episodeId: existing.id, duplicate: true }
    }
    const issues = checkEpisode(input, now)
    if (issues.length) return { ok: false as const, issues }
    const episode = await tx.missingEpisode.create({
      data: {
        victimId,
        organisationId: actor.organisationId,
        recordedById: actor.id,
        missingFrom: input.missingFrom,
        returnedAt: input.returnedAt,
        reportedToPolice: input.reportedToPolice,
        policeReference: input.policeReference,
        foundBy: input.foundBy,
        foundByDetail: input.foundByDetail,
        idempotencyKey,
      },
      select: { id: true },
    })
    await audit(
      {
        actor,
        action: 'missing_episode.record',
        entityType: 'victim',
        entityId: victimId,
        ip,
        details: { episodeId: episode.id, returned: input.returnedAt !== null, reportedToPolice: input.reportedToPolice, foundBy: input.foundBy },
      },
      tx,
    )
    return { ok: true as const, episodeId: episode.id, duplicate: false }
  })
}

// ---- reading -------------------------------------------------------------------------------------

const EPISODE_SELECT = {
  id: true,
  victimId: true,
  missingFrom: true,
  returnedAt: true,
  reportedToPolice: true,
  policeReference: true,
  foundBy: true,
  foundByDetail: true,
  rhiStatus: true,
  rhiAt: true,
  rhiBy: true,
  rhiFindings: true,
  version: true,
  recordedAt: true,
  recordedBy: { select: { name: true } },
  organisation: { select: { name: true } },
} as const

type EpisodeRow = {
  returnedAt: Date | null
  rhiStatus: string
  rhiAt: Date | null
  rhiBy: string | null
}

/** The 72-hour clock of one episode as of `now`. */
export function clockOf(e: EpisodeRow, now: Date): { outcome: RhiOutcome; dueAt: Date | null; dueText: string | null } {
  const dueAt = e.returnedAt ? rhiDueAt(e.returnedAt) : null
  return {
    outcome: rhiOutcome(e.returnedAt, { status: e.rhiStatus as RhiStatus, at: e.rhiAt, by: e.rhiBy }, now),
    dueAt,
    dueText: dueAt ? describeLondonTime(dueAt) : null,
  }
}

/** A victim's missing episodes, newest first, each with its interview clock; null for a user who may see the victim but not visits. */
export async function listMissingEpisodes(actor: Actor, victimId: string, now: Date = new Date()) {
  const access = await requireVictimAccess(actor, victimId)
  if (!canSeeVisits(actor, access.facts)) return null
  const prisma = await db()
  const rows = await prisma.missingEpisode.findMany({
    where: { victimId },
    orderBy: [{ missingFrom: 'desc' }, { recordedAt: 'desc' }],
    select: EPISODE_SELECT,
  })
  return { episodes: rows.map((e) => ({ ...e, ...clockOf(e, now) })), canRecord: canRecordVisit(actor, access.facts) }
}

export type VictimMissingEpisodes = NonNullable<Awaited<ReturnType<typeof listMissingEpisodes>>>

async function loadEpisode(actor: Actor, victimId: string, episodeId: string, action: 'view' | 'record') {
  const access = await requireVictimAccess(actor, victimId)
  // Someone who may not see visits learns nothing about the episode, not even that it exists.
  if (!canSeeVisits(actor, access.facts)) throw notFound()
  if (action === 'record' && !canRecordVisit(actor, access.facts)) throw forbidden()
  const prisma = await db()
  const episode = await prisma.missingEpisode.findUnique({ where: { id: episodeId }, select: EPISODE_SELECT })
  if (!episode || episode.victimId !== victimId) throw notFound()
  return { episode, canRecord: canRecordVisit(actor, access.facts) }
}

/** One episode's page: details, the interview clock, and whether this user may record on it. Viewing is audited. */
export async function getMissingEpisode(actor: AuditActor, victimId: string, episodeId: string, ip: string, now: Date = new Date()) {
  const { episode, canRecord } = await loadEpisode(actor, victimId, episodeId, 'view')
  const prisma = await db()
  const victim = await prisma.victim.findUniqueOrThrow({ where: { id: victimId }, select: { id: true, reference: true } })
  await audit({ actor, action: 'missing_episode.view', entityType: 'victim', entityId: victimId, ip, details: { episodeId } })
  return { victim, episode: { ...episode, ...clockOf(episode, now) }, canRecord }
}

/** What an action needs before reading the form: the episode, checked for who is asking. */
export async function getEpisodeForUpdate(actor: Actor, victimId: string, episodeId: string) {
  return (await loadEpisode(actor, victimId, episodeId, 'record')).episode
}

// ---- changing ------------------------------------------------------------------------------------

export interface EpisodeNow {
  returnedAt: Date | null
  foundBy: string | null
  foundByDetail: string | null
  rhiStatus: string
  rhiAt: Date | null
  rhiBy: string | null
  rhiFindings: string | null
}

export type UpdateEpisodeResult = { ok: true } | { ok: false; issues: Issue[] } | { ok: false; conflict: { current: EpisodeNow; currentVersion: number } }

const nowOf = (e: EpisodeNow & { version: number }) => ({
  current: {
    returnedAt: e.returnedAt,
    foundBy: e.foundBy,
    foundByDetail: e.foundByDetail,
    rhiStatus: e.rhiStatus,
    rhiAt: e.rhiAt,
    rhiBy: e.rhiBy,
    rhiFindings: e.rhiFindings,
  },
  currentVersion: e.version,
})

/**
 * Writes `data` if nobody has changed the episode since the form was opened at `version`
 * (`updateMany where {id, version}`, so two saves racing cannot both win). On a conflict nothing is
 * written and the answer carries what is saved now; the user's answers stay in their form.
 */
async function updateEpisode(
  actor: AuditActor,
  victimId: string,
  episodeId: string,
  version: number,
  ip: string,
  check: (current: {
    missingFrom: Date
    returnedAt: Date | null
    reportedToPolice: boolean
    policeReference: string | null
  }) => Issue[] | { data: Prisma.MissingEpisodeUpdateManyMutationInput; details: Record<string, string | number | boolean | null> },
  action: string,
): Promise<UpdateEpisodeResult> {
  await loadEpisode(actor, victimId, episodeId, 'record')
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const current = await tx.missingEpisode.findUniqueOrThrow({ where: { id: episodeId } })
    if (current.version !== version) return { ok: false as const, conflict: nowOf(current) }
    const checked = check(current)
    if (Array.isArray(checked)) return { ok: false as const, issues: checked }
    const written = await tx.missingEpisode.updateMany({ where: { id: episodeId, version }, data: { ...checked.data, version: { increment: 1 } } })
    if (written.count !== 1) {
      const latest = await tx.missingEpisode.findUniqueOrThrow({ where: { id: episodeId } })
      return { ok: false as const, conflict: nowOf(latest) }
    }
    await audit(
      { actor, action, entityType: 'victim', entityId: victimId, ip, details: { episodeId, ...checked.details, fromVersion: version, toVersion: version + 1 } },
      tx,
    )
    return { ok: true as const }
  })
}

/** Records when a missing child returned and how (the episode must still be open). */
export async function recordReturn(
  actor: AuditActor,
  victimId: string,
  episodeId: string,
  input: ReturnInput,
  version: number,
  ip: string,
  now: Date = new Date(),
): Promise<UpdateEpisodeResult> {
  return updateEpisode(
    actor,
    victimId,
    episodeId,
    version,
    ip,
    (current) => {
      if (current.returnedAt) return [{ path: 'returnedAt', message: 'Their return is already recorded' }]
      const checked = checkReturn(current, input, now)
      if (!checked.ok) return toList(checked.issues)
      return { data: checked.value, details: { foundBy: checked.value.foundBy } }
    },
    'missing_episode.return',
  )
}

/** Records the return home interview: offered, completed or declined, when, by whom and the findings. */
export async function recordReturnInterview(
  actor: AuditActor,
  victimId: string,
  episodeId: string,
  input: ReturnInterviewInput,
  version: number,
  ip: string,
  now: Date = new Date(),
): Promise<UpdateEpisodeResult> {
  return updateEpisode(
    actor,
    victimId,
    episodeId,
    version,
    ip,
    (current) => {
      if (!current.returnedAt) return [{ path: 'status', message: 'Record when they returned before the return home interview' }]
      const checked = checkInterview(current.returnedAt, input, now)
      if (!checked.ok) return toList(checked.issues)
      const v = checked.value
      return {
        data: { rhiStatus: v.status, rhiAt: v.at, rhiBy: v.by, rhiFindings: v.findings },
        // Whether there are findings, never what they say.
        details: { rhiStatus: v.status, findings: v.findings !== null, outcome: rhiOutcome(current.returnedAt, v, now) },
      }
    },
    'missing_episode.interview',
  )
}

// ---- the home pages ------------------------------------------------------------------------------

/**
 * For an advocate, the open victims allocated to them; for a manager, their organisation's open
 * victims: children missing now (an episode with no return) and return home interviews due or
 * overdue, soonest due first. Two queries, whatever the caseload.
 */
export async function missingOnCaseload(actor: Actor, now: Date = new Date()) {
  if (actor.role !== 'advocate' && actor.role !== 'manager') return null
  const prisma = await db()
  const victims = await homePanelVictims(actor)
  const byId = new Map(victims.map((v) => [v.id, v]))
  // Open episodes and interviews not yet completed or declined: the rest cannot be due.
  const episodes = await prisma.missingEpisode.findMany({
    where: { victimId: { in: [...byId.keys()] }, OR: [{ returnedAt: null }, { rhiStatus: { in: ['not_offered', 'offered'] } }] },
    select: { id: true, victimId: true, missingFrom: true, returnedAt: true, rhiStatus: true, rhiAt: true, rhiBy: true },
    orderBy: { missingFrom: 'desc' },
  })
  const rows = episodes
    .map((e) => ({ victim: byId.get(e.victimId)!, episodeId: e.id, missingFrom: e.missingFrom, ...clockOf(e, now) }))
    .filter((r) => r.outcome === 'still_missing' || r.outcome === 'due' || r.outcome === 'overdue')
  const time = (d: Date | null) => d?.getTime() ?? 0
  return {
    missing: rows.filter((r) => r.outcome === 'still_missing'),
    interviews: rows.filter((r) => r.outcome !== 'still_missing').sort((a, b) => time(a.dueAt) - time(b.dueAt)),
  }
}

export type MissingOnCaseload = NonNullable<Awaited<ReturnType<typeof missingOnCaseload>>>
