import { describe, expect, test } from 'vitest'
import { inboxRecipient, isoWeekOf, reminderKeys, schedulerRunKey, userRecipient } from '~/domain/notifications/keys'

const trialAt = new Date('2026-12-03T10:00:00Z')

describe('dedupe keys', () => {
  const user = userRecipient('user-1')
  const inbox = inboxRecipient('org-1')

  test('are stable: the same reminder gives the same key every time', () => {
    expect(reminderKeys.entitlement('vic-1', 6, 'police', 'overdue', '2026-11-30', user)).toBe('entitlement:vic-1:r6:police:overdue:2026-11-30:user:user-1')
    expect(reminderKeys.entitlement('vic-1', 6, 'police', 'overdue', '2026-11-30', user)).toBe(
      reminderKeys.entitlement('vic-1', 6, 'police', 'overdue', '2026-11-30', userRecipient('user-1')),
    )
    expect(reminderKeys.visit('vic-1', 'due', '2026-12-01', inbox)).toBe('visit:vic-1:due:2026-12-01:inbox:org-1')
    expect(reminderKeys.hearing('case-1', 'trial', trialAt, user)).toBe('hearing:case-1:trial:20261203T1000Z:user:user-1')
    expect(reminderKeys.hearing('case-1', 'trial', new Date(trialAt), user)).toBe(reminderKeys.hearing('case-1', 'trial', trialAt, user))
    expect(reminderKeys.digest('weekly', 'user-1', '2026-W49')).toBe('digest:weekly:user-1:2026-W49')
  })

  test('differ by recipient, state, due date, record, right, agency, hearing and period', () => {
    const keys = [
      reminderKeys.entitlement('vic-1', 6, 'police', 'overdue', '2026-11-30', user),
      reminderKeys.entitlement('vic-1', 6, 'police', 'overdue', '2026-11-30', inbox),
      reminderKeys.entitlement('vic-1', 6, 'police', 'overdue', '2026-11-30', userRecipient('user-2')),
      reminderKeys.entitlement('vic-1', 6, 'police', 'due-tomorrow', '2026-11-30', user),
      reminderKeys.entitlement('vic-1', 6, 'police', 'overdue', '2026-12-01', user),
      reminderKeys.entitlement('vic-2', 6, 'police', 'overdue', '2026-11-30', user),
      reminderKeys.entitlement('vic-1', 4, 'police', 'overdue', '2026-11-30', user),
      reminderKeys.entitlement('vic-1', 6, 'cps', 'overdue', '2026-11-30', user),
      reminderKeys.visit('vic-1', 'overdue', '2026-11-30', user),
      reminderKeys.visit('vic-1', 'due', '2026-11-30', user),
      reminderKeys.visit('vic-1', 'due', '2026-12-01', user),
      reminderKeys.hearing('case-1', 'trial', trialAt, user),
      reminderKeys.hearing('case-1', 'trial', new Date('2026-12-03T14:00:00Z'), user),
      reminderKeys.hearing('case-1', 'ptph', trialAt, user),
      reminderKeys.hearing('case-2', 'trial', trialAt, user),
      reminderKeys.hearing('case-1', 'trial', trialAt, inbox),
      reminderKeys.digest('daily', 'user-1', '2026-11-30'),
      reminderKeys.digest('weekly', 'user-1', '2026-W49'),
      reminderKeys.digest('weekly', 'user-1', '2026-W50'),
      reminderKeys.digest('weekly', 'user-2', '2026-W49'),
    ]
    expect(new Set(keys).size).toBe(keys.length)
  })

  test('hold ids, codes and dates only — no name, email address or free text', () => {
    const keys = [
      reminderKeys.entitlement('cm1abc', 6, 'witness_care', 'due-tomorrow', '2026-11-30', userRecipient('cm2def')),
      reminderKeys.visit('cm3ghi', 'overdue', '2026-11-30', inboxRecipient('cm4jkl')),
      reminderKeys.hearing('cm5mno', 's28_recording', trialAt, userRecipient('cm6pqr')),
      reminderKeys.digest('daily', 'cm6pqr', '2026-11-30'),
    ]
    for (const key of keys) {
      expect(key).not.toContain('@')
      expect(key).not.toMatch(/\s/)
      expect(key).toMatch(/^[a-z-]+(:[A-Za-z0-9_-]+)+$/)
    }
  })
})

describe('periods', () => {
  test('ISO weeks start on Monday and week 1 holds the first Thursday', () => {
    expect(isoWeekOf('2026-11-30')).toBe('2026-W49')
    expect(isoWeekOf('2026-12-06')).toBe('2026-W49')
    expect(isoWeekOf('2026-11-29')).toBe('2026-W48')
    expect(isoWeekOf('2026-12-31')).toBe('2026-W53')
    expect(isoWeekOf('2027-01-03')).toBe('2026-W53')
    expect(isoWeekOf('2027-01-04')).toBe('2027-W01')
    expect(isoWeekOf('2025-12-29')).toBe('2026-W01')
  })

  test('a scheduler run key names the interval slot, so runs in one slot share it', () => {
    expect(schedulerRunKey(new Date('2026-11-29T14:07:59Z'), 5)).toBe('reminders:2026-11-29T14:05Z')
    expect(schedulerRunKey(new Date('2026-11-29T14:05:00Z'), 5)).toBe('reminders:2026-11-29T14:05Z')
    expect(schedulerRunKey(new Date('2026-11-29T14:10:00Z'), 5)).toBe('reminders:2026-11-29T14:10Z')
    expect(schedulerRunKey(new Date('2026-11-29T14:59:00Z'), 60)).toBe('reminders:2026-11-29T14:00Z')
  })
})
