// What both commands share: which database this process is configured for, and how a manifest
// reads to an operator.
import path from 'node:path'
import type { Manifest } from './format'
import { describeChain } from './inventory'

export type Target = { engine: 'postgres'; url: string; label: string } | { engine: 'pglite'; dataDir: string; label: string }

/** The same choice the app makes (app/services/db.server.ts): DATABASE_URL, else DATA_DIR/pglite. */
export function configuredTarget(env: NodeJS.ProcessEnv = process.env): Target {
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL)
    return { engine: 'postgres', url: env.DATABASE_URL, label: `PostgreSQL ${url.host}${url.pathname} (DATABASE_URL)` }
  }
  const dataDir = path.resolve(env.DATA_DIR || './data', 'pglite')
  return { engine: 'pglite', dataDir, label: `embedded database ${dataDir} (DATA_DIR)` }
}

export function describeManifest(manifest: Manifest): string {
  const tables = Object.entries(manifest.tables)
  const rows = tables.reduce((sum, [, t]) => sum + t.rows, 0)
  return [
    `  Engine       ${manifest.engine} ${manifest.engineVersion} (${manifest.tool})`,
    `  Created at   ${manifest.createdAt}`,
    `  App          Waypoint ${manifest.app.version}, migration ${manifest.app.migration ?? '(none)'} (${manifest.app.migrations} applied)`,
    `  Contents     ${tables.length} tables, ${rows} rows`,
    `  Audit log    ${manifest.audit.events} events, chain ${describeChain(manifest.audit.chain)}`,
    `  Audit head   #${manifest.audit.headSeq ?? '–'} ${manifest.audit.headHash ?? ''}`.trimEnd(),
    `  Payload      ${manifest.payload.format}, ${(manifest.payload.bytes / 1024 / 1024).toFixed(1)} MiB, sha256 ${manifest.payload.sha256}`,
  ].join('\n')
}

export function hasFlag(name: string) {
  return process.argv.includes(name)
}

export function option(name: string): string | undefined {
  const index = process.argv.indexOf(name)
  return index >= 0 ? process.argv[index + 1] : undefined
}
