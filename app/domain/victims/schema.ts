// The victim forms' vocabularies and zod schemas (pure; used by routes to parse and by services to
// re-check). Messages follow GOV.UK error message guidance.
import { z } from 'zod'
import { formKey } from '~/domain/form-key'
import { ageAt, MANUAL_ENHANCED_GROUNDS } from './enhanced-rights'
import { DUPLICATE_REASON_MAX, DUPLICATE_REASON_MIN } from './matching'
import { optionalPhone } from './phone'
import { parseDateParts, toDateParts, type DateParts } from '~/domain/calendar/date-parts'

const opt = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => (v ? v : null))

export const GENDERS = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'non_binary', label: 'Non-binary' },
  { value: 'self_described', label: 'They describe it another way' },
  { value: 'not_known', label: 'Not known or prefer not to say' },
] as const

export const SAFE_CONTACT_METHODS = [
  { value: 'phone_call', label: 'Phone call' },
  { value: 'text_message', label: 'Text message' },
  { value: 'email', label: 'Email' },
  { value: 'in_person', label: 'In person' },
  {
    value: 'via_parent',
    label: 'Through their parent, guardian or nominated contact',
  },
  { value: 'via_advocate', label: 'Through their advocate' },
  { value: 'letter', label: 'Letter' },
] as const

export const CLOSE_REASONS = [
  { value: 'support_ended', label: 'Support ended' },
  { value: 'moved_area', label: 'Moved out of the area' },
  { value: 'declined_support', label: 'Declined support' },
  { value: 'transferred', label: 'Transferred to another service' },
  { value: 'other', label: 'Other' },
] as const

// Bases for sharing without consent (UK GDPR Art 6; DPA 2018 Sch 1 Part 2 para 18, safeguarding).
export const LAWFUL_BASES = [
  {
    value: 'dpa_sch1_safeguarding',
    label:
      'Safeguarding of children and individuals at risk (DPA 2018 Schedule 1 Part 2) – consent could not be given, could not reasonably be obtained, or asking would put the child at risk',
  },
  {
    value: 'dpa_sch8_safeguarding',
    label: 'Safeguarding, law enforcement processing (DPA 2018 Schedule 8 paragraph 4)',
  },
  {
    value: 'public_task',
    label: 'Public task (statutory functions, such as Children Act 1989 sections 17 and 47)',
  },
  { value: 'legal_obligation', label: 'Legal obligation' },
  { value: 'vital_interests', label: 'Vital interests (an emergency)' },
  {
    value: 'recognised_legitimate_interest',
    label: 'Recognised legitimate interest: safeguarding a vulnerable individual (Data (Use and Access) Act 2025)',
  },
  { value: 'legitimate_interests', label: 'Legitimate interests' },
] as const

export const CONSENT_GIVERS = [
  { value: 'child', label: 'The child or young person' },
  { value: 'parent', label: 'Their parent, guardian or nominated contact' },
] as const

const values = <T extends readonly { value: string }[]>(list: T) =>
  list.map((o) => o.value) as unknown as [T[number]['value'], ...T[number]['value'][]]

export const labelOf = (list: readonly { value: string; label: string }[], value: string | null | undefined) =>
  value ? (list.find((o) => o.value === value)?.label ?? value) : null

// ---- dates --------------------------------------------------------------------------------------

const DatePartsSchema = z.object({ day: z.string().trim().optional(), month: z.string().trim().optional(), year: z.string().trim().optional() }).optional()

/** A calendar date from GOV.UK date input parts, or the message to show. */
export function dateFromParts(parts: DateParts | undefined, what: string): Date | string {
  const result = parseDateParts(parts, what)
  return result.ok ? result.date : result.message
}

/** What is wrong with a date of birth, if anything: missing, not a real date, in the future, implausibly old. */
export function dateOfBirthProblem(parts: DateParts | undefined, now: Date): string | null {
  const dob = dateFromParts(parts, 'their date of birth')
  if (typeof dob === 'string') return dob.replace('Their date', 'Date')
  if (dob > startOfTodayUtc(now)) return 'Date of birth must be today or in the past'
  if (ageAt(dob, now) > 120) return 'Date of birth must be a real date of birth: check the year'
  return null
}

export { toDateParts }

const startOfTodayUtc = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))

// ---- victim details -----------------------------------------------------------------------------

