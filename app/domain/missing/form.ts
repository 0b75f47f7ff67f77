// The missing-episode forms: GOV.UK date boxes and a time box in, instants out,
// checked by the rules in ./episodes.ts. Pure. The times matter (the return home interview is due 72
// clock hours after the return), so a date needs its time. Every problem is reported at once, next
// to its own field: a date that cannot be read is not reported again as "missing".
import { z } from 'zod'
import { formKey } from '~/domain/form-key'
import { isDateBlank, parseDateParts, type DateParts } from '~/domain/calendar/date-parts'
import { londonInstant, parseTime } from '~/domain/contacts/contact'
import { missingEpisodeSchema, returnInterviewSchema, type MissingEpisodeInput, type ReturnInterviewInput } from './episodes'

const datePart = z.string().trim().optional()
const dateParts = z.object({ day: datePart, month: datePart, year: datePart }).optional()
const loose = z.string().optional()
const expired = 'The form has expired: reload the page and try again'
const version = z.coerce.number({ error: expired }).int(expired).min(1, expired)

type Issues = Map<string, string>

/** Reads a date and a time of day in England and Wales; records problems against `path` and `path`Time. */
export function readLondonInstant(
  parts: DateParts | undefined,
  time: string | undefined,
  path: string,
  what: string,
  issues: Issues,
): Date | undefined | 'blank' {
  const noTime = !time?.trim()
  if (isDateBlank(parts) && noTime) return 'blank'
  const date = parseDateParts(parts, `the date ${what}`)
  if (!date.ok) issues.set(path, date.message)
  let clock: { hours: number; minutes: number } | undefined
  if (noTime) issues.set(`${path}Time`, `Enter the time ${what}`)
  else {
    clock = parseTime(time!)
    if (!clock) issues.set(`${path}Time`, 'Enter a real time, like 2:30pm or 14:30')
  }
  if (!date.ok || !clock) return undefined
  return londonInstant(date.date, clock.hours, clock.minutes)
}

/** Adds the rules' problems, except where the form already said what is wrong with that field. */
function addRuleIssues(issues: Issues, error: z.ZodError | undefined) {
  for (const issue of error?.issues ?? []) {
    const path = String(issue.path[0] ?? '')
    if (!issues.has(path) && !issues.has(`${path}Time`)) issues.set(path, issue.message)
  }
}

function report(issues: Issues, ctx: z.RefinementCtx) {
  for (const [path, message] of issues) ctx.addIssue({ code: 'custom', path: [path], message })
}

const given = (d: Date | undefined | 'blank') => (d instanceof Date ? d : undefined)

/** The "record a missing episode" form; they may have returned already. */
export function episodeFormSchema(now: Date = new Date()) {
  return z
    .object({
      missingFrom: dateParts,
      missingFromTime: loose,
      returnedAt: dateParts,
      returnedAtTime: loose,
      reportedToPolice: loose,
      policeReference: loose,
      foundBy: loose,
      foundByDetail: loose,
      idempotencyKey: formKey(),
    })
    .transform((v, ctx): (MissingEpisodeInput & { idempotencyKey: string }) | typeof z.NEVER => {
      const issues: Issues = new Map()
      const missingFrom = readLondonInstant(v.missingFrom, v.missingFromTime, 'missingFrom', 'they went missing', issues)
      if (missingFrom === 'blank') issues.set('missingFrom', 'Enter the date they went missing')
      const returnedAt = readLondonInstant(v.returnedAt, v.returnedAtTime, 'returnedAt', 'they returned', issues)
      const rules = missingEpisodeSchema(now).safeParse({
        missingFrom: given(missingFrom) ?? '',
        returnedAt: given(returnedAt) ?? '',
        reportedToPolice: v.reportedToPolice ?? '',
        policeReference: v.policeReference ?? '',
        foundBy: v.foundBy ?? '',
        foundByDetail: v.foundByDetail ?? '',
      })
      addRuleIssues(issues, rules.error)
      if (issues.size || !rules.success) {
        report(issues, ctx)
        return z.NEVER
      }
      return { ...rules.data, idempotencyKey: v.idempotencyKey }
    })
}

