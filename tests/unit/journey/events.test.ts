import { describe, expect, test } from 'vitest'
import {
  canRecordEventType,
  detailsSchema,
  EVENT_TYPE_IDS,
  EVENT_TYPES,
  eventTypeLabel,
  eventTypesFor,
  formatPath,
  journeyEventInputSchema,
  JourneyEventInputSchema,
  toJourneyIssues,
  type EventTypeId,
} from '~/domain/journey/events'
import type { Role } from '~/domain/access/policy'
import { d, EXAMPLES } from './fixtures'

const ISSUE_3_TYPES = `crime_reported crime_recorded needs_assessment_completed referred_to_support_service abe_interview
intermediary_requested strategy_discussion decision_not_to_investigate suspect_arrested suspect_interviewed suspect_bailed
suspect_released_under_investigation bail_conditions_changed suspect_released_nfa file_to_cps suspect_charged
police_no_charge_decision cps_no_charge_decision out_of_court_disposal cps_discontinued hearing_listed hearing_outcome
bail_hearing_outcome not_guilty_plea guilty_plea witness_required special_measures_applied special_measures_decision
pre_trial_therapy_started court_familiarisation_visit vps_offered vps_made trial_started case_outcome sentenced
appeal_lodged appeal_outcome vcs_referral_made vlo_contact_made victim_withdrew_support case_finalised`.split(/\s+/)

describe('the vocabulary', () => {
  test('has every milestone event type, and nothing unlabelled', () => {
    expect([...EVENT_TYPE_IDS].sort()).toEqual([...ISSUE_3_TYPES].sort())
    for (const t of EVENT_TYPES) {
      expect(t.label).toMatch(/^[A-Z]/)
      expect(eventTypeLabel(t.id)).toBe(t.label)
      expect(t.owners.length).toBeGreaterThan(0)
    }
    expect(eventTypeLabel('no_such_type')).toBe('no_such_type')
  })

  test('every type has an example in the tests', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...EVENT_TYPE_IDS].sort())
  })
})

describe('details schema per type', () => {
  test.each(EVENT_TYPE_IDS.map((t) => [t]))('%s accepts a realistic example', (type) => {
    const r = detailsSchema(type).safeParse(EXAMPLES[type].good)
    expect(r.error?.issues ?? []).toEqual([])
  })

  test.each(EVENT_TYPE_IDS.map((t) => [t]))('%s rejects a bad one with a field message', (type) => {
    const ex = EXAMPLES[type]
    const r = detailsSchema(type).safeParse(ex.bad)
    expect(r.success).toBe(false)
    const issues = toJourneyIssues(r.error!)
    expect(issues).toContainEqual({ path: ex.badPath, message: ex.badMessage })
  })

  test('the NFA outcome code must be a no-further-action code from the Home Office list', () => {
    const s = detailsSchema('suspect_released_nfa')
    for (const code of ['14', '15', '16', '21']) expect(s.safeParse({ homeOfficeOutcomeCode: code }).success).toBe(true)
    for (const code of ['1', '1A', '3', '8', '99', 16]) expect(s.safeParse({ homeOfficeOutcomeCode: code }).success).toBe(false)
  })

  test('hearing outcomes need a reason only when ineffective or adjourned', () => {
    const s = detailsSchema('hearing_outcome')
    expect(s.safeParse({ hearingEventId: 'h', result: 'effective' }).success).toBe(true)
    expect(s.safeParse({ hearingEventId: 'h', result: 'cracked' }).success).toBe(true)
    expect(toJourneyIssues(s.safeParse({ hearingEventId: 'h', result: 'adjourned' }).error!)).toEqual([
      { path: 'reason', message: 'Enter why the hearing was adjourned' },
    ])
    expect(toJourneyIssues(s.safeParse({ result: 'effective' }).error!)).toEqual([{ path: 'hearingEventId', message: 'Select the hearing' }])
  })

  test('every hearing type is accepted', () => {
    for (const hearingType of ['first_hearing', 'ptph', 'bail', 'ground_rules', 's28_recording', 'trial', 'sentence', 'appeal']) {
      expect(detailsSchema('hearing_listed').safeParse({ hearingType, court: 'Example Magistrates’ Court', hearingAt: d('2027-02-01T10:00:00Z') }).success).toBe(true)
    }
  })

  test('special measures decision covers every measure', () => {
    const all = ['screen', 'live_link', 'evidence_in_private', 'removal_of_wigs_and_gowns', 'video_recorded_evidence_in_chief', 's28_cross_examination', 'intermediary', 'aids_to_communication']
    const r = detailsSchema('special_measures_decision').safeParse({ decisions: all.map((measure, i) => ({ measure, decision: i % 2 ? 'granted' : 'refused' })) })
    expect(r.success).toBe(true)
    expect(detailsSchema('special_measures_decision').safeParse({ decisions: [] }).success).toBe(false)
  })

  test('a conviction carries no unsuccessful reason; every unsuccessful outcome needs one', () => {
    const s = detailsSchema('case_outcome')
    expect(s.safeParse({ outcome: 'convicted_after_trial' }).success).toBe(true)
    expect(s.safeParse({ outcome: 'guilty_plea' }).success).toBe(true)
    expect(s.safeParse({ outcome: 'guilty_plea', unsuccessfulReason: 'other' }).success).toBe(false)
    for (const outcome of ['acquitted', 'dismissed', 'discontinued', 'offered_no_evidence', 'left_on_file']) {
      expect(s.safeParse({ outcome }).success).toBe(false)
      expect(s.safeParse({ outcome, unsuccessfulReason: 'victim_issues' }).success).toBe(true)
    }
  })

  test('a sentence is custody, another disposal or a hospital order; custody is not negative', () => {
    const s = detailsSchema('sentenced')
    expect(s.safeParse({ otherDisposal: 'Youth rehabilitation order, 24 months' }).success).toBe(true)
    expect(s.safeParse({ custodyMonths: 0, otherDisposal: 'Sexual harm prevention order' }).success).toBe(true)
    expect(s.safeParse({ hospitalOrder: true }).success).toBe(true)
    expect(toJourneyIssues(s.safeParse({ custodyMonths: -3 }).error!)).toEqual([{ path: 'custodyMonths', message: 'Custody must be 0 months or more' }])
  })
})

