import { getFormProps } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ButtonGroup, StatusButton } from '~/components/button'
import { BackLink, PageHeading } from '~/components/content'
import { ErrorSummary, fieldErrors, Textarea, TextField } from '~/components/forms'
import { ItemSummary } from '~/components/intelligence/items'
import { NotificationBanner } from '~/components/notification-banner'
import { useGovukForm } from '~/components/use-govuk-form'
import { labelOf, QUEUE_FORMS, SUBJECTS, type QueueAction } from '~/domain/intelligence/item'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { actOnIntelligenceItem, getIntelligenceItem } from '~/services/intelligence.server'
import { redirectWithFlash } from '~/services/session.server'
import { readFormData } from '~/utils/form-data.server'
import { parseIntent, reply } from '~/utils/submission.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Intelligence: ${data ? labelOf(SUBJECTS, data.item.subject).toLowerCase() : 'item'} – ${data?.item.victim.reference ?? ''} – Waypoint` },
]

// Whoever may see the item is decided in the service (the police organisation and the author).
const ROLES = ['advocate', 'officer', 'manager'] as const

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, ROLES)
  if (!params.itemId) throw notFound()
  return getIntelligenceItem(user, params.itemId, clientIp(context))
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ROLES)
  const itemId = params.itemId
  if (!itemId) throw notFound()
  const { intent, submission } = parseIntent(await readFormData(request), QUEUE_FORMS)
  if (submission.status !== 'success') return data({ intent, result: reply(submission), conflict: null }, { status: 400 })
  const { version, ...text } = submission.value
  const queueAction: QueueAction =
    intent === 'submit'
      ? { type: 'submit', reference: 'reference' in text ? text.reference : '' }
      : intent === 'return'
        ? { type: 'return', question: 'question' in text ? text.question : '' }
        : { type: 'answer', answer: 'answer' in text ? text.answer : '' }
  const result = await actOnIntelligenceItem(user, itemId, queueAction, version, clientIp(context))
  if (!result.ok && 'conflict' in result) return data({ intent, result: reply(submission), conflict: result.conflict }, { status: 409 })
  // A refusal of the action itself ('action': the item has moved on) heads the form.
  if (!result.ok) return data({ intent, result: reply(submission, result.issues.map((i) => ({ path: i.path === 'action' ? '' : i.path, message: i.message }))), conflict: null }, { status: 400 })
  const message =
    queueAction.type === 'submit'
      ? `Marked as submitted with reference ${queueAction.reference.trim()}.`
      : queueAction.type === 'return'
        ? 'Returned to the author with your question.'
        : 'Answer sent: the item is back in the police queue.'
  return redirectWithFlash(request, intent === 'answer' ? `/intelligence/${itemId}` : '/intelligence', message)
}

export default function IntelligenceItemPage() {
  const { item, canReview, canAnswer, canOpenVictim } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const lastResult = (intent: keyof typeof QUEUE_FORMS) => (actionData?.intent === intent ? actionData.result : undefined)
  const [submitForm, submitFields] = useGovukForm(QUEUE_FORMS.submit, { id: 'submit', lastResult: lastResult('submit') })
  const [returnForm, returnFields] = useGovukForm(QUEUE_FORMS.return, { id: 'return', lastResult: lastResult('return') })
  const [answerForm, answerFields] = useGovukForm(QUEUE_FORMS.answer, { id: 'answer', lastResult: lastResult('answer') })
  const summary = [
    ...fieldErrors({ reference: submitFields.reference }, submitForm.errors),
    ...fieldErrors({ question: returnFields.question }, returnForm.errors),
    ...fieldErrors({ answer: answerFields.answer }, answerForm.errors),
  ]
  const version = String(actionData?.conflict?.version ?? item.version)
  const victimLink = canOpenVictim ? (
    <Link className="govuk-link" to={`/victims/${item.victimId}`}>
      {item.victim.reference}
    </Link>
  ) : undefined
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {canReview ? (
          <BackLink to="/intelligence">Back to the intelligence queue</BackLink>
        ) : (
          <BackLink to={`/victims/${item.victimId}#intelligence`}>Back to the victim</BackLink>
        )}
        {actionData?.conflict ? (
          <NotificationBanner kind="important" testId="edit-conflict" message="Someone else changed this item while you had it open">
            <p className="govuk-body">Nothing was saved. The item is shown as it is now; what you typed is still in the form.</p>
          </NotificationBanner>
        ) : (
          <ErrorSummary errors={summary} />
        )}
        <PageHeading caption={`Intelligence for ${item.policeOrganisation.name}`}>{labelOf(SUBJECTS, item.subject)}</PageHeading>
        <ItemSummary item={item} victimLink={victimLink} />

        {canReview && item.status === 'new' ? (
          <>
            <Form method="post" {...getFormProps(submitForm)} noValidate data-testid="submit-form">
              <h2 className="govuk-heading-m">Mark as submitted</h2>
              <input type="hidden" name="intent" value="submit" />
              <input type="hidden" name="version" value={version} />
              <TextField
                field={submitFields.reference}
                label="Reference on the police intelligence system"
                hint="For example, INT/NM/26/00417"
                width={20}
                autoComplete="off"
                spellCheck={false}
              />
              <StatusButton intent="submit" pendingText="Saving…" preventDoubleClick>
                Mark as submitted
              </StatusButton>
            </Form>
            <Form method="post" {...getFormProps(returnForm)} noValidate data-testid="return-form">
              <h2 className="govuk-heading-m">Or return it with a question</h2>
              <input type="hidden" name="intent" value="return" />
              <input type="hidden" name="version" value={version} />
              <Textarea
                field={returnFields.question}
                label="Your question for the author"
                labelSize="s"
                hint="For example, what colour was the car and when was it seen?"
                rows={3}
              />
              <StatusButton intent="return" variant="secondary" pendingText="Sending…" preventDoubleClick>
                Return with question
              </StatusButton>
            </Form>
          </>
        ) : null}

        {canAnswer && item.status === 'returned' ? (
          <Form method="post" {...getFormProps(answerForm)} noValidate data-testid="answer-form">
            <h2 className="govuk-heading-m">Answer the question</h2>
            <input type="hidden" name="intent" value="answer" />
            <input type="hidden" name="version" value={version} />
            <Textarea
              field={answerFields.answer}
              label="Your answer"
              labelSize="s"
              hint="The item goes back to the police queue with your answer."
              rows={5}
            />
            <ButtonGroup>
              <StatusButton intent="answer" pendingText="Sending…" preventDoubleClick>
                Send answer
              </StatusButton>
            </ButtonGroup>
          </Form>
        ) : null}
      </div>
    </div>
  )
}
