import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ButtonGroup, StatusButton } from '~/components/button'
import { BackLink } from '~/components/content'
import { EditConflictNotice } from '~/components/edit-conflict'
import { DateInput, ErrorSummary, fieldErrors, Radios, Textarea, TextField } from '~/components/forms'
import { RhiTag } from '~/components/missing/rhi-tag'
import { SummaryList } from '~/components/summary-list'
import { useGovukForm } from '~/components/use-govuk-form'
import { FOUND_BY, londonWallTime, RHI_STATUSES, type RhiOutcome } from '~/domain/missing/episodes'
import { interviewFormSchema, returnFormSchema } from '~/domain/missing/form'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { getEpisodeForUpdate, getMissingEpisode, recordReturn, recordReturnInterview, type EpisodeNow } from '~/services/missing.server'
import { redirectWithFlash } from '~/services/session.server'
import { readFormData } from '~/utils/form-data.server'
import { formatDateTime } from '~/utils/format'
import { parseIntent, reply } from '~/utils/submission.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Missing episode – ${data?.victim.reference ?? 'Victim'} – Waypoint` }]

const ROLES = ['advocate', 'officer', 'manager'] as const
const options = (list: readonly { id: string; label: string }[]) => list.map((o) => ({ value: o.id, label: o.label }))
const labelOf = (list: readonly { id: string; label: string }[], id: string | null) => list.find((x) => x.id === id)?.label ?? id ?? ''

function ids(params: LoaderFunctionArgs['params']) {
  if (!params.victimId || !params.episodeId) throw notFound()
  return { victimId: params.victimId, episodeId: params.episodeId }
}

/** An instant as the date boxes and time box show it, on a London clock. */
function partsOf(instant: Date | string | null) {
  if (!instant) return { date: undefined, time: undefined }
  const { date, time } = londonWallTime(new Date(instant))
  const [year, month, day] = date.split('-')
  return { date: { day: String(Number(day)), month: String(Number(month)), year }, time }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, ROLES)
  const { victimId, episodeId } = ids(params)
  return getMissingEpisode(user, victimId, episodeId, clientIp(context))
}

type Intent = 'return' | 'interview'

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ROLES)
  const { victimId, episodeId } = ids(params)
  // Who is asking is checked before the form is read; the stored episode is what the form is checked against.
  const episode = await getEpisodeForUpdate(user, victimId, episodeId)
  const now = new Date()
  const ip = clientIp(context)
  const { intent, submission } = parseIntent(await readFormData(request), {
    return: returnFormSchema(episode, now),
    // Without a return there is nothing to interview about; the service says so next to the status.
    interview: interviewFormSchema(episode.returnedAt ?? episode.missingFrom, now),
  })
  const answer = (result: SubmissionResult<string[]>, conflict: { current: EpisodeNow; currentVersion: number } | null, status: number) =>
    data({ intent, result, conflict }, { status })
  if (submission.status !== 'success') return answer(reply(submission), null, 400)
  let result
  if (intent === 'return') {
    const { version, ...input } = submission.value
    result = await recordReturn(user, victimId, episodeId, input, version, ip, now)
  } else {
    const { version, ...input } = submission.value
    result = await recordReturnInterview(user, victimId, episodeId, input, version, ip, now)
  }
  if (!result.ok && 'conflict' in result) return answer(reply(submission), result.conflict, 409)
  if (!result.ok) return answer(reply(submission, result.issues), null, 400)
  const message = intent === 'return' ? 'Return recorded: the return home interview is due within 72 hours.' : 'Return home interview recorded.'
  return redirectWithFlash(request, `/victims/${victimId}/missing/${episodeId}`, message)
}

const DUE_WORDS: Partial<Record<RhiOutcome, string>> = { due: 'Due by', overdue: 'Was due by' }

export default function MissingEpisodePage() {
  const { episode } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  // A new version after a save starts the forms afresh; after a refused save they keep what was typed.
  return <EpisodePage key={actionData ? `${actionData.intent}-submitted` : episode.version} />
}

