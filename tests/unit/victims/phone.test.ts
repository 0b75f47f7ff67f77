import { describe, expect, test } from 'vitest'
import { PHONE_MESSAGE, isUkPhoneNumber } from '~/domain/victims/phone'
import { createVictimSchema } from '~/domain/victims/schema'

const NOW = new Date('2026-11-29T10:00:00Z')
const base = { firstName: 'Ria', lastName: 'Calder', dateOfBirth: { day: '3', month: '4', year: '2012' }, idempotencyKey: 'abcdefghijklmnop' }

describe('UK telephone numbers', () => {
  test.each(['01632 960 001', '07700 900 982', '+44 808 157 0192', '(01632) 960-001', '07700900982'])('%s is accepted', (n) => {
    expect(isUkPhoneNumber(n)).toBe(true)
  })

  test.each(['abcdefg', '0163', '01632 96O 001', '+44 808 157 0192 ext 4', '0163296000112345', '44+ 7700 900982'])('%s is refused', (n) => {
    expect(isUkPhoneNumber(n)).toBe(false)
  })

  test("the victim's and their contact's phone fields refuse letters with a message beside the field, and stay optional", () => {
    const r = createVictimSchema(NOW).safeParse({ ...base, phone: 'abcdefg', contactName: 'Jo Calder', contactPhone: 'call me' })
    expect(r.success).toBe(false)
    const issues = r.error!.issues.map((i) => [i.path.join('.'), i.message])
    expect(issues).toContainEqual(['phone', PHONE_MESSAGE])
    expect(issues).toContainEqual(['contactPhone', PHONE_MESSAGE])
    const ok = createVictimSchema(NOW).safeParse({ ...base, phone: ' 07700 900 982 ', contactPhone: '' })
    expect(ok.success && ok.data.details).toMatchObject({ phone: '07700 900 982', contactPhone: null })
  })
})
