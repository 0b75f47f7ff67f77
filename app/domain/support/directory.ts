// The form an organisation's manager (or an administrator) uses to say which support services the
// organisation offers. Pure: zod only.
import { z } from 'zod'
import { SERVICE_TYPES, type ServiceType } from './referrals'

const SERVICE_IDS = SERVICE_TYPES.map((s) => s.id) as [ServiceType, ...ServiceType[]]

const description = z.string().trim().max(500, 'The description must be 500 characters or fewer').optional()

export const servicesFormSchema = z.object({
  services: z.array(z.enum(SERVICE_IDS, { error: 'Select services from the list' })).optional(),
  descriptions: z.object(Object.fromEntries(SERVICE_IDS.map((id) => [id, description])) as Record<ServiceType, typeof description>).optional(),
})

export type ServicesForm = z.infer<typeof servicesFormSchema>

/** The services chosen, each with its description (blank → none). Descriptions of unchosen services are dropped. */
export function servicesFromForm(value: ServicesForm): { serviceType: ServiceType; description: string | null }[] {
  const chosen = [...new Set(value.services ?? [])]
  return SERVICE_IDS.filter((id) => chosen.includes(id)).map((id) => ({ serviceType: id, description: value.descriptions?.[id] || null }))
}
