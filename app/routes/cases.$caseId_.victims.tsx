import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Button } from '~/components/button'
import { BackLink, PageHeading } from '~/components/content'
import { ErrorSummary, fieldErrors, Select } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { LinkVictimSchema, UnlinkVictimSchema } from '~/domain/cases/schemas'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { getCaseVictimsForManage, linkVictim, unlinkVictim } from '~/services/cases.server'
import { redirectWithFlash } from '~/services/session.server'
import { displayName } from '~/utils/format'
import { readFormData } from '~/utils/form-data.server'
import { invalid, parseIntent } from '~/utils/submission.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Victims on case ${data?.case.crimeReference ?? ''} – Waypoint` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['officer', 'cps_liaison'])
  if (!params.caseId) throw notFound()
  return getCaseVictimsForManage(user, params.caseId)
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ['officer', 'cps_liaison'])
  const caseId = params.caseId
  if (!caseId) throw notFound()
  const { intent, submission } = parseIntent(await readFormData(request), { link: LinkVictimSchema, unlink: UnlinkVictimSchema })
  if (submission.status !== 'success') return invalid(submission)
  const { victimId } = submission.value
  const ip = clientIp(context)
  const result = intent === 'link' ? await linkVictim(user, caseId, victimId, ip) : await unlinkVictim(user, caseId, victimId, ip)
  if (!result.ok) return invalid(submission, { field: 'victimId', message: result.message })
  return redirectWithFlash(request, `/cases/${caseId}/victims`, intent === 'link' ? 'Victim linked to the case.' : 'Victim removed from the case.')
}

export default function CaseVictims() {
  const { case: c, linked, hiddenCount, candidates } = useLoaderData<typeof loader>()
  // Refusals of either button show on the link form's victim field, as the page has one field.
  const [form, fields] = useGovukForm(LinkVictimSchema, { id: 'link-victim', lastResult: useActionData<typeof action>() })
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${c.id}`}>Back to the case</BackLink>
        <ErrorSummary errors={fieldErrors(fields, form.errors)} />
        <PageHeading caption={c.crimeReference}>Victims on this case</PageHeading>
        <dl className="govuk-summary-list" data-testid="linked-victims">
          {linked.map((v) => (
            <div className="govuk-summary-list__row" key={v.id}>
              <dt className="govuk-summary-list__key">{v.reference}</dt>
              <dd className="govuk-summary-list__value">{displayName(v)}</dd>
              <dd className="govuk-summary-list__actions">
                <Form method="post">
                  <input type="hidden" name="intent" value="unlink" />
                  <input type="hidden" name="victimId" value={v.id} />
                  <Button variant="secondary" className="govuk-!-margin-bottom-0">
                    Remove<span className="govuk-visually-hidden"> {v.reference} from the case</span>
                  </Button>
                </Form>
              </dd>
            </div>
          ))}
        </dl>
        {hiddenCount > 0 ? <p className="govuk-body">{hiddenCount} restricted victim(s) on this case are not shown to you.</p> : null}
        <h2 className="govuk-heading-m">Link another victim</h2>
        {candidates.length ? (
          <Form method="post" {...getFormProps(form)} noValidate>
            <input type="hidden" name="intent" value="link" />
            <Select field={fields.victimId} label="Victim" options={candidates.map((v) => ({ value: v.id, label: `${v.reference} – ${displayName(v)}` }))} placeholder="Select a victim" />
            <Button>Link victim</Button>
          </Form>
        ) : (
          <p className="govuk-body">There are no other victims you can link.</p>
        )}
      </div>
    </div>
  )
}
