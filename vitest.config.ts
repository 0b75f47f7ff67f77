// Vitest: two projects. `unit` — pure, fast, no database (tests/unit). `integration` — each test
// file gets a fresh, migrated database installed with useDatabase(): in-memory PGlite restored from
// a snapshot migrated once per run, or a new PostgreSQL database per file when DATABASE_URL is set.
import path from 'node:path'
import { defineConfig } from 'vitest/config'

const root = import.meta.dirname
const alias = {
  '~': path.join(root, 'app'),
  '#emails': path.join(root, 'emails'),
  '#tests': path.join(root, 'tests'),
}

export default defineConfig({
  resolve: { alias },
  test: {
    env: {
      NODE_ENV: 'test',
      // Quiet structured logs unless a developer asks for them.
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      // Nothing under test may touch the developer's ./data; setup installs its own database.
      DATA_DIR: path.join(root, 'tests/.tmp/vitest-data'),
    },
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/setup/console.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/global-database.ts'],
          setupFiles: ['tests/setup/console.ts', 'tests/setup/database.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
