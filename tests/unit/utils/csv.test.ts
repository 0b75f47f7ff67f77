import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { toCsv, type CsvValue } from '~/utils/csv'

/** One cell as written in a record (no BOM, without the CRLF). */
const cell = (value: CsvValue) => toCsv(['h'], [[value]], { bom: false }).slice('h\r\n'.length, -2)

/** OWASP's rule, as a spreadsheet would see the cell once read back. */
const neutralised = (text: string) => (/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? `'${text}` : text)

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

describe('cells', () => {
  test.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
    ['Zoë – café', 'Zoë – café'],
  ])('%j → %j', (value, expected) => {
    expect(cell(value)).toBe(expected)
  })

  test('numbers, booleans, dates, nothing', () => {
    expect(cell(-3)).toBe('-3')
    expect(cell(0.25)).toBe('0.25')
    expect(cell(Number.NaN)).toBe('')
    expect(cell(Number.POSITIVE_INFINITY)).toBe('')
    expect(cell(true)).toBe('true')
    expect(cell(false)).toBe('false')
    expect(cell(new Date('2026-11-29T10:00:00Z'))).toBe('2026-11-29T10:00:00.000Z')
    expect(cell(new Date(Number.NaN))).toBe('')
    expect(cell(null)).toBe('')
    expect(cell(undefined)).toBe('')
  })

  test.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+44 1234', "'+44 1234"],
    ['-2+3', "'-2+3"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tTAB', "'\tTAB"],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['\r=1', '"\'\r=1"'],
    ['＝1+1', "'＝1+1"],
    ['a=1', 'a=1'],
    ['2026-Q3', '2026-Q3'],
  ])('formula injection: %j → %j', (value, expected) => {
    expect(cell(value)).toBe(expected)
  })

  test('a negative number is a number, not a formula: written as it is', () => {
    expect(cell(-42)).toBe('-42')
    expect(cell('-42')).toBe("'-42")
  })

  test('header cells follow the same rule', () => {
    expect(toCsv(['=cmd', 'ok'], [], { bom: false })).toBe("'=cmd,ok\r\n")
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
    expect(toCsv(['x', 'y', 'z'], [['x', 1, '']], { bom: false })).toBe('x,y,z\r\nx,1,\r\n')
  })

  test('property: reads back to the same text, formula starters neutralised', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const width = rows[0]!.length
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''))
        const back = parse(toCsv(table[0]!, table.slice(1), { bom: false }))
        expect(back).toEqual(table.map((r) => r.map(neutralised)))
        for (const r of back) for (const c of r) expect(c).not.toMatch(/^[=+\-@\t\r]/)
      }),
    )
  })
})
