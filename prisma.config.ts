// Prisma CLI configuration. The CLI runs on the JS engine with PGlite in memory as its adapter
// (generate, migrate diff): no native engine is downloaded. See scripts/new-migration.ts.
import { defineConfig } from 'prisma/config'
import { cliAdapter } from './scripts/prisma-cli-adapter'

process.env.DATABASE_URL ??= 'postgresql://unused@localhost/unused'

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  experimental: { adapter: true },
  engine: 'js',
  adapter: cliAdapter,
})
