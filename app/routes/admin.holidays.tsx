import { getFormProps } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { Button, ButtonGroup, StatusButton, SubmitOrCancel } from '~/components/button'
import { BackLink, PageHeading, WarningText } from '~/components/content'
import { DateInput, ErrorSummary, fieldErrors, Select, TextField } from '~/components/forms'
import { Table, type Column } from '~/components/table'
import { useGovukForm } from '~/components/use-govuk-form'
import { parseDateParts } from '~/domain/calendar/date-parts'
import { isoDateOf } from '~/domain/calendar/working-days'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import {
  addHoliday,
  getHoliday,
  holidayYear,
  listHolidays,
  longDate,
  parseIsoDate,
  removeHoliday,
  renameHoliday,
  type Recomputed,
} from '~/services/holidays-admin.server'
import { redirectWithFlash } from '~/services/session.server'
import { readFormData } from '~/utils/form-data.server'
import { parseIntent, reply } from '~/utils/submission.server'
import { formatDateTime } from '~/utils/format'

// The bank-holiday calendar. One page, three states, all without JavaScript:
// /admin/holidays?year=2026 lists a year and has the "add" form; ?change=<date> renames one;
// ?remove=<date> asks before removing one. Due dates are recomputed after every change.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.mode === 'change' ? 'Change a bank holiday' : data?.mode === 'remove' ? 'Remove a bank holiday' : 'Bank holidays'} – Waypoint` },
]

const datePart = z.string().trim().optional()
const NameSchema = z
  .string({ error: 'Enter the name of the bank holiday' })
  .trim()
  .min(2, 'Enter the name of the bank holiday')
  .max(100, 'Name must be 100 characters or fewer')

const AddSchema = z.object({
  date: z
    .object({ day: datePart, month: datePart, year: datePart })
    .optional()
    .transform((parts, ctx) => {
      const date = parseDateParts(parts, 'the date of the bank holiday')
      if (date.ok) return isoDateOf(date.date)
      ctx.addIssue({ code: 'custom', message: date.message })
      return z.NEVER
    }),
  name: NameSchema,
})

const RenameSchema = z.object({ date: z.string(), name: NameSchema })
const RemoveSchema = z.object({ date: z.string() })

const recomputed = (r: Recomputed) =>
  r.cases === 0 ? '' : ` Due dates on ${r.cases} ${r.cases === 1 ? 'case have' : 'cases have'} been recalculated.`

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const params = new URL(request.url).searchParams
  for (const mode of ['change', 'remove'] as const) {
    if (!params.has(mode)) continue
    const date = parseIsoDate(params.get(mode))
    const holiday = date ? await getHoliday(admin, date) : null
    if (!holiday) throw notFound('That bank holiday is not in the calendar.')
    return { mode, holiday, calendar: null }
  }
  return { mode: 'list' as const, holiday: null, calendar: await listHolidays(admin, holidayYear(params.get('year'))) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const formData = await readFormData(request)
  const { intent, submission } = parseIntent(formData, { add: AddSchema, rename: RenameSchema, remove: RemoveSchema })
  const ip = clientIp(context)
  const back = (iso: string, message: string) => redirectWithFlash(request, `/admin/holidays?year=${iso.slice(0, 4)}`, message)

  if (intent === 'add') {
    if (submission.status !== 'success') return data({ intent, result: reply(submission) }, { status: 400 })
    const { date, name } = submission.value
    const result = await addHoliday(admin, { date, name }, ip)
    if (!result.ok) return data({ intent, result: reply(submission, { field: result.field ?? 'date', message: result.message }) }, { status: 400 })
    return back(date, `${longDate(date)} has been added as a bank holiday.${recomputed(result)}`)
  }
  // A date not in the calendar is a page that does not exist, whatever else was sent.
  const date = parseIsoDate(String(formData.get('date') ?? ''))
  if (!date) throw notFound('That bank holiday is not in the calendar.')
  if (intent === 'rename') {
    if (submission.status !== 'success') return data({ intent, result: reply(submission) }, { status: 400 })
    const result = await renameHoliday(admin, date, submission.value.name, ip)
    if (!result.ok) throw notFound(result.message)
    return back(date, 'unchanged' in result ? `Nothing was changed for ${longDate(date)}.` : `The bank holiday on ${longDate(date)} has been renamed.`)
  }
  const result = await removeHoliday(admin, date, ip)
  if (!result.ok) throw notFound(result.message)
  return back(date, `${longDate(date)} is no longer a bank holiday.${recomputed(result)}`)
}

type Calendar = NonNullable<Awaited<ReturnType<typeof loader>>['calendar']>
type Row = Calendar['holidays'][number]

