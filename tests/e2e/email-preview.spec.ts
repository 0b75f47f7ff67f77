// The email template previews in a real browser: the demo administrator opens
// Email templates from the admin navigation, sees every template with its sample subject, and opens
// one: its subject, the plain-text version and the HTML as a sandboxed document of its own. An unknown template
// is a 404; an officer is refused with 403. Read-only: the demo data is untouched.
import { expect, test } from './fixtures'
import { expectAccessible, login } from './utils'

test('an administrator previews the email templates and one template in full', async ({ page }) => {
  test.setTimeout(120_000)
  await login(page, 'admin@demo.example')
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Email templates' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Email templates' })).toBeVisible()
  const table = page.getByTestId('email-templates')
  await expect(table.locator('tbody tr')).toHaveCount(11)
  await expect(table).toContainText('Your weekly Waypoint summary: 1 overdue, 1 due')
  await expect(table.getByRole('row', { name: /Password reset link/ })).toContainText('Yes')
  await expectAccessible(page)

  await table.getByRole('link', { name: 'Follow-up visit due or overdue' }).click()
  await expect(page).toHaveURL(/\/admin\/emails\/visit-reminder$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Follow-up visit due or overdue' })).toBeVisible()
  await expect(page.getByTestId('email-subject')).toContainText('Due: follow-up visit (WP-DEMO-0001)')
  const text = page.getByTestId('email-text')
  await expect(text).toContainText('Waypoint reference: WP-DEMO-0001')
  await expect(text).toContainText('The visit is due by Tuesday 1 December 2026.')

  await expectAccessible(page)

  // The HTML is its own document, sandboxed by its security policy, with the email's inline styles allowed.
  await page.getByTestId('email-html-link').click()
  await expect(page).toHaveURL(/\/admin\/emails\/visit-reminder\/html$/)
  await expect(page.getByRole('heading', { name: 'A follow-up visit is due' })).toBeVisible()
  const policy = (await page.request.get('/admin/emails/visit-reminder/html')).headers()['content-security-policy'] ?? ''
  expect(policy).toContain('sandbox')
  // The styles apply: the heading is Waypoint's size, not the browser's default for h1 (32px).
  expect(await page.getByRole('heading', { name: 'A follow-up visit is due' }).evaluate((h) => getComputedStyle(h).fontSize)).toBe('26px')
  await page.goBack()

  await page.getByRole('link', { name: 'Back to email templates' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Email templates' })).toBeVisible()

  const missing = await page.goto('/admin/emails/no-such-email')
  expect(missing?.status()).toBe(404)
})

test('an officer gets 403 on the email template pages', async ({ page }) => {
  await login(page, 'officer@demo.example')
  for (const path of ['/admin/emails', '/admin/emails/digest', '/admin/emails/digest/html']) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(403)
  }
})
