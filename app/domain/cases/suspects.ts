// Suspects and defendants are recorded by pseudonymous labels per case: Suspect A, B, … Z, AA, AB…

/** 0 → "A", 25 → "Z", 26 → "AA" (spreadsheet-column lettering). */
export function letters(index: number): string {
  let n = index + 1
  let out = ''
  while (n > 0) {
    const rem = (n - 1) % 26
    out = String.fromCharCode(65 + rem) + out
    n = Math.floor((n - 1) / 26)
  }
  return out
}

export const suspectLabel = (index: number) => `Suspect ${letters(index)}`

/** The next `count` labels not already used on the case, in order. */
export function nextSuspectLabels(existing: readonly string[], count: number): string[] {
  const used = new Set(existing)
  const out: string[] = []
  for (let i = 0; out.length < count; i++) {
    const label = suspectLabel(i)
    if (!used.has(label)) out.push(label)
  }
  return out
}

export const MAX_SUSPECTS_AT_CREATION = 20
