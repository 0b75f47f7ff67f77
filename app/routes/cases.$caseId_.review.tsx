import { getFormProps, useForm } from '@conform-to/react'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ButtonGroup, StatusButton } from '~/components/button'
import { BackLink } from '~/components/content'
import { Checkboxes, ErrorSummary, fieldErrors, Textarea } from '~/components/forms'
import { ReviewFactorsSection } from '~/components/review/factors'
import { SummaryList } from '~/components/summary-list'
import { Tag } from '~/components/tag'
import { formatLondonDate } from '~/domain/journey/derive'
import { reviewOutcomeLabel } from '~/domain/review/factors'
import { REVIEW_TAGS, ReviewDraftSchema, reviewTagLabel, ReviewSignOffSchema } from '~/domain/review/tags'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { getCaseReview, requireReviewer, REVIEW_ROLES, saveReviewDraft, signOffReview } from '~/services/case-review.server'
import { redirectWithFlash } from '~/services/session.server'
import { readFormData } from '~/utils/form-data.server'
import { parseIntent, reply } from '~/utils/submission.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Case review ${data?.case.crimeReference ?? ''} – Waypoint` }]

// The review of a finalised case: the factors taken from the journal, what helped, what
// hindered and the lessons learned (tagged), and sign-off after a confirmation step.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, REVIEW_ROLES)
  if (!params.caseId) throw notFound()
  const view = await getCaseReview(user, params.caseId, clientIp(context))
  const confirming = new URL(request.url).searchParams.get('confirm') === '1' && view.canReview
  return { ...view, confirming }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, REVIEW_ROLES)
  const caseId = params.caseId
  if (!caseId) throw notFound()
  // Who is asking is checked before the form is read: a refusal never depends on what was sent.
  await requireReviewer(user, caseId)
  const ip = clientIp(context)
  const here = `/cases/${caseId}/review`
  // A draft may be incomplete; checking and signing off need every answer.
  const { intent, submission } = parseIntent(await readFormData(request), { save: ReviewDraftSchema, check: ReviewSignOffSchema, 'sign-off': ReviewSignOffSchema })
  if (submission.status !== 'success') return data({ result: reply(submission) }, { status: 400 })
  const result = intent === 'sign-off' ? await signOffReview(user, caseId, submission.value, ip) : await saveReviewDraft(user, caseId, submission.value, ip)
  // The service's refusals (a newer version saved meanwhile among them) head the form.
  if (!result.ok) return data({ result: reply(submission, formLevel(result.fieldErrors)) }, { status: result.conflict ? 409 : 400 })
  if (intent === 'sign-off') return redirectWithFlash(request, here, 'Review signed off.')
  if (intent === 'check') return redirect(`${here}?confirm=1`)
  return redirectWithFlash(request, here, 'Review saved.')
}

const formLevel = (fieldErrors: Record<string, string[]>) => Object.values(fieldErrors).flatMap((messages) => messages.map((message) => ({ path: '', message })))

export default function CaseReviewPage() {
  const { case: c, review, canReview, confirming } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: {
      version: String(review.version),
      helped: review.helped ?? '',
      hindered: review.hindered ?? '',
      lessons: review.lessons ?? '',
      tags: review.tags,
    },
    shouldValidate: 'onSubmit',
  })
  const signedOff = review.status === 'signed_off'
  const findings = [
    { key: 'What helped', value: <Multiline text={review.helped} /> },
    { key: 'What hindered', value: <Multiline text={review.hindered} /> },
    { key: 'Lessons learned', value: <Multiline text={review.lessons} /> },
    { key: 'Tags', value: review.tags.length ? review.tags.map(reviewTagLabel).join(', ') : 'None' },
  ]
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink to={`/cases/${c.id}`}>Back to the case</BackLink>
        <ErrorSummary errors={fieldErrors({ helped: fields.helped, hindered: fields.hindered, lessons: fields.lessons, tags: fields.tags }, form.errors)} />
        <span className="govuk-caption-l">{c.crimeReference}</span>
        <h1 className="govuk-heading-l">{confirming ? 'Sign off this review' : 'Case review'}</h1>
        {confirming ? (
          <>
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                Once signed off, the review and its factors cannot be changed.
              </strong>
            </div>
            <SummaryList testId="review-confirm" rows={findings} />
            <Form method="post" noValidate>
              <input type="hidden" name="version" value={String(review.version)} />
              <input type="hidden" name="helped" value={review.helped ?? ''} />
              <input type="hidden" name="hindered" value={review.hindered ?? ''} />
              <input type="hidden" name="lessons" value={review.lessons ?? ''} />
              {review.tags.map((t) => (
                <input key={t} type="hidden" name="tags" value={t} />
              ))}
              <ButtonGroup>
                <StatusButton name="intent" value="sign-off" pendingText="Signing off…">
                  Sign off review
                </StatusButton>
                <Link className="govuk-link" to={`/cases/${c.id}/review`}>
                  Go back and change the review
                </Link>
              </ButtonGroup>
            </Form>
          </>
        ) : (
          <>
            <SummaryList
              testId="review-status"
              rows={[
                {
                  key: 'Status',
                  value: signedOff ? <Tag colour="green">Signed off</Tag> : <Tag colour="yellow">Awaiting review</Tag>,
                },
                { key: 'Outcome', value: reviewOutcomeLabel(review.outcome) },
                { key: 'Finalised', value: formatLondonDate(new Date(review.finalisedAt)) },
                signedOff ? { key: 'Signed off by', value: `${review.signedOffBy ?? 'Unknown'} on ${formatLondonDate(new Date(review.signedOffAt!))}` } : null,
              ]}
            />
            {review.factors ? <ReviewFactorsSection factors={review.factors} /> : <p className="govuk-body">The factors of this review cannot be shown.</p>}
            <h2 className="govuk-heading-m">Findings</h2>
            {canReview ? (
              <Form method="post" {...getFormProps(form)} noValidate>
                <input type="hidden" name={fields.version.name} value={String(review.version)} />
                <Textarea field={fields.helped} label="What helped" labelSize="s" hint="What helped the investigation or prosecution. Do not include names." />
                <Textarea field={fields.hindered} label="What hindered" labelSize="s" hint="What got in the way. Do not include names." />
                <Textarea field={fields.lessons} label="Lessons learned" labelSize="s" />
                <Checkboxes
                  field={fields.tags}
                  legend="Tag the lessons learned"
                  legendSize="s"
                  hint="Select all that apply. Tags let the partnership count lessons across cases."
                  small
                  options={REVIEW_TAGS.map((t) => ({ value: t.id, label: t.label }))}
                />
                <ButtonGroup>
                  <StatusButton name="intent" value="check" pendingText="Checking…">
                    Continue to sign off
                  </StatusButton>
                  <StatusButton name="intent" value="save" variant="secondary" pendingText="Saving…">
                    Save draft
                  </StatusButton>
                </ButtonGroup>
              </Form>
            ) : (
              <>
                {signedOff ? null : <p className="govuk-body">Awaiting review by CPS liaison or a manager.</p>}
                <SummaryList testId="review-findings" rows={findings} />
              </>
            )}
          </>
        )}
      </div>
    </div>
  )
}

function Multiline({ text }: { text: string | null }) {
  if (!text) return <>Not given</>
  return (
    <>
      {text.split('\n').map((line, i) => (
        <p key={i} className="govuk-body govuk-!-margin-bottom-1">
          {line}
        </p>
      ))}
    </>
  )
}
