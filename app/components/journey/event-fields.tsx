import type { FieldMetadata, FormMetadata } from '@conform-to/react'
import { Checkboxes, DateInput, ErrorMessage, Fieldset, Hint, Radios, Select, Textarea, TextField, type Option, type SummaryError } from '~/components/forms'
import { CHARGE_ROWS, EVENT_FIELDS, NOT_DECIDED, type Choice, type FieldSpec } from '~/domain/journey/event-form'
import { SPECIAL_MEASURES, type EventTypeId } from '~/domain/journey/events'

// The questions for one type of journey event (app/domain/journey/event-form.ts says which), as
// GOV.UK form components bound to the Conform form.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyForm = FormMetadata<any, any>

const YES_NO: Option[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
]
const DECISIONS: Option[] = [
  { value: 'granted', label: 'Granted' },
  { value: 'refused', label: 'Refused' },
  { value: NOT_DECIDED, label: 'Not decided' },
]

const initialString = (form: AnyForm, name: string): string | undefined => {
  const v = name.split(/[.[\]]+/).filter(Boolean).reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), form.initialValue)
  return typeof v === 'string' ? v : undefined
}
/** The sub-fields of an object field (`details`), whatever its schema. */
const fieldsetOf = (field: AnyField) => (field as FieldMetadata<Record<string, unknown>>).getFieldset() as Record<string, AnyField>
const errorOf = (form: AnyForm, name: string) => form.allErrors[name]?.[0]
const chargeName = (i: number) => `details.charges[${i}].offence`
const measureName = (id: string) => `details.decisions.${id}`

export function DetailFields({ type, form, details, hearings }: { type: EventTypeId; form: AnyForm; details: AnyField; hearings: readonly Choice[] }) {
  const sub = fieldsetOf(details)
  return (
    <>
      {EVENT_FIELDS[type].map((spec) => (
        <DetailField key={spec.name} spec={spec} field={sub[spec.name]!} timeField={sub[`${spec.name}Time`]} form={form} hearings={hearings} />
      ))}
    </>
  )
}

function DetailField({ spec, field, timeField, form, hearings }: { spec: FieldSpec; field: AnyField; timeField?: AnyField; form: AnyForm; hearings: readonly Choice[] }) {
  switch (spec.kind) {
    case 'text':
      return <TextField field={field} label={spec.label} hint={spec.hint} width={spec.width} />
    case 'textarea':
      return <Textarea field={field} label={spec.label} hint={spec.hint} rows={3} />
    case 'number':
      return <TextField field={field} label={spec.label} hint={spec.hint} inputMode="numeric" width={4} suffix={spec.suffix} spellCheck={false} />
    case 'date':
      return (
        <>
          <DateInput field={field} legend={spec.label} legendSize="s" hint={spec.hint ?? 'For example, 27 3 2027'} />
          {spec.withTime && timeField ? <TimeField field={timeField} /> : null}
        </>
      )
    case 'radios':
      return <Radios field={field} legend={spec.label} legendSize="s" hint={spec.hint} options={spec.options} small={spec.options.length > 6} />
    case 'yesno':
      return <Radios field={field} legend={spec.label} legendSize="s" hint={spec.hint} options={YES_NO} inline />
    case 'select':
      return <Select field={field} label={spec.label} hint={spec.hint} options={spec.options} placeholder="Select a code" />
    case 'checkboxes':
      return <Checkboxes field={field} legend={spec.label} legendSize="s" hint={spec.hint} options={spec.options} small />
    case 'hearing':
      return hearings.length ? (
        <Radios field={field} legend={spec.label} legendSize="s" hint={spec.hint} options={spec.optional ? [...hearings, { value: '', label: 'Not about one hearing' }] : hearings} />
      ) : spec.optional ? null : (
        <div className={`govuk-form-group${field.errors?.length ? ' govuk-form-group--error' : ''}`}>
          <p className="govuk-body" id={field.id}>
            No hearing is listed on this case yet. Record the listing first.
          </p>
          {field.errors?.[0] ? <ErrorMessage id={`${field.id}-error`}>{field.errors[0]}</ErrorMessage> : null}
        </div>
      )
    case 'charges':
      return <ChargeFields form={form} label={spec.label} hint={spec.hint} />
    case 'measureDecisions':
      return <MeasureDecisionFields form={form} label={spec.label} hint={spec.hint} />
  }
}

