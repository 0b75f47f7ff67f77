// Creates prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the
// existing migrations and prisma/schema.prisma, touching no database (the shadow is in-memory
// PGlite, see scripts/prisma-cli-adapter.ts). Usage: npm run db:new-migration -- add_visits
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const name = process.argv[2]
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:new-migration -- <name_in_snake_case>')
  process.exit(2)
}

const sql = execFileSync(
  'npx',
  [
    'prisma', 'migrate', 'diff',
    '--from-migrations', 'prisma/migrations',
    '--to-schema-datamodel', 'prisma/schema.prisma',
    '--script',
  ],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
)

if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  console.log('Schema and migrations already agree: nothing to write.')
  process.exit(0)
}

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
const dir = path.join('prisma', 'migrations', `${stamp}_${name}`)
mkdirSync(dir, { recursive: true })
writeFileSync(path.join(dir, 'migration.sql'), sql)
console.log(`Wrote ${dir}/migration.sql — review it, then commit it with the schema change.`)
