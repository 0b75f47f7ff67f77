// The victim details form, shared by "Add a victim" and "Change victim details". Plain HTML: works
// without JavaScript; errors next to fields and in the page's error summary (the route renders it).
import type { FieldMetadata } from '@conform-to/react'
import { useEffect, useRef } from 'react'
import { Checkbox, Checkboxes, DateInput, Radios, Select, Textarea, TextField } from '~/components/forms'
import { MANUAL_ENHANCED_GROUNDS, MANUAL_GROUND_LABELS } from '~/domain/victims/enhanced-rights'
import { GENDERS, SAFE_CONTACT_METHODS } from '~/domain/victims/schema'
import type { Conflict } from '~/domain/victims/changes'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>

export const VICTIM_FORM_FIELDS = [
  'firstName',
  'lastName',
  'preferredName',
  'dateOfBirth',
  'confirmAge',
  'gender',
  'ethnicity',
  'address',
  'phone',
  'email',
  'preferredLanguage',
  'interpreterNeeded',
  'intermediaryNeeded',
  'otherAdjustments',
  'safeContactMethod',
  'safeContactTimes',
  'noVoicemail',
  'doNotTell',
  'contactName',
  'contactRelationship',
  'contactPhone',
  'contactEmail',
  'riskNotes',
  'manualEnhancedGrounds',
  'restricted',
] as const

export type VictimFormFields = Record<(typeof VICTIM_FORM_FIELDS)[number], AnyField>

/** The fields in form order, for the error summary. */
export const orderedFields = (fields: VictimFormFields) => Object.fromEntries(VICTIM_FORM_FIELDS.map((n) => [n, fields[n]]))

/** Asked only when adding a victim: a partner's reference helps find a record that already exists. */
export function PartnerReferenceField({ field }: { field: AnyField }) {
  return (
    <TextField
      field={field}
      label="Reference from a partner (optional)"
      hint="A Waypoint reference (like V-2026-0123), a police crime reference or a CPS URN another agency gave you for this child"
      autoComplete="off"
      spellCheck={false}
      width={20}
    />
  )
}

