// Any console.error during a test fails it (as in the Epic Stack's tests/setup): React warnings,
// unexpected caught errors and the like must not pass silently. A test that expects one calls
// `allowConsoleError()` and may then inspect the recorded calls.
import { afterEach, beforeEach } from 'vitest'

const original = console.error
let calls: unknown[][] = []
let allowed = false

beforeEach(() => {
  calls = []
  allowed = false
  console.error = (...args: unknown[]) => {
    calls.push(args)
    original(...args)
  }
})

afterEach(() => {
  console.error = original
  if (calls.length > 0 && !allowed) {
    const first = calls[0]!.map((a) => (a instanceof Error ? a.stack : String(a))).join(' ')
    throw new Error(
      `console.error was called ${calls.length} time(s) during this test; call allowConsoleError() if that is expected.\nFirst call: ${first}`,
    )
  }
})

/** Lets the current test call console.error; returns the calls recorded so far (live array). */
export function allowConsoleError(): { calls: () => unknown[][] } {
  allowed = true
  return { calls: () => calls }
}
