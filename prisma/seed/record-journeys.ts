// Writes demo journeys: each case's offences, suspects, journal events and contacts, every event
// validated exactly as the journal service validates it, so the demo never holds a journey the
// product would refuse.
import { isSexualCategory } from '../../app/domain/cases/offences'
import { suspectLabel } from '../../app/domain/cases/suspects'
import { checkContact, ContactInputSchema } from '../../app/domain/contacts/contact'
import { deriveCaseStage } from '../../app/domain/journey/derive'
import { canRecordEventType, eventColumns, journeyEventInputSchema, type EventTypeId, type JourneyEventInput } from '../../app/domain/journey/events'
import { effectiveJournal, type JournalEvent } from '../../app/domain/journey/journal'
import { checkJourneyEvent } from '../../app/domain/journey/validate'
import type { Prisma } from '../../app/generated/prisma/client'
import { MINUTE, newId } from './context'
import type { CaseJourneySeed } from './journeys'
import { USERS, type UserKey } from './people'

/** One case to write: its row (already inserted) and its journey, with victims named by key. */
export interface JourneyCase<V extends string> {
  /** Short name for errors and idempotency keys, e.g. "k3". */
  key: string
  crimeReference: string
  caseId: string
  victims: readonly V[]
  createdAt: Date
  /** Must be the date of the journey's file_to_cps event (none without one). */
  sentToCpsAt?: Date
  journey: CaseJourneySeed<V>
}

export interface JourneyKeys<V extends string> {
  now: Date
  victimId: (key: V) => string
  userId: (key: UserKey) => string
}

/**
 * Builds each case's journal in order, validating every event exactly as recordJourneyEvent does
 * (type schema, then checkJourneyEvent against the journal so far; owner role), derives the stage,
 * and inserts offences, suspects, events and contacts in a few batched statements.
 */
