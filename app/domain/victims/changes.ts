// What differs between two versions of a victim's details, for the edit conflict message
// ("Someone else changed this record while you were editing") and for the audit trail (field
// names only — the audit log never holds the personal data itself). Pure.
import { MANUAL_GROUND_LABELS, type ManualEnhancedGround } from './enhanced-rights'
import { GENDERS, labelOf, SAFE_CONTACT_METHODS, type VictimDetails } from './schema'

export type VictimField = keyof VictimDetails

export const FIELD_LABELS: Record<VictimField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  preferredName: 'Preferred name',
  dateOfBirth: 'Date of birth',
  gender: 'Gender',
  ethnicity: 'Ethnicity',
  address: 'Address',
  phone: 'Phone number',
  email: 'Email address',
  preferredLanguage: 'Preferred language',
  interpreterNeeded: 'Needs an interpreter',
  intermediaryNeeded: 'Needs an intermediary',
  otherAdjustments: 'Other adjustments',
  safeContactMethod: 'Safe way to contact',
  safeContactTimes: 'Safe times to contact',
  noVoicemail: 'Do not leave voicemail',
  doNotTell: 'Who must not be told',
  contactName: 'Parent, guardian or nominated contact',
  contactRelationship: 'Contact’s relationship',
  contactPhone: 'Contact’s phone number',
  contactEmail: 'Contact’s email address',
  riskNotes: 'Risk and vulnerability notes',
  restricted: 'Restricted record',
  manualEnhancedGrounds: 'Enhanced rights grounds recorded by hand',
}

export const VICTIM_FIELDS = Object.keys(FIELD_LABELS) as VictimField[]

type Value = VictimDetails[VictimField]

function same(a: Value, b: Value): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime()
  if (Array.isArray(a) && Array.isArray(b)) return [...a].sort().join('|') === [...b].sort().join('|')
  return (a ?? null) === (b ?? null)
}

/** Fields whose values differ. */
export function changedFields(before: VictimDetails, after: VictimDetails): VictimField[] {
  return VICTIM_FIELDS.filter((f) => !same(before[f], after[f]))
}

const iso = (d: Date) => `${d.getUTCDate()} ${d.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${d.getUTCFullYear()}`

/** A field's value in words, for showing side by side. */
export function describeValue(field: VictimField, value: Value): string {
  if (value === null || value === undefined || value === '') return 'Not given'
  if (value instanceof Date) return iso(value)
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (Array.isArray(value)) return value.length ? value.map((g) => MANUAL_GROUND_LABELS[g as ManualEnhancedGround] ?? g).join('; ') : 'None'
  if (field === 'gender') return labelOf(GENDERS, value) ?? value
  if (field === 'safeContactMethod') return labelOf(SAFE_CONTACT_METHODS, value) ?? value
  return value
}

export interface Conflict {
  field: VictimField
  label: string
  theirs: string
  yours: string
}

/**
 * The fields someone else changed (`theirFields`, from the audit trail since the version the form
 * was opened at), with the saved value beside what this user typed.
 */
export function describeConflicts(theirFields: readonly string[], current: VictimDetails, yours: VictimDetails): Conflict[] {
  const wanted = new Set(theirFields)
  return VICTIM_FIELDS.filter((f) => wanted.has(f)).map((field) => ({
    field,
    label: FIELD_LABELS[field],
    theirs: describeValue(field, current[field]),
    yours: describeValue(field, yours[field]),
  }))
}
