import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  availableActions,
  canAct,
  checkServiceOffered,
  checkSession,
  illegalTransitionMessage,
  namesOrganisation,
  REFERRAL_STATUSES,
  ReferralInputSchema,
  SERVICE_TYPES,
  sharingBasisFor,
  transition,
  TRANSITIONS,
  type ConsentRecord,
  type Referral,
  type ReferralAction,
  type ReferralStatus,
} from '~/domain/support/referrals'

const NOW = new Date('2026-11-29T10:00:00Z')
const at = (iso: string) => new Date(iso)
const REFERRER = 'org-northmoor-advocacy'
const SERVICE = 'org-safe-harbour'

const referral = (status: ReferralStatus, extra: Partial<Referral> = {}): Referral => ({
  status,
  fromOrganisationId: REFERRER,
  toOrganisationId: SERVICE,
  sentAt: at('2026-11-01T09:00:00Z'),
  ...extra,
})

type Change = Exclude<ReferralAction, 'send'>
const ACTIONS: Change[] = ['accept', 'decline', 'activate', 'close', 'withdraw']
const STATUSES = REFERRAL_STATUSES.map((s) => s.id)
const goodInput = { at: at('2026-11-10T09:00:00Z'), reason: 'No capacity until March', outcome: 'support_completed' }

describe('service types and the referral form', () => {
  test('the eight kinds of support service', () => {
    expect(SERVICE_TYPES.map((s) => s.id)).toEqual([
      'isva',
      'cse_specialist',
      'counselling',
      'sexual_health',
      'substance_misuse',
      'family_support',
      'court_support',
      'education_employment',
    ])
  })

  test('the form needs an organisation, a service and a reason', () => {
    const r = ReferralInputSchema.safeParse({ organisationId: '', serviceType: 'juggling', reason: ' ' })
    expect(Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))).toEqual({
      organisationId: 'Select the organisation to refer to',
      serviceType: 'Select the service to refer to',
      reason: 'Enter why you are making the referral',
    })
  })

  test('a service the organisation does not offer is refused', () => {
    const org = { name: 'Safe Harbour', services: ['counselling', 'isva'] }
    expect(checkServiceOffered({ serviceType: 'counselling' }, org)).toEqual([])
    expect(checkServiceOffered({ serviceType: 'sexual_health' }, org)).toEqual([
      { path: 'serviceType', message: 'Safe Harbour does not offer sexual health: choose a service it offers' },
    ])
  })
})

describe('the referral state machine', () => {
  test.each<[ReferralStatus, Change, ReferralStatus, Partial<Referral>]>([
    ['sent', 'accept', 'accepted', { acceptedAt: goodInput.at }],
    ['sent', 'decline', 'declined', { declinedAt: goodInput.at, declineReason: 'No capacity until March' }],
    ['sent', 'withdraw', 'withdrawn', { withdrawnAt: goodInput.at, withdrawReason: 'No capacity until March' }],
    ['accepted', 'activate', 'active', { activeAt: goodInput.at }],
    ['accepted', 'withdraw', 'withdrawn', { withdrawnAt: goodInput.at }],
    ['active', 'close', 'closed', { closedAt: goodInput.at, outcome: 'support_completed', outcomeDetail: null }],
  ])('%s → %s → %s', (from, action, to, fields) => {
    const r = transition(referral(from), action, goodInput)
    expect(r).toEqual({ ok: true, referral: expect.objectContaining({ status: to, ...fields }) })
  })

  const legal = new Set(ACTIONS.flatMap((a) => TRANSITIONS[a].from.map((s) => `${s}:${a}`)))
  const illegal = STATUSES.flatMap((s) => ACTIONS.filter((a) => !legal.has(`${s}:${a}`)).map((a) => [s, a] as [ReferralStatus, Change]))

  test('six legal transitions, twenty-four refused', () => {
    expect(legal.size).toBe(6)
    expect(illegal).toHaveLength(24)
  })

  test.each(illegal)('a %s referral cannot take "%s", and is left as it was', (status, action) => {
    const before = referral(status)
    const r = transition(before, action, goodInput)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.field).toBe('action')
    expect(r.message).toMatch(/cannot be|already been/)
    expect(before.status).toBe(status)
  })

  test('the messages say what is wrong in plain English', () => {
    expect(illegalTransitionMessage('declined', 'activate')).toBe('A declined referral cannot be made active')
    expect(illegalTransitionMessage('sent', 'activate')).toBe('A sent referral cannot be made active: it must be accepted first')
    expect(illegalTransitionMessage('closed', 'withdraw')).toBe('A closed referral cannot be withdrawn')
    expect(illegalTransitionMessage('active', 'withdraw')).toBe('An active referral cannot be withdrawn: ask the receiving service to close it')
    expect(illegalTransitionMessage('accepted', 'accept')).toBe('This referral has already been accepted')
    expect(illegalTransitionMessage('active', 'activate')).toBe('This referral has already been made active')
    expect(illegalTransitionMessage('sent', 'accept')).toBeNull()
  })

  test('declining and withdrawing need a reason; closing needs an outcome', () => {
    expect(transition(referral('sent'), 'decline', { at: goodInput.at, reason: '  ' })).toEqual({
      ok: false,
      field: 'reason',
      message: 'Enter why the referral is being declined',
    })
    expect(transition(referral('accepted'), 'withdraw', { at: goodInput.at })).toEqual({
      ok: false,
      field: 'reason',
      message: 'Enter why the referral is being withdrawn',
    })
    expect(transition(referral('active'), 'close', { at: goodInput.at })).toEqual({ ok: false, field: 'outcome', message: 'Select the outcome of the support' })
    expect(transition(referral('active'), 'close', { at: goodInput.at, outcome: 'teleported' })).toMatchObject({ ok: false, field: 'outcome' })
    expect(transition(referral('active'), 'close', { at: goodInput.at, outcome: 'other' })).toEqual({
      ok: false,
      field: 'outcomeDetail',
      message: 'Enter the outcome of the support',
    })
    expect(transition(referral('sent'), 'decline', { at: goodInput.at, reason: 'x'.repeat(1001) })).toMatchObject({ ok: false, field: 'reason' })
  })

  test('a change cannot be dated before the last one', () => {
    const accepted = referral('accepted', { acceptedAt: at('2026-11-05T09:00:00Z') })
    expect(transition(accepted, 'activate', { at: at('2026-11-04T09:00:00Z') })).toEqual({
      ok: false,
      field: 'at',
      message: 'The date must be on or after the referral was accepted',
    })
    expect(transition(referral('sent'), 'accept', { at: at('2026-10-31T09:00:00Z') })).toMatchObject({ ok: false, field: 'at' })
    expect(transition(referral('sent'), 'accept', { at: new Date('nonsense') })).toMatchObject({ ok: false, field: 'at' })
  })

  test('declined, closed and withdrawn are final, whatever is tried next', () => {
    const actionArb = fc.array(fc.constantFrom(...ACTIONS), { maxLength: 8 })
    fc.assert(
      fc.property(actionArb, (actions) => {
        let r = referral('sent')
        for (const a of actions) {
          const before = r.status
          const next = transition(r, a, goodInput)
          if (next.ok) r = next.referral
          if (['declined', 'closed', 'withdrawn'].includes(before)) expect(r.status).toBe(before)
        }
      }),
    )
  })
})

