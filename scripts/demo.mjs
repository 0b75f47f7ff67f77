// `npm run demo`: build if the build is missing or older than the sources, seed the demo data into
// an empty database (prisma/seed.ts, its own step: the server holds no seed code), then serve the
// production build on the embedded database (DATA_DIR, default ./data).
import { spawnSync, spawn } from 'node:child_process'
import { SERVER_NODE_FLAGS } from './node-flags.mjs'
import { existsSync, statSync, readdirSync } from 'node:fs'
import path from 'node:path'

function newest(dir) {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'generated' || entry.name.startsWith('.')) continue
    const full = path.join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs)
  }
  return latest
}

const built = 'build/server.js'
const sources = Math.max(...['app', 'emails', 'prisma', 'scripts'].filter(existsSync).map(newest))
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('Building Waypoint…')
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const env = { NODE_ENV: 'production', DEMO_MODE: 'true', ...process.env }
// Before the server: PGlite lets one process at a time open the data directory. A database that
// already has data is left alone.
const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'prisma/seed.ts'], { stdio: 'inherit', env })
if (seeded.status !== 0) process.exit(seeded.status ?? 1)

const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, built], { stdio: 'inherit', env })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
