// The administrator's area in a real browser: the users list as home page, creating a user (with
// the set-password email), changing a role, deactivating an account (which signs its owner out),
// requiring two-factor sign-in for an organisation and back, the audit log (verify the chain,
// export) — and other roles refused. Every page visited is axe-checked.
// Accounts changed here: only new users and deactivate-me@demo.example (reserved for this test).
import { expect, test, type Page } from './fixtures'
import { expectAccessible, latestEmail, login } from './utils'

const ADMIN = 'admin@demo.example'

async function openUser(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Users' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible()
  await page.getByRole('link', { name, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
}

test('an administrator signs in and lands on the users list, filters it and sees the header', async ({ page }) => {
  await login(page, ADMIN)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users')
  const table = page.getByTestId('users-table')
  await expect(table.getByRole('link', { name: 'Ama Okafor-Reyes' })).toBeVisible()
  await expect(page.getByTestId('signed-in-as')).toHaveText('Signed in as Sam Ellery, Administrator, Waypoint Administration')
  // The current section is marked for assistive technology.
  await expect(page.getByRole('navigation', { name: 'Menu' }).locator('[aria-current]')).toHaveText('Users')
  await expectAccessible(page)

  await page.getByLabel('Organisation').selectOption({ label: 'Northmoor Police' })
  await page.getByLabel('Role').selectOption({ label: 'Police officer in charge' })
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(page).toHaveURL(/role=officer/)
  await expect(table.getByRole('link', { name: 'DC Rowan Pellow' })).toBeVisible()
  await expect(table.getByRole('link', { name: 'Ama Okafor-Reyes' })).toHaveCount(0)
  await expect(page.getByLabel('Role')).toHaveValue('officer')
  await expectAccessible(page)

  // Sorting keeps the filters.
  await table.getByRole('link', { name: /^Email/ }).click()
  await expect(page).toHaveURL(/sort=email/)
  await expect(page).toHaveURL(/role=officer/)
  await expect(table.locator('th[aria-sort="ascending"]')).toContainText('Email')
  await expectAccessible(page)
})

test('an administrator creates a user, who is emailed a link; a second account with that email is refused', async ({ page }) => {
  const email = `e2e-new-${Date.now()}@test.example`
  await login(page, ADMIN)
  await page.getByRole('button', { name: 'Add a user' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Add a user' })).toBeVisible()
  await expectAccessible(page)

  // Nothing filled in: every field says what is missing, in the summary and beside the field.
  await page.getByRole('button', { name: 'Create account' }).click()
  const summary = page.locator('.govuk-error-summary')
  await expect(summary).toContainText('Enter the person’s full name')
  await expect(summary).toContainText('Select a role')
  await expect(summary).toContainText('Select an organisation')
  await expectAccessible(page)

  await page.getByLabel('Full name').fill('Tegan Marlowe')
  await page.getByLabel('Work email address').fill(email)
  await page.getByLabel('Advocate', { exact: true }).check()
  await page.getByLabel('Organisation').selectOption({ label: 'Harbour Lights Therapeutic Support' })
  const sent = new Date()
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Tegan Marlowe' })).toBeVisible()
  await expect(page.getByTestId('notification-banner')).toContainText(`We have emailed ${email}`)
  await expect(page.getByTestId('user-role')).toContainText('Advocate')
  await expectAccessible(page)
  const mail = await latestEmail(email, { after: sent })
  expect(mail.text ?? mail.html).toContain('/reset-password/')

  await page.goto('/admin/users/new')
  await page.getByLabel('Full name').fill('Tegan Marlowe Again')
  await page.getByLabel('Work email address').fill(email.toUpperCase())
  await page.getByLabel('Manager', { exact: true }).check()
  await page.getByLabel('Organisation').selectOption({ label: 'Harbour Lights Therapeutic Support' })
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.locator('.govuk-error-summary')).toContainText('An account with this email already exists')
  await expect(page.getByLabel('Work email address')).toHaveValue(email.toUpperCase())
  await expect(page.getByLabel('Full name')).toHaveValue('Tegan Marlowe Again')
  await expect(page.getByLabel('Manager', { exact: true })).toBeChecked()
  await expectAccessible(page)

  // Change the new user's role.
  await openUser(page, 'Tegan Marlowe')
  await page.getByRole('link', { name: 'Change role' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Change role' })).toBeVisible()
  await expect(page.getByLabel('Advocate', { exact: true })).toBeChecked()
  await expectAccessible(page)
  await page.getByLabel('Manager', { exact: true }).check()
  await page.getByRole('button', { name: 'Save role' }).click()
  await expect(page.getByTestId('notification-banner')).toContainText('Tegan Marlowe’s role is now Manager')
  await expect(page.getByTestId('user-role')).toContainText('Manager')
  await expectAccessible(page)
})

test('deactivating an account asks first, then signs its owner out everywhere', async ({ page, browser }) => {
  // The owner is signed in elsewhere.
  const owner = await browser.newPage()
  await login(owner, 'deactivate-me@demo.example')
  await expect(owner.getByTestId('signed-in-as')).toContainText('Elin Harcourt')

  await login(page, ADMIN)
  await openUser(page, 'Elin Harcourt')
  await expect(page.getByTestId('user-status')).toContainText('Active')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Deactivate account' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deactivate Elin Harcourt’s account?')
  await expectAccessible(page)
  // Cancel changes nothing.
  await page.getByRole('link', { name: 'Cancel' }).click()
  await expect(page.getByTestId('user-status')).toContainText('Active')
  await page.getByRole('button', { name: 'Deactivate account' }).click()
  // Wait for the confirmation page: both pages have a button with the same name.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deactivate Elin Harcourt’s account?')
  await page.getByRole('button', { name: 'Deactivate account' }).click()
  await expect(page.getByTestId('notification-banner')).toContainText('Elin Harcourt’s account has been deactivated. 1 session signed out.')
  await expect(page.getByTestId('user-status')).toContainText('Deactivated')
  await expectAccessible(page)

  // The owner's next request finds the session gone; signing in again is refused.
  await owner.reload()
  await expect(owner).toHaveURL(/\/login/)
  await expect(login(owner, 'deactivate-me@demo.example')).rejects.toThrow(/Enter a correct email address and password/)
  await owner.close()
})

test('an administrator requires two-factor sign-in for an organisation, then makes it optional again', async ({ page }) => {
  const org = 'Dale Valley Sexual Assault Referral Centre'
  await login(page, ADMIN)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Organisations' }).click()
  const row = page.getByTestId('organisations-table').getByRole('row').filter({ hasText: org })
  await expect(row).toContainText('Optional')
  await expectAccessible(page)

  const checkbox = page.getByLabel('Require two-factor sign-in for everyone in this organisation')
  await row.getByRole('link', { name: org, exact: true }).click()
  await expect(checkbox).not.toBeChecked()
  await expectAccessible(page)
  await checkbox.check()
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByTestId('notification-banner')).toContainText('Everyone in it must now use two-factor sign-in')
  await expect(row).toContainText('Required')
  await expectAccessible(page)

  await row.getByRole('link', { name: org, exact: true }).click()
  await expect(checkbox).toBeChecked()
  await checkbox.uncheck()
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByTestId('notification-banner')).toContainText('Two-factor sign-in is now optional')
  await expect(row).toContainText('Optional')
  await expectAccessible(page)
})

test('the audit log: the chain verifies as intact, filters work, viewing and exporting are audited', async ({ page }) => {
  await login(page, ADMIN)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Audit log' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('button', { name: 'Verify the audit chain' }).click()
  await expect(page.getByTestId('verify-result')).toContainText('The audit chain is intact')
  await expectAccessible(page)

  // This very page view was recorded.
  await page.getByLabel('Action').fill('audit.')
  await page.getByLabel('Who').fill(ADMIN)
  await page.getByRole('button', { name: 'Apply filters' }).click()
  const table = page.getByTestId('audit-table')
  await expect(table.getByText('audit.view').first()).toBeVisible()
  await expect(table.getByText('audit.verify').first()).toBeVisible()
  await expectAccessible(page)

  // An impossible date is explained, not a crash.
  await page.getByRole('group', { name: 'From' }).getByLabel('Day').fill('31')
  await page.getByRole('group', { name: 'From' }).getByLabel('Month').fill('2')
  await page.getByRole('group', { name: 'From' }).getByLabel('Year').fill('2026')
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(page.locator('.govuk-error-summary')).toContainText('The from date must be a real date')
  await expectAccessible(page)

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export these events (CSV)' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^waypoint-audit-\d{12}\.csv$/)
  const csv = await file.path().then((p) => import('node:fs/promises').then((fs) => fs.readFile(p, 'utf8')))
  expect(csv.split('\r\n')[0]).toBe('seq,at,actor_email,actor_id,action,entity_type,entity_id,ip,details,prev_hash,hash')
  expect(csv).toContain('audit.view')

  await page.goto('/admin/audit?action=audit.export')
  await expect(page.getByTestId('audit-table').getByText('audit.export').first()).toBeVisible()
  await expectAccessible(page)
})

test('the header works by keyboard alone, and collapses behind a Menu button on a small screen', async ({ page }) => {
  await login(page, ADMIN)
  await page.goto('/admin/organisations')
  await expect(page.getByRole('heading', { level: 1, name: 'Organisations' })).toBeVisible()
  // GOV.UK Frontend's JavaScript has started (after hydration).
  await expect(page.locator('.govuk-service-navigation')).toHaveAttribute('data-govuk-service-navigation-init', '')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused()
  // The header's account links come before the sections, as they sit beside the service name.
  const expected = ['Waypoint', 'Your account', 'Sign out', 'Users', 'Organisations', 'Bank holidays', 'Code deadlines', 'Audit log', 'Email templates', 'Outbox']
  for (const name of expected) {
    await page.keyboard.press('Tab')
    await expect(page.locator(':focus')).toHaveText(name)
  }
  await expectAccessible(page)

  await page.setViewportSize({ width: 375, height: 800 })
  const menu = page.getByRole('button', { name: 'Menu' })
  await expect(menu).toBeVisible()
  await expect(menu).toHaveAttribute('aria-expanded', 'false')
  await expect(page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Audit log' })).toBeHidden()
  await menu.focus()
  await page.keyboard.press('Enter')
  await expect(menu).toHaveAttribute('aria-expanded', 'true')
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Audit log' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible()
  await expectAccessible(page)

  await page.setViewportSize({ width: 1280, height: 800 })
  await page.getByRole('button', { name: 'Sign out' }).focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/login$/)
})

test('other roles get the permission page for the administration area', async ({ page }) => {
  await login(page, 'advocate@demo.example')
  for (const path of ['/admin/audit', '/admin/organisations', '/admin/users']) {
    const response = await page.goto(path)
    expect(response?.status()).toBe(403)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have permission to see this page')
    await expectAccessible(page)
  }
})

test('administration forms answer malformed posts with 4xx, never 500', async ({ page, baseURL }) => {
  await login(page, ADMIN)
  const headers = { Origin: baseURL! }
  const posts: { path: string; form: Record<string, string> }[] = [
    { path: '/admin/users/new', form: {} },
    { path: '/admin/users/new', form: { name: 'x'.repeat(5000), email: 'not-an-email', role: 'superuser', organisationId: 'nope' } },
    { path: '/admin/organisations/new', form: { kind: 'pirate', requireTwoFactor: 'maybe' } },
    { path: '/admin/audit?index', form: { intent: 'drop-table' } },
  ]
  for (const { path, form } of posts) {
    const res = await page.request.post(path, { headers, form, maxRedirects: 0 })
    expect(res.status(), `${path} ${JSON.stringify(form).slice(0, 80)}`).toBeGreaterThanOrEqual(400)
    expect(res.status()).toBeLessThan(500)
  }
  const json = await page.request.post('/admin/users/new', { headers: { ...headers, 'content-type': 'application/json' }, data: '{"name":1}', maxRedirects: 0 })
  expect(json.status()).toBe(400)
  // Another user's pages that do not exist are simply not found.
  expect((await page.goto('/admin/users/no-such-user'))?.status()).toBe(404)
  expect((await page.goto('/admin/users/no-such-user/deactivate'))?.status()).toBe(404)
  await expectAccessible(page)
})

test('without JavaScript, an administrator can still filter users and verify the audit chain', async ({ browser }) => {
  // axe needs JavaScript in the page, so these pages are axe-checked in the tests above instead.
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await login(page, ADMIN)
  await page.getByLabel('Status').selectOption('deactivated')
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(page).toHaveURL(/status=deactivated/)
  await expect(page.getByLabel('Status')).toHaveValue('deactivated')
  await page.goto('/admin/audit')
  await page.getByRole('button', { name: 'Verify the audit chain' }).click()
  await expect(page.getByTestId('verify-result')).toContainText('The audit chain is intact')
  await context.close()
})
