// Offence categories a case records (a fixed list; the Victims' Code treats sexual offences as
// "most serious" for enhanced rights, so whether an offence is sexual is derived from its category).

export const OFFENCE_CATEGORIES = [
  { id: 'rape', label: 'Rape', sexual: true },
  { id: 'sexual_assault', label: 'Sexual assault', sexual: true },
  { id: 'sexual_activity_with_child', label: 'Sexual activity with a child', sexual: true },
  { id: 'causing_inciting_sexual_activity', label: 'Causing or inciting sexual activity', sexual: true },
  {
    id: 'child_sexual_exploitation',
    label: 'Sexual exploitation of children (for example arranging or facilitating)',
    sexual: true,
  },
  { id: 'grooming', label: 'Grooming, or meeting a child following grooming', sexual: true },
  { id: 'indecent_images', label: 'Indecent images of children', sexual: true },
  { id: 'trafficking_sexual_exploitation', label: 'Trafficking for sexual exploitation', sexual: true },
  { id: 'controlling_prostitution', label: 'Controlling prostitution', sexual: true },
  { id: 'other', label: 'Other offence', sexual: false },
] as const

export type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number]['id']

export const OFFENCE_CATEGORY_IDS = OFFENCE_CATEGORIES.map((c) => c.id) as [OffenceCategory, ...OffenceCategory[]]

const BY_ID = new Map<string, (typeof OFFENCE_CATEGORIES)[number]>(OFFENCE_CATEGORIES.map((c) => [c.id, c]))

export function isSexualCategory(category: string): boolean {
  return BY_ID.get(category)?.sexual ?? false
}

export function offenceCategoryLabel(category: string): string {
  return BY_ID.get(category)?.label ?? category
}
