// Form schemas for cases (zod v4, used with Conform by routes and re-checked by services).
import { z } from 'zod'
import { CASE_ALLOCATION_KINDS, VICTIM_ALLOCATION_KINDS } from './allocations'
import { isFutureDate, isDateBlank, parseDateParts } from '~/domain/calendar/date-parts'
import { isSexualCategory, OFFENCE_CATEGORY_IDS } from './offences'
import { isCpsUrn, isCrimeReference, normaliseCpsUrn, normaliseCrimeReference } from './references'
import { dateOfBirthProblem, DuplicateReasonSchema } from '~/domain/victims/schema'
import { MAX_SUSPECTS_AT_CREATION } from './suspects'

// Offence and allocation dates before 1900 are typing mistakes, not real dates.
const CASE_DATES = { minYear: 1900 }

const DatePartsSchema = z
  .object({
    day: z.string().optional(),
    month: z.string().optional(),
    year: z.string().optional(),
  })
  .optional()

const id = (message: string) => z.string({ error: message }).trim().min(1, message).max(40, message)

export const CrimeReferenceSchema = z
  .string({ error: 'Enter the crime reference' })
  .transform(normaliseCrimeReference)
  .pipe(
    z
      .string()
      .min(1, 'Enter the crime reference')
      .refine(isCrimeReference, 'Crime reference must be 3 to 30 letters and numbers, separated by slashes, like NM/26/004517'),
  )

export const OffenceSchema = z
  .object({
    description: z
      .string({ error: 'Enter a description of the offence' })
      .trim()
      .min(3, 'Enter a description of the offence')
      .max(300, 'Description must be 300 characters or fewer'),
    category: z.enum(OFFENCE_CATEGORY_IDS, { error: 'Select the category of offence' }),
    from: DatePartsSchema,
    to: DatePartsSchema,
  })
  .transform((o, ctx) => {
    const from = parseDateParts(o.from, 'the date of the offence', CASE_DATES)
    if (!from.ok) ctx.addIssue({ code: 'custom', path: ['from'], message: from.message })
    else if (isFutureDate(from.date)) ctx.addIssue({ code: 'custom', path: ['from'], message: 'The date of the offence must be today or in the past' })
    let committedTo: Date | null = null
    if (!isDateBlank(o.to)) {
      const to = parseDateParts(o.to, 'the end date', CASE_DATES)
      if (!to.ok) ctx.addIssue({ code: 'custom', path: ['to'], message: to.message })
      else if (isFutureDate(to.date)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end date must be today or in the past' })
      else if (from.ok && to.date.getTime() <= from.date.getTime()) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end date must be after the date the offence started' })
      } else committedTo = to.date
    }
    return {
      description: o.description,
      category: o.category,
      sexual: isSexualCategory(o.category),
      committedFrom: from.ok ? from.date : new Date(NaN),
      committedTo,
    }
  })

/**
 * A victim who is not on Waypoint yet, added with the case (the smallest record: names and date of
 * birth; the rest is added on the victim's page). Blank when none of it is filled in.
 */
const NewVictimSchema = z
  .object({
    firstName: z.string().trim().max(100, 'First name must be 100 characters or fewer').optional(),
    lastName: z.string().trim().max(100, 'Last name must be 100 characters or fewer').optional(),
    preferredName: z.string().trim().max(100, 'Preferred name must be 100 characters or fewer').optional(),
    dateOfBirth: DatePartsSchema,
  })
  .optional()
  .transform((v, ctx) => {
    if (!v || (!v.firstName && !v.lastName && !v.preferredName && isDateBlank(v.dateOfBirth))) return null
    if (!v.firstName) ctx.addIssue({ code: 'custom', path: ['firstName'], message: 'Enter the new victim’s first name' })
    if (!v.lastName) ctx.addIssue({ code: 'custom', path: ['lastName'], message: 'Enter the new victim’s last name' })
    const problem = dateOfBirthProblem(v.dateOfBirth, new Date())
    if (problem) ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: problem })
    const dob = parseDateParts(v.dateOfBirth, 'their date of birth')
    return { firstName: v.firstName ?? '', lastName: v.lastName ?? '', preferredName: v.preferredName || null, dateOfBirth: dob.ok ? dob.date : new Date(NaN) }
  })
