// Right 12 of the Victims' Code: the victim may complain when a right was not met. A complaint is
// recorded against one entitlement and moves through stages — received, acknowledged, responded,
// closed with an outcome. Pure: the forms' schemas, the order the stages must keep, and the label
// each stage shows. Stage dates are calendar dates (00:00 UTC), like the other GOV.UK date inputs.
import { z } from 'zod'
import { isDateBlank, isFutureDate, parseDateParts, type DateParts } from '~/domain/calendar/date-parts'

export const COMPLAINT_OUTCOMES = [
  { id: 'upheld', label: 'Upheld' },
  { id: 'partly_upheld', label: 'Partly upheld' },
  { id: 'not_upheld', label: 'Not upheld' },
  { id: 'withdrawn', label: 'Withdrawn' },
] as const

export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number]['id']
const OUTCOME_IDS = COMPLAINT_OUTCOMES.map((o) => o.id) as [ComplaintOutcome, ...ComplaintOutcome[]]

/** The form's "no outcome yet" choice, so a radio is always selected and an outcome can be cleared. */
export const NO_OUTCOME = 'none'

export const outcomeLabel = (id: string) => COMPLAINT_OUTCOMES.find((o) => o.id === id)?.label ?? id

export const SUMMARY_MAX = 2000

/** The dated stages of one complaint, as stored. */
export interface ComplaintStages {
  receivedAt: Date
  acknowledgedAt: Date | null
  respondedAt: Date | null
  outcome: string | null
}

export type ComplaintField = 'receivedAt' | 'acknowledgedAt' | 'respondedAt' | 'outcome' | 'outcomeNotes'
export interface ComplaintIssue {
  path: ComplaintField
  message: string
}

const LABELS: Record<'receivedAt' | 'acknowledgedAt' | 'respondedAt', string> = {
  receivedAt: 'the date the complaint was received',
  acknowledgedAt: 'the date the complaint was acknowledged',
  respondedAt: 'the date of the response',
}

const longDate = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(d)

/**
 * The order the stages must keep, one message per field: acknowledged on or after received;
 * responded only once acknowledged, and on or after it; an outcome only once responded — except
 * "withdrawn", which the victim may do at any time; no date in the future. Empty = consistent.
 */
export function checkComplaintStages(s: ComplaintStages, now: Date = new Date()): ComplaintIssue[] {
  const issues: ComplaintIssue[] = []
  for (const path of ['receivedAt', 'acknowledgedAt', 'respondedAt'] as const) {
    const date = s[path]
    if (date && isFutureDate(date, now))
      issues.push({
        path,
        message: `${capitalise(LABELS[path])} must be today or in the past`,
      })
  }
  const bad = new Set(issues.map((i) => i.path))
  if (s.acknowledgedAt && !bad.has('acknowledgedAt') && s.acknowledgedAt < s.receivedAt) {
    issues.push({
      path: 'acknowledgedAt',
      message: `The date the complaint was acknowledged must be the same as or after the date it was received (${longDate(s.receivedAt)})`,
    })
  }
  if (s.respondedAt && !bad.has('respondedAt')) {
    if (!s.acknowledgedAt) {
      issues.push({
        path: 'acknowledgedAt',
        message: 'Enter the date the complaint was acknowledged: a complaint is acknowledged before it is responded to',
      })
    } else if (!bad.has('acknowledgedAt') && s.respondedAt < s.acknowledgedAt) {
      issues.push({
        path: 'respondedAt',
        message: `The date of the response must be the same as or after the date the complaint was acknowledged (${longDate(s.acknowledgedAt)})`,
      })
    }
  }
  if (s.outcome && s.outcome !== 'withdrawn' && !s.respondedAt && !bad.has('respondedAt')) {
    issues.push({
      path: 'respondedAt',
      message: `Enter the date of the response: a complaint is ${outcomeLabel(s.outcome).toLowerCase()} only once it has been responded to (select Withdrawn if the victim withdrew it)`,
    })
  }
  return issues
}

export type ComplaintStage = 'received' | 'acknowledged' | 'responded' | 'closed'

/** The stage reached; dates may be Date or (after a loader) ISO strings — only presence counts. */
type StagesLike = {
  acknowledgedAt: Date | string | null
  respondedAt: Date | string | null
  outcome: string | null
}

export function complaintStage(s: StagesLike): ComplaintStage {
  if (s.outcome) return 'closed'
  if (s.respondedAt) return 'responded'
  if (s.acknowledgedAt) return 'acknowledged'
  return 'received'
}

/** "Received", "Acknowledged", "Responded" or "Closed: <outcome>". */
export function complaintStatusLabel(s: StagesLike): string {
  switch (complaintStage(s)) {
    case 'closed':
      return `Closed: ${outcomeLabel(s.outcome!)}`
    case 'responded':
      return 'Responded'
    case 'acknowledged':
      return 'Acknowledged'
    case 'received':
      return 'Received'
  }
}

/** The complaint to show beside an entitlement: an open one before closed ones, then the newest. */
export function complaintToShow<T extends { receivedAt: Date | string; outcome: string | null }>(complaints: readonly T[]): T | undefined {
  const time = (d: Date | string) => new Date(d).getTime()
  return [...complaints].sort((a, b) => Number(Boolean(a.outcome)) - Number(Boolean(b.outcome)) || time(b.receivedAt) - time(a.receivedAt))[0]
}

