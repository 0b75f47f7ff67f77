import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { csvField, csvRow, neutraliseFormula, toCsv } from '~/domain/review/csv'

/** A minimal RFC 4180 reader, to prove what we write reads back. */
function parse(csv: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\r' && csv[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += ch
  }
  return rows
}

describe('csvField', () => {
  test.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
    ['Zoë – café', 'Zoë – café'],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected)
  })

  test('numbers, booleans, dates, nothing', () => {
    expect(csvField(-3)).toBe('-3')
    expect(csvField(0.25)).toBe('0.25')
    expect(csvField(Number.NaN)).toBe('')
    expect(csvField(true)).toBe('true')
    expect(csvField(new Date('2026-11-29T10:00:00Z'))).toBe('2026-11-29T10:00:00.000Z')
    expect(csvField(null)).toBe('')
    expect(csvField(undefined)).toBe('')
  })

  test.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+44 1234', "'+44 1234"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tTAB', "'\tTAB"],
    ['  =1+1', "'  =1+1"],
    [' \t@x', "' \t@x"],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['\r=1', '"\'\r=1"'],
    ['a=1', 'a=1'],
    ['2026-Q3', '2026-Q3'],
  ])('formula injection: %j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected)
  })
})

describe('toCsv', () => {
  test('CRLF after every record, BOM by default', () => {
    expect(
      toCsv(
        ['Stage', 'Cases'],
        [
          ['Reported', 12],
          ['Charged', null],
        ],
      ),
    ).toBe('\uFEFFStage,Cases\r\nReported,12\r\nCharged,\r\n')
  })

  test('no BOM when asked', () => {
    expect(toCsv(['a'], [], { bom: false })).toBe('a\r\n')
  })

  test('csvRow', () => {
    expect(csvRow(['x', 1, ''])).toBe('x,1,\r\n')
  })

  test('property: reads back to the same text, formula starters neutralised', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const width = rows[0]!.length
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''))
        const back = parse(toCsv(table[0]!, table.slice(1), { bom: false }))
        expect(back).toEqual(table.map((r) => r.map(neutraliseFormula)))
        for (const r of back) for (const cell of r) expect(cell).not.toMatch(/^\s*[=+\-@\t\r]/)
      }),
    )
  })
})
