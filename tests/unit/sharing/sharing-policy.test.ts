// The access policy and the sharing rules for one child shared across agencies, state by state:
// referred (waiting), accepted (handover or support only), declined; shared with the police and
// linked; access requested, approved, refused; and consent withdrawn before an answer.
import { describe, expect, test } from 'vitest'
import {
  canSeeSharingSummary,
  canShareWithPolice,
  canUpdateVictim,
  canViewVictim,
  hasReferralOnlyAccess,
  holdsVictim,
  shareActionsFor,
  type Actor,
  type ShareFacts,
  type VictimFacts,
} from '~/domain/access/policy'
import { accessGrant, decide, isHandover } from '~/domain/sharing/requests'
import { sharingBasisFor } from '~/domain/support/referrals'

const POLICE = 'org-police'
const SERVICE = 'org-service'
const COUNSELLING = 'org-counselling'
const officer: Actor = { id: 'u-officer', role: 'officer', organisationId: POLICE, organisationKind: 'police' }
const policeManager: Actor = { id: 'u-pm', role: 'manager', organisationId: POLICE, organisationKind: 'police' }
const advocate: Actor = { id: 'u-adv', role: 'advocate', organisationId: SERVICE, organisationKind: 'voluntary' }
const serviceManager: Actor = { id: 'u-sm', role: 'manager', organisationId: SERVICE, organisationKind: 'voluntary' }
const counsellor: Actor = { id: 'u-c', role: 'advocate', organisationId: COUNSELLING, organisationKind: 'voluntary' }
const cps: Actor = { id: 'u-cps', role: 'cps_liaison', organisationId: 'org-cps', organisationKind: 'cps' }

/** A child the officer added: held by the force through the officer's allocation. */
const policeChild = (over: Partial<VictimFacts> = {}): VictimFacts => ({
  id: 'v1',
  restricted: false,
  allocations: [{ userId: officer.id, organisationId: POLICE }],
  cases: [],
  ...over,
})
const serviceChild = (over: Partial<VictimFacts> = {}): VictimFacts => ({
  id: 'v2',
  restricted: false,
  allocations: [
    { userId: null, organisationId: SERVICE },
    { userId: advocate.id, organisationId: SERVICE },
  ],
  cases: [],
  ...over,
})

describe('a referral from the police to a service', () => {
  const parties = { fromOrganisationId: POLICE, toOrganisationId: SERVICE }
  test('referred, waiting for an answer: the service decides from a summary and does not see the record', () => {
    const v = policeChild({ referrals: [{ toOrganisationId: SERVICE, status: 'sent' }] })
    expect(canViewVictim(advocate, v)).toBe(false)
    expect(canViewVictim(serviceManager, v)).toBe(false)
    expect(canSeeSharingSummary(advocate, parties)).toBe(true)
    expect(canSeeSharingSummary(officer, parties)).toBe(true)
    expect(canSeeSharingSummary(counsellor, parties)).toBe(false)
    expect(canSeeSharingSummary(cps, parties)).toBe(false)
  })
  test('accepted by an advocacy service: the service holds the record and works it', () => {
    expect(isHandover('isva')).toBe(true)
    expect(isHandover('cse_specialist')).toBe(true)
    const v = policeChild({
      allocations: [...policeChild().allocations, { userId: null, organisationId: SERVICE }],
      referrals: [{ toOrganisationId: SERVICE, status: 'accepted' }],
    })
    expect(holdsVictim(advocate, v)).toBe(true)
    expect(hasReferralOnlyAccess(advocate, v)).toBe(false)
    expect(canUpdateVictim(advocate, v)).toBe(true)
    expect(canUpdateVictim(serviceManager, v)).toBe(true)
  })
  test('accepted by a counselling service: it sees the record but does not hold or change it', () => {
    expect(isHandover('counselling')).toBe(false)
    const v = policeChild({ referrals: [{ toOrganisationId: COUNSELLING, status: 'accepted' }] })
    expect(canViewVictim(counsellor, v)).toBe(true)
    expect(hasReferralOnlyAccess(counsellor, v)).toBe(true)
    expect(holdsVictim(counsellor, v)).toBe(false)
    expect(canUpdateVictim(counsellor, v)).toBe(false)
  })
  test('declined, closed or withdrawn: the service sees nothing', () => {
    for (const status of ['declined', 'closed', 'withdrawn']) {
      expect(canViewVictim(advocate, policeChild({ referrals: [{ toOrganisationId: SERVICE, status }] }))).toBe(false)
    }
  })
  test('a restricted record is never seen through a referral', () => {
    expect(canViewVictim(counsellor, policeChild({ restricted: true, referrals: [{ toOrganisationId: COUNSELLING, status: 'active' }] }))).toBe(false)
  })
})

