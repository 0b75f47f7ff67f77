// The command-line contract: `npm run -s entitlements -- <scenario.json>`. Spawns the
// script itself (through tsx, as npm does) on temporary scenario files.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'

const root = path.resolve(import.meta.dirname, '../../..')
const dir = mkdtempSync(path.join(tmpdir(), 'waypoint-entitlements-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function cli(contents: string | object, name = 'scenario.json') {
  const file = path.join(dir, name)
  writeFileSync(file, typeof contents === 'string' ? contents : JSON.stringify(contents))
  const r = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/entitlements.ts', file], { cwd: root, encoding: 'utf8', timeout: 30_000 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

const EXAMPLE = {
  asOf: '2026-12-30T09:00:00Z',
  victim: { dateOfBirth: '2010-09-09', grounds: ['persistently_targeted'] },
  case: { offenceCategory: 'sexual_offence', offenceDate: '2026-10-01' },
  events: [
    { id: 'c1', type: 'suspect_charged', at: '2026-12-24T16:00:00Z', defendant: 'A', data: { custodyMonths: 30, violentOrSexual: true } },
    { id: 'n1', type: 'cps_no_charge_decision', at: '2026-08-28T10:00:00Z', receivedAt: '2026-08-28T12:00:00Z', defendant: 'A' },
  ],
  contacts: [{ at: '2026-12-29T17:00:00Z', about: ['c1'] }],
}

describe('npm run -s entitlements -- <scenario.json>', { timeout: 60_000 }, () => {
  test('prints the result as JSON and exits 0', () => {
    const r = cli(EXAMPLE)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const result = JSON.parse(r.stdout) as Record<string, unknown>
    expect(result).toEqual({
      enhanced: true,
      enhancedGrounds: ['most_serious_crime', 'persistently_targeted', 'under_18_at_offence'],
      entitlements: [
        { rule: 'r06_cps_no_charge_decision', right: 6, trigger: 'n1', defendant: 'A', owedBy: 'cps', dueBy: '2026-09-01', status: 'overdue' },
        { rule: 'r06_charge_decision', right: 6, trigger: 'c1', defendant: 'A', owedBy: 'police', dueBy: '2026-12-29', status: 'met', metAt: '2026-12-29T17:00:00Z' },
      ],
      windows: [{ window: 'cps_vrr_request', trigger: 'n1', defendant: 'A', promptBy: '2026-09-14', closesOn: '2026-11-28' }],
    })
  })

  test('a file that is not JSON: exit 2 with a message', () => {
    const r = cli('{ "asOf": ', 'broken.json')
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/not valid JSON/)
  })

  test('a bad field: exit 2, naming the field', () => {
    const r = cli({ ...EXAMPLE, events: [{ ...EXAMPLE.events[0], at: '24/12/2026' }] })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('events[0].at: must be an ISO date-time')
  })

  test('a missing field: exit 2, naming it', () => {
    const { asOf: _asOf, ...rest } = EXAMPLE
    const r = cli({ ...rest, victim: { grounds: [] } })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('asOf: is required')
    expect(r.stderr).toContain('victim.dateOfBirth: is required')
  })

  test('a file that cannot be read: exit 2', () => {
    const r = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/entitlements.ts', path.join(dir, 'missing.json')], { cwd: root, encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('missing.json: cannot be read')
  })
})