/** Age from which the form asks the user to confirm the date of birth (Waypoint is for children and young people). */
export const CONFIRM_AGE_FROM = 25

const detailsShape = {
  firstName: z
    .string({ error: 'Enter their first name' })
    .trim()
    .min(1, 'Enter their first name')
    .max(100, 'First name must be 100 characters or fewer'),
  lastName: z.string({ error: 'Enter their last name' }).trim().min(1, 'Enter their last name').max(100, 'Last name must be 100 characters or fewer'),
  preferredName: opt('Preferred name', 100),
  dateOfBirth: DatePartsSchema.superRefine((parts, ctx) => {
    // Checked on the field itself, so its message shows alongside the other fields' (a transform
    // on the whole object runs only once every field is valid).
    const problem = dateOfBirthProblem(parts, new Date())
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  }),
  confirmAge: z.boolean().default(false),
  gender: z
    .enum(values(GENDERS), { error: 'Select their gender' })
    .optional()
    .transform((v) => v ?? null),
  ethnicity: opt('Ethnicity', 100),
  address: opt('Address', 500),
  phone: optionalPhone('Phone number'),
  email: z
    .string()
    .trim()
    .max(254, 'Email address must be 254 characters or fewer')
    .email('Enter an email address in the correct format, like name@example.org')
    .optional()
    .transform((v) => v ?? null),
  preferredLanguage: opt('Preferred language', 100),
  interpreterNeeded: z.boolean().default(false),
  intermediaryNeeded: z.boolean().default(false),
  otherAdjustments: opt('Other adjustments', 2000),
  safeContactMethod: z
    .enum(values(SAFE_CONTACT_METHODS), {
      error: 'Select how it is safe to contact them',
    })
    .optional()
    .transform((v) => v ?? null),
  safeContactTimes: opt('Safe times to contact', 500),
  noVoicemail: z.boolean().default(false),
  doNotTell: opt('Who must not be told', 1000),
  contactName: opt('Contact’s name', 120),
  contactRelationship: opt('Relationship', 100),
  contactPhone: optionalPhone('Contact’s phone number'),
  contactEmail: z
    .string()
    .trim()
    .max(254, 'Email address must be 254 characters or fewer')
    .email('Enter the contact’s email address in the correct format, like name@example.org')
    .optional()
    .transform((v) => v ?? null),
  riskNotes: opt('Risk and vulnerability notes', 5000),
  restricted: z.boolean().default(false),
  manualEnhancedGrounds: z
    .array(
      z.enum(MANUAL_ENHANCED_GROUNDS, {
        error: 'Select a ground from the list',
      }),
    )
    .default([]),
}

const DetailsObject = z.object(detailsShape)
type DetailsInput = z.output<typeof DetailsObject>

/** Checks across fields and turns the date parts into a Date; `null` after adding an issue. */
function finishDetails(v: DetailsInput, ctx: z.RefinementCtx, now: Date) {
  const dob = dateFromParts(v.dateOfBirth, 'their date of birth')
  if (typeof dob === 'string') {
    ctx.addIssue({
      code: 'custom',
      path: ['dateOfBirth'],
      message: dob.replace('Their date', 'Date'),
    })
    return null
  }
  if (dob > startOfTodayUtc(now)) {
    ctx.addIssue({
      code: 'custom',
      path: ['dateOfBirth'],
      message: 'Date of birth must be today or in the past',
    })
    return null
  }
  const age = ageAt(dob, now)
  if (age > 120) {
    ctx.addIssue({
      code: 'custom',
      path: ['dateOfBirth'],
      message: 'Date of birth must be a real date of birth: check the year',
    })
    return null
  }
  if (age >= CONFIRM_AGE_FROM && !v.confirmAge) {
    ctx.addIssue({
      code: 'custom',
      path: ['confirmAge'],
      message: `This date of birth makes them ${age}. Check it, or confirm it is correct`,
    })
    return null
  }
  if (v.contactName === null && (v.contactPhone || v.contactEmail || v.contactRelationship)) {
    ctx.addIssue({
      code: 'custom',
      path: ['contactName'],
      message: 'Enter the name of the parent, guardian or nominated contact',
    })
    return null
  }
  const {
    dateOfBirth: _parts,
    confirmAge: _c,
    idempotencyKey: _i,
    version: _v,
    ...rest
  } = v as DetailsInput & { idempotencyKey?: unknown; version?: unknown }
  return {
    ...rest,
    dateOfBirth: dob,
    manualEnhancedGrounds: [...new Set(v.manualEnhancedGrounds)],
  }
}

