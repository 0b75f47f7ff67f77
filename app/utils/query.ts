import { z } from 'zod'
import { isDateBlank, isFutureDate, parseDateParts, type DateParts } from '~/domain/calendar/date-parts'
import { STAGES, type StageId } from '~/domain/journey/stages'

// List pages read filters from the query string; bad values fall back to defaults rather than
// erroring — except a date of birth the user typed, which gets a GOV.UK error message.

const STAGE_IDS = STAGES.map((s) => s.id) as [StageId, ...StageId[]]
const part = z.string().max(10).optional().catch(undefined)

export const ListQuerySchema = z.object({
  q: z.string().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  status: z.enum(['open', 'closed', 'all']).optional().catch(undefined),
  stage: z.enum(STAGE_IDS).optional().catch(undefined),
  /** "Allocated to me": ?mine=1 (links) or a ticked box (mine=on). */
  mine: z
    .string()
    .optional()
    .transform((v) => v === '1' || v === 'on' || v === 'true')
    .catch(false),
  /** Hearing in the next N days. */
  hearing: z.coerce
    .number()
    .pipe(z.union([z.literal(7), z.literal(14), z.literal(28)]))
    .optional()
    .catch(undefined),
  'dob-day': part,
  'dob-month': part,
  'dob-year': part,
})

export interface ListQuery {
  q?: string
  page?: number
  status?: 'open' | 'closed' | 'all'
  stage?: StageId
  mine: boolean
  hearing?: 7 | 14 | 28
  /** What was typed in the date of birth boxes, to show back. */
  dob: DateParts
  dateOfBirth?: Date
  errors: { dob?: string }
}

export function parseListQuery(request: Request): ListQuery {
  const url = new URL(request.url)
  const raw = ListQuerySchema.parse(Object.fromEntries(url.searchParams))
  const dob = { day: raw['dob-day'], month: raw['dob-month'], year: raw['dob-year'] }
  const errors: ListQuery['errors'] = {}
  let dateOfBirth: Date | undefined
  if (!isDateBlank(dob)) {
    const parsed = parseDateParts(dob, 'date of birth', { minYear: 1900 })
    if (!parsed.ok) errors.dob = parsed.message
    else if (isFutureDate(parsed.date)) errors.dob = 'Date of birth must be today or in the past'
    else dateOfBirth = parsed.date
  }
  return {
    q: raw.q?.trim() || undefined,
    page: raw.page,
    status: raw.status,
    stage: raw.stage,
    mine: raw.mine,
    hearing: raw.hearing,
    dob,
    dateOfBirth,
    errors,
  }
}

/** True when any filter narrows the list (for "Clear filters" and captions). */
export function isFiltered(query: ListQuery, ignore: readonly (keyof ListQuery)[] = []): boolean {
  const on = {
    q: Boolean(query.q),
    stage: Boolean(query.stage),
    mine: query.mine,
    hearing: Boolean(query.hearing),
    dob: !isDateBlank(query.dob),
    status: Boolean(query.status),
  }
  return Object.entries(on).some(([k, v]) => v && !ignore.includes(k as keyof ListQuery))
}
