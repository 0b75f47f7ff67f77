// The forms of the referral pages: making a referral, answering or closing one,
// and logging a support session. Pure: zod only; the rules themselves are in referrals.ts.
import { z } from 'zod'
import { formKey } from '~/domain/form-key'
import { parseDateParts } from '~/domain/calendar/date-parts'
import { londonInstant, parseTime } from '~/domain/contacts/contact'
import { REFERRAL_OUTCOMES, ReferralInputSchema } from './referrals'

export const SESSION_KINDS = [
  { id: 'in_person', label: 'In person' },
  { id: 'phone', label: 'Phone' },
  { id: 'online', label: 'Online' },
  { id: 'group', label: 'Group session' },
] as const

export type SessionKind = (typeof SESSION_KINDS)[number]['id']
export const sessionKindLabel = (id: string) => SESSION_KINDS.find((k) => k.id === id)?.label ?? id

const idempotencyKey = formKey()

export const referralFormSchema = ReferralInputSchema.extend({ idempotencyKey })

const datePart = z.string().trim().optional()

export interface SessionInput {
  at: Date
  kind: SessionKind
  attended: boolean
  notes: string | null
}

export const sessionFormSchema = z
  .object({
    at: z.object({ day: datePart, month: datePart, year: datePart }).optional(),
    atTime: z.string().trim().optional(),
    kind: z.enum(SESSION_KINDS.map((k) => k.id) as [SessionKind, ...SessionKind[]], { error: 'Select how the session took place' }),
    attended: z.enum(['yes', 'no'], { error: 'Select yes if the young person attended' }),
    notes: z.string().trim().max(4000, 'Session notes must be 4,000 characters or fewer').optional(),
    idempotencyKey,
  })
  .transform((v, ctx): SessionInput & { idempotencyKey: string } => {
    const date = parseDateParts(v.at, 'the date of the session')
    let at = new Date(NaN)
    if (!date.ok) ctx.addIssue({ code: 'custom', path: ['at'], message: date.message })
    else {
      at = date.date
      if (v.atTime) {
        const time = parseTime(v.atTime)
        if (time) at = londonInstant(date.date, time.hours, time.minutes)
        else ctx.addIssue({ code: 'custom', path: ['atTime'], message: 'Enter a real time, like 2:30pm or 14:30' })
      }
    }
    return { at, kind: v.kind, attended: v.attended === 'yes', notes: v.notes || null, idempotencyKey: v.idempotencyKey }
  })

export const REFERRAL_ACTION_LABELS = {
  accept: 'Accept the referral',
  decline: 'Decline the referral',
  activate: 'Make the referral active',
  close: 'Close the referral',
  withdraw: 'Withdraw the referral',
} as const

export type ChangeActionId = keyof typeof REFERRAL_ACTION_LABELS

export const referralChangeSchema = z.object({
  intent: z.enum(Object.keys(REFERRAL_ACTION_LABELS) as [ChangeActionId, ...ChangeActionId[]], { error: 'Choose what to do with the referral' }),
  version: z.coerce.number({ error: 'The form has expired: reload the page and try again' }).int().min(1),
  reason: z.string().trim().max(1000, 'The reason must be 1,000 characters or fewer').optional(),
  outcome: z.enum(REFERRAL_OUTCOMES.map((o) => o.id) as [string, ...string[]], { error: 'Select the outcome of the support' }).optional(),
  outcomeDetail: z.string().trim().max(1000, 'The outcome must be 1,000 characters or fewer').optional(),
  // Accepting an advocacy referral may name the lead advocate in the same step.
  leadAdvocateId: z.string().trim().max(40).optional(),
})

export type ReferralChangeForm = z.infer<typeof referralChangeSchema>
