import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ButtonGroup, StatusButton } from '~/components/button'
import { BackLink, PageHeading } from '~/components/content'
import { ErrorSummary, TextField } from '~/components/forms'
import { ItemSummary, PlainTextarea } from '~/components/intelligence/items'
import { NotificationBanner } from '~/components/notification-banner'
import { labelOf, queueActionSchema, SUBJECTS, type QueueAction } from '~/domain/intelligence/item'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { actOnIntelligenceItem, getIntelligenceItem } from '~/services/intelligence.server'
import { setFlash } from '~/services/session.server'
import { readFormData } from '~/utils/form-data.server'

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

type Reply = { intent: string; errors: Record<string, string>; values: Record<string, string>; conflict?: { status: string; version: number } }

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ROLES)
  const itemId = params.itemId
  if (!itemId) throw notFound()
  const form = await readFormData(request)
  const parsed = queueActionSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) throw new Response('Unknown action', { status: 400, statusText: 'Bad Request' })
  const v = parsed.data
  const queueAction: QueueAction =
    v.intent === 'submit'
      ? { type: 'submit', reference: v.reference }
      : v.intent === 'return'
        ? { type: 'return', question: v.question }
        : { type: 'answer', answer: v.answer }
  const values = { reference: 'reference' in v ? v.reference : '', question: 'question' in v ? v.question : '', answer: 'answer' in v ? v.answer : '' }
  const result = await actOnIntelligenceItem(user, itemId, queueAction, v.version, clientIp(context))
  if (!result.ok && 'conflict' in result) return data<Reply>({ intent: v.intent, errors: {}, values, conflict: result.conflict }, { status: 409 })
  if (!result.ok) {
    return data<Reply>({ intent: v.intent, errors: Object.fromEntries(result.issues.map((i) => [i.path, i.message])), values }, { status: 400 })
  }
  const message =
    v.intent === 'submit'
      ? `Marked as submitted with reference ${values.reference.trim()}.`
      : v.intent === 'return'
        ? 'Returned to the author with your question.'
        : 'Answer sent: the item is back in the police queue.'
  return redirect(v.intent === 'answer' ? `/intelligence/${itemId}` : '/intelligence', {
    headers: { 'Set-Cookie': await setFlash(request, { kind: 'success', message }) },
  })
}

export default function IntelligenceItemPage() {
  const { item, canReview, canAnswer, canOpenVictim } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const errors = reply?.errors ?? {}
  const fieldId: Record<string, string> = { reference: 'reference', question: 'question', answer: 'answer', action: '' }
  const summary = Object.entries(errors).map(([path, message]) => ({ id: fieldId[path] ?? '', message }))
  const typed = (name: string) => (reply?.values[name] as string | undefined) ?? ''
  const version = String(reply?.conflict?.version ?? item.version)
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
        {reply?.conflict ? (
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
            <Form method="post" noValidate data-testid="submit-form">
              <h2 className="govuk-heading-m">Mark as submitted</h2>
              <input type="hidden" name="intent" value="submit" />
              <input type="hidden" name="version" value={version} />
              <TextField
                id="reference"
                name="reference"
                label="Reference on the police intelligence system"
                hint="For example, INT/NM/26/00417"
                width={20}
                autoComplete="off"
                spellCheck={false}
                defaultValue={reply?.intent === 'submit' ? typed('reference') : undefined}
                error={reply?.intent === 'submit' ? errors.reference : undefined}
              />
              <StatusButton intent="submit" pendingText="Saving…" preventDoubleClick>
                Mark as submitted
              </StatusButton>
            </Form>
            <Form method="post" noValidate data-testid="return-form">
              <h2 className="govuk-heading-m">Or return it with a question</h2>
              <input type="hidden" name="intent" value="return" />
              <input type="hidden" name="version" value={version} />
              <PlainTextarea
                id="question"
                name="question"
                label="Your question for the author"
                hint="For example, what colour was the car and when was it seen?"
                defaultValue={reply?.intent === 'return' ? typed('question') : undefined}
                error={reply?.intent === 'return' ? errors.question : undefined}
              />
              <StatusButton intent="return" variant="secondary" pendingText="Sending…" preventDoubleClick>
                Return with question
              </StatusButton>
            </Form>
          </>
        ) : null}

        {canAnswer && item.status === 'returned' ? (
          <Form method="post" noValidate data-testid="answer-form">
            <h2 className="govuk-heading-m">Answer the question</h2>
            <input type="hidden" name="intent" value="answer" />
            <input type="hidden" name="version" value={version} />
            <PlainTextarea
              id="answer"
              name="answer"
              label="Your answer"
              hint="The item goes back to the police queue with your answer."
              rows={5}
              defaultValue={reply?.intent === 'answer' ? typed('answer') : undefined}
              error={reply?.intent === 'answer' ? errors.answer : undefined}
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
