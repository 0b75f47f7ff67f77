// The one-step "record that the victim was told" form on the victim page's checklist. Pure.
import { z } from 'zod'
import { formKey } from '~/domain/form-key'
import { CONTACT_METHODS, CONTACT_WITH } from '~/domain/contacts/contact'

const ids = <T extends readonly { id: string }[]>(list: T) => list.map((x) => x.id) as [T[number]['id'], ...T[number]['id'][]]

export const ToldFormSchema = z.object({
  entitlementId: z.string().min(1).max(40),
  idempotencyKey: formKey(),
  method: z.enum(ids(CONTACT_METHODS), {
    error: 'Select how the victim was told',
  }),
  withWhom: z.enum(ids(CONTACT_WITH), { error: 'Select who was told' }),
})

export type ToldForm = z.infer<typeof ToldFormSchema>