export type NewVictimInput = NonNullable<z.output<typeof NewVictimSchema>>

export const NewCaseSchema = z
  .object({
    crimeReference: CrimeReferenceSchema,
    offences: z
      .array(OffenceSchema, { error: 'Add at least one offence' })
      .min(1, 'Add at least one offence')
      .max(20, 'A case can be opened with up to 20 offences; add more later'),
    victimIds: z
      .array(id('Select a victim'), { error: 'Select at least one victim' })
      .max(50, 'Select up to 50 victims')
      .optional()
      .transform((v) => v ?? []),
    newVictim: NewVictimSchema,
    duplicateReason: DuplicateReasonSchema,
    suspectCount: z
      .number({ error: 'Enter the number of suspects, like 2' })
      .int('Enter a whole number of suspects, like 2')
      .min(0, 'Number of suspects cannot be negative')
      .max(MAX_SUSPECTS_AT_CREATION, `Enter up to ${MAX_SUSPECTS_AT_CREATION} suspects; add more later`),
    // Set by the form when it showed records that may be the new victim.
    matchesShown: z.boolean().default(false),
    // Opening a case for a young person an advocacy service shared with the force.
    shareRequestId: z.string().trim().max(40).optional(),
  })
  // Checked whatever else is wrong, so the message shows with the other fields' (a new or shared victim counts).
  .refine((v) => (Array.isArray(v.victimIds) && v.victimIds.length > 0) || Boolean(v.newVictim) || Boolean(v.shareRequestId), {
    path: ['victimIds'],
    message: 'Select at least one victim, or add a victim who is not on Waypoint yet',
    when: () => true,
  })
type NewCaseOutput = z.output<typeof NewCaseSchema>
/** What createCase takes: the form's answer (a new victim and a reason only when given). */
export type NewCaseInput = Omit<NewCaseOutput, 'newVictim' | 'duplicateReason' | 'matchesShown' | 'shareRequestId'> & {
  newVictim?: NewVictimInput | null
  duplicateReason?: string | null
  shareRequestId?: string | null
}

const optionalId = z.string().trim().max(40, 'Select an organisation from the list').optional()

export const EditCaseSchema = z.object({
  version: z.number({ error: 'The form is out of date. Reload the page.' }).int().min(1),
  cpsUrn: z
    .string()
    .optional()
    .transform((v) => (v ? normaliseCpsUrn(v) : undefined))
    .refine((v) => v === undefined || isCpsUrn(v), 'Enter a CPS URN in the correct format: 2 numbers, 2 letters and 7 numbers, like 42NM0958326'),
  cpsOrganisationId: optionalId,
  witnessCareOrganisationId: optionalId,
  summary: z.string().trim().max(2000, 'Summary must be 2,000 characters or fewer').optional(),
})
export type EditCaseInput = z.output<typeof EditCaseSchema>

const startDate = DatePartsSchema.transform((parts, ctx) => {
  const parsed = parseDateParts(parts, 'the start date', CASE_DATES)
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.message })
    return z.NEVER
  }
  if (isFutureDate(parsed.date)) {
    ctx.addIssue({ code: 'custom', message: 'The start date must be today or in the past' })
    return z.NEVER
  }
  return parsed.date
})

export const AllocateToCaseSchema = z.object({
  intent: z.literal('allocate'),
  kind: z.enum(CASE_ALLOCATION_KINDS, { error: 'Select a role on the case' }),
  userId: id('Select a person'),
  start: startDate,
})

export const AllocateToVictimSchema = z.object({
  intent: z.literal('allocate'),
  kind: z.enum(VICTIM_ALLOCATION_KINDS, { error: 'Select a role' }),
  userId: id('Select a person'),
  start: startDate,
})

export const EndAllocationSchema = z.object({ intent: z.literal('end'), allocationId: id('Select an allocation') })

export const LinkVictimSchema = z.object({ intent: z.literal('link'), victimId: id('Select a victim to link') })
export const UnlinkVictimSchema = z.object({ intent: z.literal('unlink'), victimId: id('Select a victim') })
