// Missing episodes and return home interviews. Pure: instants in, field problems
// and statuses out. DfE statutory guidance on children who run away or go missing from home or care
// (January 2014): on every return the child is offered an independent return interview within 72
// hours. The 72 hours are clock hours measured in elapsed
// time, not working days and not London wall-clock arithmetic, so across a change of clocks the due
// time shown in London is an hour later (March) or earlier (October) on the wall than the return was.
import { z } from 'zod'

export const RHI_HOURS = 72
const HOUR_MS = 3_600_000
export const RHI_WINDOW_MS = RHI_HOURS * HOUR_MS

export const FOUND_BY = [
  { id: 'returned_themselves', label: 'Returned by themselves' },
  { id: 'police', label: 'Found by the police' },
  { id: 'family_or_carer', label: 'Found by family or carers' },
  { id: 'professional', label: 'Found by a professional (social worker, advocate, school)' },
  { id: 'other', label: 'Someone else' },
] as const

export const REPORTED_TO_POLICE = [
  { id: 'yes', label: 'Yes' },
  { id: 'no', label: 'No' },
] as const

export const RHI_STATUSES = [
  { id: 'not_offered', label: 'Not offered yet' },
  { id: 'offered', label: 'Offered' },
  { id: 'completed', label: 'Completed' },
  { id: 'declined', label: 'Declined by the young person' },
] as const

export type RhiStatus = (typeof RHI_STATUSES)[number]['id']

const ids = <T extends readonly { id: string }[]>(list: T) => list.map((x) => x.id) as [T[number]['id'], ...T[number]['id'][]]

