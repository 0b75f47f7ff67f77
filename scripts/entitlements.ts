// `npm run -s entitlements -- <scenario.json>` — the Victims' Code entitlements engine on a scenario
// file. Prints the
// engine's result as JSON (2-space indented) on stdout, exit 0. A file that cannot be read, is not
// JSON or does not match the format: one line per problem on stderr, each naming the field, exit 2.
// Uses the `code-2020` rule set and the England & Wales bank holidays built into the app.
import { readFileSync } from 'node:fs'
import { ENGLAND_WALES_HOLIDAY_DATES } from '../app/domain/calendar/bank-holidays'
import { evaluateEntitlements } from '../app/domain/entitlements/engine'
import { CODE_2020 } from '../app/domain/entitlements/rules'
import { parseScenarioText } from '../app/domain/entitlements/scenario'

const USAGE = 'Usage: npm run -s entitlements -- <scenario.json>'

function fail(lines: string[]): never {
  for (const line of lines) process.stderr.write(`${line}\n`)
  process.exit(2)
}

const args = process.argv.slice(2).filter((a) => a !== '--')
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE)
  process.exit(0)
}
const file = args[0]
if (!file || args.length > 1) fail([USAGE])

let text: string
try {
  text = readFileSync(file, 'utf8')
} catch (e) {
  fail([`${file}: cannot be read (${e instanceof Error ? e.message : String(e)})`])
}

const parsed = parseScenarioText(text)
if (!parsed.ok) fail(parsed.errors.map((e) => `${file}: ${e}`))

const result = evaluateEntitlements(parsed.scenario, CODE_2020, ENGLAND_WALES_HOLIDAY_DATES)
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
