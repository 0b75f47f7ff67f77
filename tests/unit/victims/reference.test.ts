import { describe, expect, test } from 'vitest'
import { formatVictimReference, nextVictimReference, parseVictimReference } from '~/domain/victims/reference'

describe('victim references', () => {
  test('V-YYYY-NNNN, zero-padded to four digits, more when needed', () => {
    expect(formatVictimReference(2026, 7)).toBe('V-2026-0007')
    expect(formatVictimReference(2026, 158)).toBe('V-2026-0158')
    expect(formatVictimReference(2026, 12345)).toBe('V-2026-12345')
    expect(() => formatVictimReference(2026, 0)).toThrow()
  })

  test('parses its own format and nothing else', () => {
    expect(parseVictimReference('V-2026-0158')).toEqual({ year: 2026, n: 158 })
    expect(parseVictimReference('V-TEST-ABC')).toBeNull()
    expect(parseVictimReference('V-2026-12')).toBeNull()
  })

  test('the next reference follows the highest of the same year', () => {
    expect(nextVictimReference(2026, [])).toBe('V-2026-0001')
    expect(nextVictimReference(2026, ['V-2026-0158', 'V-2026-0131', 'V-2025-0900', 'V-TEST-X'])).toBe('V-2026-0159')
    expect(nextVictimReference(2026, ['V-2026-9999'])).toBe('V-2026-10000')
    expect(nextVictimReference(2027, ['V-2026-0158'])).toBe('V-2027-0001')
  })
})
