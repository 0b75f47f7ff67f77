import {
  getCollectionProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
} from '@conform-to/react'
import { useEffect, useRef, type ReactNode } from 'react'

// GOV.UK form patterns (https://design-system.service.gov.uk/components/) bound to Conform fields.
// Each shows its error next to the field (and the page's ErrorSummary lists it, linking to the
// field's id); values the user typed come back from the server's submission result, never
// passwords. Plain HTML: every form works without JavaScript.
//
// Fields that also appear in GET filter forms (TextField, Select, DateInput) accept plain
// `name` / `defaultValue` / `error` instead of a Conform `field`.

export interface SummaryError {
  id: string
  message: string
}

// Conform's metadata types are invariant in their schema; the components accept any field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>

/** The first message among a field's own errors and those of its sub-fields (a date's day, month, year). */
function firstError(field: AnyField | undefined): string | undefined {
  if (!field) return undefined
  const own = field.errors?.[0]
  if (own) return own
  for (const messages of Object.values(field.allErrors ?? {})) {
    if (messages[0]) return messages[0]
  }
  return undefined
}

/** Collects the first error of each field, in form order, for the error summary. */
export function fieldErrors(fields: Record<string, AnyField | undefined>, formErrors?: string[]): SummaryError[] {
  const list: SummaryError[] = (formErrors ?? []).map((message) => ({ id: '', message }))
  for (const field of Object.values(fields)) {
    const first = firstError(field)
    if (field && first) list.push({ id: field.id, message: first })
  }
  return list
}

/**
 * GOV.UK error summary. It takes focus when errors appear (after a submit, or on a page that
 * loads with errors) — not while the user is correcting fields, when errors only go away: moving
 * focus then would scroll the page under their pointer.
 */
export function ErrorSummary({ errors }: { errors: SummaryError[] }) {
  const ref = useRef<HTMLDivElement>(null)
  const hadErrors = useRef(false)
  const count = errors.length
  useEffect(() => {
    if (count > 0 && !hadErrors.current) ref.current?.focus()
    hadErrors.current = count > 0
  }, [count])
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

// ---- building blocks ----------------------------------------------------------------------------

const cx = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(' ')
const describedBy = (...ids: (string | undefined)[]) => ids.filter(Boolean).join(' ') || undefined

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {children}
    </p>
  )
}

export function Hint({ id, children, className }: { id: string; children: ReactNode; className?: string }) {
  return (
    <div id={id} className={cx('govuk-hint', className)}>
      {children}
    </div>
  )
}

type LabelSize = 's' | 'm' | 'l' | 'xl'

/** A label, optionally the page's <h1> (GOV.UK "question page" pattern). */
function Label({ htmlFor, children, size, isPageHeading }: { htmlFor: string; children: ReactNode; size?: LabelSize; isPageHeading?: boolean }) {
  const label = (
    <label className={cx('govuk-label', size && `govuk-label--${size}`)} htmlFor={htmlFor}>
      {children}
    </label>
  )
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label
}

function FormGroup({ error, children, className }: { error?: string; children: ReactNode; className?: string }) {
  return <div className={cx('govuk-form-group', error && 'govuk-form-group--error', className)}>{children}</div>
}

