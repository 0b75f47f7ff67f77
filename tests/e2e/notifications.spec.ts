// Notifications by email in a real browser, with every email captured by the mock Resend
// API: a password reset end-to-end through the email the outbox worker sent; the administrator's
// outbox showing it sent, its body withheld (it carries a one-time link); a permanent failure (the
// mock refuses with 422) shown as Failed with its error, retried, then sent; a person choosing a
// weekly summary. Every page visited is axe-checked.
// Accounts changed here: only a new person this spec creates (no demo account, no demo casework).
import { expect, test, type Page } from './fixtures'
import { emailLinks, expectAccessible, latestEmail, login, mailURL } from './utils'

const ADMIN = 'admin@demo.example'
const PERSON = { name: 'Orla Penhallow', email: `e2e-notify-${Date.now()}@test.example` }
const NEW_PASSWORD = 'Penhallow-lantern-2026'

test.describe.configure({ mode: 'serial', timeout: 90_000 })

async function askForReset(page: Page) {
  await page.goto('/forgot-password')
  await page.getByLabel('Email address').fill(PERSON.email)
  await page.getByRole('button', { name: 'Send reset link' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email')
}

/** The outbox row of the newest password reset email to PERSON, waiting (reloading) until it shows `status`. */
async function resetRow(page: Page, status: 'Sent' | 'Failed', filter = '') {
  const row = () => page.getByTestId('outbox').getByRole('row').filter({ hasText: PERSON.email }).filter({ hasText: 'Password reset link' }).first()
  await expect(async () => {
    await page.goto(`/admin/outbox${filter}`)
    await expect(row().getByText(status, { exact: true })).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
  return row()
}

test('a person resets their password through the emailed link, then signs in with it', async ({ page, browser }) => {
  // An administrator adds the person (no password yet: they are sent a set-password email, unused here).
  const adminContext = await browser.newContext()
  const admin = await adminContext.newPage()
  await login(admin, ADMIN)
  await admin.goto('/admin/users/new')
  await admin.getByLabel('Full name').fill(PERSON.name)
  await admin.getByLabel('Work email address').fill(PERSON.email)
  await admin.getByLabel('Advocate', { exact: true }).check()
  await admin.getByLabel('Organisation').selectOption({ label: 'Harbour Lights Therapeutic Support' })
  await admin.getByRole('button', { name: 'Create account' }).click()
  await expect(admin.getByRole('heading', { level: 1, name: PERSON.name })).toBeVisible()
  await adminContext.close()

  const asked = new Date()
  await askForReset(page)
  await expectAccessible(page)
  const email = await latestEmail(PERSON.email, { after: asked, timeout: 20_000 })
  expect(email.subject).toMatch(/password/i)
  const link = emailLinks(email).find((l) => l.includes('/reset-password/'))
  expect(link).toBeTruthy()
  await page.goto(new URL(link!).pathname)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password')
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD)
  await page.getByLabel('Confirm new password').fill(NEW_PASSWORD)
  await page.getByRole('button', { name: 'Save password' }).click()
  await expect(page).toHaveURL(/\/login$/)
  await expect(page.locator('.govuk-notification-banner')).toContainText('Your password has been changed')
  await login(page, PERSON.email, NEW_PASSWORD)
  await expect(page.getByTestId('signed-in-as')).toContainText(PERSON.name)
})

test('an administrator sees that email sent in the outbox; its body, a one-time link, is not shown', async ({ page }) => {
  await login(page, ADMIN)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Outbox' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible()
  const row = await resetRow(page, 'Sent')
  await expect(page.getByRole('navigation', { name: 'Emails by status' })).toContainText(/Sent \(\d+\)/)
  await expectAccessible(page)

  await row.getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Password reset link')
  const details = page.getByTestId('outbox-email')
  await expect(details).toContainText(PERSON.email)
  await expect(details).toContainText('Sent')
  await expect(page.getByTestId('body-withheld')).toHaveText('This email carries a one-time sign-in link, so its content is not shown.')
  await expect(page.getByRole('main')).not.toContainText('/reset-password/')
  await expect(page.getByRole('button', { name: /Retry now|Send now/ })).toHaveCount(0)
  await expectAccessible(page)
})

test('an email the provider refuses is shown as failed with the error; Retry now sends it', async ({ page, browser }) => {
  // The mock Resend API refuses the next send to PERSON as invalid (422): a permanent failure, not retried by itself.
  const refused = await fetch(new URL(`/__fail-next?count=1&status=422&to=${encodeURIComponent(PERSON.email)}`, mailURL()), { method: 'POST' })
  expect(refused.ok).toBe(true)
  const personContext = await browser.newContext()
  await askForReset(await personContext.newPage())
  await personContext.close()

  await login(page, ADMIN)
  const row = await resetRow(page, 'Failed', '?status=failed')
  await expect(row).toContainText('Simulated failure')
  await row.getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Password reset link')
  await expect(page.getByTestId('outbox-email')).toContainText('Failed')
  await expect(page.getByTestId('outbox-email')).toContainText('Simulated failure (mock Resend)')
  await expectAccessible(page)

  const retried = new Date()
  await page.getByRole('button', { name: 'Retry now' }).click()
  await expect(page.getByTestId('notification-banner')).toContainText('The email will be tried again now.')
  await expect(async () => {
    await page.reload()
    await expect(page.getByTestId('outbox-email')).toContainText('Sent', { timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
  await expect(page.getByTestId('outbox-email')).not.toContainText('Simulated failure')
  await expect(page.getByRole('button', { name: 'Retry now' })).toHaveCount(0)
  const delivered = await latestEmail(PERSON.email, { after: retried })
  expect(emailLinks(delivered).some((l) => l.includes('/reset-password/'))).toBe(true)
})

test('a person chooses a weekly summary for follow-up visits, and sees it saved', async ({ page }) => {
  await login(page, PERSON.email, NEW_PASSWORD)
  await page.goto('/account')
  await page.getByRole('link', { name: 'Choose how you hear about reminders' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your notifications')
  const visits = page.getByRole('group', { name: 'Follow-up visits' })
  await expect(visits.getByLabel('An email each time')).toBeChecked()
  // Advocates do not set their organisation's team inbox.
  await expect(page.getByTestId('team-inbox')).toHaveCount(0)
  await expectAccessible(page)

  await visits.getByLabel('In a weekly summary (Mondays at 7am)').check()
  await page.getByRole('button', { name: 'Save notification choices' }).click()
  await expect(page.getByTestId('notification-banner')).toContainText('Your notification choices have been saved.')
  await page.reload()
  await expect(page.getByRole('group', { name: 'Follow-up visits' }).getByLabel('In a weekly summary (Mondays at 7am)')).toBeChecked()
  await expect(page.getByRole('group', { name: 'Hearings' }).getByLabel('An email each time')).toBeChecked()
  await expectAccessible(page)
})
