// "Find before you add": does an identity someone is about to record match a victim already on
// Waypoint (held by any organisation)? One record per child only works if a second agency finds
// the first record before making its own. Pure: no I/O; the service (find-before-add.server.ts)
// narrows candidates with indexed queries and asks these rules for the final answer.
//
// Tolerant of how a name was typed (case, spaces at the ends, several spaces inside), never fuzzy:
// a partial name, a prefix or a near spelling is a different name. A false "match" only costs a
// reason typed; a fuzzy one would show strangers that a child they named is known to an agency.
import { isCpsUrn, isCrimeReference, normaliseCpsUrn, normaliseCrimeReference } from '~/domain/cases/references'

/** What the user typed about the child they are about to add. */
export interface TypedIdentity {
  firstName: string
  lastName: string
  preferredName?: string | null
  dateOfBirth: Date | null
  /** A reference a partner agency gave: a Waypoint victim reference, a police crime reference or a CPS URN. */
  partnerReference?: string | null
}

/** A stored victim record, with the references of the cases it is on. */
export interface StoredIdentity {
  reference: string
  firstName: string
  lastName: string
  preferredName: string | null
  dateOfBirth: Date
  cases: readonly { crimeReference: string; cpsUrn: string | null }[]
}

export type MatchReason = 'name_and_date_of_birth' | 'reference'

/** Lower-cased, trimmed, runs of whitespace as one space: "  JESS   o'neil " → "jess o'neil". */
export function normaliseName(name: string | null | undefined): string {
  return (name ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()
}

/** A calendar date as yyyy-mm-dd (dates of birth are stored at 00:00 UTC). */
export const dateKey = (d: Date) => d.toISOString().slice(0, 10)

const givenNames = (first: string | null | undefined, preferred: string | null | undefined) =>
  new Set([normaliseName(first), normaliseName(preferred)].filter(Boolean))

/**
 * Same last name, same date of birth and the same first name — where a first name on either side
 * may be the other side's preferred name (typed "Jess" finds Jessica whose preferred name is Jess).
 */
export function nameAndDateOfBirthMatch(typed: TypedIdentity, stored: StoredIdentity): boolean {
  if (!typed.dateOfBirth || Number.isNaN(typed.dateOfBirth.getTime())) return false
  if (dateKey(typed.dateOfBirth) !== dateKey(stored.dateOfBirth)) return false
  const last = normaliseName(typed.lastName)
  if (!last || last !== normaliseName(stored.lastName)) return false
  const theirs = givenNames(stored.firstName, stored.preferredName)
  return [...givenNames(typed.firstName, typed.preferredName)].some((n) => theirs.has(n))
}

/** The forms a typed reference is compared in: each kind as its own column stores it. Null when blank. */
export function referenceKeys(raw: string | null | undefined): { victimReference: string; crimeReference: string | null; cpsUrn: string | null } | null {
  const victimReference = (raw ?? '').replace(/\s+/g, '').toUpperCase()
  if (!victimReference) return null
  const crimeReference = normaliseCrimeReference(raw!)
  const cpsUrn = normaliseCpsUrn(raw!)
  return {
    victimReference,
    crimeReference: isCrimeReference(crimeReference) ? crimeReference : null,
    cpsUrn: isCpsUrn(cpsUrn) ? cpsUrn : null,
  }
}

/** The partner's reference is this victim's reference, or the crime reference or CPS URN of a case they are on. */
export function referenceMatch(typed: TypedIdentity, stored: StoredIdentity): boolean {
  const keys = referenceKeys(typed.partnerReference)
  if (!keys) return false
  if (keys.victimReference === stored.reference.toUpperCase()) return true
  return stored.cases.some((c) => (keys.crimeReference !== null && c.crimeReference === keys.crimeReference) || (keys.cpsUrn !== null && c.cpsUrn === keys.cpsUrn))
}

/** Why the stored record is the same child, if it is. */
export function matchReasons(typed: TypedIdentity, stored: StoredIdentity): MatchReason[] {
  const reasons: MatchReason[] = []
  if (nameAndDateOfBirthMatch(typed, stored)) reasons.push('name_and_date_of_birth')
  if (referenceMatch(typed, stored)) reasons.push('reference')
  return reasons
}

export const matches = (typed: TypedIdentity, stored: StoredIdentity) => matchReasons(typed, stored).length > 0

// ---- a second record on purpose -------------------------------------------------------------------

export const DUPLICATE_REASON_MIN = 10
export const DUPLICATE_REASON_MAX = 1000

/** What is wrong with the reason for adding a record that may already exist, if anything. */
export function duplicateReasonProblem(reason: string | null | undefined): string | null {
  const text = (reason ?? '').trim()
  if (!text) return 'Enter why a second record is needed'
  if (text.length < DUPLICATE_REASON_MIN) return `Why a second record is needed must be ${DUPLICATE_REASON_MIN} characters or more`
  if (text.length > DUPLICATE_REASON_MAX) return 'Why a second record is needed must be 1,000 characters or fewer'
  return null
}
