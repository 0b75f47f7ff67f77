import { getFormProps } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { ButtonGroup, StatusButton } from '~/components/button'
import { BackLink, InsetText } from '~/components/content'
import { ErrorSummary, fieldErrors, Radios, Textarea } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { HANDLING_CODES, INTELLIGENCE_ASSESSMENTS, itemFormSchema, newItemKey, SOURCE_EVALUATIONS, SUBJECTS } from '~/domain/intelligence/item'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { createIntelligenceItem, getItemForm, type ItemSource } from '~/services/intelligence.server'
import { redirectWithFlash } from '~/services/session.server'
import { readFormData } from '~/utils/form-data.server'
import { formatDate, formatDateTime } from '~/utils/format'
import { parseIntent, reply } from '~/utils/submission.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Add intelligence for the police – ${data?.victim.reference ?? 'Victim'} – Waypoint` }]

const ROLES = ['advocate', 'officer', 'manager'] as const
const options = (list: readonly { id: string; label: string }[]) => list.map((o) => ({ value: o.id, label: o.label }))

/** ?visit=<id> or ?episode=<id>: where the intelligence came from (404 without one). */
function sourceOf(request: Request): { source: ItemSource; search: string } {
  const url = new URL(request.url)
  const visit = url.searchParams.get('visit')
  const episode = url.searchParams.get('episode')
  if (visit) return { source: { visitId: visit }, search: `?visit=${encodeURIComponent(visit)}` }
  if (episode) return { source: { missingEpisodeId: episode }, search: `?episode=${encodeURIComponent(episode)}` }
  throw notFound()
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ROLES)
  if (!params.victimId) throw notFound()
  const { source } = sourceOf(request)
  const form = await getItemForm(user, params.victimId, source)
  // One key per rendering of the form (it becomes the item's id): a double submit saves one item.
  return { ...form, idempotencyKey: newItemKey() }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ROLES)
  const victimId = params.victimId
  if (!victimId) throw notFound()
  const { source, search } = sourceOf(request)
  await getItemForm(user, victimId, source)
  // "Save" and "Save and add another" send the same form.
  const { intent, submission } = parseIntent(await readFormData(request), { save: itemFormSchema, another: itemFormSchema })
  if (submission.status !== 'success') return data({ result: reply(submission) }, { status: 400 })
  const { idempotencyKey, ...input } = submission.value
  const result = await createIntelligenceItem(user, victimId, source, input, idempotencyKey, clientIp(context))
  if (!result.ok) return data({ result: reply(submission, result.issues) }, { status: 400 })
  const another = intent === 'another'
  const message = result.duplicate ? 'Intelligence item already saved.' : another ? 'Intelligence item saved. Add the next one.' : 'Intelligence item saved.'
  return redirectWithFlash(request, another ? `/victims/${victimId}/intelligence/new${search}` : `/victims/${victimId}#intelligence`, message)
}

// A refused form keeps its key (and so the values typed); after "Save and add another" the loader
// gives a new key and the form starts again empty.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && typeof actionResult === 'object' && 'result' in actionResult ? false : defaultShouldRevalidate

export default function AddIntelligence() {
  const loaded = useLoaderData<typeof loader>()
  return <ItemForm key={loaded.idempotencyKey} {...loaded} />
}

function ItemForm({ victim, source, police, preselected, idempotencyKey }: ReturnType<typeof useLoaderData<typeof loader>>) {
  const actionData = useActionData<typeof action>()
  const [form, fields] = useGovukForm(itemFormSchema, {
    id: `intelligence-${idempotencyKey}`,
    lastResult: actionData?.result,
    defaultValue: { idempotencyKey, policeOrganisationId: preselected },
  })
  const back = `/victims/${victim.id}#intelligence`
  const only = police.organisations.length === 1 ? police.organisations[0]! : null
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={back}>Back to the victim</BackLink>
        <ErrorSummary errors={fieldErrors(fields, form.errors)} />
        <span className="govuk-caption-l">{victim.reference}</span>
        <h1 className="govuk-heading-l">Add intelligence for the police</h1>
        <InsetText testId="intelligence-source">
          {source.kind === 'visit' ? `From the visit on ${formatDateTime(source.at)}.` : `From the missing episode that began on ${formatDate(source.at)}.`}{' '}
          Only the police organisation you send it to and you can see this item.
        </InsetText>
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name={fields.idempotencyKey.name} value={idempotencyKey} />
          {only && police.fromCases ? (
            <>
              <input type="hidden" name={fields.policeOrganisationId.name} value={only.id} />
              <p className="govuk-body">
                It goes to the intelligence queue of <strong>{only.name}</strong>, the police force of the victim’s case.
              </p>
            </>
          ) : (
            <Radios
              field={fields.policeOrganisationId}
              legend="Which police organisation is it for?"
              legendSize="m"
              hint={police.fromCases ? 'The police forces of the victim’s cases' : 'The victim has no case yet: choose the force for the area'}
              options={police.organisations.map((o) => ({ value: o.id, label: o.name }))}
            />
          )}
          <Radios field={fields.subject} legend="What is it about?" legendSize="m" options={options(SUBJECTS)} />
          <Textarea
            field={fields.detail}
            label="The intelligence"
            labelSize="m"
            hint="What was said or seen, as exactly as you can: names, descriptions, registration numbers, usernames, places, times. Say who the source is (for example, the young person)."
            rows={6}
          />
          <Radios
            field={fields.sourceEvaluation}
            legend="How reliable is the source?"
            legendSize="s"
            hint="Source evaluation (3x5x2 grading)"
            options={options(SOURCE_EVALUATIONS)}
          />
          <Radios
            field={fields.intelligenceAssessment}
            legend="How does the source know it?"
            legendSize="s"
            hint="Intelligence assessment (3x5x2 grading)"
            options={options(INTELLIGENCE_ASSESSMENTS)}
          />
          <Radios field={fields.handlingCode} legend="Handling code" legendSize="s" hint="Can the police share it further?" options={options(HANDLING_CODES)} />
          <Textarea
            field={fields.handlingConditions}
            label="Conditions for sharing"
            labelSize="s"
            hint="Needed for handling code C. For example, not to be shared with the young person’s school."
            rows={3}
          />
          <ButtonGroup>
            <StatusButton name="intent" value="save" pendingText="Saving…">
              Save
            </StatusButton>
            <StatusButton name="intent" value="another" variant="secondary" pendingText="Saving…">
              Save and add another
            </StatusButton>
            <Link className="govuk-link" to={back}>
              Cancel
            </Link>
          </ButtonGroup>
        </Form>
      </div>
    </div>
  )
}