export interface EpisodeSoFar {
  missingFrom: Date
  reportedToPolice: boolean
  policeReference: string | null
}

export interface ReturnInput {
  returnedAt: Date
  foundBy: string
  foundByDetail: string | null
}

/** Checks a return against the episode it ends, with the same rules as a whole episode. */
export function checkReturn(episode: EpisodeSoFar, input: { returnedAt?: Date; foundBy?: string | null; foundByDetail?: string | null }, now: Date) {
  const issues: Issues = new Map()
  if (!input.returnedAt) issues.set('returnedAt', 'Enter the date they returned')
  if (!input.foundBy) issues.set('foundBy', 'Select how they returned or who found them')
  const rules = missingEpisodeSchema(now).safeParse({
    missingFrom: episode.missingFrom,
    returnedAt: input.returnedAt ?? '',
    reportedToPolice: episode.reportedToPolice ? 'yes' : 'no',
    policeReference: episode.policeReference ?? '',
    foundBy: input.foundBy ?? '',
    foundByDetail: input.foundByDetail ?? '',
  })
  addRuleIssues(issues, rules.error)
  if (issues.size || !rules.success || !rules.data.returnedAt || !rules.data.foundBy) return { ok: false as const, issues }
  return { ok: true as const, value: { returnedAt: rules.data.returnedAt, foundBy: rules.data.foundBy, foundByDetail: rules.data.foundByDetail } }
}

/** The "record the return" form on a still-missing episode. */
export function returnFormSchema(episode: EpisodeSoFar, now: Date = new Date()) {
  return z
    .object({ returnedAt: dateParts, returnedAtTime: loose, foundBy: loose, foundByDetail: loose, version })
    .transform((v, ctx): (ReturnInput & { version: number }) | typeof z.NEVER => {
      const issues: Issues = new Map()
      const returnedAt = readLondonInstant(v.returnedAt, v.returnedAtTime, 'returnedAt', 'they returned', issues)
      const checked = checkReturn(episode, { returnedAt: given(returnedAt), foundBy: v.foundBy, foundByDetail: v.foundByDetail }, now)
      if (!checked.ok) for (const [path, message] of checked.issues) if (!issues.has(path) && !issues.has(`${path}Time`)) issues.set(path, message)
      if (issues.size || !checked.ok) {
        report(issues, ctx)
        return z.NEVER
      }
      return { ...checked.value, version: v.version }
    })
}

/** Checks a return home interview against the return it follows. */
export function checkInterview(
  returnedAt: Date,
  input: { status?: string; at?: Date | null; by?: string | null; findings?: string | null },
  now: Date,
): { ok: true; value: ReturnInterviewInput } | { ok: false; issues: Issues } {
  const rules = returnInterviewSchema({ now, returnedAt }).safeParse({
    status: input.status ?? '',
    at: input.at ?? '',
    by: input.by ?? '',
    findings: input.findings ?? '',
  })
  if (rules.success) return { ok: true, value: rules.data }
  const issues: Issues = new Map()
  addRuleIssues(issues, rules.error)
  return { ok: false, issues }
}

/** The return home interview form: offered, completed or declined, when and by whom, findings. */
export function interviewFormSchema(returnedAt: Date, now: Date = new Date()) {
  return z
    .object({ status: loose, at: dateParts, atTime: loose, by: loose, findings: loose, version })
    .transform((v, ctx): (ReturnInterviewInput & { version: number }) | typeof z.NEVER => {
      const issues: Issues = new Map()
      const at = readLondonInstant(v.at, v.atTime, 'at', v.status === 'completed' ? 'the interview took place' : 'of the interview', issues)
      const checked = checkInterview(returnedAt, { status: v.status, at: given(at), by: v.by, findings: v.findings }, now)
      if (!checked.ok) for (const [path, message] of checked.issues) if (!issues.has(path) && !issues.has(`${path}Time`)) issues.set(path, message)
      // A date for an interview not offered yet is not asked for; ignore half-filled boxes then.
      if (v.status === 'not_offered') {
        issues.delete('at')
        issues.delete('atTime')
      }
      if (issues.size || !checked.ok) {
        report(issues, ctx)
        return z.NEVER
      }
      return { ...checked.value, version: v.version }
    })
}