describe('who may act', () => {
  test.each<[ReferralAction, boolean, boolean]>([
    // action, referring side may, receiving side may
    ['send', true, false],
    ['withdraw', true, false],
    ['accept', false, true],
    ['decline', false, true],
    ['activate', false, true],
    ['close', false, true],
  ])('%s: referrer %s, receiver %s', (action, referrer, receiver) => {
    const r = referral('sent')
    expect(canAct(REFERRER, r, action)).toBe(referrer)
    expect(canAct(SERVICE, r, action)).toBe(receiver)
    expect(canAct('org-bystander', r, action)).toBe(false)
  })

  test('an organisation referring to its own service is both sides', () => {
    const own = referral('sent', { toOrganisationId: REFERRER })
    expect(ACTIONS.every((a) => canAct(REFERRER, own, a))).toBe(true)
  })

  test('the actions on offer depend on status and side', () => {
    expect(availableActions(SERVICE, referral('sent'))).toEqual(['accept', 'decline'])
    expect(availableActions(REFERRER, referral('sent'))).toEqual(['withdraw'])
    expect(availableActions(SERVICE, referral('accepted'))).toEqual(['activate'])
    expect(availableActions(SERVICE, referral('active'))).toEqual(['close'])
    expect(availableActions(REFERRER, referral('active'))).toEqual([])
    expect(availableActions(SERVICE, referral('closed'))).toEqual([])
  })
})

describe('support sessions', () => {
  const when = { at: at('2026-11-20T15:00:00Z') }

  test.each<[ReferralStatus, string]>([
    ['closed', 'Sessions cannot be logged on a closed referral'],
    ['declined', 'Sessions cannot be logged on a declined referral'],
    ['withdrawn', 'Sessions cannot be logged on a withdrawn referral'],
    ['sent', 'The referral must be accepted before sessions can be logged'],
  ])('refused on a %s referral', (status, message) => {
    expect(checkSession(referral(status), when, NOW)).toEqual({ ok: false, field: 'referral', message })
  })

  test('allowed on an active referral; the first session on an accepted one makes it active', () => {
    expect(checkSession(referral('active'), when, NOW)).toEqual({ ok: true, activate: false })
    expect(checkSession(referral('accepted'), when, NOW)).toEqual({ ok: true, activate: true })
  })

  test('a session dated the day the referral was sent, or today, is allowed', () => {
    expect(checkSession(referral('active'), { at: at('2026-11-01T00:00:00Z') }, NOW)).toMatchObject({ ok: true })
    expect(checkSession(referral('active'), { at: at('2026-11-29T00:00:00Z') }, NOW)).toMatchObject({ ok: true })
  })

  test('not in the future, not before the referral', () => {
    expect(checkSession(referral('active'), { at: at('2026-11-30T09:00:00Z') }, NOW)).toMatchObject({ ok: false, field: 'at' })
    expect(checkSession(referral('active'), { at: at('2026-10-01T09:00:00Z') }, NOW)).toEqual({
      ok: false,
      field: 'at',
      message: 'The date of the session must be on or after the referral was sent',
    })
  })
})

