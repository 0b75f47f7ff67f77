// Enhanced rights under the Victims' Code (Victims' Code 2020, chapter 1). Derived, never stored:
// the automatic grounds come from the victim's age at the offence and the offences themselves; the
// manual grounds (persistently targeted, vulnerable, intimidated) are recorded by a professional.
// Eligibility is by age at the offence, so a victim who turns 18 keeps it. Pure.

export const MANUAL_ENHANCED_GROUNDS = ['persistently_targeted', 'vulnerable', 'intimidated'] as const
export type ManualEnhancedGround = (typeof MANUAL_ENHANCED_GROUNDS)[number]

export const MANUAL_GROUND_LABELS: Record<ManualEnhancedGround, string> = {
  persistently_targeted: 'Persistently targeted',
  vulnerable: 'Vulnerable (evidence likely to be affected by a mental disorder, impairment or disability)',
  intimidated: 'Intimidated (fear or distress about giving evidence)',
}

export interface OffenceFact {
  sexual: boolean
  committedFrom: Date
  committedTo?: Date | null
}

export type EnhancedGround =
  | {
      id: 'under_18_at_offence'
      label: string
      basis: 'offence_dates' | 'current_age'
      note?: string
    }
  | { id: 'most_serious_crime:sexual_offence'; label: string }
  | { id: ManualEnhancedGround; label: string; manual: true }

export interface EnhancedRights {
  eligible: boolean
  grounds: EnhancedGround[]
  /** Plain-language caveats, e.g. that no offence dates are recorded yet. */
  notes: string[]
}

/** Whole years at `at`, by calendar date in UTC (dates of birth are stored as UTC midnight). */
export function ageAt(dateOfBirth: Date, at: Date): number {
  const age = at.getUTCFullYear() - dateOfBirth.getUTCFullYear()
  const before =
    at.getUTCMonth() < dateOfBirth.getUTCMonth() || (at.getUTCMonth() === dateOfBirth.getUTCMonth() && at.getUTCDate() < dateOfBirth.getUTCDate())
  return before ? age - 1 : age
}

const isManual = (g: string): g is ManualEnhancedGround => (MANUAL_ENHANCED_GROUNDS as readonly string[]).includes(g)

export function deriveEnhancedRights(input: {
  dateOfBirth: Date
  offences: readonly OffenceFact[]
  manualGrounds: readonly string[]
  today?: Date
}): EnhancedRights {
  const today = input.today ?? new Date()
  const grounds: EnhancedGround[] = []
  const notes: string[] = []
  if (input.offences.length > 0) {
    // Under 18 at any offence (its earliest date: an offence spanning the 18th birthday began as a child's).
    const underAtSome = input.offences.some((o) => ageAt(input.dateOfBirth, o.committedFrom) < 18)
    if (underAtSome)
      grounds.push({
        id: 'under_18_at_offence',
        label: 'Under 18 at the time of the offence',
        basis: 'offence_dates',
      })
  } else {
    notes.push('No offence dates are recorded yet, so age is judged from their age today.')
    if (ageAt(input.dateOfBirth, today) < 18) {
      grounds.push({
        id: 'under_18_at_offence',
        label: 'Under 18 at the time of the offence',
        basis: 'current_age',
        note: 'Based on their age today: no offence dates are recorded yet.',
      })
    }
  }
  if (input.offences.some((o) => o.sexual)) {
    grounds.push({
      id: 'most_serious_crime:sexual_offence',
      label: 'Victim of a sexual offence (most serious crime)',
    })
  }
  const seen = new Set<string>()
  for (const g of input.manualGrounds) {
    if (isManual(g) && !seen.has(g)) {
      seen.add(g)
      grounds.push({ id: g, label: MANUAL_GROUND_LABELS[g], manual: true })
    }
  }
  return { eligible: grounds.length > 0, grounds, notes }
}