export function VictimFormFieldset({ fields, partnerReference }: { fields: VictimFormFields; partnerReference?: AnyField }) {
  const askConfirmAge = Boolean(fields.confirmAge.errors?.length) || fields.confirmAge.initialValue === 'on'
  return (
    <>
      <h2 className="govuk-heading-m">Personal details</h2>
      <TextField field={fields.firstName} label="First name" autoComplete="off" spellCheck={false} width={20} />
      <TextField field={fields.lastName} label="Last name" autoComplete="off" spellCheck={false} width={20} />
      <TextField
        field={fields.preferredName}
        label="Preferred name (optional)"
        hint="The name they like to be called"
        autoComplete="off"
        spellCheck={false}
        width={20}
      />
      <DateInput field={fields.dateOfBirth} legend="Date of birth" legendSize="s" hint="For example, 27 3 2012" />
      {askConfirmAge ? <Checkbox field={fields.confirmAge} label="The date of birth is correct" /> : null}
      {partnerReference ? <PartnerReferenceField field={partnerReference} /> : null}
      <Radios field={fields.gender} legend="Gender (optional)" legendSize="s" options={GENDERS} small />
      <TextField
        field={fields.ethnicity}
        label="Ethnicity (optional)"
        hint="In their own words. Used only for equality monitoring and never shown to CPS staff."
        autoComplete="off"
        width={20}
      />

      <h2 className="govuk-heading-m">Contact details</h2>
      <p className="govuk-body">Never shown to CPS staff.</p>
      <Textarea field={fields.address} label="Address (optional)" rows={3} />
      <TextField field={fields.phone} label="Phone number (optional)" type="tel" autoComplete="off" width={20} />
      <TextField field={fields.email} label="Email address (optional)" type="email" autoComplete="off" spellCheck={false} width={30} />

      <h2 className="govuk-heading-m">Communication needs</h2>
      <TextField field={fields.preferredLanguage} label="Preferred language (optional)" autoComplete="off" width={20} />
      <Checkbox field={fields.interpreterNeeded} label="Needs an interpreter" />
      <Checkbox
        field={fields.intermediaryNeeded}
        label="Needs an intermediary"
        hint="A registered intermediary helps with communication at interview and court"
      />
      <Textarea
        field={fields.otherAdjustments}
        label="Other adjustments (optional)"
        hint="For example, easy read, breaks, a supporter present"
        rows={3}
      />

      <h2 className="govuk-heading-m">Safe contact</h2>
      <Select
        field={fields.safeContactMethod}
        label="Safe way to contact them (optional)"
        options={SAFE_CONTACT_METHODS}
        placeholder="Not recorded"
      />
      <Textarea
        field={fields.safeContactTimes}
        label="Safe times to contact (optional)"
        hint="For example, weekdays after 4pm, never at weekends"
        rows={2}
      />
      <Checkbox field={fields.noVoicemail} label="Do not leave voicemail" />
      <Textarea
        field={fields.doNotTell}
        label="Who must not be told (optional)"
        hint="People who must not learn about contact or the case. Only people who can change this record see it."
        rows={2}
      />

      <h2 className="govuk-heading-m">Parent, guardian or nominated contact</h2>
      <TextField field={fields.contactName} label="Name (optional)" autoComplete="off" spellCheck={false} width={20} />
      <TextField
        field={fields.contactRelationship}
        label="Relationship (optional)"
        hint="For example, mother, foster carer, social worker"
        autoComplete="off"
        width={20}
      />
      <TextField field={fields.contactPhone} label="Phone number (optional)" type="tel" autoComplete="off" width={20} />
      <TextField field={fields.contactEmail} label="Email address (optional)" type="email" autoComplete="off" spellCheck={false} width={30} />

      <h2 className="govuk-heading-m">Risk and enhanced rights</h2>
      <Textarea field={fields.riskNotes} label="Risk and vulnerability notes (optional)" rows={4} />
      <Checkboxes
        field={fields.manualEnhancedGrounds}
        legend="Other grounds for enhanced rights (optional)"
        legendSize="s"
        hint="Being under 18 at the offence and being the victim of a sexual offence are worked out from the case. Select any that also apply."
        options={MANUAL_ENHANCED_GROUNDS.map((g) => ({ value: g, label: MANUAL_GROUND_LABELS[g] }))}
        small
      />
      <Checkbox field={fields.restricted} label="Restricted record" hint="Only the people allocated to this victim by name will be able to see it" />
    </>
  )
}

/** GOV.UK error summary for an edit that lost a race: what the other person changed, beside what this user typed. */
export function ConflictSummary({ conflicts, fieldId }: { conflicts: readonly Conflict[]; fieldId: (field: string) => string | undefined }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => ref.current?.focus(), [conflicts])
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" tabIndex={-1} data-testid="conflict" ref={ref}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">Someone else changed this record while you were editing</h2>
        <div className="govuk-error-summary__body">
          <p className="govuk-body">
            Your changes have not been saved. Everything you typed is still in the form below. Check their changes, then save again to keep yours.
          </p>
          {conflicts.length ? (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">What they changed</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Field
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Saved by them
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Yours
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {conflicts.map((c) => (
                  <tr key={c.field} className="govuk-table__row">
                    <th scope="row" className="govuk-table__header">
                      <a className="govuk-link" href={`#${fieldId(c.field) ?? c.field}`}>
                        {c.label}
                      </a>
                    </th>
                    <td className="govuk-table__cell">{c.theirs}</td>
                    <td className="govuk-table__cell">{c.yours}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="govuk-body">They closed or reopened the record.</p>
          )}
        </div>
      </div>
    </div>
  )
}