describe('JourneyEventInputSchema', () => {
  const arrest = { type: 'suspect_arrested', occurredAt: d('2026-11-10T09:00:00Z'), defendantId: 'def-1', details: {} }

  test('accepts a complete event and narrows on type', () => {
    const r = JourneyEventInputSchema.parse(arrest)
    expect(r.type).toBe('suspect_arrested')
  })

  test('asks for the date in the event’s own words', () => {
    const r = JourneyEventInputSchema.safeParse({ ...arrest, occurredAt: undefined })
    expect(toJourneyIssues(r.error!)).toEqual([{ path: 'occurredAt', message: 'Enter the date of the arrest' }])
    const bad = JourneyEventInputSchema.safeParse({ ...arrest, occurredAt: new Date('2026-02-31x') })
    expect(toJourneyIssues(bad.error!)).toEqual([{ path: 'occurredAt', message: 'The date of the arrest must be a real date' }])
  })

  test('needs a defendant for a defendant event and refuses one for a case event', () => {
    expect(toJourneyIssues(JourneyEventInputSchema.safeParse({ ...arrest, defendantId: undefined }).error!)).toEqual([
      { path: 'defendantId', message: 'Select the suspect or defendant' },
    ])
    const cr = { type: 'crime_recorded', occurredAt: d('2026-11-01T00:00:00Z'), details: {}, defendantId: 'def-1' }
    expect(JourneyEventInputSchema.safeParse(cr).success).toBe(false)
    expect(JourneyEventInputSchema.safeParse({ ...cr, defendantId: undefined }).success).toBe(true)
  })

  test('needs a victim for a victim event', () => {
    const abe = { type: 'abe_interview', occurredAt: d('2026-10-02T00:00:00Z'), details: EXAMPLES.abe_interview.good }
    expect(toJourneyIssues(JourneyEventInputSchema.safeParse(abe).error!)).toEqual([{ path: 'victimId', message: 'Select the victim' }])
    expect(JourneyEventInputSchema.safeParse({ ...abe, victimId: 'vic-1' }).success).toBe(true)
  })

  test('bail must end after the date of the bail', () => {
    const bail = { type: 'suspect_bailed', occurredAt: d('2026-11-10T00:00:00Z'), defendantId: 'def-1', details: { bailEndDate: d('2026-11-09T00:00:00Z') } }
    expect(toJourneyIssues(JourneyEventInputSchema.safeParse(bail).error!)).toEqual([
      { path: 'details.bailEndDate', message: 'The date bail ends must be after the date of the bail' },
    ])
    expect(JourneyEventInputSchema.safeParse({ ...bail, details: { bailEndDate: d('2027-02-10T00:00:00Z') } }).success).toBe(true)
    const ext = { type: 'bail_conditions_changed', occurredAt: d('2026-11-10T00:00:00Z'), defendantId: 'def-1', details: { change: 'extended', newBailEndDate: d('2026-10-01T00:00:00Z') } }
    expect(toJourneyIssues(JourneyEventInputSchema.safeParse(ext).error!)).toEqual([
      { path: 'details.newBailEndDate', message: 'The date bail ends must be after the date of the bail' },
    ])
  })

  test('a correction needs its reason', () => {
    const r = JourneyEventInputSchema.safeParse({ ...arrest, supersedesId: 'e1' })
    expect(toJourneyIssues(r.error!)).toEqual([{ path: 'correctionReason', message: 'Enter the reason for the correction' }])
    expect(JourneyEventInputSchema.safeParse({ ...arrest, supersedesId: 'e1', correctionReason: 'Wrong suspect selected' }).success).toBe(true)
  })

  test('receivedAt only where witness care receives it', () => {
    const listing = {
      type: 'hearing_listed',
      occurredAt: d('2026-11-10T00:00:00Z'),
      receivedAt: d('2026-11-11T00:00:00Z'),
      details: EXAMPLES.hearing_listed.good,
    }
    expect(JourneyEventInputSchema.safeParse(listing).success).toBe(true)
    expect(JourneyEventInputSchema.safeParse({ ...arrest, receivedAt: d('2026-11-11T00:00:00Z') }).success).toBe(false)
  })

  test('an unknown type is refused at the type field; nested paths are Conform names', () => {
    const r = JourneyEventInputSchema.safeParse({ type: 'made_up', occurredAt: d('2026-11-10T00:00:00Z'), details: {} })
    expect(toJourneyIssues(r.error!)[0]?.path).toBe('type')
    const charge = journeyEventInputSchema('suspect_charged').safeParse({
      type: 'suspect_charged',
      occurredAt: d('2026-11-10T00:00:00Z'),
      defendantId: 'def-1',
      details: { charges: [{ offence: '' }], remandStatus: 'custody' },
    })
    const issues = toJourneyIssues(charge.error!)
    expect(issues).toEqual([{ path: 'details.charges[0].offence', message: 'Enter the offence charged' }])
    expect(formatPath([])).toBe('')
  })

  test('every type’s realistic example passes as a whole input', () => {
    for (const t of EVENT_TYPES) {
      const input = {
        type: t.id,
        occurredAt: d('2026-11-01T10:00:00Z'),
        ...(t.defendant === 'required' ? { defendantId: 'def-1' } : {}),
        ...(t.victim === 'required' ? { victimId: 'vic-1' } : {}),
        details: EXAMPLES[t.id].good,
      }
      const r = JourneyEventInputSchema.safeParse(input)
      expect([t.id, r.error?.issues ?? []]).toEqual([t.id, []])
    }
  })
})

