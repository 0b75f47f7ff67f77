// Right 12 complaints on the victim page: a table of the victim's complaints (which right, when
// received, the stage reached), the small "Complaint: <status>" tag shown beside an entitlement, and
// the summary of the entitlement a complaint is about (on the complaint pages).
import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { SummaryList } from '~/components/summary-list'
import { Table } from '~/components/table'
import { Tag, type TagColour } from '~/components/tag'
import { complaintStage, complaintStatusLabel, complaintToShow, type ComplaintStage } from '~/domain/entitlements/complaints'
import { formatDate, formatDateTime } from '~/utils/format'
import { EntitlementStatusTag } from './status-tag'

type DateLike = Date | string

/** The stages of a complaint, as stored or as a loader sends them (dates as ISO strings). */
export interface ComplaintStagesLike {
  receivedAt: DateLike
  acknowledgedAt: DateLike | null
  respondedAt: DateLike | null
  outcome: string | null
}

export interface ComplaintListItem extends ComplaintStagesLike {
  id: string
  victimId: string
  entitlement: {
    right: number
    summary: string
    dueBy: DateLike
    trigger: { title: string; defendant: string | null }
  }
}

const COLOURS: Record<ComplaintStage, TagColour> = {
  received: 'orange',
  acknowledged: 'blue',
  responded: 'purple',
  closed: 'grey',
}

/** "Received", "Acknowledged", "Responded" or "Closed: <outcome>" as a GOV.UK tag. */
export function ComplaintStatusTag({ complaint, prefix }: { complaint: ComplaintStagesLike; prefix?: string }) {
  return (
    <Tag colour={COLOURS[complaintStage(complaint)]} testId="complaint-status">
      {prefix}
      {complaintStatusLabel(complaint)}
    </Tag>
  )
}

/**
 * Beside an entitlement in the checklist: "Complaint: <status>" for the complaint that matters most
 * (an open one before closed ones, then the newest); nothing when there is none.
 */
export function EntitlementComplaintTag({ complaints }: { complaints: readonly ComplaintStagesLike[] }) {
  const shown = complaintToShow(complaints)
  if (!shown) return null
  return <ComplaintStatusTag complaint={shown} prefix="Complaint: " />
}

export const complaintHref = (c: { id: string; victimId: string }) => `/victims/${c.victimId}/complaints/${c.id}`

export function ComplaintList({
  complaints,
  caption = 'Complaints about rights not met (Right 12)',
  empty = 'No complaints have been recorded.',
}: {
  complaints: readonly ComplaintListItem[]
  caption?: ReactNode
  empty?: ReactNode
}) {
  return (
    <Table
      caption={caption}
      testId="complaints"
      rows={complaints}
      rowKey={(c) => c.id}
      empty={empty}
      columns={[
        {
          key: 'right',
          header: 'About',
          cell: (c) => (
            <>
              Right {c.entitlement.right} — {c.entitlement.summary}
              <br />
              <span className="govuk-body-s govuk-!-margin-bottom-0">
                {c.entitlement.trigger.title}
                {c.entitlement.trigger.defendant ? ` (${c.entitlement.trigger.defendant})` : ''}, due {formatDate(c.entitlement.dueBy)}
              </span>
            </>
          ),
        },
        {
          key: 'received',
          header: 'Received',
          cell: (c) => formatDate(c.receivedAt),
        },
        {
          key: 'status',
          header: 'Status',
          cell: (c) => <ComplaintStatusTag complaint={c} />,
        },
        {
          key: 'action',
          header: <span className="govuk-visually-hidden">Action</span>,
          cell: (c) => (
            <Link className="govuk-link" to={complaintHref(c)}>
              View or update
              <span className="govuk-visually-hidden">
                {' '}
                the complaint received {formatDate(c.receivedAt)} about Right {c.entitlement.right}
              </span>
            </Link>
          ),
        },
      ]}
    />
  )
}


export interface ComplaintEntitlementLike {
  right: number
  rightTitle: string
  summary: string
  owner: string
  dueBy: DateLike
  status: string
  metAt: DateLike | null
  trigger: { title: string; occurredAt: DateLike; defendant: string | null }
  caseId: string
  crimeReference: string
}

/** The entitlement a complaint is about: the right, what was owed, why, by whom, by when, and its status. */
export function EntitlementSummary({ entitlement: e }: { entitlement: ComplaintEntitlementLike }) {
  return (
    <SummaryList
      testId="complaint-entitlement"
      rows={[
        { key: 'Right', value: `Right ${e.right}: ${e.rightTitle}` },
        { key: 'What was owed', value: e.summary },
        {
          key: 'Because',
          value: (
            <>
              {e.trigger.title}
              {e.trigger.defendant ? ` (${e.trigger.defendant})` : ''} on {formatDateTime(e.trigger.occurredAt)},{' '}
              <Link className="govuk-link" to={`/cases/${e.caseId}`}>
                {e.crimeReference}
              </Link>
            </>
          ),
        },
        { key: 'Owed by', value: e.owner },
        {
          key: 'Due',
          value: (
            <>
              {formatDate(e.dueBy)} <EntitlementStatusTag status={e.status} />
            </>
          ),
        },
        e.metAt ? { key: 'Met', value: formatDateTime(e.metAt) } : null,
      ]}
    />
  )
}