describe('sharing: consent or a recorded lawful basis', () => {
  const harbour = { id: SERVICE, name: 'Safe Harbour' }
  const record = (id: string, extra: Partial<ConsentRecord> = {}): ConsentRecord => ({
    id,
    scope: 'Needs assessment and contact details',
    sharedWith: 'Safe Harbour counselling team',
    givenBy: 'child',
    lawfulBasis: null,
    recordedAt: at('2026-11-02T10:00:00Z'),
    withdrawnAt: null,
    ...extra,
  })
  const lawful = (id: string, extra: Partial<ConsentRecord> = {}) => record(id, { givenBy: null, lawfulBasis: 'dpa_sch1_safeguarding', ...extra })

  test('consent given to the organisation covers the referral', () => {
    expect(sharingBasisFor([record('c1')], harbour, NOW)).toEqual({
      ok: true,
      basis: 'consent',
      consentId: 'c1',
      scope: 'Needs assessment and contact details',
    })
  })

  test('a lawful basis alone covers it too', () => {
    expect(sharingBasisFor([lawful('l1')], harbour, NOW)).toMatchObject({ ok: true, basis: 'lawful_basis', consentId: 'l1' })
  })

  test('consent is preferred to a lawful basis, and the newest consent wins', () => {
    const records = [lawful('l1', { recordedAt: at('2026-11-20T10:00:00Z') }), record('c-old'), record('c-new', { recordedAt: at('2026-11-10T10:00:00Z') })]
    expect(sharingBasisFor(records, harbour, NOW)).toMatchObject({ ok: true, basis: 'consent', consentId: 'c-new' })
  })

  test('withdrawn consent does not count, and the reason says when it was withdrawn', () => {
    const r = sharingBasisFor([record('c1', { withdrawnAt: at('2026-11-15T23:30:00Z') })], harbour, NOW)
    expect(r).toEqual({
      ok: false,
      reason:
        'Consent to share information with Safe Harbour was withdrawn on 15 November 2026. Record new consent, or a lawful basis for sharing without it, before referring.',
    })
    // Even a withdrawal stamped after "now" (a clock a little ahead) counts as withdrawn.
    expect(sharingBasisFor([record('c1', { withdrawnAt: at('2026-11-29T10:00:01Z') })], harbour, NOW).ok).toBe(false)
    // A withdrawn consent does not hide a live lawful basis.
    expect(sharingBasisFor([record('c1', { withdrawnAt: at('2026-11-15T10:00:00Z') }), lawful('l1')], harbour, NOW)).toMatchObject({
      ok: true,
      consentId: 'l1',
    })
  })

  test('consent for another organisation does not cover this one', () => {
    const r = sharingBasisFor(
      [record('c1', { sharedWith: 'Northmoor Police OIC' }), lawful('l1', { sharedWith: 'Northmoor Children’s Services' })],
      harbour,
      NOW,
    )
    expect(r).toEqual({
      ok: false,
      reason:
        'The consent and lawful bases recorded cover sharing with Northmoor Police OIC; Northmoor Children’s Services, not Safe Harbour. Record consent, or a lawful basis for sharing without it, that names Safe Harbour before referring.',
    })
  })

  test('nothing recorded', () => {
    expect(sharingBasisFor([], harbour, NOW)).toEqual({
      ok: false,
      reason:
        'No consent or lawful basis for sharing this victim’s information is recorded. Record consent, or a lawful basis for sharing without it, that names Safe Harbour before referring.',
    })
  })

  test('a record made after "now", or with neither consent nor a basis, does not count', () => {
    expect(sharingBasisFor([record('c1', { recordedAt: at('2026-11-29T10:00:01Z') })], harbour, NOW).ok).toBe(false)
    expect(sharingBasisFor([record('c1', { givenBy: null })], harbour, NOW).ok).toBe(false)
  })

  test('"shared with" names an organisation by its id or its whole name, not part of a word or a vague phrase', () => {
    expect(namesOrganisation('Safe Harbour', harbour)).toBe(true)
    expect(namesOrganisation('safe  harbour (ChISVA)', harbour)).toBe(true)
    expect(namesOrganisation(SERVICE, harbour)).toBe(true)
    expect(namesOrganisation('Northmoor Police; Safe Harbour', harbour)).toBe(true)
    expect(namesOrganisation('Safe Harbours Trust', harbour)).toBe(false)
    expect(namesOrganisation('partner agencies', harbour)).toBe(false)
    expect(namesOrganisation('Barnardos', { id: 'b', name: 'Barnardo’s' })).toBe(true)
    expect(namesOrganisation('Brook & Co', { id: 'b', name: 'Brook and Co' })).toBe(true)
  })
})
