// A contact with the victim: each time the victim (or their parent, guardian or nominated contact)
// was told something — when, how, by whom and about which journey events. This is the evidence the
// Victims' Code entitlement checks read ("was the victim told of the charge within 1 working day?").
import { z } from 'zod'
import { formKey } from '~/domain/form-key'
import { parseDateParts, todayInLondon } from '~/domain/calendar/date-parts'
import { londonDateOf } from '~/domain/calendar/working-days'

export const CONTACT_METHODS = [
  { id: 'in_person', label: 'In person' },
  { id: 'phone', label: 'Phone call' },
  { id: 'video', label: 'Video call' },
  { id: 'letter', label: 'Letter' },
  { id: 'email', label: 'Email' },
  { id: 'text_message', label: 'Text message' },
  { id: 'via_advocate', label: 'Through their advocate' },
] as const

export const CONTACT_WITH = [
  { id: 'victim', label: 'The victim' },
  { id: 'parent_or_guardian', label: 'Parent or guardian' },
  { id: 'nominated_contact', label: 'Nominated contact' },
] as const

const ids = <T extends readonly { id: string }[]>(list: T) => list.map((x) => x.id) as [T[number]['id'], ...T[number]['id'][]]

export const ContactInputSchema = z.object({
  contactedAt: z.coerce.date({ error: 'Enter the date of the contact' }),
  method: z.enum(ids(CONTACT_METHODS), { error: 'Select how the contact was made' }),
  withWhom: z.enum(ids(CONTACT_WITH), { error: 'Select who was contacted' }),
  summary: z
    .string({ error: 'Enter what they were told' })
    .trim()
    .min(1, 'Enter what they were told')
    .max(2000, 'What they were told must be 2,000 characters or fewer'),
  eventIds: z.array(z.string().min(1).max(40)).max(50).default([]),
})

export type ContactInput = z.infer<typeof ContactInputSchema>

/** Checks that need the clock and the victim's journal; empty means the contact may be saved. */
export function checkContact(input: ContactInput, ctx: { now: Date; eventIdsOnVictimsCases: ReadonlySet<string> }) {
  const issues: { path: string; message: string }[] = []
  // A date with no time is stored at the start of its day (UTC), so today is never "in the future".
  if (input.contactedAt.getTime() > Math.max(ctx.now.getTime(), todayInLondon(ctx.now).getTime())) {
    issues.push({ path: 'contactedAt', message: 'The date of the contact must be today or in the past' })
  }
  if (input.eventIds.some((id) => !ctx.eventIdsOnVictimsCases.has(id))) {
    issues.push({ path: 'eventIds', message: 'Select events from this victim’s cases' })
  }
  return issues
}

// ---------------------------------------------------------------------------------------------
// The "record a contact" form: GOV.UK date boxes, an optional time, radios, the events it was
// about (checkboxes) and the idempotency key (one per rendering, so a double submit saves once).

const datePart = z.string().trim().optional()

/** 14:30, 2:30pm, 2.30 pm, 9am → hours and minutes; undefined when it is not a time. */
export function parseTime(raw: string): { hours: number; minutes: number } | undefined {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i.exec(raw.trim())
  if (!m) return undefined
  let hours = Number(m[1])
  const minutes = m[2] === undefined ? 0 : Number(m[2])
  const period = m[3]?.toLowerCase().replace(/\./g, '')
  if (minutes > 59) return undefined
  if (period) {
    if (hours < 1 || hours > 12) return undefined
    hours = (hours % 12) + (period === 'pm' ? 12 : 0)
  } else if (m[2] === undefined || hours > 23) {
    // "14" alone is ambiguous; "25:00" is not a time.
    return undefined
  }
  return { hours, minutes }
}

/** The UTC instant of a wall-clock time in England and Wales on a calendar date (UTC midnight). */
export function londonInstant(date: Date, hours: number, minutes: number): Date {
  const guess = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), hours, minutes)
  const wall = (t: number) => {
    const p = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(new Date(t))
    const get = (type: string) => Number(p.find((x) => x.type === type)?.value)
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'))
  }
  const offset = wall(guess) - guess
  return new Date(guess - offset)
}

export function contactFormSchema(now: Date = new Date()) {
  return z
    .object({
      // Each field checks itself, so every problem shows at once (object refinements would wait).
      contactedAt: z
        .object({ day: datePart, month: datePart, year: datePart })
        .optional()
        .transform((parts, ctx) => {
          const date = parseDateParts(parts, 'the date of the contact')
          if (date.ok) return date.date
          ctx.addIssue({ code: 'custom', message: date.message })
          return z.NEVER
        }),
      contactedTime: z
        .string()
        .trim()
        .optional()
        .transform((raw, ctx) => {
          if (!raw) return undefined
          const time = parseTime(raw)
          if (time) return time
          ctx.addIssue({ code: 'custom', message: 'Enter a real time, like 2:30pm or 14:30' })
          return z.NEVER
        }),
      method: ContactInputSchema.shape.method,
      withWhom: ContactInputSchema.shape.withWhom,
      summary: ContactInputSchema.shape.summary,
      eventIds: z.array(z.string().trim().min(1).max(40)).max(50, 'Select 50 events or fewer').default([]),
      idempotencyKey: formKey(),
    })
    .transform((v, ctx): ContactInput & { idempotencyKey: string } => {
      let contactedAt = v.contactedAt
      if (v.contactedTime) {
        contactedAt = londonInstant(v.contactedAt, v.contactedTime.hours, v.contactedTime.minutes)
        if (contactedAt.getTime() > now.getTime() && londonDateOf(contactedAt) === londonDateOf(now)) {
          ctx.addIssue({ code: 'custom', path: ['contactedTime'], message: 'The time of the contact must be now or in the past' })
          return z.NEVER
        }
      }
      return { contactedAt, method: v.method, withWhom: v.withWhom, summary: v.summary, eventIds: [...new Set(v.eventIds)], idempotencyKey: v.idempotencyKey }
    })
}