describe('a child shared with the police', () => {
  const share = (status: ShareFacts['status'] = 'pending'): ShareFacts => ({ kind: 'police_report', status, fromOrganisationId: SERVICE, toOrganisationId: POLICE })
  test('only an advocacy service shares, and never a restricted record', () => {
    expect(canShareWithPolice(advocate, serviceChild())).toBe(true)
    expect(canShareWithPolice(serviceManager, serviceChild())).toBe(true)
    expect(canShareWithPolice(advocate, serviceChild({ restricted: true, allocations: [{ userId: advocate.id, organisationId: SERVICE }] }))).toBe(false)
    expect(canShareWithPolice(officer, policeChild())).toBe(false)
    expect(canShareWithPolice(policeManager, policeChild())).toBe(false)
    expect(canShareWithPolice(counsellor, serviceChild())).toBe(false)
  })
  test('shared, waiting: officers link or decline, police managers decline, the service may withdraw; the police do not see the record', () => {
    expect(shareActionsFor(officer, share(), null)).toEqual(['link', 'decline'])
    expect(shareActionsFor(policeManager, share(), null)).toEqual(['decline'])
    expect(shareActionsFor(advocate, share(), serviceChild())).toEqual(['withdraw'])
    expect(shareActionsFor(counsellor, share(), null)).toEqual([])
    expect(shareActionsFor(cps, { ...share(), toOrganisationId: cps.organisationId }, null)).toEqual([])
    expect(canViewVictim(officer, serviceChild())).toBe(false)
  })
  test('linked to a case: the officer reaches her through the case; nothing more to answer', () => {
    const linked = serviceChild({
      cases: [{ id: 'c1', policeOrganisationId: POLICE, cpsOrganisationId: null, witnessCareOrganisationId: null, sentToCps: false, allocations: [{ userId: officer.id, organisationId: POLICE }] }],
    })
    expect(canViewVictim(officer, linked)).toBe(true)
    expect(canUpdateVictim(officer, linked)).toBe(true)
    for (const status of ['linked', 'declined', 'withdrawn'] as const) expect(shareActionsFor(officer, share(status), linked)).toEqual([])
  })
})

describe('a request for access to a record found when adding a child', () => {
  const request = (status: ShareFacts['status'] = 'pending'): ShareFacts => ({ kind: 'access', status, fromOrganisationId: POLICE, toOrganisationId: SERVICE })
  test('requested: the holder’s people who may update the record answer; the requester sees nothing of the child', () => {
    expect(shareActionsFor(advocate, request(), serviceChild())).toEqual(['approve', 'refuse'])
    expect(shareActionsFor(serviceManager, request(), serviceChild())).toEqual(['approve', 'refuse'])
    expect(shareActionsFor(officer, request(), serviceChild())).toEqual(['withdraw'])
    expect(canViewVictim(officer, serviceChild())).toBe(false)
    // A restricted record: only the people allocated to it may answer.
    const restricted = serviceChild({ restricted: true, allocations: [{ userId: 'someone-else', organisationId: SERVICE }] })
    expect(shareActionsFor(serviceManager, request(), restricted)).toEqual([])
  })
  test('approved: the requester is named on the record (an officer) or their organisation holds it (a service)', () => {
    expect(accessGrant(officer)).toEqual([{ kind: 'oic', named: true }])
    expect(accessGrant(advocate)).toEqual([
      { kind: 'service', named: false },
      { kind: 'advocate', named: true },
    ])
    expect(accessGrant(serviceManager)).toEqual([{ kind: 'service', named: false }])
    const approved = serviceChild({ allocations: [...serviceChild().allocations, { userId: officer.id, organisationId: POLICE }] })
    expect(canViewVictim(officer, approved)).toBe(true)
  })
  test('refused or withdrawn: nothing is given and nothing more is answered', () => {
    for (const status of ['refused', 'withdrawn', 'approved'] as const) expect(shareActionsFor(advocate, request(status), serviceChild())).toEqual([])
  })
})

describe('answering: every decision is final, refusals need a reason', () => {
  test('each kind answers its own way', () => {
    expect(decide({ kind: 'police_report', status: 'pending' }, 'link')).toEqual({ ok: true, status: 'linked', reason: null })
    expect(decide({ kind: 'police_report', status: 'pending' }, 'approve')).toMatchObject({ ok: false, field: 'intent' })
    expect(decide({ kind: 'access', status: 'pending' }, 'approve')).toEqual({ ok: true, status: 'approved', reason: null })
    expect(decide({ kind: 'access', status: 'pending' }, 'link')).toMatchObject({ ok: false, field: 'intent' })
  })
  test('declining and refusing need a reason; withdrawing does not', () => {
    expect(decide({ kind: 'police_report', status: 'pending' }, 'decline', '  ')).toMatchObject({ ok: false, field: 'reason' })
    expect(decide({ kind: 'access', status: 'pending' }, 'refuse')).toMatchObject({ ok: false, field: 'reason' })
    expect(decide({ kind: 'access', status: 'pending' }, 'refuse', ' Invented: not known to us ')).toEqual({ ok: true, status: 'refused', reason: 'Invented: not known to us' })
    expect(decide({ kind: 'access', status: 'pending' }, 'withdraw')).toEqual({ ok: true, status: 'withdrawn', reason: null })
  })
  test('an answered request cannot be answered again', () => {
    for (const status of ['linked', 'declined', 'approved', 'refused', 'withdrawn'] as const) {
      expect(decide({ kind: 'access', status }, 'withdraw')).toMatchObject({ ok: false, field: 'intent' })
    }
  })
  test('consent withdrawn before the answer: no basis to share, so nothing is accepted or approved', () => {
    const at = new Date('2026-11-01T10:00:00Z')
    const consent = { id: 'c1', scope: 'Support', sharedWith: 'Lanternway Advocacy', givenBy: 'Young person', lawfulBasis: null, recordedAt: at, withdrawnAt: null }
    const org = { id: SERVICE, name: 'Lanternway Advocacy' }
    expect(sharingBasisFor([consent], org, new Date('2026-11-02T10:00:00Z')).ok).toBe(true)
    const withdrawn = sharingBasisFor([{ ...consent, withdrawnAt: new Date('2026-11-03T10:00:00Z') }], org, new Date('2026-11-04T10:00:00Z'))
    expect(withdrawn).toMatchObject({ ok: false, reason: expect.stringContaining('was withdrawn') })
  })
})
