// A small pure CSV writer (RFC 4180) that is safe to open in a spreadsheet.
// - Fields are separated by commas and records end with CRLF (RFC 4180 §2.1–2.2), including the last.
// - A field holding a comma, a double quote, CR or LF is wrapped in double quotes, and double quotes
//   inside it are doubled (§2.6–2.7).
// - Formula injection (OWASP "CSV Injection"): a text cell whose first character, or first character
//   after leading whitespace, is = + - @ TAB or CR would be read by Excel, LibreOffice or Sheets as a
//   formula. Such a cell gets a single quote in front, which the spreadsheet shows as text. Numbers
//   (typeof 'number', e.g. -3) are written as they are: they are not formulas.
// - The UTF-8 byte order mark makes Excel read the file as UTF-8 (names with accents, en dashes).

export type CsvValue = string | number | boolean | Date | null | undefined

export interface CsvOptions {
  /** Prefix the UTF-8 byte order mark (U+FEFF). Default true. */
  bom?: boolean
}

const FORMULA_START = /^[\s]*[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

/** A text value neutralised against formula injection (a single quote in front when needed). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** One field, escaped. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  let text: string
  if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : ''
  else if (typeof value === 'boolean') text = value ? 'true' : 'false'
  else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? '' : value.toISOString()
  else text = neutraliseFormula(value)
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One record, CRLF-terminated. */
export const csvRow = (values: readonly CsvValue[]): string => `${values.map(csvField).join(',')}\r\n`

/** The whole file: a header row then the records. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[], { bom = true }: CsvOptions = {}): string {
  return (bom ? '\uFEFF' : '') + csvRow(header) + rows.map(csvRow).join('')
}
