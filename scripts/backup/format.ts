// The backup file: one self-describing file per backup, whatever the engine.
//
//   WAYPOINT-BACKUP 1\n            magic line: what this is and the format version
//   {manifest JSON}\n              engine, migration level, created at, rows and checksum per table,
//                                  audit chain head, the payload's size and SHA-256, its own digest
//   <payload bytes>                pg_dump custom archive (PostgreSQL) or PGlite data dir tar.gz
//
// The header is plain text so `head -2 file` tells an operator what a file holds without tools.
// Every check a restore makes before touching the target lives here: magic, manifest digest,
// payload size (truncation) and payload hash (corruption).
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, openSync, readSync, closeSync, renameSync, statSync, rmSync } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { z } from 'zod'
import { canonicalJson } from '../../app/domain/audit/chain'

export const MAGIC = 'WAYPOINT-BACKUP 1'
const MAX_HEADER_BYTES = 1024 * 1024

export const PayloadFormat = z.enum(['pg_dump-custom', 'pglite-datadir-tar-gzip'])

const manifestSchema = z.object({
  format: z.literal('waypoint-backup'),
  version: z.literal(1),
  createdAt: z.string().datetime(),
  engine: z.enum(['pglite', 'postgres']),
  /** The database server's version (`SHOW server_version`). */
  engineVersion: z.string(),
  /** What wrote the payload: 'pg_dump 15.20' or '@electric-sql/pglite 0.5.17'. */
  tool: z.string(),
  app: z.object({
    version: z.string(),
    /** The last applied migration (prisma/migrations/<name>), null for a database never migrated. */
    migration: z.string().nullable(),
    migrations: z.number().int().nonnegative(),
  }),
  /** Every table of the schema: its row count and an order-independent checksum of its rows. */
  tables: z.record(z.string(), z.object({ rows: z.number().int().nonnegative(), checksum: z.string().regex(/^[0-9a-f]{32}$/) })),
  audit: z.object({
    events: z.number().int().nonnegative(),
    headSeq: z.string().nullable(),
    headHash: z.string().nullable(),
    /** The chain as verified when the backup was taken: 'intact', or where it was already broken. */
    chain: z.union([z.literal('intact'), z.object({ brokenAtSeq: z.string(), reason: z.string() })]),
  }),
  payload: z.object({ format: PayloadFormat, bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  /** SHA-256 of this manifest's canonical JSON without `digest`: a damaged header is refused. */
  digest: z.string().regex(/^[0-9a-f]{64}$/),
})

export type Manifest = z.infer<typeof manifestSchema>
export type ManifestBody = Omit<Manifest, 'digest' | 'payload' | 'format' | 'version'>

export class BackupFileError extends Error {
  override name = 'BackupFileError'
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const manifestDigest = (manifest: Omit<Manifest, 'digest'>) => sha256(canonicalJson(manifest))

/**
 * Writes `out` from a payload already on disk: header first, then the payload copied across. The
 * file appears under its name only when complete (written as .partial, then renamed), readable by
 * its owner only — it holds the whole case file.
 */
export async function writeBackupFile(out: string, body: ManifestBody, payloadFile: string, format: z.infer<typeof PayloadFormat>): Promise<Manifest> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(payloadFile)) hash.update(chunk as Buffer)
  const unsigned = {
    format: 'waypoint-backup' as const,
    version: 1 as const,
    ...body,
    payload: { format, bytes: statSync(payloadFile).size, sha256: hash.digest('hex') },
  }
  const manifest: Manifest = { ...unsigned, digest: manifestDigest(unsigned) }
  const partial = `${out}.partial`
  try {
    const file = createWriteStream(partial, { mode: 0o600 })
    file.write(`${MAGIC}\n${JSON.stringify(manifest)}\n`)
    await pipeline(createReadStream(payloadFile), file)
    renameSync(partial, out)
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
  return manifest
}

export interface OpenedBackup {
  file: string
  manifest: Manifest
  /** Byte offset where the payload starts. */
  payloadStart: number
}

/** Reads and checks the header only (cheap): magic line, manifest shape and digest. */
export function readBackupHeader(file: string): OpenedBackup {
  let size: number
  try {
    size = statSync(file).size
  } catch {
    throw new BackupFileError(`${file}: no such file.`)
  }
  const fd = openSync(file, 'r')
  const buffer = Buffer.alloc(Math.min(size, MAX_HEADER_BYTES))
  try {
    readSync(fd, buffer, 0, buffer.length, 0)
  } finally {
    closeSync(fd)
  }
  const first = buffer.indexOf(10)
  if (first < 0 || buffer.subarray(0, first).toString('utf8') !== MAGIC) {
    throw new BackupFileError(`${file} is not a Waypoint backup (its first line is not "${MAGIC}").`)
  }
  const second = buffer.indexOf(10, first + 1)
  if (second < 0) throw new BackupFileError(`${file}: the manifest is cut short — the file is truncated or damaged.`)
  let parsed: unknown
  try {
    parsed = JSON.parse(buffer.subarray(first + 1, second).toString('utf8'))
  } catch {
    throw new BackupFileError(`${file}: the manifest is not valid JSON — the file is damaged.`)
  }
  const result = manifestSchema.safeParse(parsed)
  if (!result.success) {
    const issues = result.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(manifest)'}: ${i.message}`)
    throw new BackupFileError(`${file}: the manifest is not one this version of Waypoint reads (${issues.join('; ')}).`)
  }
  const { digest, ...unsigned } = result.data
  if (manifestDigest(unsigned) !== digest) {
    throw new BackupFileError(`${file}: the manifest does not match its digest — it was changed or damaged after the backup was written.`)
  }
  return { file, manifest: result.data, payloadStart: second + 1 }
}

/** Reads the whole payload once: refuses a file that is truncated, has bytes added, or whose payload was changed. */
export async function verifyPayload(backup: OpenedBackup): Promise<void> {
  const { file, manifest, payloadStart } = backup
  const actual = statSync(file).size - payloadStart
  if (actual < manifest.payload.bytes) {
    throw new BackupFileError(`${file} is truncated: its payload has ${actual} of ${manifest.payload.bytes} bytes. Do not restore it; use another backup.`)
  }
  if (actual > manifest.payload.bytes) {
    throw new BackupFileError(`${file} has ${actual - manifest.payload.bytes} bytes more than its manifest says: it was changed after it was written.`)
  }
  const hash = createHash('sha256')
  if (actual > 0) {
    for await (const chunk of createReadStream(file, { start: payloadStart })) hash.update(chunk as Buffer)
  }
  if (hash.digest('hex') !== manifest.payload.sha256) {
    throw new BackupFileError(`${file} is corrupted: its payload's SHA-256 does not match the manifest. Do not restore it; use another backup.`)
  }
}

export function payloadStream(backup: OpenedBackup) {
  return createReadStream(backup.file, { start: backup.payloadStart })
}