// ---- the forms ----------------------------------------------------------------------------------

const datePart = z.string().trim().optional()
const dateParts = z.object({ day: datePart, month: datePart, year: datePart }).optional()

/** A required GOV.UK date (day, month, year boxes), not in the future. */
function requiredDate(label: string, now: Date) {
  return dateParts.transform((parts, ctx) => {
    const date = parseDateParts(parts, label, { minYear: 2000 })
    if (!date.ok) {
      ctx.addIssue({ code: 'custom', message: date.message })
      return z.NEVER
    }
    if (isFutureDate(date.date, now)) {
      ctx.addIssue({
        code: 'custom',
        message: `${capitalise(label)} must be today or in the past`,
      })
      return z.NEVER
    }
    return date.date
  })
}

/** An optional GOV.UK date: all boxes blank → null (the stage has not happened, or is cleared). */
function optionalDate(label: string) {
  return dateParts.transform((parts: DateParts | undefined, ctx) => {
    if (isDateBlank(parts)) return null
    const date = parseDateParts(parts, label, { minYear: 2000 })
    if (date.ok) return date.date
    ctx.addIssue({ code: 'custom', message: date.message })
    return z.NEVER
  })
}

const summary = z
  .string({ error: 'Enter what the complaint is about' })
  .trim()
  .min(1, 'Enter what the complaint is about')
  .max(SUMMARY_MAX, 'What the complaint is about must be 2,000 characters or fewer')

export function recordComplaintSchema(now: Date = new Date()) {
  return z.object({
    receivedAt: requiredDate(LABELS.receivedAt, now),
    summary,
  })
}
export type RecordComplaintInput = z.output<ReturnType<typeof recordComplaintSchema>>

/**
 * The stages form. `receivedAt` (the stored date) lets the order of the stages be checked here, so
 * the browser and the server give the same messages; the service checks again against the database.
 */
export function updateComplaintSchema({ receivedAt, now = new Date() }: { receivedAt: Date; now?: Date }) {
  return z
    .object({
      acknowledgedAt: optionalDate(LABELS.acknowledgedAt),
      respondedAt: optionalDate(LABELS.respondedAt),
      outcome: z.enum([NO_OUTCOME, ...OUTCOME_IDS], { error: 'Select the outcome' }).optional(),
      outcomeNotes: z.string().trim().max(SUMMARY_MAX, 'Notes on the outcome must be 2,000 characters or fewer').optional(),
      version: z.coerce
        .number({
          error: 'The form has expired: reload the page and try again',
        })
        .int()
        .min(1),
    })
    .transform((v, ctx) => {
      const value = {
        acknowledgedAt: v.acknowledgedAt,
        respondedAt: v.respondedAt,
        outcome: v.outcome === NO_OUTCOME ? null : (v.outcome ?? null),
        outcomeNotes: v.outcomeNotes || null,
        version: v.version,
      }
      const issues = checkComplaintUpdate(value, receivedAt, now)
      for (const issue of issues)
        ctx.addIssue({
          code: 'custom',
          path: [issue.path],
          message: issue.message,
        })
      return issues.length ? z.NEVER : value
    })
}
export type UpdateComplaintInput = z.output<ReturnType<typeof updateComplaintSchema>>

/** The stage order plus: notes belong to an outcome. */
export function checkComplaintUpdate(
  v: Pick<UpdateComplaintInput, 'acknowledgedAt' | 'respondedAt' | 'outcome' | 'outcomeNotes'>,
  receivedAt: Date,
  now: Date = new Date(),
): ComplaintIssue[] {
  const issues = checkComplaintStages(
    {
      receivedAt,
      acknowledgedAt: v.acknowledgedAt,
      respondedAt: v.respondedAt,
      outcome: v.outcome,
    },
    now,
  )
  if (v.outcomeNotes && !v.outcome)
    issues.push({
      path: 'outcomeNotes',
      message: 'Select the outcome, or remove the notes on the outcome',
    })
  return issues
}

/** The stage fields a change touched, for the audit log (names only, never the text). */
export function changedComplaintFields(
  before: Pick<UpdateComplaintInput, 'acknowledgedAt' | 'respondedAt' | 'outcome' | 'outcomeNotes'>,
  after: Pick<UpdateComplaintInput, 'acknowledgedAt' | 'respondedAt' | 'outcome' | 'outcomeNotes'>,
): ('acknowledgedAt' | 'respondedAt' | 'outcome' | 'outcomeNotes')[] {
  const same = (a: Date | string | null, b: Date | string | null) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b)
  return (['acknowledgedAt', 'respondedAt', 'outcome', 'outcomeNotes'] as const).filter((k) => !same(before[k] ?? null, after[k] ?? null))
}

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

// ---- what the service accepts (the forms' output, checked again on the server) -------------------

export const ComplaintRecordInput = z.object({ receivedAt: z.date(), summary })

export const ComplaintStagesInput = z.object({
  acknowledgedAt: z.date().nullable(),
  respondedAt: z.date().nullable(),
  outcome: z.enum(OUTCOME_IDS, { error: 'Select the outcome' }).nullable(),
  outcomeNotes: z.string().trim().max(SUMMARY_MAX, 'Notes on the outcome must be 2,000 characters or fewer').nullable(),
})
export type ComplaintStagesValues = z.output<typeof ComplaintStagesInput>
