import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { randomBytes } from 'node:crypto'
import { ButtonGroup, StatusButton } from '~/components/button'
import { BackLink, PageHeading } from '~/components/content'
import { ErrorSummary, fieldErrors } from '~/components/forms'
import { orderedFields, VictimFormFieldset, type VictimFormFields } from '~/components/victim/victim-form'
import { canCreateVictim } from '~/domain/access/policy'
import { createVictimSchema } from '~/domain/victims/schema'
import { clientIp, forbidden, requireRole } from '~/services/auth.server'
import { setFlash } from '~/services/session.server'
import { createVictim } from '~/services/victims.server'
import { readFormData } from '~/utils/form-data.server'

export const meta: MetaFunction = () => [{ title: 'Add a victim – Waypoint' }]

const CREATORS = ['advocate', 'officer', 'manager'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, CREATORS)
  if (!canCreateVictim(user)) throw forbidden()
  // One key per rendering of the form: a second submission of the same form creates nothing.
  return { idempotencyKey: randomBytes(16).toString('base64url') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, CREATORS)
  if (!canCreateVictim(user)) throw forbidden()
  const submission = parseWithZod(await readFormData(request), { schema: createVictimSchema() })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const { details, idempotencyKey } = submission.value
  const result = await createVictim(user, details, idempotencyKey, clientIp(context))
  if (!result.ok) return data(submission.reply({ fieldErrors: { [result.field]: [result.message] } }), { status: 400 })
  const message = result.duplicate ? `Victim record ${result.reference} was already created` : `Victim record ${result.reference} created`
  return redirect(`/victims/${result.id}`, { headers: { 'Set-Cookie': await setFlash(request, { kind: 'success', message }) } })
}

export default function NewVictim() {
  const { idempotencyKey } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createVictimSchema() }),
    shouldValidate: 'onSubmit',
  })
  const f = fields as unknown as VictimFormFields
  // The key the form was first rendered with stays until the record is created.
  const submittedKey = lastResult?.initialValue?.idempotencyKey
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/victims">Back to victims</BackLink>
        <ErrorSummary errors={fieldErrors(orderedFields(f), form.errors)} />
        <PageHeading>Add a victim</PageHeading>
        <p className="govuk-body">Waypoint gives the record a reference. Your organisation will hold the record.</p>
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="idempotencyKey" value={typeof submittedKey === 'string' ? submittedKey : idempotencyKey} />
          <VictimFormFieldset fields={f} />
          <ButtonGroup>
            <StatusButton pendingText="Saving…" preventDoubleClick>
              Save victim
            </StatusButton>
            <Link className="govuk-link" to="/victims">
              Cancel
            </Link>
          </ButtonGroup>
        </Form>
      </div>
    </div>
  )
}
