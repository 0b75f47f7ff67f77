// Display formats: UK conventions, Europe/London time (dates are stored as UTC instants).
const dateFmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' })
const dateTimeFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  // hourCycle, not hour12: with hour12 Node's ICU writes midnight as "0:30" and browsers as "12:30",
  // which breaks hydration.
  hourCycle: 'h12',
})

const toDate = (d: Date | string) => (typeof d === 'string' ? new Date(d) : d)

/** 28 November 2026 */
export const formatDate = (d: Date | string) => dateFmt.format(toDate(d))

/** 28 November 2026 at 2:05pm */
export const formatDateTime = (d: Date | string) => {
  const parts = dateTimeFmt.formatToParts(toDate(d))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('day')} ${get('month')} ${get('year')} at ${get('hour')}:${get('minute')}${get('dayPeriod').toLowerCase()}`
}

/** Whole years between a date of birth and `at` (a calendar date, no time zone drift). */
export function ageOn(dateOfBirth: Date | string, at: Date = new Date()): number {
  const dob = toDate(dateOfBirth)
  let age = at.getUTCFullYear() - dob.getUTCFullYear()
  const beforeBirthday =
    at.getUTCMonth() < dob.getUTCMonth() || (at.getUTCMonth() === dob.getUTCMonth() && at.getUTCDate() < dob.getUTCDate())
  if (beforeBirthday) age--
  return age
}

/** 'file_to_cps' → 'File to cps' — fallback label for vocabulary ids without one. */
export const humanise = (id: string) => {
  const text = id.replace(/_/g, ' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export function displayName(v: { firstName: string; lastName: string; preferredName?: string | null }) {
  return v.preferredName && v.preferredName !== v.firstName
    ? `${v.firstName} (${v.preferredName}) ${v.lastName}`
    : `${v.firstName} ${v.lastName}`
}
