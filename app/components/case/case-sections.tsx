import { Link } from '@remix-run/react'
import { SummaryList, type SummaryAction } from '~/components/summary-list'
import { ALLOCATION_KIND_LABELS, type AllocationKind } from '~/domain/cases/allocations'
import { offenceCategoryLabel } from '~/domain/cases/offences'
import { stageLabel } from '~/domain/journey/stages'
import { displayName, formatDate, humanise } from '~/utils/format'

// The sections of a case page. Each is self-contained so the page can add others (the journal
// timeline) around them.

type Dateish = Date | string

export interface CaseSummaryData {
  id: string
  crimeReference: string
  stage: string
  status: string
  cpsUrn: string | null
  summary: string | null
  sentToCpsAt: Dateish | null
  police: { name: string }
  cps: { name: string } | null
  witnessCare: { name: string } | null
}

export function CaseSummarySection({ c, canUpdate }: { c: CaseSummaryData; canUpdate: boolean }) {
  const change = (hidden: string): SummaryAction[] | undefined =>
    canUpdate ? [{ href: `/cases/${c.id}/edit`, text: 'Change', visuallyHiddenText: hidden }] : undefined
  return (
    <section aria-labelledby="case-summary-heading" data-testid="case-summary">
      <h2 className="govuk-heading-m" id="case-summary-heading">
        Case details
      </h2>
      <SummaryList
        rows={[
          { key: 'Stage', value: stageLabel(c.stage) },
          { key: 'Status', value: humanise(c.status) },
          { key: 'Police force', value: c.police.name },
          { key: 'CPS URN', value: c.cpsUrn ?? 'Not known yet', actions: change('CPS URN') },
          { key: 'CPS area', value: c.cps?.name ?? 'None', actions: change('CPS area') },
          { key: 'Witness care unit', value: c.witnessCare?.name ?? 'None', actions: change('witness care unit') },
          { key: 'Sent to CPS', value: c.sentToCpsAt ? formatDate(c.sentToCpsAt) : 'No' },
          { key: 'Summary', value: c.summary ?? 'None', actions: change('summary'), testId: 'case-summary-text' },
        ]}
      />
    </section>
  )
}

export interface OffenceData {
  id: string
  description: string
  category: string
  sexual: boolean
  committedFrom: Dateish
  committedTo: Dateish | null
}

export function OffencesSection({ offences }: { offences: readonly OffenceData[] }) {
  return (
    <section aria-labelledby="offences-heading" data-testid="case-offences">
      <h2 className="govuk-heading-m" id="offences-heading">
        Offences
      </h2>
      {offences.length ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Offences on this case</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Offence</th>
              <th scope="col" className="govuk-table__header">Category</th>
              <th scope="col" className="govuk-table__header">When</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {offences.map((o) => (
              <tr key={o.id} className="govuk-table__row">
                <td className="govuk-table__cell">{o.description}</td>
                <td className="govuk-table__cell">
                  {offenceCategoryLabel(o.category)}
                  {o.sexual ? null : ' (not a sexual offence)'}
                </td>
                <td className="govuk-table__cell">
                  {o.committedTo ? `${formatDate(o.committedFrom)} to ${formatDate(o.committedTo)}` : formatDate(o.committedFrom)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="govuk-body">No offences are recorded.</p>
      )}
    </section>
  )
}

export function CaseVictimsSection({
  caseId,
  victims,
  hiddenVictimCount,
  canUpdate,
}: {
  caseId: string
  victims: readonly { id: string; reference: string; firstName: string; lastName: string; preferredName: string | null }[]
  hiddenVictimCount: number
  canUpdate: boolean
}) {
  return (
    <section aria-labelledby="victims-heading" data-testid="case-victims">
      <h2 className="govuk-heading-m" id="victims-heading">
        Victims
      </h2>
      {victims.length ? (
        <ul className="govuk-list">
          {victims.map((v) => (
            <li key={v.id}>
              <Link className="govuk-link" to={`/victims/${v.id}`}>
                {v.reference}
              </Link>{' '}
              – {displayName(v)}
            </li>
          ))}
        </ul>
      ) : null}
      {hiddenVictimCount > 0 ? (
        <p className="govuk-body" data-testid="hidden-victims">
          {hiddenVictimCount} restricted {hiddenVictimCount === 1 ? 'victim is' : 'victims are'} linked to this case and not shown to you.
        </p>
      ) : null}
      {canUpdate ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/cases/${caseId}/victims`}>
            Link or unlink victims
          </Link>
        </p>
      ) : null}
    </section>
  )
}

export function CasePeopleSection({
  caseId,
  allocations,
  canAllocate,
}: {
  caseId: string
  allocations: readonly { id: string; kind: string; startedAt: Dateish; user: { name: string } | null; organisation: { name: string } }[]
  canAllocate: boolean
}) {
  return (
    <section aria-labelledby="people-heading" data-testid="case-people">
      <h2 className="govuk-heading-m" id="people-heading">
        Who is working on this case
      </h2>
      {allocations.length ? (
        <ul className="govuk-list">
          {allocations.map((a) => (
            <li key={a.id}>
              {ALLOCATION_KIND_LABELS[a.kind as AllocationKind] ?? humanise(a.kind)}: {a.user?.name ?? a.organisation.name} ({a.organisation.name}), since{' '}
              {formatDate(a.startedAt)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">No one is allocated.</p>
      )}
      {canAllocate ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/cases/${caseId}/allocations`}>
            Allocate people
          </Link>
        </p>
      ) : null}
    </section>
  )
}
