import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { safeRedirect } from '~/utils/redirect'

const ORIGIN = 'https://waypoint.example'

describe('safeRedirect (no open redirects after sign-in)', () => {
  test('keeps same-site paths with query and hash', () => {
    expect(safeRedirect('/')).toBe('/')
    expect(safeRedirect('/victims/abc?tab=contact#notes')).toBe('/victims/abc?tab=contact#notes')
  })

  test('falls back for missing or non-string values', () => {
    expect(safeRedirect(null)).toBe('/')
    expect(safeRedirect(undefined)).toBe('/')
    expect(safeRedirect('')).toBe('/')
    expect(safeRedirect(new File(['x'], 'x.txt'))).toBe('/')
    expect(safeRedirect(null, '/cases')).toBe('/cases')
  })

  test.each([
    'https://evil.example',
    'http://evil.example/login',
    '//evil.example',
    '//evil.example/path',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'evil.example',
    ' //evil.example',
  ])('refuses %j', (to) => {
    expect(safeRedirect(to)).toBe('/')
  })

  // Browsers strip ASCII tab and newline from URLs, so these become //evil.example.
  test.each(['/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example', '/\t\\evil.example'])(
    'refuses %j (tab or newline inside the leading slashes)',
    (to) => {
      expect(safeRedirect(to)).toBe('/')
    },
  )

  test('property: whatever it returns resolves to this site', () => {
    const tricky = fc.constantFrom('/', '\\', '\t', '\n', '\r', ' ', '.', ':', '@', '%2f', '%5c', 'evil.example', 'http:', '?', '#')
    const input = fc.oneof(
      fc.string(),
      fc.array(tricky, { maxLength: 6 }).map((parts) => `/${parts.join('')}`),
      fc.array(tricky, { maxLength: 6 }).map((parts) => parts.join('')),
    )
    fc.assert(
      fc.property(input, (to) => {
        const result = safeRedirect(to)
        expect(new URL(result, ORIGIN).origin).toBe(ORIGIN)
      }),
      { numRuns: 2000 },
    )
  })
})
