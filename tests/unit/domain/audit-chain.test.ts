import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { auditHash, canonicalJson, GENESIS_HASH, verifyChain, type AuditFields, type ChainedRow } from '~/domain/audit/chain'

const t0 = Date.parse('2026-11-01T09:00:00Z')

function fields(i: number, overrides: Partial<AuditFields> = {}): AuditFields {
  return {
    seq: BigInt(i + 1),
    at: new Date(t0 + i * 1000),
    actorId: `user${i % 3}`,
    actorEmail: `user${i % 3}@test.example`,
    action: i % 2 ? 'victim.view' : 'auth.login.success',
    entityType: 'victim',
    entityId: `v${i}`,
    ip: '192.0.2.1',
    details: { n: i, nested: { b: 2, a: [1, 'x'] } },
    ...overrides,
  }
}

/** Builds a correctly chained list of rows from their fields, as audit() does. */
function chain(list: AuditFields[], prevHash = GENESIS_HASH): ChainedRow[] {
  const rows: ChainedRow[] = []
  let prev = prevHash
  for (const f of list) {
    const hash = auditHash(f, prev)
    rows.push({ ...f, prevHash: prev, hash })
    prev = hash
  }
  return rows
}

const rows10 = () => chain(Array.from({ length: 10 }, (_, i) => fields(i)))

describe('canonicalJson', () => {
  test('sorts keys at every depth and drops undefined values', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}')
  })

  test('serialises dates, bigints and null deterministically', () => {
    expect(canonicalJson({ at: new Date(t0), seq: 12n, x: null })).toBe('{"at":"2026-11-01T09:00:00.000Z","seq":"12","x":null}')
    expect(canonicalJson(undefined)).toBe('null')
  })
})

describe('auditHash', () => {
  test('is a sha256 hex digest, stable across key order and seq type', () => {
    const a = auditHash(fields(0), GENESIS_HASH)
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(auditHash({ ...fields(0), seq: 1 }, GENESIS_HASH)).toBe(a)
    expect(auditHash({ ...fields(0), details: { nested: { a: [1, 'x'], b: 2 }, n: 0 } }, GENESIS_HASH)).toBe(a)
  })

  test('covers every field and the previous hash', () => {
    const base = fields(0)
    const a = auditHash(base, GENESIS_HASH)
    const variants: Partial<AuditFields>[] = [
      { seq: 2n },
      { at: new Date(t0 + 1) },
      { actorId: 'someone-else' },
      { actorEmail: null },
      { action: 'victim.update' },
      { entityType: 'case' },
      { entityId: 'v999' },
      { ip: '192.0.2.2' },
      { details: { n: 1 } },
      { details: null },
    ]
    for (const v of variants) expect(auditHash({ ...base, ...v }, GENESIS_HASH), JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? String(x) : x))).not.toBe(a)
    expect(auditHash(base, 'f'.repeat(64))).not.toBe(a)
  })
})

describe('verifyChain', () => {
  test('an intact chain verifies and counts its rows', () => {
    expect(verifyChain(rows10())).toEqual({ ok: true, checked: 10 })
    expect(verifyChain([])).toEqual({ ok: true, checked: 0 })
  })

  test('a tampered row (field changed, hash left alone) is reported at its seq', () => {
    const rows = rows10()
    rows[4] = { ...rows[4]!, action: 'victim.delete' }
    expect(verifyChain(rows)).toEqual({ ok: false, checked: 4, brokenAtSeq: '5', reason: 'hash_mismatch' })
  })

  test('a tampered row whose hash was recomputed breaks the link to the next row', () => {
    const rows = rows10()
    const changed = { ...rows[4]!, details: { n: 'edited' } }
    rows[4] = { ...changed, hash: auditHash(changed, changed.prevHash) }
    expect(verifyChain(rows)).toEqual({ ok: false, checked: 5, brokenAtSeq: '6', reason: 'prev_hash_mismatch' })
  })

  test('a removed row is detected at the row after the gap', () => {
    const rows = rows10()
    rows.splice(3, 1)
    expect(verifyChain(rows)).toEqual({ ok: false, checked: 3, brokenAtSeq: '5', reason: 'prev_hash_mismatch' })
  })

  test('removing the first row is detected too', () => {
    expect(verifyChain(rows10().slice(1))).toMatchObject({ ok: false, brokenAtSeq: '2', reason: 'prev_hash_mismatch' })
  })

  test('reordered rows are detected', () => {
    const rows = rows10()
    ;[rows[6], rows[7]] = [rows[7]!, rows[6]!]
    expect(verifyChain(rows)).toEqual({ ok: false, checked: 6, brokenAtSeq: '8', reason: 'prev_hash_mismatch' })
  })

  test('verifies page by page when given the previous hash and running count', () => {
    const rows = rows10()
    const first = verifyChain(rows.slice(0, 4))
    expect(first).toEqual({ ok: true, checked: 4 })
    expect(verifyChain(rows.slice(4), rows[3]!.hash, 4)).toEqual({ ok: true, checked: 10 })
    expect(verifyChain(rows.slice(4), GENESIS_HASH, 4)).toMatchObject({ ok: false, brokenAtSeq: '5' })
  })

  const arbitraryFields = fc.record({
    at: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
    actorId: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
    actorEmail: fc.option(fc.emailAddress(), { nil: null }),
    action: fc.constantFrom('victim.view', 'case.view', 'user.create', 'auth.login.failure', 'export.csv'),
    entityType: fc.option(fc.constantFrom('victim', 'case', 'user', 'login'), { nil: null }),
    entityId: fc.option(fc.string({ maxLength: 24 }), { nil: null }),
    ip: fc.option(fc.ipV4(), { nil: null }),
    details: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: null }),
  })
  const arbitraryChain = fc
    .array(arbitraryFields, { minLength: 1, maxLength: 25 })
    .map((list) => chain(list.map((f, i) => ({ ...f, seq: BigInt(i + 1) }))))

  test('property: any chain built by auditHash verifies', () => {
    fc.assert(
      fc.property(arbitraryChain, (rows) => {
        expect(verifyChain(rows)).toEqual({ ok: true, checked: rows.length })
      }),
    )
  })

  test('property: changing any one field of any one row is detected at or right after that row', () => {
    fc.assert(
      fc.property(
        arbitraryChain,
        fc.nat(),
        fc.constantFrom('action', 'actorId', 'entityId', 'ip', 'details', 'at') as fc.Arbitrary<keyof AuditFields>,
        (rows, pick, key) => {
          const i = pick % rows.length
          const original = rows[i]!
          const replacement = key === 'at' ? new Date(original.at.getTime() + 1) : key === 'details' ? { tampered: true } : `${String(original[key])}-x`
          const tampered = [...rows]
          tampered[i] = { ...original, [key]: replacement }
          const report = verifyChain(tampered)
          expect(report.ok).toBe(false)
          if (!report.ok) expect(report.brokenAtSeq).toBe(String(original.seq))
        },
      ),
    )
  })

  test('property: deleting or swapping rows is always detected', () => {
    fc.assert(
      fc.property(arbitraryChain.filter((r) => r.length >= 2), fc.nat(), fc.boolean(), (rows, pick, remove) => {
        const i = pick % (rows.length - 1)
        const changed = [...rows]
        if (remove) changed.splice(i, 1)
        else [changed[i], changed[i + 1]] = [changed[i + 1]!, changed[i]!]
        expect(verifyChain(changed).ok).toBe(false)
      }),
    )
  })
})
