// A follow-up visit as recorded: planned, made, or attempted and not made (and
// why). What the child said and any new disclosure are captured here so that intelligence and new
// offences can follow. Pure: the form schema and its checks; the service adds the record's own
// limits (not before the victim's record existed).
import { z } from 'zod'
import { formKey } from '~/domain/form-key'
import { isDateBlank, parseDateParts } from '~/domain/calendar/date-parts'
import { londonDateOf } from '~/domain/calendar/working-days'
import { londonInstant, parseTime } from '~/domain/contacts/contact'

const option = <T extends string>(id: T, label: string) => ({ id, label })

export const VISIT_STATUSES = [
  option('completed', 'The visit took place'),
  option('not_happened', 'We went but the visit did not happen'),
  option('planned', 'A visit is planned'),
] as const

export const NOT_HAPPENED_REASONS = [
  option('declined', 'The young person declined'),
  option('not_found', 'The young person was not there or could not be found'),
  option('missing', 'The young person is missing'),
] as const

export const PLACE_TYPES = [
  option('home', 'Home'),
  option('school', 'School or college'),
  option('care_placement', 'Care placement'),
  option('neutral_venue', 'Neutral venue'),
  option('online', 'Online'),
] as const

export const ENGAGEMENT = [option('engaged', 'Engaged'), option('partly_engaged', 'Partly engaged'), option('not_engaged', 'Not engaged')] as const

export const DISCLOSURES = [
  option('none', 'No new disclosure'),
  option('more_detail', 'More detail about what is already known'),
  option('new_offence_or_suspect', 'A new offence or a new suspect'),
] as const

type Ids<T extends readonly { id: string }[]> = [T[number]['id'], ...T[number]['id'][]]
const ids = <T extends readonly { id: string }[]>(list: T) => list.map((x) => x.id) as Ids<T>
export const labelOf = (list: readonly { id: string; label: string }[], id: string | null | undefined) => list.find((x) => x.id === id)?.label ?? id ?? ''

const datePart = z.string().trim().optional()
const dateParts = z.object({ day: datePart, month: datePart, year: datePart }).optional()
const text = (max: number, name: string) =>
  z
    .string()
    .trim()
    .max(max, `${name} must be ${max.toLocaleString('en-GB')} characters or fewer`)
    .optional()
    .transform((v) => v || undefined)
const choice = <T extends readonly { id: string }[]>(list: T, message: string) => z.enum(ids(list), { error: message }).optional()
const yesNo = (message: string) =>
  z
    .enum(['yes', 'no'], { error: message })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'yes'))

export interface VisitInput {
  status: (typeof VISIT_STATUSES)[number]['id']
  at: Date
  notHappenedReason?: (typeof NOT_HAPPENED_REASONS)[number]['id']
  placeType: (typeof PLACE_TYPES)[number]['id']
  purpose: string
  secondVisitorName?: string
  secondVisitorAgency?: string
  seenAlone?: boolean
  spokenToAlone?: boolean
  engagement?: (typeof ENGAGEMENT)[number]['id']
  wishesAndFeelings?: string
  disclosure?: (typeof DISCLOSURES)[number]['id']
  disclosureNotes?: string
  safeguardingConcerns?: string
  safeguardingActions?: string
  nextVisitOn?: Date
}

/**
 * The "record a visit" form. Which questions must be answered depends on what happened: a visit
 * made needs who was seen and how it went; one that did not happen needs why; a planned one needs
 * neither. Every problem is reported at once, against its own field.
 */
