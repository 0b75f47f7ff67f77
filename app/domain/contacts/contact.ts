// A contact with the victim: each time the victim (or their parent, guardian or nominated contact)
// was told something — when, how, by whom and about which journey events. This is the evidence the
// Victims' Code entitlement checks read ("was the victim told of the charge within 1 working day?").
import { z } from 'zod'

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
  if (input.contactedAt.getTime() > ctx.now.getTime()) {
    issues.push({ path: 'contactedAt', message: 'The date of the contact must be today or in the past' })
  }
  if (input.eventIds.some((id) => !ctx.eventIdsOnVictimsCases.has(id))) {
    issues.push({ path: 'eventIds', message: 'Select events from this victim’s cases' })
  }
  return issues
}
