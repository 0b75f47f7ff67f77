// What someone else changed: the fields where the saved case now differs from what this user
// submitted, for the "Someone else changed this case while you were editing" message.

export interface EditableCase {
  cpsUrn: string | null
  cpsOrganisationId: string | null
  witnessCareOrganisationId: string | null
  summary: string | null
}

export const EDITABLE_FIELD_LABELS: Record<keyof EditableCase, string> = {
  cpsUrn: 'CPS URN',
  cpsOrganisationId: 'CPS area',
  witnessCareOrganisationId: 'Witness care unit',
  summary: 'Summary',
}

const norm = (v: string | null | undefined) => (v === undefined || v === null || v === '' ? null : v)

export function changedFields(saved: EditableCase, submitted: Partial<EditableCase>): (keyof EditableCase)[] {
  return (Object.keys(EDITABLE_FIELD_LABELS) as (keyof EditableCase)[]).filter((k) => norm(saved[k]) !== norm(submitted[k]))
}
