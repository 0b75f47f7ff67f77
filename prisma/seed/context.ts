// What every demo seed module shares: the reference date, fixed instants on it, ids made before
// insertion and lookups of inserted rows. Imports nothing from the seed, so no seed module imports
// prisma/seed.ts (the entry point).
import { randomUUID } from 'node:crypto'

/** The day the demo data describes: every seeded date is on or before it. */
export const DEMO_REFERENCE_DATE = new Date('2026-11-23T00:00:00Z')

/** A fixed instant on a calendar date (all seeded dates fall on working days). */
export const on = (isoDate: string, hour = 10, minute = 0) =>
  new Date(`${isoDate}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`)

/** A cuid-shaped id, made here so that events can name each other before they are inserted. */
export const newId = () => `c${randomUUID().replace(/-/g, '').slice(0, 24)}`

export const MINUTE = 60 * 1000

export function byKey<T extends Record<K, string>, K extends keyof T>(rows: readonly T[], key: K, value: string): T {
  const row = rows.find((r) => r[key] === value)
  if (!row) throw new Error(`Demo seed: no row with ${String(key)} ${value}`)
  return row
}
