import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ButtonGroup, StatusButton } from '~/components/button'
import { BackLink, InsetText, PageHeading } from '~/components/content'
import { ErrorSummary, fieldErrors, Radios, Textarea } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { CLOSE_REASONS, closedReasonText, CloseVictimSchema } from '~/domain/victims/schema'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { redirectWithFlash } from '~/services/session.server'
import { closeVictim, getVictimHeader, reopenVictim, splitClosedReason } from '~/services/victims.server'
import { readFormData } from '~/utils/form-data.server'
import { displayName, formatDate } from '~/utils/format'
import { invalid, parseIntent } from '~/utils/submission.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.status === 'closed' ? 'Reopen' : 'Close'} ${data?.reference ?? 'victim record'} – Waypoint` },
]

const EDITORS = ['advocate', 'officer', 'manager'] as const

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, EDITORS)
  if (!params.victimId) throw notFound()
  const v = await getVictimHeader(user, params.victimId, clientIp(context), 'close')
  const reason = splitClosedReason(v.closedReason)
  return {
    id: v.id,
    reference: v.reference,
    name: displayName(v),
    status: v.status,
    closedAt: v.closedAt,
    closedReason: reason ? closedReasonText(reason.reason, reason.detail) : null,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, EDITORS)
  const victimId = params.victimId
  if (!victimId) throw notFound()
  const back = (result: { ok: true } | { ok: false; message: string }, done: string) =>
    redirectWithFlash(request, `/victims/${victimId}`, result.ok ? done : { kind: 'info', message: result.message })
  const { intent, submission } = parseIntent(await readFormData(request), { reopen: z.object({}), close: CloseVictimSchema })
  if (intent === 'reopen') return back(await reopenVictim(user, victimId, clientIp(context)), 'Victim record reopened')
  if (submission.status !== 'success') return invalid(submission)
  return back(await closeVictim(user, victimId, submission.value, clientIp(context)), 'Victim record closed')
}

export default function CloseVictim() {
  const v = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useGovukForm(CloseVictimSchema, { lastResult })
  if (v.status === 'closed') {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <BackLink to={`/victims/${v.id}`}>Back to victim</BackLink>
          <PageHeading caption={`${v.reference} – ${v.name}`}>Reopen this record</PageHeading>
          <InsetText>
            Closed{v.closedAt ? ` on ${formatDate(v.closedAt)}` : ''}
            {v.closedReason ? `: ${v.closedReason}` : ''}
          </InsetText>
          <Form method="post">
            <ButtonGroup>
              <StatusButton name="intent" value="reopen" pendingText="Reopening…" preventDoubleClick>
                Reopen record
              </StatusButton>
              <Link className="govuk-link" to={`/victims/${v.id}`}>
                Cancel
              </Link>
            </ButtonGroup>
          </Form>
        </div>
      </div>
    )
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/victims/${v.id}`}>Back to victim</BackLink>
        <ErrorSummary errors={fieldErrors(fields, form.errors)} />
        <PageHeading caption={`${v.reference} – ${v.name}`}>Close this record</PageHeading>
        <p className="govuk-body">The record stays in Waypoint and can be reopened. It will no longer show on open caseloads.</p>
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="intent" value="close" />
          <Radios field={fields.reason} legend="Why is the record being closed?" legendSize="m" options={CLOSE_REASONS} />
          <Textarea field={fields.detail} label="Details" hint="Required if you selected ‘Other’" rows={3} />
          <ButtonGroup>
            <StatusButton variant="warning" pendingText="Closing…" preventDoubleClick>
              Close record
            </StatusButton>
            <Link className="govuk-link" to={`/victims/${v.id}`}>
              Cancel
            </Link>
          </ButtonGroup>
        </Form>
      </div>
    </div>
  )
}
