// The administrator's calendar in a real browser: adding a one-off bank
// holiday (a weekend refused beside the field, what was typed kept), renaming it, and removing it after
// the confirmation page; setting a local deadline with a reason on a rule the reference could not
// confirm, seeing it listed, and clearing it; an officer refused with 403. Every page axe-checked.
// The demo data is left as found: the holiday is removed and the local deadline cleared.
import { expect, test } from './fixtures'
import { expectAccessible, login } from './utils'

const ADMIN = 'admin@demo.example'

test('an administrator adds a one-off bank holiday, sees it listed, renames it and removes it', async ({ page }) => {
  await login(page, ADMIN)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Bank holidays' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Bank holidays' })).toBeVisible()
  await expect(page.getByTestId('holidays-table')).toContainText('Christmas Day')
  await expectAccessible(page)

  await page.getByRole('combobox', { name: 'Year' }).selectOption('2027')
  await page.getByRole('button', { name: 'Show year' }).click()
  await expect(page).toHaveURL(/year=2027/)
  await expect(page.getByTestId('holidays-table')).toContainText('Monday 27 December 2027')

  // Nothing filled in: both fields say what is missing.
  await page.getByRole('button', { name: 'Add bank holiday' }).click()
  const summary = page.locator('.govuk-error-summary')
  await expect(summary).toContainText('Enter the date of the bank holiday')
  await expect(summary).toContainText('Enter the name of the bank holiday')
  await expectAccessible(page)

  // A Saturday is refused beside the date, and the name typed is kept.
  const form = page.locator('#add-holiday')
  await form.getByLabel('Day').fill('5')
  await form.getByLabel('Month').fill('6')
  await form.getByLabel('Year').fill('2027')
  await form.getByLabel('Name').fill('Extra bank holiday (e2e)')
  await page.getByRole('button', { name: 'Add bank holiday' }).click()
  await expect(form.locator('[id$="-date-error"]')).toContainText('Saturday 5 June 2027 is at a weekend')
  await expect(form.getByLabel('Name')).toHaveValue('Extra bank holiday (e2e)')
  await expectAccessible(page)

  await form.getByLabel('Day').fill('1')
  await page.getByRole('button', { name: 'Add bank holiday' }).click()
  await expect(page).toHaveURL(/\/admin\/holidays\?year=2027$/)
  await expect(page.getByText('Tuesday 1 June 2027 has been added as a bank holiday.')).toBeVisible()
  const row = page.getByTestId('holidays-table').getByRole('row', { name: /Tuesday 1 June 2027/ })
  await expect(row).toContainText('Extra bank holiday (e2e)')
  await expect(row).toContainText('Added by an administrator')
  await expect(row).toContainText('Last changed by Sam Ellery')
  await expectAccessible(page)

  // Renaming: an empty name is refused beside the field, then the new name is listed.
  await row.getByRole('link', { name: /^Change name/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Change the name of a bank holiday' })).toBeVisible()
  await page.getByLabel('Name').fill('')
  await page.getByRole('button', { name: 'Save name' }).click()
  await expect(page.locator('[id$="-name-error"]')).toContainText('Enter the name of the bank holiday')
  await expectAccessible(page)
  await page.getByLabel('Name').fill('Extra bank holiday (e2e, renamed)')
  await page.getByRole('button', { name: 'Save name' }).click()
  await expect(page.getByText('The bank holiday on Tuesday 1 June 2027 has been renamed.')).toBeVisible()
  await expect(row).toContainText('Extra bank holiday (e2e, renamed)')

  // A duplicate is refused.
  await form.getByLabel('Day').fill('1')
  await form.getByLabel('Month').fill('6')
  await form.getByLabel('Year').fill('2027')
  await form.getByLabel('Name').fill('Twice')
  await page.getByRole('button', { name: 'Add bank holiday' }).click()
  await expect(form.locator('[id$="-date-error"]')).toContainText('already a bank holiday (Extra bank holiday (e2e, renamed))')

  // Removing asks first.
  await page.goto('/admin/holidays?year=2027')
  await row.getByRole('link', { name: /^Remove/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Remove the bank holiday on Tuesday 1 June 2027?' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Remove bank holiday' }).click()
  await expect(page.getByText('Tuesday 1 June 2027 is no longer a bank holiday.')).toBeVisible()
  await expect(page.getByTestId('holidays-table')).not.toContainText('Extra bank holiday (e2e')
})

test('an administrator sets a local deadline with a reason on an unconfirmed rule, sees it, and clears it', async ({ page }) => {
  await login(page, ADMIN)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Code deadlines' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Deadlines' })).toBeVisible()
  // The reference marks the appeal deadline [P]: it carries the note; a confirmed rule does not.
  await expect(page.getByTestId('deadline-to-be-confirmed-r09_appeal')).toHaveText('Deadline to be confirmed locally')
  await expect(page.getByTestId('deadline-to-be-confirmed-r06_suspect_arrested')).toHaveCount(0)
  await expectAccessible(page)

  await page.getByRole('link', { name: 'Change the deadline for Told of the appeal' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Told of the appeal' })).toBeVisible()
  await expect(page.getByTestId('local-deadline')).toContainText('None: the published deadline applies')
  await expectAccessible(page)

  // Out of range and no reason: errors beside the fields, what was typed kept.
  await page.getByLabel('Victims with enhanced rights').fill('0')
  await page.getByRole('button', { name: 'Save local deadline' }).click()
  await expect(page.locator('[id$="-enhancedDays-error"]')).toContainText('at least 1 working day')
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter why the deadline is changed')
  await expect(page.getByLabel('Victims with enhanced rights')).toHaveValue('0')
  await expectAccessible(page)

  await page.getByLabel('Victims with enhanced rights').fill('2')
  await page.getByLabel('Other victims').fill('6')
  await page.getByLabel('Why is the deadline changed?').fill('Agreed with the local criminal justice board (e2e)')
  await page.getByRole('button', { name: 'Save local deadline' }).click()
  await expect(page).toHaveURL(/\/admin\/rules$/)
  await expect(page.getByText('The local deadline for “Told of the appeal” has been saved.')).toBeVisible()
  const override = page.getByTestId('override-r09_appeal')
  await expect(override).toContainText('Enhanced: 2 working days')
  await expect(override).toContainText('Standard: 6 working days')
  await expect(override).toContainText('Set by Sam Ellery')
  await expect(override).toContainText('Agreed with the local criminal justice board (e2e)')
  await expectAccessible(page)

  await page.getByRole('link', { name: 'Change the deadline for Told of the appeal' }).click()
  await expect(page.getByTestId('local-deadline')).toContainText('Agreed with the local criminal justice board (e2e)')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Clear local deadline' }).click()
  await expect(page.getByText('“Told of the appeal” is back to the published deadline.')).toBeVisible()
  await expect(page.getByTestId('override-r09_appeal')).toHaveCount(0)
})

test('an officer gets 403 on the calendar pages', async ({ page }) => {
  await login(page, 'officer@demo.example')
  for (const path of ['/admin/holidays', '/admin/rules', '/admin/rules/code-2020/r09_appeal']) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(403)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have permission to see this page')
    await expectAccessible(page)
  }
})
