// Sharing one child's record between organisations, so that every agency works the same record.
// Pure: the kinds of request, their life, what an approval grants, and the handover rule for
// referrals to an advocacy service.
//
//  - police_report: an advocacy service shares a child who reports (or wants to report) to the
//    police with a force. An officer of the force links the child to a new or existing case (the
//    police then reach her through the case) or declines with a reason the service sees.
//  - access: a user adding a child finds a record held by another organisation and asks its holder
//    for access. The holder approves (the requester's organisation then holds the record too) or
//    refuses with a reason.
import { z } from 'zod'
import { formKey } from '~/domain/form-key'
import type { Role } from '~/domain/access/policy'

export const SHARE_KINDS = ['police_report', 'access'] as const
export type ShareKind = (typeof SHARE_KINDS)[number]

export const SHARE_STATUSES = ['pending', 'linked', 'declined', 'approved', 'refused', 'withdrawn'] as const
export type ShareStatus = (typeof SHARE_STATUSES)[number]

export const SHARE_STATUS_LABELS: Record<ShareStatus, string> = {
  pending: 'Waiting for a decision',
  linked: 'Linked to a case',
  declined: 'Declined',
  approved: 'Access given',
  refused: 'Refused',
  withdrawn: 'Withdrawn',
}

export const SHARE_KIND_LABELS: Record<ShareKind, string> = {
  police_report: 'Shared with the police',
  access: 'Request for access',
}

export type ShareAction = 'link' | 'decline' | 'approve' | 'refuse' | 'withdraw'

/** Which actions each kind of request takes from pending, and the status each leads to. */
const OUTCOMES: Record<ShareKind, Partial<Record<ShareAction, ShareStatus>>> = {
  police_report: { link: 'linked', decline: 'declined', withdraw: 'withdrawn' },
  access: { approve: 'approved', refuse: 'refused', withdraw: 'withdrawn' },
}

/** Decisions that need a reason the requester will read. */
const NEEDS_REASON: readonly ShareAction[] = ['decline', 'refuse']

export interface ShareRequest {
  kind: ShareKind
  status: ShareStatus
  fromOrganisationId: string
  toOrganisationId: string
  requestedById: string
}

export type DecisionResult = { ok: true; status: ShareStatus; reason: string | null } | { ok: false; field: 'intent' | 'reason'; message: string }

/** The status after `action`, or why not. Only a pending request is decided; every decision is final. */
export function decide(request: Pick<ShareRequest, 'kind' | 'status'>, action: ShareAction, reason?: string | null): DecisionResult {
  const to = OUTCOMES[request.kind][action]
  if (!to) return { ok: false, field: 'intent', message: 'This request cannot be answered that way' }
  if (request.status !== 'pending') return { ok: false, field: 'intent', message: `This request has already been answered: ${SHARE_STATUS_LABELS[request.status].toLowerCase()}` }
  const text = (reason ?? '').trim()
  if (NEEDS_REASON.includes(action) && !text) {
    return { ok: false, field: 'reason', message: action === 'decline' ? 'Enter why the police are declining' : 'Enter why access is refused' }
  }
  if (text.length > 1000) return { ok: false, field: 'reason', message: 'The reason must be 1,000 characters or fewer' }
  return { ok: true, status: to, reason: text || null }
}

/** What an approved access request gives the requester: their organisation holds the record, and they are named on it. */
export function accessGrant(requester: { role: Role }): { kind: 'service' | 'advocate' | 'oic'; named: boolean }[] {
  switch (requester.role) {
    case 'officer':
      // Police reach a child through a case: the officer is allocated by name to link her to one.
      return [{ kind: 'oic', named: true }]
    case 'advocate':
      return [
        { kind: 'service', named: false },
        { kind: 'advocate', named: true },
      ]
    default:
      return [{ kind: 'service', named: false }]
  }
}

/**
 * Referrals to these services hand the child over: accepting one makes the receiving service a
 * holder of the record (it records contacts and visits and allocates a lead advocate). Other
 * services (counselling, sexual health…) support the child without holding the record: they see it
 * and log sessions while the referral is open, and their notes stay their own.
 */
export const HANDOVER_SERVICE_TYPES: readonly string[] = ['isva', 'cse_specialist']
export const isHandover = (serviceType: string) => HANDOVER_SERVICE_TYPES.includes(serviceType)

const reasonField = (missing: string) =>
  z.string({ error: missing }).trim().min(1, missing).max(2000, 'The reason must be 2,000 characters or fewer')

export const ShareWithPoliceSchema = z.object({
  organisationId: z.string({ error: 'Select the police force' }).trim().min(1, 'Select the police force').max(40),
  reason: reasonField('Enter what the child wants to report, or why the police should know'),
  idempotencyKey: formKey(),
})

export const AccessRequestSchema = z.object({
  victimId: z.string().trim().min(1).max(40),
  toOrganisationId: z.string().trim().min(1).max(40),
  reason: reasonField('Enter why you need access'),
  idempotencyKey: formKey(),
})

export const SHARE_ACTION_LABELS: Record<ShareAction, string> = {
  link: 'Link to the selected case',
  decline: 'Decline',
  approve: 'Give access',
  refuse: 'Refuse access',
  withdraw: 'Withdraw the request',
}

export const ShareAnswerSchema = z.object({
  intent: z.enum(['link', 'decline', 'approve', 'refuse', 'withdraw'], { error: 'Choose what to do with the request' }),
  version: z.coerce.number({ error: 'The form has expired: reload the page and try again' }).int().min(1),
  reason: z.string().trim().max(1000, 'The reason must be 1,000 characters or fewer').optional(),
  caseId: z.string().trim().max(40).optional(),
})

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .transform((v) => new Date(`${v}T00:00:00Z`))

/** The request-access form: which record, to whom, why, and the details that found it. */
export const AccessRequestFormSchema = AccessRequestSchema.extend({
  // Empty when the record was found by a reference alone.
  firstName: z.string().trim().max(100).default(''),
  lastName: z.string().trim().max(100).default(''),
  preferredName: z.string().trim().max(100).optional(),
  dateOfBirth: isoDate.optional(),
  partnerReference: z.string().trim().max(100).optional(),
})
