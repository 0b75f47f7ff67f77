import { getFormProps } from '@conform-to/react'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { StatusButton, SubmitOrCancel } from '~/components/button'
import { BackLink, PageHeading } from '~/components/content'
import { DeadlineDays, DeadlineToBeConfirmed } from '~/components/entitlements/deadline-note'
import { ErrorSummary, fieldErrors, Textarea, TextField } from '~/components/forms'
import { SummaryList } from '~/components/summary-list'
import { useGovukForm } from '~/components/use-govuk-form'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { clearDeadlineOverride, getRuleDeadline, setDeadlineOverride } from '~/services/rule-deadlines.server'
import { redirectWithFlash } from '~/services/session.server'
import { readFormData } from '~/utils/form-data.server'
import { invalid, parseIntent } from '~/utils/submission.server'
import { formatDateTime } from '~/utils/format'

// One rule's local deadline: set it (both deadlines and a reason), or clear it
// to go back to the published one. Audited; due dates are recalculated on every case afterwards.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.rule.summary ?? 'Deadline'} – Victims’ Code deadlines – Waypoint` }]

// The same limits as the service's (which checks again); the form validates in the browser too,
// so they cannot come from a .server module.
const MIN_DEADLINE_DAYS = 1
const MAX_DEADLINE_DAYS = 60

const daysField = (who: string) =>
  z
    .number({ error: `Enter the deadline for ${who} as a whole number of working days` })
    .int(`Enter the deadline for ${who} as a whole number of working days`)
    .min(MIN_DEADLINE_DAYS, `The deadline for ${who} must be at least ${MIN_DEADLINE_DAYS} working day`)
    .max(MAX_DEADLINE_DAYS, `The deadline for ${who} must be ${MAX_DEADLINE_DAYS} working days or fewer`)

const OverrideSchema = z.object({
  enhancedDays: daysField('victims with enhanced rights'),
  standardDays: daysField('other victims'),
  reason: z
    .string({ error: 'Enter why the deadline is changed' })
    .trim()
    .min(3, 'Enter why the deadline is changed')
    .max(500, 'The reason must be 500 characters or fewer'),
})

async function load(request: Request, params: LoaderFunctionArgs['params']) {
  const admin = await requireRole(request, ['admin'])
  const found = await getRuleDeadline(admin, params.ruleSetId ?? '', params.ruleId ?? '')
  if (!found) throw notFound()
  return { admin, ...found }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ruleSet, rule } = await load(request, params)
  return { ruleSet, rule }
}

const recalculated = (cases: number) => (cases ? ` Due dates on ${cases} ${cases === 1 ? 'case have' : 'cases have'} been recalculated.` : '')

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { admin, ruleSet, rule } = await load(request, params)
  const { intent, submission } = parseIntent(await readFormData(request), { set: OverrideSchema, clear: z.object({}) })
  const ip = clientIp(context)
  const done = (message: string) => redirectWithFlash(request, '/admin/rules', message)

  if (intent === 'clear') {
    const result = await clearDeadlineOverride(admin, ruleSet.id, rule.id, ip)
    if (!result.ok && result.reason === 'not_found') throw notFound()
    // Nothing to clear (someone else cleared it first): the list shows the published deadline.
    if (!result.ok) return redirect('/admin/rules')
    return done(`“${rule.summary}” is back to the published deadline.${recalculated(result.cases)}`)
  }
  if (submission.status !== 'success') return invalid(submission)
  const result = await setDeadlineOverride(admin, ruleSet.id, rule.id, submission.value, ip)
  if (!result.ok) {
    if (result.reason === 'not_found') throw notFound()
    return invalid(submission, { field: '', message: 'Check the deadlines and the reason' })
  }
  return done(
    result.unchanged ? `Nothing was changed for “${rule.summary}”.` : `The local deadline for “${rule.summary}” has been saved.${recalculated(result.cases)}`,
  )
}

export default function RuleDeadline() {
  const { ruleSet, rule } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const current = rule.override ?? rule.published
  const [form, fields] = useGovukForm(OverrideSchema, {
    id: 'rule-deadline',
    lastResult,
    defaultValue: { enhancedDays: String(current.enhancedDays), standardDays: String(current.standardDays), reason: rule.override?.reason ?? '' },
  })
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/rules">Back to deadlines</BackLink>
        <ErrorSummary errors={fieldErrors(fields, form.errors)} />
        <PageHeading caption={`Right ${rule.right}`}>{rule.summary}</PageHeading>
        <SummaryList
          testId="rule-summary"
          rows={[
            { key: 'Rule set', value: ruleSet.title },
            { key: 'Rule', value: <code>{rule.id}</code> },
            { key: 'When', value: rule.triggers.join('; ') },
            { key: 'Owed by', value: rule.owner },
            {
              key: 'Published deadline',
              value: (
                <>
                  <DeadlineDays {...rule.published} />
                  <span className="govuk-!-font-size-16 govuk-!-display-block">{rule.confidenceLabel}</span>
                  {rule.needsLocalConfirmation ? <DeadlineToBeConfirmed /> : null}
                </>
              ),
            },
            {
              key: 'Local deadline',
              testId: 'local-deadline',
              value: rule.override ? (
                <>
                  <DeadlineDays {...rule.override} />
                  <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">{rule.override.reason}</p>
                  <span className="govuk-hint govuk-!-font-size-16 govuk-!-display-block govuk-!-margin-bottom-0">
                    Set by {rule.override.updatedBy} on {formatDateTime(rule.override.updatedAt)}
                  </span>
                </>
              ) : (
                'None: the published deadline applies'
              ),
            },
          ]}
        />
        <h2 className="govuk-heading-m">{rule.override ? 'Change the local deadline' : 'Set a local deadline'}</h2>
        <p className="govuk-body">It replaces the published deadline for every case. Due dates are recalculated straight away.</p>
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="intent" value="set" />
          <TextField
            field={fields.enhancedDays}
            label="Victims with enhanced rights"
            hint={`Whole working days after the event, from ${MIN_DEADLINE_DAYS} to ${MAX_DEADLINE_DAYS}`}
            width={3}
            inputMode="numeric"
            suffix="working days"
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            field={fields.standardDays}
            label="Other victims"
            hint={`Whole working days after the event, from ${MIN_DEADLINE_DAYS} to ${MAX_DEADLINE_DAYS}`}
            width={3}
            inputMode="numeric"
            suffix="working days"
            autoComplete="off"
            spellCheck={false}
          />
          <Textarea field={fields.reason} label="Why is the deadline changed?" hint="For example, who agreed it and when. This is kept in the audit log." rows={3} />
          <SubmitOrCancel cancelTo="/admin/rules">Save local deadline</SubmitOrCancel>
        </Form>
        {rule.override ? (
          <Form method="post">
            <input type="hidden" name="intent" value="clear" />
            <h2 className="govuk-heading-m">Go back to the published deadline</h2>
            <p className="govuk-body">The local deadline is removed and the published one applies again.</p>
            <StatusButton variant="warning" pendingText="Clearing…" preventDoubleClick>
              Clear local deadline
            </StatusButton>
          </Form>
        ) : null}
      </div>
    </div>
  )
}
