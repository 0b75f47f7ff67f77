import { describe, expect, test } from 'vitest'
import { DEFAULT_VISIT_POLICY, holdingOrganisationId, policyFromSetting } from '~/domain/visits/policy'

const at = (iso: string) => new Date(iso)

describe('whose visit policy a victim follows', () => {
  test('the lead advocate’s organisation, then any advocate’s, then the service’s; null for none', () => {
    const service = { kind: 'service', organisationId: 'svc', startedAt: at('2026-01-01') }
    const advocate = { kind: 'advocate', organisationId: 'adv', startedAt: at('2026-02-01') }
    const lead = { kind: 'lead_advocate', organisationId: 'lead', startedAt: at('2026-03-01') }
    const oic = { kind: 'oic', organisationId: 'police', startedAt: at('2025-01-01') }
    expect(holdingOrganisationId([service, advocate, lead, oic])).toBe('lead')
    expect(holdingOrganisationId([service, advocate, oic])).toBe('adv')
    expect(holdingOrganisationId([oic, service])).toBe('svc')
    expect(holdingOrganisationId([oic])).toBeNull()
  })

  test('of two of the same kind, the one allocated first', () => {
    expect(
      holdingOrganisationId([
        { kind: 'service', organisationId: 'later', startedAt: at('2026-05-01') },
        { kind: 'service', organisationId: 'first', startedAt: at('2026-04-01') },
      ]),
    ).toBe('first')
  })
})

test('stored days replace the defaults; the key court events stay the partnership’s', () => {
  expect(policyFromSetting(null)).toBe(DEFAULT_VISIT_POLICY)
  const policy = policyFromSetting({ firstVisitWithinDays: 3, cadenceDays: 14, afterCourtEventWithinDays: 5, retryWithinDays: 2 })
  expect(policy).toEqual({ ...DEFAULT_VISIT_POLICY, firstVisitWithinDays: 3, cadenceDays: 14, afterCourtEventWithinDays: 5, retryWithinDays: 2 })
})