function EpisodePage() {
  const { victim, episode, canRecord } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const back = `/victims/${victim.id}#missing-episodes`
  const interviewed = episode.rhiStatus !== 'not_offered'
  const lastResult = (intent: Intent) => (actionData?.intent === intent ? actionData.result : undefined)
  const versionFor = (intent: Intent) => (actionData?.intent === intent && actionData.conflict ? actionData.conflict.currentVersion : episode.version)
  const missingFrom = new Date(episode.missingFrom)
  const returnedAt = episode.returnedAt ? new Date(episode.returnedAt) : null
  const soFar = { missingFrom, reportedToPolice: episode.reportedToPolice, policeReference: episode.policeReference }
  const [returnForm, returnFields] = useGovukForm(returnFormSchema(soFar, new Date()), { id: `return-${episode.id}`, lastResult: lastResult('return') })
  const at = partsOf(episode.rhiAt)
  const [interviewForm, interviewFields] = useGovukForm(interviewFormSchema(returnedAt ?? missingFrom, new Date()), {
    id: `interview-${episode.id}`,
    lastResult: lastResult('interview'),
    // "Not offered yet" is not preselected: the question is what has happened since.
    defaultValue: {
      status: episode.rhiStatus === 'not_offered' ? undefined : episode.rhiStatus,
      at: at.date,
      atTime: at.time,
      by: episode.rhiBy ?? undefined,
      findings: episode.rhiFindings ?? undefined,
    },
  })
  const showReturn = canRecord && (!episode.returnedAt || (actionData?.intent === 'return' && actionData.conflict))
  const showInterview = canRecord && Boolean(episode.returnedAt)
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={back}>Back to the victim</BackLink>
        {actionData?.conflict ? (
          <ConflictNotice current={actionData.conflict.current} />
        ) : (
          <ErrorSummary errors={[...fieldErrors(returnFields, returnForm.errors), ...fieldErrors(interviewFields, interviewForm.errors)]} />
        )}
        <span className="govuk-caption-l">{victim.reference}</span>
        <h1 className="govuk-heading-l">Missing episode</h1>
        <SummaryList
          testId="missing-episode"
          rows={[
            { key: 'Went missing', value: formatDateTime(episode.missingFrom) },
            { key: 'Returned', value: episode.returnedAt ? formatDateTime(episode.returnedAt) : 'Still missing' },
            {
              key: 'Reported to the police',
              value: episode.reportedToPolice ? `Yes${episode.policeReference ? `, reference ${episode.policeReference}` : ''}` : 'No',
            },
            episode.foundBy
              ? { key: 'How they returned', value: `${labelOf(FOUND_BY, episode.foundBy)}${episode.foundByDetail ? `: ${episode.foundByDetail}` : ''}` }
              : null,
            { key: 'Recorded by', value: `${episode.recordedBy.name} (${episode.organisation.name})` },
          ]}
        />
        <h2 className="govuk-heading-m">Return home interview</h2>
        <p className="govuk-body" data-testid="rhi-status">
          <RhiTag outcome={episode.outcome} />
          {episode.dueText && DUE_WORDS[episode.outcome] ? (
            <span className="govuk-!-margin-left-2">{`${DUE_WORDS[episode.outcome]} ${episode.dueText}`}</span>
          ) : null}
        </p>
        {episode.returnedAt ? (
          <p className="govuk-body">
            The young person must be offered an independent return home interview within 72 hours of returning
            {episode.dueText ? `: by ${episode.dueText}` : ''}.
          </p>
        ) : (
          <p className="govuk-body">When they return, record it here: the return home interview is then due within 72 hours.</p>
        )}
        {interviewed ? (
          <SummaryList
            testId="rhi-details"
            rows={[
              { key: 'Interview', value: labelOf(RHI_STATUSES, episode.rhiStatus) },
              episode.rhiAt ? { key: 'When', value: formatDateTime(episode.rhiAt) } : null,
              episode.rhiBy ? { key: 'By', value: episode.rhiBy } : null,
              episode.rhiFindings ? { key: 'Findings', value: <span className="app-preserve-lines">{episode.rhiFindings}</span> } : null,
            ]}
          />
        ) : null}
        {episode.rhiStatus === 'completed' && episode.rhiFindings && canRecord ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={`/victims/${victim.id}/intelligence/new?episode=${episode.id}`}>
              Add intelligence for the police from this interview
            </Link>
          </p>
        ) : null}
        {showReturn ? (
          <Form method="post" {...getFormProps(returnForm)} noValidate>
            <h2 className="govuk-heading-m">Record their return</h2>
            <input type="hidden" name="intent" value="return" />
            <input type="hidden" name="version" value={String(versionFor('return'))} key={String(versionFor('return'))} />
            <DateInput field={returnFields.returnedAt} legend="Date they returned" legendSize="s" hint="For example, 28 11 2026" />
            <TextField
              field={returnFields.returnedAtTime}
              label="Time they returned"
              hint="For example, 2:30pm or 14:30"
              width={5}
              autoComplete="off"
              spellCheck={false}
            />
            <Radios field={returnFields.foundBy} legend="How did they return, or who found them?" legendSize="s" options={options(FOUND_BY)} />
            <TextField field={returnFields.foundByDetail} label="Who found them (if someone else)" />
            <ButtonGroup>
              <StatusButton pendingText="Saving…" preventDoubleClick>
                Save return
              </StatusButton>
            </ButtonGroup>
          </Form>
        ) : null}
        {showInterview ? (
          <Form method="post" {...getFormProps(interviewForm)} noValidate>
            <h2 className="govuk-heading-m">Record the return home interview</h2>
            <input type="hidden" name="intent" value="interview" />
            <input type="hidden" name="version" value={String(versionFor('interview'))} key={String(versionFor('interview'))} />
            <Radios field={interviewFields.status} legend="What has happened?" legendSize="s" options={options(RHI_STATUSES)} />
            <DateInput field={interviewFields.at} legend="Date it was offered, carried out or declined" legendSize="s" hint="For example, 28 11 2026" />
            <TextField field={interviewFields.atTime} label="Time" hint="For example, 2:30pm or 14:30" width={5} autoComplete="off" spellCheck={false} />
            <TextField
              field={interviewFields.by}
              label="Who offered or carried out the interview"
              hint="Their name and agency. It should be someone not involved in the young person’s care, unless they prefer a trusted worker."
            />
            <Textarea
              field={interviewFields.findings}
              label="Findings (for a completed interview)"
              hint="Where they were, who with, and any risks. Findings can be shared with the police as intelligence."
              rows={5}
            />
            <ButtonGroup>
              <StatusButton pendingText="Saving…" preventDoubleClick>
                Save interview
              </StatusButton>
            </ButtonGroup>
          </Form>
        ) : null}
      </div>
    </div>
  )
}

/** A save lost an optimistic-concurrency race: what is saved now; the user's answers stay in the form. */
function ConflictNotice({ current }: { current: EpisodeNow | { [K in keyof EpisodeNow]: unknown } }) {
  const c = current as { returnedAt: string | null; rhiStatus: string; rhiAt: string | null; rhiBy: string | null }
  const interview = `${labelOf(RHI_STATUSES, c.rhiStatus)}${c.rhiAt ? `, ${formatDateTime(c.rhiAt)}` : ''}${c.rhiBy ? `, by ${c.rhiBy}` : ''}`
  return (
    <EditConflictNotice
      record="missing episode"
      rows={[
        { key: 'Returned', value: c.returnedAt ? formatDateTime(c.returnedAt) : 'Still missing' },
        { key: 'Return home interview', value: interview },
      ]}
    />
  )
}
