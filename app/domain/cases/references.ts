// Police crime references and CPS unique reference numbers (URNs).

/** Upper-cased, spaces removed: "nm/26/004517 " → "NM/26/004517". */
export function normaliseCrimeReference(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase()
}

/** Letters and digits in groups separated by single slashes, 3 to 30 characters. */
export function isCrimeReference(ref: string): boolean {
  return ref.length >= 3 && ref.length <= 30 && /^[A-Z0-9]+(\/[A-Z0-9]+)*$/.test(ref)
}

/** "42 nm 0958326" → "42NM0958326". */
export function normaliseCpsUrn(raw: string): string {
  return raw.replace(/[\s/-]+/g, '').toUpperCase()
}

/**
 * A CPS URN: 2-digit police force code, 2-letter police unit code, 5-digit case number and the
 * 2-digit year (for example 42NM0958326).
 */
export function isCpsUrn(urn: string): boolean {
  return /^\d{2}[A-Z]{2}\d{7}$/.test(urn)
}
