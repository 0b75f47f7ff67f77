// Intelligence for the police: the status tag, an item's summary, the victim page's section (only
// the items the viewer may see — the author's own and those sent to their police organisation; no
// section at all otherwise) and the officer's home page counts.
import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { SummaryList } from '~/components/summary-list'
import { Tag } from '~/components/tag'
import { gradeOf, HANDLING_CODES, INTELLIGENCE_ASSESSMENTS, labelOf, SOURCE_EVALUATIONS, SUBJECTS } from '~/domain/intelligence/item'
import { formatDate, formatDateTime } from '~/utils/format'

type Dated = Date | string

export interface ItemView {
  id: string
  victimId: string
  visitId: string | null
  missingEpisodeId: string | null
  subject: string
  detail: string
  sourceEvaluation: string
  intelligenceAssessment: string
  handlingCode: string
  handlingConditions: string | null
  status: string
  policeReference: string | null
  question: string | null
  answer: string | null
  reviewedAt: Dated | null
  createdAt: Dated
  victim: { id: string; reference: string }
  visit: { at: Dated } | null
  missingEpisode: { missingFrom: Dated } | null
  author: { name: string; organisation: { name: string } }
  policeOrganisation: { name: string }
  reviewedBy: { name: string } | null
}

export function ItemStatusTag({ status }: { status: string }) {
  if (status === 'submitted') return <Tag colour="green">Submitted</Tag>
  if (status === 'returned') return <Tag colour="orange">Returned with a question</Tag>
  return <Tag colour="blue">New</Tag>
}

const multiline = (text: string) => <span className="app-preserve-lines">{text}</span>

export function sourceText(item: Pick<ItemView, 'visit' | 'missingEpisode'>) {
  if (item.visit) return `Visit on ${formatDateTime(item.visit.at)}`
  if (item.missingEpisode) return `Missing episode from ${formatDate(item.missingEpisode.missingFrom)}`
  return ''
}

export function ItemSummary({ item, victimLink }: { item: ItemView; victimLink?: ReactNode }) {
  return (
    <SummaryList
      testId="intelligence-item"
      rows={[
        { key: 'Status', value: <ItemStatusTag status={item.status} /> },
        item.policeReference ? { key: 'Police reference', value: item.policeReference } : null,
        { key: 'Victim', value: victimLink ?? item.victim.reference },
        { key: 'From', value: sourceText(item) },
        { key: 'About', value: labelOf(SUBJECTS, item.subject) },
        { key: 'Intelligence', value: multiline(item.detail) },
        {
          key: 'Grading',
          value: (
            <>
              {gradeOf(item)}
              <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0">
                <li>{labelOf(SOURCE_EVALUATIONS, item.sourceEvaluation)}</li>
                <li>{labelOf(INTELLIGENCE_ASSESSMENTS, item.intelligenceAssessment)}</li>
                <li>{labelOf(HANDLING_CODES, item.handlingCode)}</li>
              </ul>
            </>
          ),
        },
        item.handlingConditions ? { key: 'Conditions for sharing', value: multiline(item.handlingConditions) } : null,
        { key: 'Sent to', value: item.policeOrganisation.name },
        { key: 'Recorded by', value: `${item.author.name} (${item.author.organisation.name}), ${formatDateTime(item.createdAt)}` },
        item.question ? { key: 'Question from the police', value: multiline(item.question) } : null,
        item.answer ? { key: 'Answer', value: multiline(item.answer) } : null,
        item.reviewedBy && item.reviewedAt ? { key: 'Last reviewed', value: `${item.reviewedBy.name}, ${formatDateTime(item.reviewedAt)}` } : null,
      ]}
    />
  )
}

/** The victim page's section; the caller renders it only when there is at least one item to show. */
export function IntelligenceSection({ items }: { items: readonly (ItemView & { mine: boolean })[] }) {
  if (items.length === 0) return null
  return (
    <section aria-labelledby="intelligence" data-testid="intelligence">
      <h2 className="govuk-heading-m" id="intelligence">
        Intelligence for the police
      </h2>
      <p className="govuk-body-s">Only the police organisation each item was sent to and its author can see it.</p>
      <ul className="govuk-list app-contact-log">
        {items.map((item) => (
          <li key={item.id} className="app-contact-log__item" data-testid="intelligence-row">
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
              <Link className="govuk-link" to={`/intelligence/${item.id}`}>
                {labelOf(SUBJECTS, item.subject)}
                <span className="govuk-visually-hidden">, recorded {formatDateTime(item.createdAt)}</span>
              </Link>{' '}
              <ItemStatusTag status={item.status} />
            </h3>
            <p className="govuk-body-s govuk-!-margin-bottom-1">
              {sourceText(item)}. Sent to {item.policeOrganisation.name} by {item.author.name}. Graded {gradeOf(item)}.
            </p>
            {item.status === 'submitted' && item.policeReference ? (
              <p className="govuk-body-s govuk-!-margin-bottom-1">Police reference: {item.policeReference}</p>
            ) : null}
            {item.status === 'returned' && item.question ? (
              <p className="govuk-body-s govuk-!-margin-bottom-1">Question from the police: {item.question}</p>
            ) : null}
            {item.mine && item.visitId ? (
              <p className="govuk-body-s govuk-!-margin-bottom-0">
                <Link className="govuk-link" to={`/victims/${item.victimId}/intelligence/new?visit=${item.visitId}`}>
                  Add more intelligence from this visit
                  {item.visit ? <span className="govuk-visually-hidden"> ({formatDateTime(item.visit.at)})</span> : null}
                </Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The officer's home page: what waits in the intelligence queue. */
export function IntelligenceWaiting({ counts }: { counts: { newItems: number; disclosures: number } | null }) {
  if (!counts) return null
  return (
    <div className="govuk-inset-text" data-testid="intelligence-waiting">
      <p className="govuk-body govuk-!-margin-bottom-1">
        {counts.newItems === 1 ? '1 new intelligence item' : `${counts.newItems} new intelligence items`} and{' '}
        {counts.disclosures === 1 ? '1 new disclosure' : `${counts.disclosures} new disclosures`} to record on the case.
      </p>
      <p className="govuk-body govuk-!-margin-bottom-0">
        <Link className="govuk-link" to="/intelligence">
          Go to the intelligence queue
        </Link>
      </p>
    </div>
  )
}
