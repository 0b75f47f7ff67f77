import { describe, expect, test } from 'vitest'
import { NAVIGATION, ROLE_LABELS } from '~/domain/access/navigation'

const ROLES = ['advocate', 'officer', 'cps_liaison', 'manager', 'admin'] as const

describe('service navigation per role', () => {
  test('every role has navigation and a label', () => {
    expect(Object.keys(NAVIGATION).sort()).toEqual([...ROLES].sort())
    for (const role of ROLES) {
      expect(NAVIGATION[role].length).toBeGreaterThan(0)
      expect(ROLE_LABELS[role]).toMatch(/\S/)
    }
  })

  test('links are same-site paths, unique per role, with labels', () => {
    for (const role of ROLES) {
      const hrefs = NAVIGATION[role].map((i) => i.href)
      expect(new Set(hrefs).size).toBe(hrefs.length)
      for (const item of NAVIGATION[role]) {
        expect(item.href).toMatch(/^\/(?!\/)/)
        expect(item.label).toMatch(/\S/)
      }
    }
  })

  test('casework roles start at their home page; administrators see no casework', () => {
    for (const role of ['advocate', 'officer', 'cps_liaison', 'manager'] as const) {
      expect(NAVIGATION[role][0]!.href).toBe('/')
    }
    const admin = NAVIGATION.admin.map((i) => i.href)
    expect(admin.every((h) => h.startsWith('/admin/'))).toBe(true)
    expect(admin).not.toContain('/victims')
    expect(admin).not.toContain('/cases')
  })

  test('people who add victims reach the victims list from the menu', () => {
    for (const role of ['advocate', 'officer', 'manager'] as const) {
      expect(NAVIGATION[role].map((i) => i.href)).toContain('/victims')
    }
    const officer = NAVIGATION.officer.map((i) => i.label)
    expect(officer.indexOf('Victims')).toBe(officer.indexOf('Cases') + 1)
  })

  test('only administrators see the admin area', () => {
    for (const role of ['advocate', 'officer', 'cps_liaison', 'manager'] as const) {
      expect(NAVIGATION[role].some((i) => i.href.startsWith('/admin'))).toBe(false)
    }
  })

})
