// A synthetic region for performance work: `--victims N` victims, about 1.2 N cases,
// 25 journal events a case, 10 contacts and 6 visits a victim, with the organisations, staff and
// allocations the pages need. Each case's journey is one of the demo journeys (prisma/seed/journeys.ts),
// moved back by whole weeks and re-cast onto the case's own victims and staff; every event is
// validated as recordJourneyEvent does (type schema, checkJourneyEvent, owner role) and every
// contact as recordContact does (checkContact). Case stages come from deriveCaseStage, entitlements
// from the entitlement service (recomputeEntitlementsOfCases) and reviews from refreshCaseReview,
// so the stored rows are what the app itself would have stored.
//
// Rows go in with multi-row INSERTs (createMany, 1,000 rows a statement), not a create per row.
import { randomUUID } from 'node:crypto'
import { isSexualCategory } from '../../app/domain/cases/offences'
import { suspectLabel } from '../../app/domain/cases/suspects'
import { checkContact, ContactInputSchema } from '../../app/domain/contacts/contact'
import { deriveCaseStage } from '../../app/domain/journey/derive'
import { canRecordEventType, eventColumns, journeyEventInputSchema, type EventTypeId, type JourneyEventInput } from '../../app/domain/journey/events'
import { effectiveJournal, type JournalEvent } from '../../app/domain/journey/journal'
import { checkJourneyEvent } from '../../app/domain/journey/validate'
import type { Prisma, PrismaClient } from '../../app/generated/prisma/client'
import { hashPassword } from '../../app/services/password.server'
import { DEMO_PASSWORD, type CaseKey, type SeedSummary, type UserKey, type VictimKey } from '../../prisma/seed'
import { caseJourneys, futureDates, type CaseJourneySeed } from '../../prisma/seed/journeys'
import { address, FIRST_NAMES, phone, PLACES, surname } from './words'

export type Progress = (step: string, rows: number) => void

export interface LargeSeedOptions {
  victims: number
  now?: Date
  /** Seed of the pseudo-random choices, so two runs make the same region. */
  seed?: number
  onProgress?: Progress
}

/** The demo seed's counts, and the rows only the large region has, with the accounts to sign in as. */
export interface LargeSeedSummary extends SeedSummary {
  visits: number
  referrals: number
  reviews: number
  accounts: { role: string; email: string; note: string }[]
}

const DAY = 24 * 60 * 60 * 1000
const BATCH = 1000
const CASES_PER_VICTIM = 1.2
const CONTACTS_PER_VICTIM = 10
const VISITS_PER_VICTIM = 6
const CASELOAD = 25
/** Demo journeys that end in a finalised case, so they get a CaseReview. */
const FINALISED: readonly CaseKey[] = ['k9', 'k10', 'k11', 'k12']
const newId = () => `c${randomUUID().replace(/-/g, '').slice(0, 24)}`

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!
  return { next, int, pick }
}

/** Every Date inside a value moved back by `ms` (details hold hearing dates, bail end dates…). */
function shifted<T>(value: T, ms: number): T {
  if (value instanceof Date) return new Date(value.getTime() - ms) as T
  if (Array.isArray(value)) return value.map((v) => shifted(v, ms)) as T
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shifted(v, ms)])) as T
  return value
}

async function insert<T>(rows: T[], write: (batch: T[]) => Promise<unknown>, step: string, progress: Progress) {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH)
    await write(batch)
    progress(step, batch.length)
  }
}

/** Rough number of rows the seed writes, for a progress bar's total. */
export function expectedRows(victims: number): number {
  const cases = Math.round(victims * CASES_PER_VICTIM)
  return Math.round(victims * (3 + CONTACTS_PER_VICTIM * 2 + VISITS_PER_VICTIM + 0.6) + cases * (2 + 26 + 3 + 1.6 * 8))
}

