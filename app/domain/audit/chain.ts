// The audit log's hash chain. Each row's hash covers its own fields and the previous row's hash,
// so changing, removing or reordering any row breaks every hash after it. Pure (hashing is not I/O).
import { createHash } from 'node:crypto'

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditFields {
  seq: bigint | number
  at: Date
  actorId: string | null
  actorEmail: string | null
  action: string
  entityType: string | null
  entityId: string | null
  ip: string | null
  details: unknown
}

export interface ChainedRow extends AuditFields {
  prevHash: string
  hash: string
}

/** Deterministic JSON: object keys sorted at every depth. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  if (typeof value === 'bigint') return JSON.stringify(value.toString())
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export function auditHash(row: AuditFields, prevHash: string): string {
  const payload = canonicalJson({
    seq: String(row.seq),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    ip: row.ip,
    details: row.details ?? null,
    prevHash,
  })
  return createHash('sha256').update(payload).digest('hex')
}

export type ChainReport =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAtSeq: string; reason: 'hash_mismatch' | 'prev_hash_mismatch' }

/** Verifies rows in sequence order. `prevHash` is the hash before the first row (genesis by default). */
export function verifyChain(rows: Iterable<ChainedRow>, prevHash = GENESIS_HASH, checkedSoFar = 0): ChainReport {
  let checked = checkedSoFar
  let previous = prevHash
  for (const row of rows) {
    if (row.prevHash !== previous) {
      return { ok: false, checked, brokenAtSeq: String(row.seq), reason: 'prev_hash_mismatch' }
    }
    if (auditHash(row, row.prevHash) !== row.hash) {
      return { ok: false, checked, brokenAtSeq: String(row.seq), reason: 'hash_mismatch' }
    }
    previous = row.hash
    checked++
  }
  return { ok: true, checked }
}
