// Helpers shared by the end-to-end tests. Conventions:
// - call `expectAccessible(page)` on every page a test visits (axe, WCAG 2.2 AA, zero violations);
// - sign in with `login(page, email)` (demo accounts share DEMO_PASSWORD);
// - emails the app sends are captured by the mock Resend API (tests/mocks/resend-server.ts):
//   read them with `readEmails(to)` / `latestEmail(to)` and pull links out with `emailLinks(email)`.
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'
import type { CapturedEmail } from '../mocks/resend-server'
import { DEMO_PASSWORD } from '../../app/domain/access/demo-accounts'

export { DEMO_PASSWORD }
export type { CapturedEmail }

// The mock Resend API of this worker's servers (set by the `servers` fixture in ./fixtures).
let mailUrl = `http://127.0.0.1:${process.env.E2E_MAIL_PORT ?? 3999}`
export const setMailUrl = (url: string) => {
  mailUrl = url
}
export const mailURL = () => mailUrl

/**
 * Signs in through the /login form and waits until the browser has left /login (for an account
 * with two-factor authentication that is /login/two-factor). Fails with the page's error message
 * if sign-in is refused.
 */
export async function login(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login')
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  const left = page.waitForURL((url) => url.pathname !== '/login', { timeout: 15_000 }).then(() => 'left' as const)
  const refused = page
    .locator('.govuk-error-summary')
    .waitFor({ state: 'visible', timeout: 15_000 })
    .then(() => 'refused' as const)
  const outcome = await Promise.race([left, refused])
  left.catch(() => {})
  refused.catch(() => {})
  if (outcome === 'refused' && new URL(page.url()).pathname === '/login') {
    const message = await page.locator('.govuk-error-summary').innerText()
    throw new Error(`login(${email}) was refused: ${message.replace(/\s+/g, ' ').trim()}`)
  }
  await page.waitForLoadState('load')
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * Runs axe-core on the page as it is now and expects zero WCAG 2.2 AA violations. On failure the
 * message lists each rule, its impact, help URL and the offending elements.
 */
export async function expectAccessible(page: Page, options: { exclude?: string[] } = {}): Promise<void> {
  const analyze = (legacy: boolean) => {
    // iframes: false — the only frames are the sandboxed email previews (/admin/emails/:template),
    // which run no script, so axe cannot enter them; the emails' HTML is checked by unit tests.
    let builder = new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(legacy).options({ iframes: false })
    for (const selector of options.exclude ?? []) builder = builder.exclude(selector)
    return builder.analyze()
  }
  // AxeBuilder's default mode opens a helper page in the page's context, which Playwright refuses
  // for pages made with browser.newPage() (or, with a frame on the page, cannot find their context);
  // legacy mode runs in the page itself (same results here: the app has no cross-origin frames).
  const results = await analyze(false).catch((error: Error) => {
    if (/newContext|newPage|browser context/.test(error.message)) return analyze(true)
    throw error
  })
  const report = results.violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 10)
        .map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}\n      ${n.html.slice(0, 200)}`)
        .join('\n')
      return `• [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.nodes.length} element(s))\n    ${v.helpUrl}\n${nodes}`
    })
    .join('\n')
  expect(results.violations, `Accessibility violations on ${page.url()}:\n${report}`).toHaveLength(0)
}

/** Every email captured so far (oldest first), only those to `to` when given. No waiting. */
export async function readEmails(to?: string): Promise<CapturedEmail[]> {
  const url = new URL('/emails', mailUrl)
  if (to) url.searchParams.set('to', to)
  const res = await fetch(url)
  if (!res.ok) throw new Error(`mock Resend answered ${res.status} for ${url.toString()}`)
  return ((await res.json()) as { data: CapturedEmail[] }).data
}

/**
 * The most recent email to `to`, waiting up to `timeout` ms for one to arrive (emails may be sent
 * after the response). With `after`, only an email created after that moment counts — take
 * `const t = new Date()` before the action that sends it.
 */
export async function latestEmail(to: string, options: { after?: Date; timeout?: number } = {}): Promise<CapturedEmail> {
  const deadline = Date.now() + (options.timeout ?? 10_000)
  for (;;) {
    const emails = (await readEmails(to)).filter((e) => !options.after || new Date(e.created_at) >= options.after)
    const last = emails.at(-1)
    if (last) return last
    if (Date.now() > deadline) {
      throw new Error(`No email to ${to}${options.after ? ` after ${options.after.toISOString()}` : ''} arrived in time`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** The http(s) links in an email (text part, then html), in order of appearance, de-duplicated. */
export function emailLinks(email: CapturedEmail): string[] {
  const source = `${email.text ?? ''}\n${(email.html ?? '').replace(/&amp;/g, '&')}`
  return [...new Set(source.match(/https?:\/\/[^\s"'<>)]+/g) ?? [])]
}

/** Forgets every captured email (e.g. at the start of a test that counts emails). */
export async function clearEmails(): Promise<void> {
  await fetch(new URL('/emails', mailUrl), { method: 'DELETE' })
}
