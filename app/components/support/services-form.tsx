// Which services an organisation offers: one checkbox per service type, each with an optional
// description shown in the directory. Used by managers (/support/services) and administrators
// (/admin/organisations/:id/services).
import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { SubmitOrCancel } from '~/components/button'
import { Checkboxes, ErrorSummary, fieldErrors, Textarea } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { servicesFormSchema } from '~/domain/support/directory'
import { SERVICE_TYPES } from '~/domain/support/referrals'
import type { SubmissionResult } from '@conform-to/react'

export function ServicesForm({
  organisation,
  lastResult,
  cancelTo,
}: {
  organisation: { name: string; offered: string[]; descriptions: Record<string, string> }
  lastResult?: SubmissionResult<string[]>
  cancelTo: string
}) {
  const [form, fields] = useGovukForm(servicesFormSchema, {
    id: 'services',
    lastResult,
    defaultValue: { services: organisation.offered, descriptions: organisation.descriptions },
  })
  const descriptions = fields.descriptions.getFieldset()
  return (
    <>
      <ErrorSummary
        errors={fieldErrors({ services: fields.services, ...Object.fromEntries(SERVICE_TYPES.map((s) => [s.id, descriptions[s.id]])) }, form.errors)}
      />
      <span className="govuk-caption-l">{organisation.name}</span>
      <h1 className="govuk-heading-l">Services you offer</h1>
      <p className="govuk-body">Advocates and officers see these in the support directory, and can refer young people only to services listed here.</p>
      <Form method="post" {...getFormProps(form)} noValidate>
        <Checkboxes
          field={fields.services}
          legend="Which services does your organisation offer?"
          legendSize="m"
          hint="Select all that apply."
          options={SERVICE_TYPES.map((s) => ({ value: s.id, label: s.label }))}
        />
        <h2 className="govuk-heading-m">Descriptions (optional)</h2>
        <p className="govuk-body">Say who each service is for and how it works. Only descriptions of the services selected are kept.</p>
        {SERVICE_TYPES.map((s) => (
          <Textarea key={s.id} field={descriptions[s.id]} label={s.label} labelSize="s" rows={2} />
        ))}
        <SubmitOrCancel cancelTo={cancelTo}>Save services</SubmitOrCancel>
      </Form>
    </>
  )
}