export async function seedLarge(prisma: PrismaClient, options: LargeSeedOptions): Promise<LargeSeedSummary> {
  const now = options.now ?? new Date()
  const progress: Progress = options.onProgress ?? (() => {})
  const rnd = prng(options.seed ?? 8)
  const victimCount = Math.max(1, Math.floor(options.victims))
  const caseCount = Math.max(1, Math.round(victimCount * CASES_PER_VICTIM))
  const templates = caseJourneys(futureDates(now))
  const templateKeys = Object.keys(templates) as CaseKey[]

  // ---- Organisations: two forces with a witness care unit each, one CPS area, advocacy services.
  const serviceCount = Math.max(2, Math.ceil(victimCount / 1500))
  const forces = ['Larkholt', 'Oxmere'].map((p) => ({ id: newId(), name: `${p} Constabulary (synthetic)`, kind: 'police' as const, inboxEmail: `cse@${p.toLowerCase()}-police.example` }))
  const wcus = forces.map((f, i) => ({ id: newId(), name: `${PLACES[i * 2]} Witness Care Unit (synthetic)`, kind: 'witness_care' as const, inboxEmail: `wcu${i + 1}@witness-care.example` }))
  const cps = { id: newId(), name: 'CPS Larkholt and Oxmere (synthetic)', kind: 'cps' as const, inboxEmail: 'rasso@cps-larkholt.example' }
  const services = Array.from({ length: serviceCount }, (_, i) => ({
    id: newId(),
    name: `${PLACES[i % PLACES.length]} Young People’s Advocacy ${i + 1} (synthetic)`,
    kind: 'voluntary' as const,
    inboxEmail: `service${i + 1}@advocacy.example`,
  }))
  const therapy = { id: newId(), name: 'Fallowdene Therapeutic Support (synthetic)', kind: 'voluntary' as const, inboxEmail: 'hello@fallowdene-therapy.example' }
  const council = { id: newId(), name: 'Cindermoor Council Children’s Services (synthetic)', kind: 'local_authority' as const, inboxEmail: 'mash@cindermoor.example' }
  const adminOrg = { id: newId(), name: 'Waypoint Administration (synthetic region)', kind: 'local_authority' as const, inboxEmail: 'desk@waypoint-large.example' }
  const organisations = [...forces, ...wcus, cps, ...services, therapy, council, adminOrg]
  await prisma.organisation.createMany({ data: organisations })
  await prisma.supportService.createMany({
    data: [
      ...services.flatMap((s) => ['isva', 'cse_specialist'].map((serviceType) => ({ organisationId: s.id, serviceType, description: 'Invented service for performance tests.' }))),
      { organisationId: therapy.id, serviceType: 'counselling', description: 'Invented counselling service.' },
    ],
  })
  progress('organisations', organisations.length)

  // ---- Staff. Advocates carry about 25 victims each; officers about 40 cases.
  type U = { id: string; email: string; name: string; role: 'advocate' | 'officer' | 'cps_liaison' | 'manager' | 'admin'; organisationId: string }
  const users: U[] = []
  let n = 0
  const user = (role: U['role'], organisationId: string, prefix: string): U => {
    n += 1
    const u = { id: newId(), email: `${prefix}${n}@large.example`, name: `${FIRST_NAMES[n % FIRST_NAMES.length]} ${surname(n)}`, role, organisationId }
    users.push(u)
    return u
  }
  const advocatesOf = new Map(services.map((s) => [s.id, [] as U[]]))
  const advocateTotal = Math.max(services.length, Math.ceil(victimCount / CASELOAD))
  for (let i = 0; i < advocateTotal; i++) advocatesOf.get(services[i % services.length]!.id)!.push(user('advocate', services[i % services.length]!.id, 'advocate'))
  const officersOf = new Map(forces.map((f) => [f.id, [] as U[]]))
  for (let i = 0; i < Math.max(forces.length, Math.ceil(caseCount / 40)); i++) officersOf.get(forces[i % forces.length]!.id)!.push(user('officer', forces[i % forces.length]!.id, 'officer'))
  const cpsLiaisons = Array.from({ length: Math.max(2, Math.ceil(caseCount / 400)) }, () => user('cps_liaison', cps.id, 'cps'))
  const wcOfficersOf = new Map(wcus.map((w) => [w.id, Array.from({ length: Math.max(1, Math.ceil(caseCount / 800)) }, () => user('cps_liaison', w.id, 'witnesscare'))]))
  const serviceManagers = services.map((s) => user('manager', s.id, 'manager'))
  const policeManagers = forces.map((f) => user('manager', f.id, 'police.manager'))
  const admin = user('admin', adminOrg.id, 'admin')
  await prisma.user.createMany({ data: users })
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  await prisma.password.createMany({ data: users.map((u) => ({ userId: u.id, hash: passwordHash })) })
  progress('users', users.length * 2)

  // ---- Victims, each held by a service with a lead advocate (caseloads dealt round the service).
  type V = { id: string; serviceId: string; leadId: string | null; restricted: boolean; firstSeen: Date | null; dob: Date | null }
  const victims: V[] = []
  const victimRows: Prisma.VictimCreateManyInput[] = []
  const dealt = new Map(services.map((s) => [s.id, 0]))
  for (let i = 0; i < victimCount; i++) {
    const service = services[i % services.length]!
    const advocates = advocatesOf.get(service.id)!
    const k = dealt.get(service.id)!
    dealt.set(service.id, k + 1)
    // One in twenty waits for a named advocate: held by the service only.
    const leadId = i % 20 === 7 ? null : advocates[k % advocates.length]!.id
    victims.push({ id: newId(), serviceId: service.id, leadId, restricted: i % 33 === 5, firstSeen: null, dob: null })
  }

  // ---- Cases: a demo journey each (longer journeys more often, for ~25 events a case).
  const weights = templateKeys.map((k) => templates[k].events.length ** 2)
  const totalWeight = weights.reduce((a, b) => a + b, 0)
  const pickTemplate = () => {
    let r = rnd.next() * totalWeight
    for (let i = 0; i < templateKeys.length; i++) if ((r -= weights[i]!) < 0) return templateKeys[i]!
    return templateKeys.at(-1)!
  }
  const victimKeysOf = (t: CaseJourneySeed): VictimKey[] =>
    [...new Set([...t.offences.map((o) => o.victim), ...t.events.map((e) => e.victim), ...t.contacts.map((c) => c.victim)].filter((v): v is VictimKey => !!v))]
  const roleOf: Record<UserKey, string> = {
    advocate: 'advocate', advocate2: 'advocate', officer: 'officer', officer2: 'officer', cps: 'cps_liaison', witnessCare: 'cps_liaison',
    manager: 'manager', policeManager: 'manager', admin: 'admin', twoFactor: 'advocate', reset: 'officer', deactivate: 'advocate',
  }

  const cases: Prisma.CaseCreateManyInput[] = []
  const victimCases: Prisma.VictimCaseCreateManyInput[] = []
  const allocations: Prisma.AllocationCreateManyInput[] = []
  const offences: Prisma.OffenceCreateManyInput[] = []
  const defendants: Prisma.DefendantCreateManyInput[] = []
  const events: Prisma.JourneyEventCreateManyInput[] = []
  const contacts: Prisma.ContactCreateManyInput[] = []
  const contactEvents: Prisma.ContactEventCreateManyInput[] = []
  const finalisedCaseIds: string[] = []
  // journeyEventInputSchema builds a schema per call; 300,000 parses want one per type.
  const schemas = new Map<EventTypeId, ReturnType<typeof journeyEventInputSchema>>()
  const schemaOf = (type: EventTypeId) => schemas.get(type) ?? schemas.set(type, journeyEventInputSchema(type)).get(type)!
  const validated = new Set<string>()
  let nextVictim = 0

  for (let c = 0; c < caseCount; c++) {
    const key = pickTemplate()
    const t = templates[key]
    // Move the whole journey back by 0–104 weeks in steps of four (whole weeks keep its weekdays;
    // few distinct moves, so the full validation below runs once per journey and move).
    const weeks = 4 * rnd.int(27)
    const ms = weeks * 7 * DAY
    const caseId = newId()
    const force = forces[c % forces.length]!
    const wcu = wcus[c % forces.length]!
    const oic = rnd.pick(officersOf.get(force.id)!)
    const cpsUser = rnd.pick(cpsLiaisons)
    const wcUser = rnd.pick(wcOfficersOf.get(wcu.id)!)
    // Victims: each victim has a first case; the rest of the slots go to victims already on one.
    const slots = victimKeysOf(t)
    const onCase: V[] = []
    for (const _ of slots) {
      let v: V
      if (nextVictim < victims.length) v = victims[nextVictim++]!
      else do v = rnd.pick(victims)
      while (onCase.includes(v))
      onCase.push(v)
    }
    const vid = new Map(slots.map((s, i) => [s, onCase[i]!]))
    const byUser = (k: UserKey, victim?: VictimKey): string => {
      switch (roleOf[k]) {
        case 'advocate': {
          const v = victim ? vid.get(victim)! : onCase[0]!
          return v.leadId ?? advocatesOf.get(v.serviceId)![0]!.id
        }
        case 'cps_liaison':
          return k === 'witnessCare' ? wcUser.id : cpsUser.id
        default:
          return oic.id
      }
    }

    const suspectIds = new Map(t.suspects.map((letter) => [letter, newId()]))
    const firstAt = new Date(t.events[0]!.at.getTime() - ms)
    t.suspects.forEach((letter, i) => {
      if (suspectLabel(i) !== `Suspect ${letter}`) throw new Error(`Template ${key}: suspects out of order`)
      defendants.push({ id: suspectIds.get(letter)!, caseId, label: `Suspect ${letter}`, createdAt: firstAt })
    })
    for (const o of t.offences) {
      offences.push({
        caseId,
        victimId: o.victim ? vid.get(o.victim)!.id : null,
        description: o.description,
        category: o.category,
        sexual: isSexualCategory(o.category),
        committedFrom: new Date(new Date(`${o.from}T00:00:00Z`).getTime() - ms),
        committedTo: o.to ? new Date(new Date(`${o.to}T00:00:00Z`).getTime() - ms) : null,
      })
    }

    const journal: (JournalEvent & { recordedById: string; correctionReason: string | null })[] = []
    const idOf = new Map<string, string>()
    const check = !validated.has(`${key}:${weeks}`)
    for (const [i, e] of t.events.entries()) {
      const raw = {
        type: e.type,
        occurredAt: new Date(e.at.getTime() - ms),
        receivedAt: e.received ? new Date(e.received.getTime() - ms) : undefined,
        defendantId: e.suspect ? suspectIds.get(e.suspect) : undefined,
        victimId: e.victim ? vid.get(e.victim)!.id : undefined,
        details: { ...shifted(e.details ?? {}, ms), ...(e.hearing ? { hearingEventId: idOf.get(e.hearing) } : {}) },
        supersedesId: e.corrects ? idOf.get(e.corrects) : undefined,
        correctionReason: e.reason,
      }
      const parsed = schemaOf(e.type).safeParse(raw)
      if (!parsed.success) throw new Error(`Template ${key} event ${i}: ${parsed.error.message}`)
      const input = parsed.data as JourneyEventInput
      const recordedById = byUser(e.by, e.victim)
      // The same journey moved by the same weeks validates the same way: check the first of each.
      if (check) {
        const role = users.find((u) => u.id === recordedById)!.role
        if (!canRecordEventType(role, e.type)) throw new Error(`Template ${key}: ${role} does not record ${e.type}`)
        const issues = checkJourneyEvent(input, { now, defendantIds: [...suspectIds.values()], victimIds: onCase.map((v) => v.id), journal })
        if (issues.length > 0) throw new Error(`Template ${key} moved ${weeks} weeks, event ${i} (${e.type}): ${issues.map((x) => `${x.path}: ${x.message}`).join('; ')}`)
      }
      const id = newId()
      if (e.key) idOf.set(e.key, id)
      const recordedAt = e.recordedAt ? new Date(e.recordedAt.getTime() - ms) : new Date(Math.min((input.receivedAt ?? input.occurredAt).getTime() + 30 * 60_000, now.getTime()))
      journal.push({ id, ...eventColumns(input), recordedAt, recordedById })
    }
    validated.add(`${key}:${weeks}`)
    const stage = deriveCaseStage(journal, { now, defendantIds: [...suspectIds.values()] })
    const filed = journal.filter((e) => e.type === 'file_to_cps' && !e.supersedesId).at(-1)
    const witnessCare = t.events.some((e) => e.by === 'witnessCare')
    const n5 = String(c + 1).padStart(6, '0')
    cases.push({
      id: caseId,
      crimeReference: `LG/${String(firstAt.getUTCFullYear()).slice(2)}/${n5}`,
      cpsUrn: filed ? `98LG${n5}${String(filed.occurredAt.getUTCFullYear()).slice(2)}` : null,
      policeOrganisationId: force.id,
      cpsOrganisationId: filed ? cps.id : null,
      witnessCareOrganisationId: witnessCare ? wcu.id : null,
      summary: `Synthetic case ${n5} for performance tests (journey like demo case ${key.toUpperCase()}).`,
      stage,
      sentToCpsAt: filed?.occurredAt ?? null,
      status: key === 'k12' ? 'closed' : 'open',
      createdAt: firstAt,
      updatedAt: journal.at(-1)!.recordedAt,
    })
    if (FINALISED.includes(key)) finalisedCaseIds.push(caseId)
    events.push(
      ...journal.map((e, i) => ({
        id: e.id,
        caseId,
        type: e.type,
        occurredAt: e.occurredAt,
        recordedAt: e.recordedAt,
        receivedAt: e.receivedAt,
        defendantId: e.defendantId,
        victimId: e.victimId,
        details: e.details as Prisma.InputJsonValue,
        recordedById: e.recordedById,
        supersedesId: e.supersedesId,
        correctionReason: e.correctionReason,
        idempotencyKey: `seed-large:${caseId}:${i}`,
      })),
    )

    // Links and allocations: victims on the case; the OIC (also on a restricted victim itself);
    // CPS liaison and witness care named on the cases that reached them.
    for (const v of onCase) {
      victimCases.push({ victimId: v.id, caseId })
      v.firstSeen = v.firstSeen && v.firstSeen < firstAt ? v.firstSeen : firstAt
      if (v.restricted) allocations.push({ kind: 'oic', victimId: v.id, userId: oic.id, organisationId: force.id, startedAt: firstAt })
    }
    allocations.push({ kind: 'oic', caseId, userId: oic.id, organisationId: force.id, startedAt: firstAt })
    if (filed && c % 2 === 0) allocations.push({ kind: 'cps_liaison', caseId, userId: cpsUser.id, organisationId: cps.id, startedAt: filed.occurredAt })
    if (witnessCare) allocations.push({ kind: 'witness_care', caseId, userId: wcUser.id, organisationId: wcu.id, startedAt: filed?.occurredAt ?? firstAt })

    // Contacts: the journey's own, then more about the case's events up to ~10 a victim.
    const linkable = effectiveJournal(journal)
    const addContact = (victim: V, at: Date, by: string, method: string, withWhom: string, summary: string, eventIds: string[]) => {
      const ok = new Set(linkable.filter((e) => e.victimId === null || e.victimId === victim.id).map((e) => e.id))
      const parsed = ContactInputSchema.safeParse({ contactedAt: at, method, withWhom, summary, eventIds })
      if (!parsed.success) throw new Error(`Contact on ${key}: ${parsed.error.message}`)
      const issues = checkContact(parsed.data, { now, eventIdsOnVictimsCases: ok })
      if (issues.length > 0) return
      const id = newId()
      contacts.push({
        id,
        victimId: victim.id,
        contactedAt: parsed.data.contactedAt,
        byUserId: by,
        method: parsed.data.method,
        withWhom: parsed.data.withWhom,
        summary: parsed.data.summary,
        idempotencyKey: `seed-large:contact:${id}`,
        recordedAt: new Date(Math.min(at.getTime() + 20 * 60_000, now.getTime())),
      })
      contactEvents.push(...eventIds.map((eventId) => ({ contactId: id, eventId })))
    }
    for (const k of t.contacts) {
      addContact(vid.get(k.victim)!, new Date(k.at.getTime() - ms), byUser(k.by, k.victim), k.method, k.withWhom, k.summary, k.about.map((a) => idOf.get(a)!))
    }
    const extra = Math.round((CONTACTS_PER_VICTIM * victimCount) / caseCount) - t.contacts.length
    for (let i = 0; i < extra; i++) {
      const v = rnd.pick(onCase)
      const about = rnd.pick(linkable.filter((e) => e.victimId === null || e.victimId === v.id))
      const at = new Date(Math.min(about.occurredAt.getTime() + (1 + rnd.int(10)) * DAY, now.getTime() - 60_000))
      const by = v.leadId && rnd.next() < 0.5 ? v.leadId : oic.id
      addContact(v, at, by, rnd.pick(['phone', 'in_person', 'text_message', 'email', 'letter']), rnd.pick(['victim', 'parent_or_guardian']), 'Update on the case (synthetic).', [about.id])
    }
  }
  // A victim left without a case (fewer slots than victims) stays on no case: a school referral.

  // Victims' own rows, now that each one's first case dates are known.
  for (const [i, v] of victims.entries()) {
    const first = v.firstSeen ?? new Date(now.getTime() - rnd.int(300) * DAY)
    // 11 to 17 years old when first seen.
    v.dob = new Date(Date.UTC(first.getUTCFullYear() - 11 - rnd.int(7), rnd.int(12), 1 + rnd.int(28)))
    victimRows.push({
      id: v.id,
      reference: `LV-${String(i + 1).padStart(6, '0')}`,
      firstName: FIRST_NAMES[i % FIRST_NAMES.length]!,
      lastName: surname(i * 7 + 3),
      dateOfBirth: v.dob,
      gender: rnd.pick(['female', 'female', 'female', 'male', 'non_binary']),
      address: address(i),
      phone: phone(i),
      restricted: v.restricted,
      createdAt: first,
      updatedAt: first,
    })
    allocations.push({ kind: 'service', victimId: v.id, organisationId: v.serviceId, startedAt: new Date(first.getTime() + DAY) })
    if (v.leadId) allocations.push({ kind: 'lead_advocate', victimId: v.id, userId: v.leadId, organisationId: v.serviceId, startedAt: new Date(first.getTime() + 2 * DAY) })
  }

  // ---- Visits: about 6 a victim by the lead advocate's service, every three to five weeks.
  const visits: Prisma.VisitCreateManyInput[] = []
  for (const v of victims) {
    const by = v.leadId ?? advocatesOf.get(v.serviceId)![0]!.id
    let at = new Date((v.firstSeen ?? now).getTime() + 3 * DAY)
    for (let i = 0; i < VISITS_PER_VICTIM && at.getTime() < now.getTime() + 21 * DAY; i++) {
      const r = rnd.next()
      const planned = at.getTime() > now.getTime()
      const status = planned ? 'planned' : r < 0.82 ? 'completed' : 'not_happened'
      visits.push({
        victimId: v.id,
        organisationId: v.serviceId,
        recordedById: by,
        status,
        at,
        notHappenedReason: status === 'not_happened' ? rnd.pick(['declined', 'not_found']) : null,
        placeType: rnd.pick(['home', 'school', 'care_placement', 'neutral_venue', 'online']),
        purpose: i === 0 ? 'First follow-up after the report' : 'Regular visit',
        seenAlone: status === 'completed' ? rnd.next() < 0.8 : null,
        spokenToAlone: status === 'completed' ? rnd.next() < 0.85 : null,
        engagement: status === 'completed' ? rnd.pick(['engaged', 'partly_engaged', 'not_engaged']) : null,
        disclosure: status === 'completed' ? 'none' : null,
        idempotencyKey: `seed-large:visit:${newId()}`,
        recordedAt: planned ? now : new Date(at.getTime() + 3 * 60 * 60_000),
      })
      at = new Date(at.getTime() + (21 + rnd.int(15)) * DAY)
    }
  }

  // ---- Referrals to the therapy service for one victim in five, on recorded consent.
  const consents: Prisma.ConsentCreateManyInput[] = []
  const referrals: Prisma.ReferralCreateManyInput[] = []
  for (const [i, v] of victims.entries()) {
    if (i % 5 !== 2 || !v.leadId || !v.firstSeen) continue
    const at = new Date(Math.min(v.firstSeen.getTime() + 20 * DAY, now.getTime() - DAY))
    const consentId = newId()
    consents.push({ id: consentId, victimId: v.id, scope: 'Referral for counselling (synthetic)', sharedWith: therapy.name, givenBy: 'The young person', recordedAt: at, recordedById: v.leadId })
    const accepted = i % 10 === 2
    referrals.push({
      victimId: v.id,
      fromOrganisationId: v.serviceId,
      toOrganisationId: therapy.id,
      serviceType: 'counselling',
      reason: 'Asked for someone to talk to (synthetic).',
      referredById: v.leadId,
      sharingBasis: 'consent',
      consentId,
      status: accepted ? 'accepted' : 'sent',
      sentAt: at,
      acceptedAt: accepted ? new Date(at.getTime() + 2 * DAY) : null,
      version: accepted ? 2 : 1,
      idempotencyKey: `seed-large:referral:${consentId}`,
    })
  }

  await insert(victimRows, (b) => prisma.victim.createMany({ data: b }), 'victims', progress)
  await insert(cases, (b) => prisma.case.createMany({ data: b }), 'cases', progress)
  await insert(victimCases, (b) => prisma.victimCase.createMany({ data: b }), 'victim links', progress)
  await insert(allocations, (b) => prisma.allocation.createMany({ data: b }), 'allocations', progress)
  await insert(offences, (b) => prisma.offence.createMany({ data: b }), 'offences', progress)
  await insert(defendants, (b) => prisma.defendant.createMany({ data: b }), 'suspects', progress)
  // Corrections name the events they replace, so those go in first.
  await insert(events.filter((e) => !e.supersedesId), (b) => prisma.journeyEvent.createMany({ data: b }), 'journal events', progress)
  await insert(events.filter((e) => e.supersedesId), (b) => prisma.journeyEvent.createMany({ data: b }), 'journal corrections', progress)
  await insert(contacts, (b) => prisma.contact.createMany({ data: b }), 'contacts', progress)
  await insert(contactEvents, (b) => prisma.contactEvent.createMany({ data: b }), 'contact links', progress)
  await insert(visits, (b) => prisma.visit.createMany({ data: b }), 'visits', progress)
  await insert(consents, (b) => prisma.consent.createMany({ data: b }), 'consents', progress)
  await insert(referrals, (b) => prisma.referral.createMany({ data: b }), 'referrals', progress)

  // ---- Derived rows, by the app's own services.
  const { loadHolidays, loadRuleSets, recomputeEntitlementsOfCases } = await import('../../app/services/entitlements.server')
  const { refreshCaseReview } = await import('../../app/services/case-review.server')
  const calendar = await prisma.$transaction(async (tx) => ({ holidays: await loadHolidays(tx), ruleSets: await loadRuleSets(tx) }))
  let entitlements = 0
  for (let i = 0; i < cases.length; i += 250) {
    const ids = cases.slice(i, i + 250).map((c) => c.id!)
    const r = await prisma.$transaction((tx) => recomputeEntitlementsOfCases(tx, ids, { now, calendar }), { timeout: 300_000 })
    entitlements += r.created
    progress('entitlements', ids.length * 8)
  }
  let reviews = 0
  for (let i = 0; i < finalisedCaseIds.length; i += 100) {
    const ids = finalisedCaseIds.slice(i, i + 100)
    await prisma.$transaction(
      async (tx) => {
        for (const id of ids) if ((await refreshCaseReview(tx, id, now)) === 'created') reviews += 1
      },
      { timeout: 300_000 },
    )
    progress('case reviews', ids.length)
  }

  // Fresh planner statistics: without them (autovacuum had not analysed the bulk-loaded tables) the
  // access filters' plans were ten times slower (docs/performance.md).
  await prisma.$executeRawUnsafe('ANALYZE')
  progress('statistics', 1)

  const first = (xs: U[]) => xs[0]!
  return {
    organisations: organisations.length,
    users: users.length,
    victims: victimRows.length,
    cases: cases.length,
    allocations: allocations.length,
    offences: offences.length,
    suspects: defendants.length,
    events: events.length,
    contacts: contacts.length,
    visits: visits.length,
    referrals: referrals.length,
    entitlements,
    reviews,
    accounts: [
      { role: 'advocate', email: first(advocatesOf.get(services[0]!.id)!).email, note: `lead advocate for ~${CASELOAD} victims` },
      { role: 'officer', email: first(officersOf.get(forces[0]!.id)!).email, note: 'officer in charge of ~40 cases' },
      { role: 'cps_liaison', email: first(cpsLiaisons).email, note: 'CPS liaison (every case sent to CPS)' },
      { role: 'cps_liaison', email: first(wcOfficersOf.get(wcus[0]!.id)!).email, note: 'witness care' },
      { role: 'manager', email: first(serviceManagers).email, note: `manager of ${services[0]!.name}` },
      { role: 'manager', email: first(policeManagers).email, note: `police manager, ${forces[0]!.name}` },
      { role: 'admin', email: admin.email, note: 'administrator' },
    ],
  }
}
