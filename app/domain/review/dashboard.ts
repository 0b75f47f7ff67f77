// Constants and shapes of the prosecution case review dashboard, shared by the
// service (app/services/review-dashboard.server.ts) and the page. Pure.
import { z } from 'zod'
import type { DaysFromReport } from './factors'
import type { Interval } from './stats'

export const MIN_THRESHOLD = 3
export const MAX_THRESHOLD = 20

export const THRESHOLD_MESSAGE = `Enter a whole number from ${MIN_THRESHOLD} to ${MAX_THRESHOLD}`
export const isThreshold = (n: number) => Number.isInteger(n) && n >= MIN_THRESHOLD && n <= MAX_THRESHOLD

/** The manager's small-number suppression form. */
export const ThresholdSchema = z.object({
  threshold: z.coerce.number({ error: THRESHOLD_MESSAGE }).refine(isThreshold, THRESHOLD_MESSAGE),
})

export const FUNNEL_STAGES = [
  { id: 'reported', label: 'Reported' },
  { id: 'suspect', label: 'Suspect identified' },
  { id: 'arrested', label: 'Arrested or interviewed' },
  { id: 'file', label: 'File to CPS' },
  { id: 'charged', label: 'Charged' },
  { id: 'convicted', label: 'Convicted' },
] as const

export const OUTCOME_LABELS: Record<string, string> = {
  successful: 'Successful (a defendant convicted)',
  unsuccessful: 'Unsuccessful (prosecuted, no conviction)',
  no_prosecution: 'No prosecution',
}

export const INTERVALS: readonly { key: keyof DaysFromReport; label: string }[] = [
  { key: 'abeInterview', label: 'Report to ABE interview' },
  { key: 'arrest', label: 'Report to arrest' },
  { key: 'fileToCps', label: 'Report to file to CPS' },
  { key: 'charge', label: 'Report to charge' },
  { key: 'firstHearing', label: 'Report to first hearing' },
  { key: 'trial', label: 'Report to trial' },
  { key: 'outcome', label: 'Report to outcome' },
]

export interface FactorRow {
  id: string
  label: string
  /** null: withheld */
  with: { successful: number | null; n: number | null; share: number | null; interval: Interval | null }
  without: { successful: number | null; n: number | null; share: number | null; interval: Interval | null }
}