/** A fieldset whose legend may be the page's <h1>. */
export function Fieldset({
  legend,
  legendSize,
  isPageHeading,
  describedBy: ariaDescribedBy,
  children,
}: {
  legend: ReactNode
  legendSize?: LabelSize
  isPageHeading?: boolean
  describedBy?: string
  children: ReactNode
}) {
  const legendClass = cx('govuk-fieldset__legend', legendSize && `govuk-fieldset__legend--${legendSize}`)
  return (
    <fieldset className="govuk-fieldset" aria-describedby={ariaDescribedBy}>
      <legend className={legendClass}>
        {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
      </legend>
      {children}
    </fieldset>
  )
}

interface PlainControl {
  /** Defaults to `name`. */
  id?: string
  name: string
  defaultValue?: string
  error?: string
}

/** id, name, typed value and error of a Conform field or a plain (GET form) control. */
function control(props: { field?: AnyField } & Partial<PlainControl>) {
  if (props.field) {
    const f = props.field
    return {
      id: f.id,
      name: f.name,
      defaultValue: typeof f.initialValue === 'string' ? f.initialValue : undefined,
      error: f.errors?.[0],
      key: f.key,
    }
  }
  const name = props.name ?? ''
  return { id: props.id ?? name, name, defaultValue: props.defaultValue, error: props.error, key: undefined }
}

// ---- text input ---------------------------------------------------------------------------------

interface TextFieldCommon {
  label: ReactNode
  hint?: ReactNode
  type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'search'
  autoComplete?: string
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30
  labelSize?: LabelSize
  /** The label is the page's <h1>. */
  labelIsHeading?: boolean
  inputMode?: 'numeric' | 'text' | 'email' | 'tel' | 'search'
  spellCheck?: boolean
  /** Prefix/suffix such as "£" or "per item". */
  prefix?: string
  suffix?: string
}

export type TextFieldProps = TextFieldCommon & ({ field: AnyField } | ({ field?: undefined } & PlainControl))

export function TextField(props: TextFieldProps) {
  const { label, hint, type = 'text', autoComplete, width, labelSize, labelIsHeading, inputMode, spellCheck, prefix, suffix } = props
  const c = control(props)
  const hintId = hint ? `${c.id}-hint` : undefined
  const errorId = c.error ? `${c.id}-error` : undefined
  const { key: _key, ...bound } = props.field ? getInputProps(props.field, { type, ariaAttributes: false }) : { key: undefined }
  const input = (
    <input
      {...bound}
      key={c.key}
      id={c.id}
      name={c.name}
      type={type}
      // Passwords are never sent back to the browser.
      defaultValue={type === 'password' ? undefined : c.defaultValue}
      className={cx('govuk-input', width && `govuk-input--width-${width}`, c.error && 'govuk-input--error')}
      aria-describedby={describedBy(hintId, errorId)}
      aria-invalid={c.error ? true : undefined}
      autoComplete={autoComplete}
      inputMode={inputMode}
      spellCheck={spellCheck}
    />
  )
  return (
    <FormGroup error={c.error}>
      <Label htmlFor={c.id} size={labelSize} isPageHeading={labelIsHeading}>
        {label}
      </Label>
      {hint ? <Hint id={hintId!}>{hint}</Hint> : null}
      {c.error ? <ErrorMessage id={errorId!}>{c.error}</ErrorMessage> : null}
      {prefix || suffix ? (
        <div className="govuk-input__wrapper">
          {prefix ? (
            <div className="govuk-input__prefix" aria-hidden="true">
              {prefix}
            </div>
          ) : null}
          {input}
          {suffix ? (
            <div className="govuk-input__suffix" aria-hidden="true">
              {suffix}
            </div>
          ) : null}
        </div>
      ) : (
        input
      )}
    </FormGroup>
  )
}

// ---- textarea -----------------------------------------------------------------------------------

export function Textarea({
  field,
  label,
  hint,
  rows = 5,
  labelSize,
  labelIsHeading,
  spellCheck,
}: {
  field: AnyField
  label: ReactNode
  hint?: ReactNode
  rows?: number
  labelSize?: LabelSize
  labelIsHeading?: boolean
  spellCheck?: boolean
}) {
  const error = field.errors?.[0]
  const hintId = hint ? `${field.id}-hint` : undefined
  const errorId = error ? `${field.id}-error` : undefined
  const { key, ...props } = getTextareaProps(field, { ariaAttributes: false })
  return (
    <FormGroup error={error}>
      <Label htmlFor={field.id} size={labelSize} isPageHeading={labelIsHeading}>
        {label}
      </Label>
      {hint ? <Hint id={hintId!}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={errorId!}>{error}</ErrorMessage> : null}
      <textarea
        {...props}
        key={key}
        rows={rows}
        className={cx('govuk-textarea', error && 'govuk-textarea--error')}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error ? true : undefined}
        spellCheck={spellCheck}
      />
    </FormGroup>
  )
}

// ---- select -------------------------------------------------------------------------------------

export interface Option {
  value: string
  label: string
}

