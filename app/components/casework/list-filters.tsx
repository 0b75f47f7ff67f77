import { Form, Link, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { Button } from '~/components/button'
import { DateInput, Select, TextField } from '~/components/forms'
import { STAGES } from '~/domain/journey/stages'

// Search and filters above the victims and cases lists: a GET form, so the filters live in the
// URL (pagination links keep them, a list can be bookmarked) and it works without JavaScript.

export interface ListFilterValues {
  q?: string
  status?: 'open' | 'closed' | 'all'
  stage?: string
  mine: boolean
  hearing?: number
  dob: { day?: string; month?: string; year?: string }
}

const STAGE_OPTIONS = STAGES.map((s) => ({ value: s.id, label: s.label }))
const HEARING_OPTIONS = [
  { value: '7', label: 'In the next 7 days' },
  { value: '14', label: 'In the next 14 days' },
  { value: '28', label: 'In the next 28 days' },
]
const STATUS_OPTIONS = [
  { value: 'open', label: 'Open' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'Open and closed' },
]

export function ListFilters({
  values,
  searchLabel,
  searchHint,
  withDateOfBirth = false,
  withStatus = false,
  mineLabel,
  filtered,
  dobError,
  label,
}: {
  values: ListFilterValues
  searchLabel: ReactNode
  searchHint?: ReactNode
  withDateOfBirth?: boolean
  withStatus?: boolean
  mineLabel: string
  filtered: boolean
  dobError?: string
  /** Accessible name of the search landmark. */
  label: string
}) {
  const { pathname, search } = useLocation()
  return (
    // Keyed on the query string: after "Clear" or a search, the boxes show what the URL now says
    // (they are uncontrolled, so otherwise they would keep what was typed before).
    <Form key={search} method="get" action={pathname} className="app-filter" role="search" aria-label={label}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <TextField name="q" type="search" label={searchLabel} hint={searchHint} defaultValue={values.q ?? ''} spellCheck={false} />
        </div>
        {withDateOfBirth ? (
          <div className="govuk-grid-column-one-half">
            <DateInput name="dob" legend="Date of birth" legendSize="s" hint="For example, 27 3 2012" values={values.dob} error={dobError} />
          </div>
        ) : null}
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <Select name="stage" label="Case stage" options={STAGE_OPTIONS} placeholder="Any stage" defaultValue={values.stage ?? ''} />
        </div>
        <div className="govuk-grid-column-one-third">
          <Select name="hearing" label="Hearing" options={HEARING_OPTIONS} placeholder="Any time or none" defaultValue={values.hearing ? String(values.hearing) : ''} />
        </div>
        {withStatus ? (
          <div className="govuk-grid-column-one-third">
            <Select name="status" label="Status" options={STATUS_OPTIONS} defaultValue={values.status ?? 'open'} />
          </div>
        ) : null}
      </div>
      <div className="govuk-form-group">
        <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          <div className="govuk-checkboxes__item">
            <input className="govuk-checkboxes__input" id="mine" name="mine" type="checkbox" value="1" defaultChecked={values.mine} />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="mine">
              {mineLabel}
            </label>
          </div>
        </div>
      </div>
      <div className="govuk-button-group">
        <Button>Search</Button>
        {filtered ? (
          <Link className="govuk-link" to={pathname}>
            Clear search and filters
          </Link>
        ) : null}
      </div>
    </Form>
  )
}
