// Pseudonymous victim references: V-YYYY-NNNN, a per-year counter (more digits after 9999).
// Pure: the service finds the highest number used this year under a lock and asks for the next.

const PATTERN = /^V-(\d{4})-(\d{4,})$/

export function formatVictimReference(year: number, n: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`bad year ${year}`)
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`bad counter ${n}`)
  return `V-${year}-${String(n).padStart(4, '0')}`
}

export function parseVictimReference(reference: string): { year: number; n: number } | null {
  const m = PATTERN.exec(reference)
  return m ? { year: Number(m[1]), n: Number(m[2]) } : null
}

/** The next reference for `year`, given references already used (any year, any format). */
export function nextVictimReference(year: number, used: readonly string[]): string {
  let max = 0
  for (const r of used) {
    const p = parseVictimReference(r)
    if (p && p.year === year && p.n > max) max = p.n
  }
  return formatVictimReference(year, max + 1)
}

/** The prefix shared by a year's references, for a `startsWith` query. */
export const victimReferencePrefix = (year: number) => `V-${year}-`