export function TimeField({ field, label = 'Time (optional)' }: { field: AnyField; label?: string }) {
  return <TextField field={field} label={label} hint="Use the 24-hour clock, like 14:30" width={5} inputMode="text" spellCheck={false} autoComplete="off" />
}

/** Up to CHARGE_ROWS offence boxes; each keeps what was typed and shows its own error. */
function ChargeFields({ form, label, hint }: { form: AnyForm; label: string; hint?: string }) {
  const listError = errorOf(form, 'details.charges')
  return (
    <div className={`govuk-form-group${listError ? ' govuk-form-group--error' : ''}`}>
      <Fieldset legend={label} legendSize="s" describedBy={hint ? 'details-charges-hint' : undefined}>
        {hint ? <Hint id="details-charges-hint">{hint}</Hint> : null}
        {listError ? <ErrorMessage id="details-charges-error">{listError}</ErrorMessage> : null}
        {Array.from({ length: CHARGE_ROWS }, (_, i) => (
          <TextField
            key={`${form.key ?? ''}-${i}`}
            id={i === 0 ? 'details-charges' : `details-charges-${i}`}
            name={chargeName(i)}
            label={`Charge ${i + 1}${i === 0 ? '' : ' (optional)'}`}
            defaultValue={initialString(form, chargeName(i))}
            error={errorOf(form, chargeName(i))}
          />
        ))}
      </Fieldset>
    </div>
  )
}

/** One row of Granted / Refused / Not decided radios per special measure. */
/** The first error about the decisions list or any one decision in it. */
const decisionsError = (form: AnyForm) => Object.entries(form.allErrors).find(([k]) => k.startsWith('details.decisions'))?.[1]?.[0]

function MeasureDecisionFields({ form, label, hint }: { form: AnyForm; label: string; hint?: string }) {
  const error = decisionsError(form)
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <Fieldset legend={label} legendSize="s" describedBy={hint ? 'details-decisions-hint' : undefined}>
        {hint ? <Hint id="details-decisions-hint">{hint}</Hint> : null}
        {error ? <ErrorMessage id="details-decisions-error">{error}</ErrorMessage> : null}
        {SPECIAL_MEASURES.map((m, mi) => {
          const name = measureName(m.id)
          const current = initialString(form, name) ?? NOT_DECIDED
          return (
            <fieldset key={`${form.key ?? ''}-${m.id}`} className="govuk-fieldset govuk-!-margin-bottom-4">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{m.label}</legend>
              <div className="govuk-radios govuk-radios--small govuk-radios--inline" data-module="govuk-radios">
                {DECISIONS.map((d, di) => {
                  const id = mi === 0 && di === 0 ? 'details-decisions' : `details-decisions-${m.id}-${d.value}`
                  return (
                    <div className="govuk-radios__item" key={d.value}>
                      <input className="govuk-radios__input" id={id} name={name} type="radio" value={d.value} defaultChecked={current === d.value} />
                      <label className="govuk-label govuk-radios__label" htmlFor={id}>
                        {d.label}
                      </label>
                    </div>
                  )
                })}
              </div>
            </fieldset>
          )
        })}
      </Fieldset>
    </div>
  )
}

/** The error summary's entries for the detail questions, in form order. */
export function detailSummaryErrors(type: EventTypeId, form: AnyForm, details: AnyField): SummaryError[] {
  const sub = fieldsetOf(details)
  const out: SummaryError[] = []
  for (const spec of EVENT_FIELDS[type]) {
    if (spec.kind === 'charges') {
      const list = errorOf(form, 'details.charges')
      if (list) out.push({ id: 'details-charges', message: list })
      for (let i = 0; i < CHARGE_ROWS; i++) {
        const e = errorOf(form, chargeName(i))
        if (e) out.push({ id: i === 0 ? 'details-charges' : `details-charges-${i}`, message: e })
      }
      continue
    }
    if (spec.kind === 'measureDecisions') {
      const e = decisionsError(form)
      if (e) out.push({ id: 'details-decisions', message: e })
      continue
    }
    const field = sub[spec.name]
    const message = field?.errors?.[0] ?? Object.values(field?.allErrors ?? {})[0]?.[0]
    if (field && message) out.push({ id: field.id, message })
    const time = sub[`${spec.name}Time`]
    if (spec.kind === 'date' && spec.withTime && time?.errors?.[0]) out.push({ id: time.id, message: time.errors[0] })
  }
  return out
}