// An empty form field means "not given"; z.coerce.date would turn it into 1970 or an invalid date.
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v)
const instant = (message: string) => z.preprocess(blankToUndefined, z.coerce.date({ error: message }))
const optionalInstant = (message: string) => z.preprocess(blankToUndefined, z.coerce.date({ error: message }).optional())
const optionalText = (label: string, max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`)
      .optional()
      .transform((v) => (v ? v : null)),
  )

const notFuture = (now: Date, message: string) => (d: Date | undefined, ctx: z.RefinementCtx) => {
  if (d && d.getTime() > now.getTime()) ctx.addIssue({ code: 'custom', message })
}

/** A missing episode as entered. Still missing: no `returnedAt` and no `foundBy`. */
export function missingEpisodeSchema(now: Date = new Date()) {
  return z
    .object({
      // Each field checks itself against `now`, so every problem shows at once (object refinements wait).
      missingFrom: instant('Enter when they went missing').superRefine(notFuture(now, 'The time they went missing must be now or in the past')),
      returnedAt: optionalInstant('Enter a real date and time they returned').superRefine(
        notFuture(now, 'The time they returned must be now or in the past: leave it blank while they are still missing'),
      ),
      reportedToPolice: z.enum(ids(REPORTED_TO_POLICE), { error: 'Select whether they were reported missing to the police' }),
      policeReference: optionalText('Police reference', 40),
      foundBy: z.preprocess(blankToUndefined, z.enum(ids(FOUND_BY), { error: 'Select how they returned or who found them' }).optional()),
      foundByDetail: optionalText('Who found them', 200),
    })
    .superRefine((v, ctx) => {
      if (v.returnedAt && v.returnedAt.getTime() <= v.missingFrom.getTime()) {
        ctx.addIssue({ code: 'custom', path: ['returnedAt'], message: 'The time they returned must be after the time they went missing' })
      }
      if (v.returnedAt && !v.foundBy) ctx.addIssue({ code: 'custom', path: ['foundBy'], message: 'Select how they returned or who found them' })
      if (!v.returnedAt && v.foundBy) {
        ctx.addIssue({ code: 'custom', path: ['returnedAt'], message: 'Enter when they returned, or leave how they were found blank while they are missing' })
      }
      if (v.foundBy === 'other' && !v.foundByDetail) ctx.addIssue({ code: 'custom', path: ['foundByDetail'], message: 'Enter who found them' })
    })
    .transform((v) => ({
      missingFrom: v.missingFrom,
      returnedAt: v.returnedAt ?? null,
      reportedToPolice: v.reportedToPolice === 'yes',
      // A reference only means something when the police were told.
      policeReference: v.reportedToPolice === 'yes' ? v.policeReference : null,
      foundBy: v.foundBy ?? null,
      foundByDetail: v.foundBy ? v.foundByDetail : null,
    }))
}

export type MissingEpisodeInput = z.infer<ReturnType<typeof missingEpisodeSchema>>

/** The return home interview as recorded: `at` is when it was offered, completed or declined. */
export interface ReturnInterview {
  status: RhiStatus
  at?: Date | null
  by?: string | null
}

/** The interview form, checked against the return it follows and the clock. */
export function returnInterviewSchema(ctx: { now: Date; returnedAt: Date }) {
  return z
    .object({
      status: z.enum(ids(RHI_STATUSES), { error: 'Select whether a return home interview was offered, completed or declined' }),
      at: optionalInstant('Enter a real date and time').superRefine(notFuture(ctx.now, 'The date must be now or in the past')),
      by: optionalText('Who offered or carried out the interview', 200),
      findings: optionalText('Findings', 5000),
    })
    .superRefine((v, issues) => {
      if (v.status === 'not_offered') return
      const what = { offered: 'offered', completed: 'carried out', declined: 'declined' }[v.status]
      if (!v.at) issues.addIssue({ code: 'custom', path: ['at'], message: `Enter when the interview was ${what}` })
      else if (v.at.getTime() < ctx.returnedAt.getTime()) {
        issues.addIssue({ code: 'custom', path: ['at'], message: `The interview cannot have been ${what} before they returned` })
      }
      if (!v.by) {
        const who = v.status === 'completed' ? 'Enter who carried out the interview' : 'Enter who offered the interview'
        issues.addIssue({ code: 'custom', path: ['by'], message: who })
      }
    })
    .transform((v) => ({
      status: v.status,
      at: v.status === 'not_offered' ? null : (v.at ?? null),
      by: v.status === 'not_offered' ? null : v.by,
      // Findings feed intelligence; only an interview that happened has any.
      findings: v.status === 'completed' ? v.findings : null,
    }))
}

export type ReturnInterviewInput = z.infer<ReturnType<typeof returnInterviewSchema>>

// ---- the 72-hour clock -------------------------------------------------------------------------

/** The instant the return home interview is due: exactly 72 elapsed hours after the return. */
export function rhiDueAt(returnedAt: Date): Date {
  if (Number.isNaN(returnedAt.getTime())) throw new RangeError('Invalid instant')
  return new Date(returnedAt.getTime() + RHI_WINDOW_MS)
}

/** Whether `at` is within 72 elapsed hours of the return (the due instant itself is still in time). */
export function withinSeventyTwoHours(returnedAt: Date, at: Date): boolean {
  const elapsed = at.getTime() - returnedAt.getTime()
  return elapsed >= 0 && elapsed <= RHI_WINDOW_MS
}

export type RhiOutcome = 'still_missing' | 'due' | 'overdue' | 'completed_in_time' | 'completed_late' | 'declined'

/**
 * Where the interview stands as of `asOf`. What happened after `asOf` is not yet known, so the
 * status only moves forward as `asOf` grows: due → overdue → completed_late or declined, or
 * due → completed_in_time or declined. An offer alone does not stop the clock: the interview must happen.
 */
export function rhiOutcome(returnedAt: Date | null | undefined, interview: ReturnInterview | null | undefined, asOf: Date): RhiOutcome {
  if (!returnedAt || returnedAt.getTime() > asOf.getTime()) return 'still_missing'
  const at = interview?.at
  if (interview && at && at.getTime() <= asOf.getTime()) {
    if (interview.status === 'completed') return withinSeventyTwoHours(returnedAt, at) ? 'completed_in_time' : 'completed_late'
    if (interview.status === 'declined') return 'declined'
  }
  return asOf.getTime() > rhiDueAt(returnedAt).getTime() ? 'overdue' : 'due'
}

export const RHI_OUTCOME_LABELS: Record<RhiOutcome, string> = {
  still_missing: 'Still missing',
  due: 'Due',
  overdue: 'Overdue',
  completed_in_time: 'Completed within 72 hours',
  completed_late: 'Completed late',
  declined: 'Declined',
}

// ---- London wall time --------------------------------------------------------------------------

const wallFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
})
const dayFmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })

/** The London wall-clock reading of an instant: date, 24-hour time and whether it is GMT or BST. */
export function londonWallTime(instant: Date): { date: string; time: string; zone: 'GMT' | 'BST' } {
  const parts = wallFmt.formatToParts(instant)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  // Node writes summer time as "BST" (en-GB) or "GMT+1" depending on its ICU data.
  const zone = get('timeZoneName') === 'GMT' ? 'GMT' : 'BST'
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}`, zone }
}

/** "04:30 BST on Tuesday 31 March 2026": the zone is shown because the due time may cross a change of clocks. */
export function describeLondonTime(instant: Date): string {
  const { time, zone } = londonWallTime(instant)
  return `${time} ${zone} on ${dayFmt.format(instant).replace(',', '')}`
}
