import { getInputProps, type FieldMetadata } from '@conform-to/react'
import { useEffect, useRef } from 'react'

// GOV.UK form patterns bound to Conform fields. Errors sit next to the field (and in the error
// summary); the value the user typed comes back from the server's submission result.

export interface SummaryError {
  id: string
  message: string
}

/** Collects the first error of each field, in form order, for the error summary. */
export function fieldErrors(fields: Record<string, FieldMetadata<unknown> | undefined>, formErrors?: string[]): SummaryError[] {
  const list: SummaryError[] = (formErrors ?? []).map((message) => ({ id: '', message }))
  for (const field of Object.values(fields)) {
    const first = field?.errors?.[0]
    if (field && first) list.push({ id: field.id, message: first })
  }
  return list
}

export function ErrorSummary({ errors }: { errors: SummaryError[] }) {
  const ref = useRef<HTMLDivElement>(null)
  const key = errors.map((e) => e.message).join('|')
  useEffect(() => {
    if (key) ref.current?.focus()
  }, [key])
  if (errors.length === 0) return null
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((e) => (
              <li key={`${e.id}:${e.message}`}>{e.id ? <a href={`#${e.id}`}>{e.message}</a> : e.message}</li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  )
}

interface TextFieldProps {
  field: FieldMetadata<string | number | undefined | null>
  label: string
  hint?: string
  type?: 'text' | 'email' | 'password' | 'tel' | 'number'
  autoComplete?: string
  width?: 10 | 20 | 30
  labelIsHeading?: boolean
  inputMode?: 'numeric' | 'text' | 'email'
  spellCheck?: boolean
}

export function TextField({ field, label, hint, type = 'text', autoComplete, width, inputMode, spellCheck }: TextFieldProps) {
  const error = field.errors?.[0]
  const hintId = hint ? `${field.id}-hint` : undefined
  const errorId = error ? `${field.id}-error` : undefined
  const props = getInputProps(field, { type, ariaAttributes: false })
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={field.id}>
        {label}
      </label>
      {hint ? (
        <div id={hintId} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={errorId} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <input
        {...props}
        // Passwords are never sent back to the browser.
        defaultValue={type === 'password' ? undefined : props.defaultValue}
        key={props.key}
        className={`govuk-input${width ? ` govuk-input--width-${width}` : ''}${error ? ' govuk-input--error' : ''}`}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? true : undefined}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={spellCheck}
      />
    </div>
  )
}

function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {error}
    </p>
  )
}

export function SelectField({
  field,
  label,
  options,
  placeholder,
}: {
  field: FieldMetadata<string | undefined | null>
  label: string
  options: readonly { value: string; label: string }[]
  placeholder?: string
}) {
  const error = field.errors?.[0]
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={field.id}>
        {label}
      </label>
      <FieldError id={field.id} error={error} />
      <select
        id={field.id}
        name={field.name}
        key={field.key}
        defaultValue={(field.initialValue as string | undefined) ?? ''}
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        aria-describedby={error ? `${field.id}-error` : undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

/** A single GOV.UK checkbox (e.g. a yes/no setting). */
export function CheckboxField({ field, label, hint }: { field: FieldMetadata<boolean | string | undefined | null>; label: string; hint?: string }) {
  const error = field.errors?.[0]
  const hintId = hint ? `${field.id}-hint` : undefined
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <FieldError id={field.id} error={error} />
      <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id={field.id}
            name={field.name}
            key={field.key}
            type="checkbox"
            value="on"
            defaultChecked={String(field.initialValue) === 'on' || String(field.initialValue) === 'true'}
            aria-describedby={hintId}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={field.id}>
            {label}
          </label>
          {hint ? (
            <div id={hintId} className="govuk-hint govuk-checkboxes__hint">
              {hint}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  )
}