export type SelectProps = {
  label: ReactNode
  hint?: ReactNode
  options: readonly Option[]
  /** An empty first option, e.g. "Select a role" or "All organisations". */
  placeholder?: string
  labelSize?: LabelSize
} & ({ field: AnyField } | ({ field?: undefined } & PlainControl))

export function Select(props: SelectProps) {
  const { label, hint, options, placeholder, labelSize } = props
  const c = control(props)
  const hintId = hint ? `${c.id}-hint` : undefined
  const errorId = c.error ? `${c.id}-error` : undefined
  const { key: _key, ...bound } = props.field ? getSelectProps(props.field, { ariaAttributes: false }) : { key: undefined }
  return (
    <FormGroup error={c.error}>
      <Label htmlFor={c.id} size={labelSize}>
        {label}
      </Label>
      {hint ? <Hint id={hintId!}>{hint}</Hint> : null}
      {c.error ? <ErrorMessage id={errorId!}>{c.error}</ErrorMessage> : null}
      <select
        {...bound}
        key={c.key}
        id={c.id}
        name={c.name}
        defaultValue={c.defaultValue ?? ''}
        className={cx('govuk-select', c.error && 'govuk-select--error')}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={c.error ? true : undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FormGroup>
  )
}

// ---- radios and checkboxes ----------------------------------------------------------------------

export interface ChoiceOption extends Option {
  hint?: ReactNode
}

interface ChoicesProps {
  field: AnyField
  legend: ReactNode
  hint?: ReactNode
  options: readonly ChoiceOption[]
  legendSize?: LabelSize
  legendIsHeading?: boolean
  small?: boolean
  /** Radios side by side (two short options, such as Yes / No). */
  inline?: boolean
}

function Choices({ type, field, legend, hint, options, legendSize, legendIsHeading, small, inline }: ChoicesProps & { type: 'radio' | 'checkbox' }) {
  const error = field.errors?.[0]
  const hintId = hint ? `${field.id}-hint` : undefined
  const errorId = error ? `${field.id}-error` : undefined
  const block = type === 'radio' ? 'govuk-radios' : 'govuk-checkboxes'
  const inputs = getCollectionProps(field, { type, options: options.map((o) => o.value), ariaAttributes: false })
  return (
    <FormGroup error={error}>
      <Fieldset legend={legend} legendSize={legendSize} isPageHeading={legendIsHeading} describedBy={describedBy(hintId, errorId)}>
        {hint ? <Hint id={hintId!}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={errorId!}>{error}</ErrorMessage> : null}
        <div
          className={cx(block, small && `${block}--small`, inline && type === 'radio' && 'govuk-radios--inline')}
          data-module={type === 'radio' ? 'govuk-radios' : 'govuk-checkboxes'}
        >
          {options.map((option, i) => {
            const { key, ...input } = inputs[i]!
            // The first option carries the field's id, so the error summary's link lands on it.
            const id = i === 0 ? field.id : `${field.id}-${i + 1}`
            const optionHintId = option.hint ? `${id}-item-hint` : undefined
            return (
              <div key={key} className={`${block}__item`}>
                <input {...input} id={id} className={`${block}__input`} aria-describedby={optionHintId} />
                <label className={`govuk-label ${block}__label`} htmlFor={id}>
                  {option.label}
                </label>
                {option.hint ? <Hint id={optionHintId!} className={`${block}__hint`}>{option.hint}</Hint> : null}
              </div>
            )
          })}
        </div>
      </Fieldset>
    </FormGroup>
  )
}

export function Radios(props: ChoicesProps) {
  return <Choices type="radio" {...props} />
}

/** Several checkboxes for an array field (each checked value is submitted). */
export function Checkboxes(props: ChoicesProps) {
  return <Choices type="checkbox" {...props} />
}

/** One checkbox for a yes/no setting: submits "on" when checked; parse it with z.boolean(). */
export function Checkbox({ field, label, hint }: { field: AnyField; label: ReactNode; hint?: ReactNode }) {
  const error = field.errors?.[0]
  const hintId = hint ? `${field.id}-hint` : undefined
  const errorId = error ? `${field.id}-error` : undefined
  const initial = field.initialValue as unknown
  const checked = initial === 'on' || initial === true || initial === 'true'
  return (
    <FormGroup error={error}>
      {error ? <ErrorMessage id={errorId!}>{error}</ErrorMessage> : null}
      <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id={field.id}
            name={field.name}
            // Remounts with the server's answer, so the box shows what was submitted.
            key={`${field.key ?? ''}${checked ? 'on' : 'off'}`}
            type="checkbox"
            value="on"
            defaultChecked={checked}
            aria-describedby={describedBy(hintId, errorId)}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={field.id}>
            {label}
          </label>
          {hint ? <Hint id={hintId!} className="govuk-checkboxes__hint">{hint}</Hint> : null}
        </div>
      </div>
    </FormGroup>
  )
}

// ---- date input ---------------------------------------------------------------------------------

export interface DateParts {
  day?: string
  month?: string
  year?: string
}

type DateInputProps = {
  legend: ReactNode
  hint?: ReactNode
  legendSize?: LabelSize
  legendIsHeading?: boolean
} & (
  | {
      /** A Conform field of an object schema with `day`, `month` and `year` strings. */
      field: AnyField
    }
  | {
      field?: undefined
      /** Inputs are named `<name>-day`, `<name>-month`, `<name>-year` (GOV.UK's namePrefix). */
      name: string
      values?: DateParts
      error?: string
      /** Which part the error is about (GOV.UK highlights only that input); all three by default. */
      errorParts?: readonly (keyof DateParts)[]
    }
)

const DATE_PARTS = [
  { part: 'day', label: 'Day', width: 2 },
  { part: 'month', label: 'Month', width: 2 },
  { part: 'year', label: 'Year', width: 4 },
] as const

/** GOV.UK date input: three numeric boxes for day, month and year in a fieldset. */
export function DateInput(props: DateInputProps) {
  const { legend, hint, legendSize, legendIsHeading } = props
  let id: string
  let error: string | undefined
  let inputs: { part: keyof DateParts; name: string; defaultValue?: string; key?: string; invalid: boolean }[]
  if (props.field) {
    const field = props.field
    const parts = (field as FieldMetadata<DateParts>).getFieldset() as Record<keyof DateParts, AnyField>
    id = field.id
    error = firstError(field)
    const fieldLevel = Boolean(field.errors?.length)
    inputs = DATE_PARTS.map(({ part }) => {
      const sub = parts[part]
      return {
        part,
        name: sub.name,
        defaultValue: typeof sub.initialValue === 'string' ? sub.initialValue : undefined,
        key: sub.key,
        invalid: fieldLevel || Boolean(sub.errors?.length),
      }
    })
  } else {
    id = props.name
    error = props.error
    const errorParts = props.errorParts ?? ['day', 'month', 'year']
    inputs = DATE_PARTS.map(({ part }) => ({
      part,
      name: `${props.name}-${part}`,
      defaultValue: props.values?.[part],
      invalid: Boolean(error) && errorParts.includes(part),
    }))
  }
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  return (
    <FormGroup error={error}>
      <Fieldset legend={legend} legendSize={legendSize} isPageHeading={legendIsHeading} describedBy={describedBy(hintId, errorId)}>
        {hint ? <Hint id={hintId!}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={errorId!}>{error}</ErrorMessage> : null}
        <div className="govuk-date-input" id={`${id}-date-input`}>
          {DATE_PARTS.map(({ part, label, width }, i) => {
            const input = inputs[i]!
            // The day box carries the field's id, so the error summary's link lands on it.
            const inputId = i === 0 ? id : `${id}-${part}`
            return (
              <div key={part} className="govuk-date-input__item">
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={inputId}>
                    {label}
                  </label>
                  <input
                    key={input.key}
                    className={cx('govuk-input govuk-date-input__input', `govuk-input--width-${width}`, input.invalid && 'govuk-input--error')}
                    id={inputId}
                    name={input.name}
                    type="text"
                    inputMode="numeric"
                    defaultValue={input.defaultValue}
                    aria-invalid={input.invalid ? true : undefined}
                  />
                </div>
              </div>
            )
          })}
        </div>
      </Fieldset>
    </FormGroup>
  )
}