export async function seedJourneys<V extends string>(tx: Prisma.TransactionClient, cases: readonly JourneyCase<V>[], keys: JourneyKeys<V>) {
  const offences: Prisma.OffenceCreateManyInput[] = []
  const defendants: Prisma.DefendantCreateManyInput[] = []
  const events: Prisma.JourneyEventCreateManyInput[] = []
  const contacts: Prisma.ContactCreateManyInput[] = []
  const contactEvents: Prisma.ContactEventCreateManyInput[] = []

  for (const { key: c, crimeReference, caseId, victims, createdAt, sentToCpsAt, journey: seed } of cases) {
    const where = `Demo seed ${c} (${crimeReference})`
    const victimIds = victims.map(keys.victimId)

    for (const o of seed.offences) {
      offences.push({
        caseId,
        victimId: o.victim ? keys.victimId(o.victim) : null,
        description: o.description,
        category: o.category,
        sexual: isSexualCategory(o.category),
        committedFrom: new Date(`${o.from}T00:00:00Z`),
        committedTo: o.to ? new Date(`${o.to}T00:00:00Z`) : null,
      })
    }

    const suspectIds = new Map(seed.suspects.map((letter) => [letter, newId()]))
    seed.suspects.forEach((letter, i) => {
      if (suspectLabel(i) !== `Suspect ${letter}`) throw new Error(`${where}: suspects must be A, B, C… in order`)
      defendants.push({ id: suspectIds.get(letter)!, caseId, label: `Suspect ${letter}`, createdAt })
    })

    const journal: (JournalEvent & { recordedById: string; correctionReason: string | null; key?: string })[] = []
    const idOf = new Map<string, string>()
    const ref = (key: string) => {
      const id = idOf.get(key)
      if (!id) throw new Error(`${where}: no earlier event called ${key}`)
      return id
    }
    seed.events.forEach((e, i) => {
      const user = USERS[e.by]
      if (!canRecordEventType(user.role, e.type)) throw new Error(`${where}: ${user.role} does not record ${e.type}`)
      const raw = {
        type: e.type,
        occurredAt: e.at,
        receivedAt: e.received,
        defendantId: e.suspect ? suspectIds.get(e.suspect) : undefined,
        victimId: e.victim ? keys.victimId(e.victim) : undefined,
        details: { ...e.details, ...(e.hearing ? { hearingEventId: ref(e.hearing) } : {}) },
        supersedesId: e.corrects ? ref(e.corrects) : undefined,
        correctionReason: e.reason,
      }
      if (e.suspect && !raw.defendantId) throw new Error(`${where}: no Suspect ${e.suspect}`)
      const parsed = journeyEventInputSchema(e.type as EventTypeId).safeParse(raw)
      if (!parsed.success) throw new Error(`${where}: event ${i} (${e.type}) is invalid: ${parsed.error.message}`)
      const input = parsed.data as JourneyEventInput
      const issues = checkJourneyEvent(input, { now: keys.now, defendantIds: [...suspectIds.values()], victimIds, journal })
      if (issues.length > 0) throw new Error(`${where}: event ${i} (${e.type}): ${issues.map((x) => `${x.path}: ${x.message}`).join('; ')}`)
      const recordedAt = e.recordedAt ?? new Date(Math.min(((e.received ?? e.at).getTime() + 30 * MINUTE), keys.now.getTime()))
      const id = newId()
      if (e.key) {
        if (idOf.has(e.key)) throw new Error(`${where}: two events called ${e.key}`)
        idOf.set(e.key, id)
      }
      journal.push({ id, ...eventColumns(input), recordedAt, recordedById: keys.userId(e.by) })
    })

    const stage = deriveCaseStage(journal, { now: keys.now, defendantIds: [...suspectIds.values()] })
    // As recordJourneyEvent does: sending the file (not a correction of it) sets sentToCpsAt.
    const filed = journal.filter((e) => e.type === 'file_to_cps' && !e.supersedesId).at(-1)
    if ((filed?.occurredAt.getTime() ?? null) !== (sentToCpsAt?.getTime() ?? null)) {
      throw new Error(`${where}: sentToCpsAt must be the date of the file_to_cps event`)
    }
    await tx.case.update({ where: { id: caseId }, data: { stage, sentToCpsAt: filed?.occurredAt ?? null } })

    events.push(
      ...journal.map((e, i) => ({
        id: e.id,
        caseId,
        type: e.type,
        occurredAt: e.occurredAt,
        recordedAt: e.recordedAt,
        receivedAt: e.receivedAt ?? null,
        defendantId: e.defendantId ?? null,
        victimId: e.victimId ?? null,
        details: e.details as Prisma.InputJsonValue,
        recordedById: e.recordedById,
        supersedesId: e.supersedesId ?? null,
        correctionReason: e.correctionReason,
        idempotencyKey: `demo-seed:${c}:${i}`,
      })),
    )

    // Contacts: what each victim was told, linked to the events it was about (never an event about
    // another victim), validated as recordContact does.
    const linkable = new Set(effectiveJournal(journal).map((e) => e.id))
    seed.contacts.forEach((k, i) => {
      const victimId = keys.victimId(k.victim)
      if (!victimIds.includes(victimId)) throw new Error(`${where}: contact ${i} is for a victim not on the case`)
      const eventIds = k.about.map(ref)
      const ok = new Set(eventIds.filter((id) => linkable.has(id) && [null, victimId].includes(journal.find((e) => e.id === id)!.victimId ?? null)))
      const parsed = ContactInputSchema.safeParse({ contactedAt: k.at, method: k.method, withWhom: k.withWhom, summary: k.summary, eventIds })
      if (!parsed.success) throw new Error(`${where}: contact ${i} is invalid: ${parsed.error.message}`)
      const issues = checkContact(parsed.data, { now: keys.now, eventIdsOnVictimsCases: ok })
      if (issues.length > 0) throw new Error(`${where}: contact ${i}: ${issues.map((x) => x.message).join('; ')}`)
      const id = newId()
      contacts.push({
        id,
        victimId,
        contactedAt: parsed.data.contactedAt,
        byUserId: keys.userId(k.by),
        method: parsed.data.method,
        withWhom: parsed.data.withWhom,
        summary: parsed.data.summary,
        idempotencyKey: `demo-seed:${c}:contact:${i}`,
        recordedAt: new Date(Math.min(k.at.getTime() + 20 * MINUTE, keys.now.getTime())),
      })
      contactEvents.push(...eventIds.map((eventId) => ({ contactId: id, eventId })))
    })
  }

  await tx.offence.createMany({ data: offences })
  await tx.defendant.createMany({ data: defendants })
  // Corrections name the events they replace, so those go in first.
  await tx.journeyEvent.createMany({ data: events.filter((e) => !e.supersedesId) })
  await tx.journeyEvent.createMany({ data: events.filter((e) => e.supersedesId) })
  await tx.contact.createMany({ data: contacts })
  await tx.contactEvent.createMany({ data: contactEvents })
  return { offences: offences.length, suspects: defendants.length, events: events.length, contacts: contacts.length }
}
