// Every CSV export's header names each column once: a spreadsheet or an analyst's script that reads
// columns by name would otherwise silently take one column for the other.
import { describe, expect, test } from 'vitest'
import { REVIEW_EXPORT_HEADER } from '~/domain/review/case-export'
import { CSV_HEADER as DATASET_CSV_HEADER } from '~/domain/review/dataset'

const HEADERS: Record<string, readonly string[]> = {
  'the case review export': REVIEW_EXPORT_HEADER,
  'the multi-agency data set': DATASET_CSV_HEADER,
}

/** Names that appear more than once, ignoring case and surrounding spaces (as most tools do). */
function repeated(header: readonly string[]): string[] {
  const seen = new Map<string, number>()
  for (const name of header) seen.set(name.trim().toLowerCase(), (seen.get(name.trim().toLowerCase()) ?? 0) + 1)
  return [...seen].filter(([, n]) => n > 1).map(([name]) => name)
}

describe('CSV export headers', () => {
  for (const [name, header] of Object.entries(HEADERS)) {
    test(`${name} names every column once, and none is blank`, () => {
      expect(repeated(header)).toEqual([])
      expect(header.filter((h) => h.trim() === '')).toEqual([])
    })
  }

  test('the case review export tells the special measures counts from the yes/no factor', () => {
    expect(REVIEW_EXPORT_HEADER).toEqual(
      expect.arrayContaining(['Special measures applied for (count)', 'Special measures granted (count)', 'At least one special measure granted']),
    )
  })

  test('a repeated name is found whatever its case or spacing', () => {
    expect(repeated(['Count', 'Row', ' count'])).toEqual(['count'])
  })
})
