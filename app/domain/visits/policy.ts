// The follow-up visit policy: how soon and how often a victim is visited. An
// administrator sets it per organisation; DEFAULT_VISIT_POLICY is what the partnership's strategy
// asks for. Pure: the schedule (schedule.ts) reads it, the admin form validates with the schema.
import { z } from 'zod'
import type { EventTypeId, HearingType } from '~/domain/journey/events'

export interface VisitPolicy {
  /** A first follow-up visit within this many calendar days of each reported incident or disclosure. */
  firstVisitWithinDays: number
  /** While any linked case is open, a visit at least every this many calendar days. */
  cadenceDays: number
  /** A visit within this many calendar days of each key court event. */
  afterCourtEventWithinDays: number
  /** A visit that did not happen because the child declined or was not found: try again within this many days. */
  retryWithinDays: number
  /** Journal event types that are key court events. */
  courtEventTypes: readonly EventTypeId[]
  /** A `hearing_outcome` is key only for these hearing types (the other types in courtEventTypes always are). */
  keyHearingTypes: readonly HearingType[]
}

/**
 * The defaults. Key court events are the days that most shake a child witness and most
 * often bring renewed contact from the people who exploited them: the hearings where the child
 * gives evidence (section 28 recording, trial — whatever their result, since an adjourned trial is
 * distressing too), the verdict for each defendant, the sentence and an appeal's result. Listings,
 * bail hearings and the PTPH are left to the Victims' Code contacts, not visits.
 */
export const DEFAULT_VISIT_POLICY: VisitPolicy = {
  firstVisitWithinDays: 7,
  cadenceDays: 28,
  afterCourtEventWithinDays: 7,
  retryWithinDays: 7,
  courtEventTypes: ['hearing_outcome', 'case_outcome', 'sentenced', 'appeal_outcome'],
  keyHearingTypes: ['s28_recording', 'trial'],
}

const days = (what: string) =>
  z
    .number({ error: `Enter ${what} as a number of days, like 7` })
    .int(`${capitalise(what)} must be a whole number of days`)
    .min(1, `${capitalise(what)} must be at least 1 day`)
    .max(365, `${capitalise(what)} must be 365 days or fewer`)

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** The days fields an administrator edits (the event type lists are checked against the vocabulary by the form). */
export const VisitPolicyDaysSchema = z.object({
  firstVisitWithinDays: days('the first visit deadline'),
  cadenceDays: days('the time between visits'),
  afterCourtEventWithinDays: days('the deadline after a court event'),
  retryWithinDays: days('the deadline to try again'),
})

export type VisitPolicyDays = z.infer<typeof VisitPolicyDaysSchema>

/** An organisation's stored days over the defaults; the key court events stay the partnership's. */
export function policyFromSetting(setting: VisitPolicyDays | null | undefined): VisitPolicy {
  if (!setting) return DEFAULT_VISIT_POLICY
  const { firstVisitWithinDays, cadenceDays, afterCourtEventWithinDays, retryWithinDays } = setting
  return { ...DEFAULT_VISIT_POLICY, firstVisitWithinDays, cadenceDays, afterCourtEventWithinDays, retryWithinDays }
}

const HOLDING_ORDER = ['lead_advocate', 'advocate', 'service'] as const

/**
 * Whose policy a victim's visits follow: the organisation holding the child — of the lead advocate,
 * else of any advocate, else of the service allocated — so one child has one plan however many
 * agencies work with them. Null (the defaults) when no supporting organisation holds them.
 */
export function holdingOrganisationId(allocations: readonly { kind: string; organisationId: string; startedAt: Date }[]): string | null {
  for (const kind of HOLDING_ORDER) {
    const first = allocations.filter((a) => a.kind === kind).sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())[0]
    if (first) return first.organisationId
  }
  return null
}

/** Key court events in words, for the policy page (administrators set only the days). */
export const KEY_COURT_EVENTS_TEXT =
  'the hearings where the child gives evidence (section 28 recording and trial), each defendant’s verdict, the sentence and an appeal’s result'