describe('who may record what', () => {
  const officer: EventTypeId[] = [
    'crime_reported', 'crime_recorded', 'needs_assessment_completed', 'referred_to_support_service', 'abe_interview',
    'intermediary_requested', 'strategy_discussion', 'decision_not_to_investigate', 'suspect_arrested', 'suspect_interviewed',
    'suspect_bailed', 'suspect_released_under_investigation', 'bail_conditions_changed', 'suspect_released_nfa', 'file_to_cps',
    'suspect_charged', 'police_no_charge_decision', 'out_of_court_disposal', 'vps_offered', 'vps_made', 'vcs_referral_made',
    'victim_withdrew_support',
  ]
  const cps: EventTypeId[] = [
    'intermediary_requested', 'suspect_charged', 'cps_no_charge_decision', 'out_of_court_disposal', 'cps_discontinued',
    'hearing_listed', 'hearing_outcome', 'bail_hearing_outcome', 'not_guilty_plea', 'guilty_plea', 'witness_required',
    'special_measures_applied', 'special_measures_decision', 'court_familiarisation_visit', 'trial_started', 'case_outcome',
    'sentenced', 'appeal_lodged', 'appeal_outcome', 'vcs_referral_made', 'vlo_contact_made', 'case_finalised',
  ]
  const advocate: EventTypeId[] = [
    'needs_assessment_completed', 'referred_to_support_service', 'pre_trial_therapy_started', 'court_familiarisation_visit',
    'vps_offered', 'vps_made', 'vlo_contact_made', 'victim_withdrew_support',
  ]
  const matrix: Record<Role, EventTypeId[]> = { officer, cps_liaison: cps, advocate, manager: [], admin: [] }

  test.each(Object.keys(matrix).map((r) => [r as Role]))('%s records exactly its own steps', (role) => {
    for (const type of EVENT_TYPE_IDS) expect([role, type, canRecordEventType(role, type)]).toEqual([role, type, matrix[role].includes(type)])
    expect(eventTypesFor(role).map((t) => t.id).sort()).toEqual([...matrix[role]].sort())
  })

  test('every type has an owner; an advocate cannot record a charge; nobody records an unknown type', () => {
    for (const type of EVENT_TYPE_IDS) expect((['officer', 'cps_liaison', 'advocate'] as Role[]).some((r) => canRecordEventType(r, type))).toBe(true)
    expect(canRecordEventType('advocate', 'suspect_charged')).toBe(false)
    expect(canRecordEventType('officer', 'sentenced')).toBe(false)
    expect(canRecordEventType('cps_liaison', 'suspect_arrested')).toBe(false)
    expect(canRecordEventType('officer', 'toString')).toBe(false)
  })
})
