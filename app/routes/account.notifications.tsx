import { getFormProps } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { StatusButton } from '~/components/button'
import { BackLink, PageHeading } from '~/components/content'
import { ErrorSummary, fieldErrors, Radios, TextField } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { teamInboxField } from '~/domain/notifications/team-inbox'
import { DELIVERIES, DELIVERY_LABELS, REMINDER_KIND_LABELS, REMINDER_KINDS, type Delivery, type ReminderKind } from '~/domain/notifications/kinds'
import { clientIp, requireUser } from '~/services/auth.server'
import { getNotificationSettings, saveNotificationPreferences, setTeamInbox } from '~/services/notification-preferences.server'
import { redirectWithFlash } from '~/services/session.server'
import { readFormData } from '~/utils/form-data.server'
import { invariantResponse } from '~/utils/invariant'
import { parseIntent, reply } from '~/utils/submission.server'

// Every signed-in person: how they hear about each kind of reminder (an email each time, or a daily
// or weekly summary). Managers also set their own organisation's team inbox.
export const meta: MetaFunction = () => [{ title: 'Your notifications – Your account – Waypoint' }]

const PreferencesSchema = z.object(
  Object.fromEntries(
    REMINDER_KINDS.map((k) => [k, z.enum(DELIVERIES, { error: `Select how you want to hear about ${REMINDER_KIND_LABELS[k].label.toLowerCase()}` })]),
  ) as Record<ReminderKind, z.ZodEnum<{ [D in Delivery]: D }>>,
)

const TeamInboxSchema = z.object({
  inboxEmail: teamInboxField,
})

const DELIVERY_OPTIONS = DELIVERIES.map((d) => ({ value: d, label: DELIVERY_LABELS[d] }))

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return getNotificationSettings(user)
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const { intent, submission } = parseIntent(await readFormData(request), { preferences: PreferencesSchema, 'team-inbox': TeamInboxSchema })
  const ip = clientIp(context)
  if (intent === 'preferences') {
    if (submission.status !== 'success') return data({ intent, result: reply(submission) }, { status: 400 })
    const { changed } = await saveNotificationPreferences(user, submission.value, ip)
    return redirectWithFlash(request, '/account/notifications', changed.length === 0 ? 'Nothing was changed.' : 'Your notification choices have been saved.')
  }
  // Checked in the service too: only a manager may change their organisation's inbox.
  invariantResponse(user.role === 'manager', 'Only managers can change the team inbox', { status: 403, statusText: 'Forbidden' })
  if (submission.status !== 'success') return data({ intent, result: reply(submission) }, { status: 400 })
  const inboxEmail = submission.value.inboxEmail ?? null
  const { changed } = await setTeamInbox(user, inboxEmail, ip)
  const message = !changed
    ? 'Nothing was changed.'
    : inboxEmail
      ? `The team inbox for ${user.organisationName} is now ${inboxEmail.toLowerCase()}.`
      : `${user.organisationName} has no team inbox now: its emails go to its managers.`
  return redirectWithFlash(request, '/account/notifications', message)
}

export default function Notifications() {
  const { deliveries, team } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [prefsForm, prefs] = useGovukForm(PreferencesSchema, {
    id: 'preferences',
    lastResult: actionData?.intent === 'preferences' ? actionData.result : undefined,
    defaultValue: deliveries,
  })
  const [inboxForm, inbox] = useGovukForm(TeamInboxSchema, {
    id: 'team-inbox',
    lastResult: actionData?.intent === 'team-inbox' ? actionData.result : undefined,
    defaultValue: { inboxEmail: team?.inboxEmail ?? '' },
  })
  const errors = [...fieldErrors(prefs, prefsForm.errors), ...fieldErrors(inbox, inboxForm.errors)]
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/account">Back to your account</BackLink>
        <ErrorSummary errors={errors} />
        <PageHeading caption="Your account">Your notifications</PageHeading>
        <p className="govuk-body">
          Choose how Waypoint tells you about each kind of reminder. Emails about your account, such as a password reset, always come straight away.
        </p>
        <Form method="post" {...getFormProps(prefsForm)} noValidate>
          <input type="hidden" name="intent" value="preferences" />
          {REMINDER_KINDS.map((k) => (
            <Radios key={k} field={prefs[k]} legend={REMINDER_KIND_LABELS[k].label} legendSize="m" hint={REMINDER_KIND_LABELS[k].hint} options={DELIVERY_OPTIONS} />
          ))}
          <StatusButton pendingText="Saving…" intent="preferences">
            Save notification choices
          </StatusButton>
        </Form>

        {team ? (
          <section aria-labelledby="team-inbox-heading" data-testid="team-inbox">
            <h2 className="govuk-heading-m" id="team-inbox-heading">
              Team inbox for {team.name}
            </h2>
            <p className="govuk-body">
              Emails for your organisation go to this shared address, such as a new referral or, for a police force, new intelligence. Without one, they go to
              each of your organisation’s managers, as each has chosen above.
            </p>
            <Form method="post" {...getFormProps(inboxForm)} noValidate>
              <input type="hidden" name="intent" value="team-inbox" />
              <TextField
                field={inbox.inboxEmail}
                label="Team inbox email address (optional)"
                type="email"
                hint="Leave it empty to send your organisation’s emails to its managers."
                autoComplete="off"
                spellCheck={false}
              />
              <StatusButton pendingText="Saving…" intent="team-inbox" variant="secondary">
                Save team inbox
              </StatusButton>
            </Form>
          </section>
        ) : null}
      </div>
    </div>
  )
}