const COLUMNS: readonly Column<Row>[] = [
  { key: 'date', header: 'Date', cell: (h) => h.longDate },
  { key: 'name', header: 'Name', cell: (h) => h.name },
  {
    key: 'source',
    header: 'Source',
    cell: (h) => (
      <>
        {h.sourceLabel}
        {h.updatedBy && h.updatedAt ? (
          <span className="govuk-hint govuk-!-font-size-16 govuk-!-display-block govuk-!-margin-bottom-0">
            Last changed by {h.updatedBy} on {formatDateTime(h.updatedAt)}
          </span>
        ) : null}
      </>
    ),
  },
  {
    key: 'actions',
    header: <span className="govuk-visually-hidden">Actions</span>,
    cell: (h) => (
      <ul className="govuk-list govuk-!-margin-bottom-0">
        <li>
          <Link className="govuk-link" to={`/admin/holidays?change=${h.date}`}>
            Change name<span className="govuk-visually-hidden"> of {h.name}, {h.longDate}</span>
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to={`/admin/holidays?remove=${h.date}`}>
            Remove<span className="govuk-visually-hidden"> {h.name}, {h.longDate}</span>
          </Link>
        </li>
      </ul>
    ),
  },
]

export default function BankHolidays() {
  const loaderData = useLoaderData<typeof loader>()
  if (loaderData.mode === 'change') return <RenameHoliday holiday={loaderData.holiday} />
  if (loaderData.mode === 'remove') return <RemoveHoliday holiday={loaderData.holiday} />
  return <HolidayList calendar={loaderData.calendar!} />
}

function HolidayList({ calendar }: { calendar: Calendar }) {
  const actionData = useActionData<typeof action>()
  const [form, fields] = useGovukForm(AddSchema, {
    id: 'add-holiday',
    lastResult: actionData?.intent === 'add' ? actionData.result : undefined,
  })
  const { year, years, holidays } = calendar
  return (
    <>
      <ErrorSummary errors={fieldErrors(fields, form.errors)} />
      <PageHeading caption="England and Wales">Bank holidays</PageHeading>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            Victims’ Code deadlines count working days: Monday to Friday, except these bank holidays. When an extra bank holiday is announced, add it
            here straight away. Every change recalculates the due dates of all entitlements.
          </p>
          <Form method="get" className="app-filter" role="search" aria-label="Choose a year">
            <Select name="year" id="year" label="Year" defaultValue={String(year)} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
            <Button variant="secondary">Show year</Button>
          </Form>
        </div>
      </div>
      <Table
        testId="holidays-table"
        caption={`${year}: ${holidays.length} ${holidays.length === 1 ? 'bank holiday' : 'bank holidays'}`}
        columns={COLUMNS}
        rows={holidays}
        rowKey={(h) => h.date}
        empty={`There are no bank holidays in ${year} yet.`}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">Add a bank holiday</h2>
          <Form method="post" {...getFormProps(form)} noValidate>
            <input type="hidden" name="intent" value="add" />
            <DateInput field={fields.date} legend="Date" legendSize="s" hint="For example, 8 5 2028. It must be a weekday: a bank holiday that falls at a weekend moves to a substitute weekday." />
            <TextField field={fields.name} label="Name" labelSize="s" hint="For example, Extra bank holiday for a jubilee" autoComplete="off" />
            <StatusButton pendingText="Adding…" preventDoubleClick>
              Add bank holiday
            </StatusButton>
          </Form>
        </div>
      </div>
    </>
  )
}

type Holiday = NonNullable<Awaited<ReturnType<typeof loader>>['holiday']>

function RenameHoliday({ holiday }: { holiday: Holiday }) {
  const actionData = useActionData<typeof action>()
  const [form, fields] = useGovukForm(RenameSchema, {
    id: 'rename-holiday',
    lastResult: actionData?.intent === 'rename' ? actionData.result : undefined,
    defaultValue: { name: holiday.name },
  })
  const back = `/admin/holidays?year=${holiday.date.slice(0, 4)}`
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={back}>Back to bank holidays</BackLink>
        <ErrorSummary errors={fieldErrors({ name: fields.name }, form.errors)} />
        <PageHeading caption={holiday.longDate}>Change the name of a bank holiday</PageHeading>
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="intent" value="rename" />
          <input type="hidden" name="date" value={holiday.date} />
          <TextField field={fields.name} label="Name" autoComplete="off" />
          <SubmitOrCancel cancelTo={back}>Save name</SubmitOrCancel>
        </Form>
      </div>
    </div>
  )
}

function RemoveHoliday({ holiday }: { holiday: Holiday }) {
  const back = `/admin/holidays?year=${holiday.date.slice(0, 4)}`
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={back}>Back to bank holidays</BackLink>
        <PageHeading caption={holiday.name}>Remove the bank holiday on {holiday.longDate}?</PageHeading>
        <p className="govuk-body">
          The day becomes a working day. Due dates that count across it, on every case, move one working day earlier, and some entitlements may become
          overdue.
        </p>
        {holiday.source !== 'admin' ? (
          <WarningText>This bank holiday is {holiday.source === 'confirmed' ? 'published' : 'worked out from the usual rules'}. Remove it only if it was cancelled or recorded in error.</WarningText>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="date" value={holiday.date} />
          <ButtonGroup>
            <StatusButton variant="warning" pendingText="Removing…" preventDoubleClick>
              Remove bank holiday
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
