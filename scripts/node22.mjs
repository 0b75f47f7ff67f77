// `node scripts/node22.mjs <command> [args…]` runs a command with Node 22 LTS first on PATH, so that
// `npm test` covers both Node versions in package.json's "engines" whatever Node runs it. The binary
// is the npm registry's `node` package (the registry every other dependency comes from), installed
// once into node_modules/.cache/node22; child processes (vitest's workers, tsx) inherit it.
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const MAJOR = 22
const root = path.resolve(import.meta.dirname, '..')
const prefix = path.join(root, 'node_modules/.cache/node22')
const bin = path.join(prefix, 'node_modules/.bin')
const node = path.join(bin, 'node')

const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error('Usage: node scripts/node22.mjs <command> [args…]')
  process.exit(2)
}

const versionOf = (executable) => spawnSync(executable, ['--version'], { encoding: 'utf8' }).stdout?.trim()
const majorOf = (version) => Number(/^v(\d+)\./.exec(version ?? '')?.[1])

let env = process.env
if (majorOf(process.version) !== MAJOR) {
  if (majorOf(versionOf(node)) !== MAJOR) {
    console.log(`Installing Node ${MAJOR} LTS (npm package node@${MAJOR}) into ${path.relative(root, prefix)}…`)
    const install = spawnSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', prefix, `node@${MAJOR}`], {
      stdio: 'inherit',
    })
    if (install.status !== 0 || majorOf(versionOf(node)) !== MAJOR) {
      console.error(`Could not install Node ${MAJOR} into ${prefix}`)
      process.exit(install.status || 1)
    }
  }
  env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` }
}
console.log(`Node ${versionOf(env === process.env ? process.execPath : node)}: ${[command, ...args].join(' ')}`)
const run = spawnSync(command, args, { stdio: 'inherit', env, cwd: root })
process.exit(run.status ?? 1)
