import type { FieldMetadata } from '@conform-to/react'
import type { ReactNode } from 'react'
import { DateInput, Select, TextField } from '~/components/forms'
import { OFFENCE_CATEGORIES } from '~/domain/cases/offences'

const CATEGORY_OPTIONS = OFFENCE_CATEGORIES.map((c) => ({ value: c.id, label: c.label }))

// One offence in the "Open a case" form: description, category and dates (GOV.UK date inputs).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function OffenceFields({ field, number, removeButton }: { field: FieldMetadata<any, any, any>; number: number; removeButton?: ReactNode }) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const f = (field as unknown as { getFieldset: () => Record<'description' | 'category' | 'from' | 'to', FieldMetadata<any, any, any>> }).getFieldset()
  return (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" aria-labelledby={`${field.id}-legend`}>
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s" id={`${field.id}-legend`}>
        Offence {number}
      </legend>
      <TextField field={f.description} label={`Offence ${number}: description`} hint="For example, sexual activity with a child, at an invented address" />
      <Select field={f.category} label={`Offence ${number}: category`} options={CATEGORY_OPTIONS} placeholder="Select a category" />
      <DateInput field={f.from} legend={`Offence ${number}: date, or the date it started`} hint="For example, 27 3 2026" legendSize="s" />
      <DateInput field={f.to} legend={`Offence ${number}: end date, if it happened over a period (optional)`} legendSize="s" />
      {removeButton}
    </fieldset>
  )
}