export const victimDetailsSchema = (now: Date = new Date()) => DetailsObject.transform((v, ctx) => finishDetails(v, ctx, now) ?? z.NEVER)
export type VictimDetails = z.output<ReturnType<typeof victimDetailsSchema>>

/** A random token for one rendering of the create form (double-submit protection). */
export const IdempotencyKey = formKey()

/** "Reference from a partner": a Waypoint victim reference, crime reference or CPS URN, used only to find an existing record. */
export const PartnerReferenceSchema = opt('Reference from a partner', 60)

/** Why a record is added although records that may be the same child exist (checked only when given; required by the service then). */
export const DuplicateReasonSchema = z
  .string()
  .trim()
  .max(DUPLICATE_REASON_MAX, 'Why a second record is needed must be 1,000 characters or fewer')
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || v.length >= DUPLICATE_REASON_MIN, `Why a second record is needed must be ${DUPLICATE_REASON_MIN} characters or more`)

export const createVictimSchema = (now: Date = new Date()) =>
  DetailsObject.extend({
    idempotencyKey: IdempotencyKey,
    partnerReference: PartnerReferenceSchema,
    duplicateReason: DuplicateReasonSchema,
    // Set by the form when it showed records that may be this child: a blank reason is then an error.
    matchesShown: z.boolean().default(false),
  }).transform(({ partnerReference, duplicateReason, matchesShown, ...v }, ctx) => {
    const details = finishDetails(v, ctx, now)
    return details ? { details, idempotencyKey: v.idempotencyKey, partnerReference, duplicateReason, matchesShown } : z.NEVER
  })

export const editVictimSchema = (now: Date = new Date()) =>
  DetailsObject.extend({
    version: z.coerce.number({ error: 'The form has expired. Reload the page.' }).int().min(1),
  }).transform((v, ctx) => {
    const details = finishDetails(v, ctx, now)
    return details ? { details, version: v.version } : z.NEVER
  })

// ---- close / reopen -----------------------------------------------------------------------------

export const CloseVictimSchema = z
  .object({
    reason: z.enum(values(CLOSE_REASONS), {
      error: 'Select why the record is being closed',
    }),
    detail: opt('Details', 500),
  })
  .superRefine((v, ctx) => {
    if (v.reason === 'other' && !v.detail)
      ctx.addIssue({
        code: 'custom',
        path: ['detail'],
        message: 'Enter why the record is being closed',
      })
  })

export function closedReasonText(reason: string, detail: string | null): string {
  const label = labelOf(CLOSE_REASONS, reason) ?? reason
  return detail ? `${label}: ${detail}` : label
}

// ---- consent ------------------------------------------------------------------------------------

export const ConsentSchema = z
  .object({
    scope: z
      .string({ error: 'Enter what may be shared' })
      .trim()
      .min(1, 'Enter what may be shared')
      .max(500, 'What may be shared must be 500 characters or fewer'),
    sharedWith: z
      .string({ error: 'Enter who it may be shared with' })
      .trim()
      .min(1, 'Enter who it may be shared with')
      .max(300, 'Who it may be shared with must be 300 characters or fewer'),
    basis: z.enum(['consent', 'lawful_basis'], {
      error: 'Select whether consent was given or a lawful basis was used',
    }),
    givenBy: z.enum(values(CONSENT_GIVERS)).optional(),
    lawfulBasis: z.enum(values(LAWFUL_BASES)).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.basis === 'consent' && !v.givenBy)
      ctx.addIssue({
        code: 'custom',
        path: ['givenBy'],
        message: 'Select who gave consent',
      })
    if (v.basis === 'lawful_basis' && !v.lawfulBasis)
      ctx.addIssue({
        code: 'custom',
        path: ['lawfulBasis'],
        message: 'Select the lawful basis used',
      })
  })
  .transform((v) => ({
    scope: v.scope,
    sharedWith: v.sharedWith,
    givenBy: v.basis === 'consent' ? (v.givenBy ?? null) : null,
    lawfulBasis: v.basis === 'lawful_basis' ? (v.lawfulBasis ?? null) : null,
  }))

/** The victim page's "withdraw" button: which consent it names. */
export const WithdrawConsentSchema = z.object({ consentId: z.string().max(40) })
