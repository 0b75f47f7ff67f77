import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import type { z } from 'zod'
import { Button, StatusButton } from '~/components/button'
import { DateInput, ErrorSummary, fieldErrors, Radios, Select } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { ALLOCATION_KIND_LABELS, type AllocationKind } from '~/domain/cases/allocations'
import { toDateParts } from '~/domain/calendar/date-parts'
import { formatDate, humanise } from '~/utils/format'

// Allocation history (active first; ended ones kept, never deleted) and the form to allocate
// someone, shared by the case and victim allocation pages.

export interface AllocationRow {
  id: string
  kind: string
  startedAt: Date | string
  endedAt: Date | string | null
  user: { name: string } | null
  organisation: { name: string }
}

const kindLabel = (k: string) => ALLOCATION_KIND_LABELS[k as AllocationKind] ?? humanise(k)

export function AllocationTable({ allocations, canEnd }: { allocations: readonly AllocationRow[]; canEnd: (a: AllocationRow) => boolean }) {
  if (!allocations.length) return <p className="govuk-body">No one has been allocated.</p>
  return (
    <table className="govuk-table" data-testid="allocations">
      <caption className="govuk-table__caption govuk-table__caption--m">People allocated</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Role</th>
          <th scope="col" className="govuk-table__header">Person</th>
          <th scope="col" className="govuk-table__header">From</th>
          <th scope="col" className="govuk-table__header">To</th>
          <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {allocations.map((a) => (
          <tr className="govuk-table__row" key={a.id}>
            <td className="govuk-table__cell">{kindLabel(a.kind)}</td>
            <td className="govuk-table__cell">
              {a.user?.name ?? a.organisation.name}
              {a.user ? <span className="govuk-hint govuk-!-margin-bottom-0">{a.organisation.name}</span> : null}
            </td>
            <td className="govuk-table__cell">{formatDate(a.startedAt)}</td>
            <td className="govuk-table__cell">{a.endedAt ? formatDate(a.endedAt) : 'Now'}</td>
            <td className="govuk-table__cell">
              {!a.endedAt && canEnd(a) ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="end" />
                  <input type="hidden" name="allocationId" value={a.id} />
                  <Button variant="warning" className="govuk-!-margin-bottom-0">
                    End<span className="govuk-visually-hidden"> {kindLabel(a.kind)} allocation of {a.user?.name ?? a.organisation.name}</span>
                  </Button>
                </Form>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function AllocateForm({
  schema,
  lastResult,
  kinds,
  people,
}: {
  schema: z.ZodType
  lastResult: SubmissionResult<string[]> | undefined
  kinds: readonly string[]
  people: readonly { id: string; name: string; organisation: string; kinds?: readonly string[] }[]
}) {
  type Shape = { intent: string; kind: string; userId: string; start: { day: string; month: string; year: string } }
  // The victim's and the case's allocation schemas share this shape.
  const [form, fields] = useGovukForm(schema as z.ZodType<Shape, Shape>, {
    lastResult,
    defaultValue: { intent: 'allocate', kind: kinds.length === 1 ? kinds[0] : undefined, start: toDateParts(new Date()) },
  })
  return (
    <>
      <ErrorSummary errors={fieldErrors({ kind: fields.kind, userId: fields.userId, start: fields.start }, form.errors)} />
      <h2 className="govuk-heading-m">Allocate someone</h2>
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="intent" value="allocate" />
        <Radios field={fields.kind} legend="Role" legendSize="s" options={kinds.map((k) => ({ value: k, label: kindLabel(k) }))} small />
        <Select
          field={fields.userId}
          label="Person"
          hint="Only people from the right organisation for each role are listed."
          options={people.map((p) => ({
            value: p.id,
            label: `${p.name} – ${p.organisation}${p.kinds ? ` (${p.kinds.map(kindLabel).join(', ')})` : ''}`,
          }))}
          placeholder="Select a person"
        />
        <DateInput field={fields.start} legend="Start date" legendSize="s" hint="For example, 27 3 2026" />
        <StatusButton pendingText="Allocating…" preventDoubleClick>
          Allocate
        </StatusButton>
      </Form>
    </>
  )
}
