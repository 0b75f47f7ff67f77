// Every CSV download is written here: RFC 4180 through csv-stringify, CRLF after every record
// (the last too), a field quoted when it holds a comma, a double quote or a line break.
//
// Formula injection (OWASP "CSV Injection"): a text cell starting with = + - @ TAB or CR would be
// run as a formula by Excel, LibreOffice or Sheets, so it gets a single quote in front, which the
// spreadsheet shows as text (csv-stringify's escape_formulas, which also covers the full-width
// ＝ ＋ － ＠ that Apple Numbers reads as the same). Text such as "-1" is quoted like any other.
// A number value (-3) is written as it is: Waypoint computed it, so it cannot be a formula, and
// a quote would make the spreadsheet read it as text.
import { stringify } from 'csv-stringify/sync'

export type CsvValue = string | number | boolean | Date | null | undefined

export interface CsvOptions {
  /** Start with the UTF-8 byte order mark, so Excel reads names with accents correctly. Default true. */
  bom?: boolean
}

/** The whole file: the header row, then one record per row. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[], { bom = true }: CsvOptions = {}): string {
  return stringify([header, ...rows] as CsvValue[][], {
    bom,
    record_delimiter: 'windows',
    // A lone LF or CR inside a cell is quoted too, so every reader sees one record per row.
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: {
      boolean: (value) => (value ? 'true' : 'false'),
      date: (value) => (Number.isNaN(value.getTime()) ? '' : value.toISOString()),
      number: (value) => (Number.isFinite(value) ? String(value) : ''),
    },
  })
}
