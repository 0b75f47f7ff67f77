// What an organisation needs to decide whether to take a child on — age, the offences, how to
// communicate with her and how to contact her safely — without the rest of the record. Pure.
import { offenceCategoryLabel } from '~/domain/cases/offences'
import { ageAt } from '~/domain/victims/enhanced-rights'
import { labelOf, SAFE_CONTACT_METHODS } from '~/domain/victims/schema'

export interface SummarySource {
  reference: string
  firstName: string
  lastName: string
  preferredName: string | null
  dateOfBirth: Date
  preferredLanguage: string | null
  interpreterNeeded: boolean
  intermediaryNeeded: boolean
  otherAdjustments: string | null
  safeContactMethod: string | null
  safeContactTimes: string | null
  noVoicemail: boolean
  doNotTell: string | null
  offenceCategories: readonly string[]
}

export interface SharingSummary {
  reference: string
  name: string
  age: number
  offences: string[]
  needs: string[]
  safeContact: string[]
}

export function summariseForDecision(v: SummarySource, now: Date): SharingSummary {
  const needs = [
    v.preferredLanguage ? `Preferred language: ${v.preferredLanguage}` : null,
    v.interpreterNeeded ? 'Needs an interpreter' : null,
    v.intermediaryNeeded ? 'Needs an intermediary' : null,
    v.otherAdjustments ? `Other adjustments: ${v.otherAdjustments}` : null,
  ].filter((x): x is string => x !== null)
  const safeContact = [
    v.safeContactMethod ? `How: ${labelOf(SAFE_CONTACT_METHODS, v.safeContactMethod)}` : null,
    v.safeContactTimes ? `When: ${v.safeContactTimes}` : null,
    v.noVoicemail ? 'Do not leave voicemail' : null,
    v.doNotTell ? `Do not tell: ${v.doNotTell}` : null,
  ].filter((x): x is string => x !== null)
  return {
    reference: v.reference,
    name: v.preferredName ? `${v.preferredName} (${v.firstName}) ${v.lastName}` : `${v.firstName} ${v.lastName}`,
    age: ageAt(v.dateOfBirth, now),
    offences: [...new Set(v.offenceCategories)].map(offenceCategoryLabel).sort(),
    needs,
    safeContact,
  }
}