export function visitFormSchema(now: Date = new Date()) {
  return z
    .object({
      status: z.enum(ids(VISIT_STATUSES), { error: 'Select what happened' }),
      at: dateParts,
      atTime: z.string().trim().optional(),
      notHappenedReason: choice(NOT_HAPPENED_REASONS, 'Select why the visit did not happen'),
      placeType: z.enum(ids(PLACE_TYPES), { error: 'Select where the visit was' }),
      purpose: z
        .string({ error: 'Enter the purpose of the visit' })
        .trim()
        .min(1, 'Enter the purpose of the visit')
        .max(500, 'The purpose must be 500 characters or fewer'),
      secondVisitorName: text(200, 'The name of the second visitor'),
      secondVisitorAgency: text(200, 'The second visitor’s agency'),
      seenAlone: yesNo('Select yes if the young person was seen alone'),
      spokenToAlone: yesNo('Select yes if the young person was spoken to alone'),
      engagement: choice(ENGAGEMENT, 'Select how the young person engaged'),
      wishesAndFeelings: text(4000, 'Wishes and feelings'),
      disclosure: choice(DISCLOSURES, 'Select whether there was a new disclosure'),
      disclosureNotes: text(4000, 'The disclosure'),
      safeguardingConcerns: text(4000, 'Safeguarding concerns'),
      safeguardingActions: text(4000, 'Actions taken'),
      nextVisitOn: dateParts,
      idempotencyKey: formKey(),
    })
    .transform((v, ctx): VisitInput & { idempotencyKey: string } => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
      const date = parseDateParts(v.at, 'the date of the visit')
      let at: Date | undefined
      if (!date.ok) issue('at', date.message)
      else {
        at = date.date
        if (v.atTime) {
          const time = parseTime(v.atTime)
          if (time) at = londonInstant(date.date, time.hours, time.minutes)
          else issue('atTime', 'Enter a real time, like 2:30pm or 14:30')
        }
        const day = londonDateOf(at)
        const today = londonDateOf(now)
        if (v.status !== 'planned' && (day > today || (day === today && at.getTime() > now.getTime() && v.atTime))) {
          issue(v.atTime && day === today ? 'atTime' : 'at', 'A visit that took place or was attempted must be today or in the past')
        }
        if (v.status === 'planned' && day < today) issue('at', 'A planned visit must be today or in the future')
      }
      if (v.status === 'not_happened' && !v.notHappenedReason) issue('notHappenedReason', 'Select why the visit did not happen')
      if (v.status === 'completed') {
        if (v.seenAlone === undefined) issue('seenAlone', 'Select yes if the young person was seen alone')
        if (v.spokenToAlone === undefined) issue('spokenToAlone', 'Select yes if the young person was spoken to alone')
        if (!v.engagement) issue('engagement', 'Select how the young person engaged')
        if (!v.disclosure) issue('disclosure', 'Select whether there was a new disclosure')
        if (v.disclosure && v.disclosure !== 'none' && !v.disclosureNotes) issue('disclosureNotes', 'Describe what was disclosed')
      }
      if (v.secondVisitorName && !v.secondVisitorAgency) issue('secondVisitorAgency', 'Enter the second visitor’s agency')
      if (v.secondVisitorAgency && !v.secondVisitorName) issue('secondVisitorName', 'Enter the name of the second visitor')
      let nextVisitOn: Date | undefined
      if (!isDateBlank(v.nextVisitOn)) {
        const next = parseDateParts(v.nextVisitOn, 'the date of the next visit')
        if (!next.ok) issue('nextVisitOn', next.message)
        else if (at && londonDateOf(next.date) <= londonDateOf(at)) issue('nextVisitOn', 'The next visit must be after this one')
        else nextVisitOn = next.date
      }
      if (!at || ctx.issues.length > 0) return z.NEVER
      const made = v.status === 'completed'
      return {
        status: v.status,
        at,
        ...(v.status === 'not_happened' ? { notHappenedReason: v.notHappenedReason } : {}),
        placeType: v.placeType,
        purpose: v.purpose,
        ...(v.secondVisitorName ? { secondVisitorName: v.secondVisitorName, secondVisitorAgency: v.secondVisitorAgency } : {}),
        ...(made
          ? {
              seenAlone: v.seenAlone,
              spokenToAlone: v.spokenToAlone,
              engagement: v.engagement,
              wishesAndFeelings: v.wishesAndFeelings,
              disclosure: v.disclosure,
              disclosureNotes: v.disclosure !== 'none' ? v.disclosureNotes : undefined,
            }
          : {}),
        ...(v.status !== 'planned' ? { safeguardingConcerns: v.safeguardingConcerns, safeguardingActions: v.safeguardingActions } : {}),
        ...(nextVisitOn ? { nextVisitOn } : {}),
        idempotencyKey: v.idempotencyKey,
      }
    })
}
