// Finding people in the browser: an advocate searches their victims by part of a name and by date
// of birth (GOV.UK date input, with a clear message for a date that does not exist), filters by
// case stage, and cannot find a restricted victim they are not allocated to; an officer finds a
// case by the start of its crime reference, filters by stage and by a hearing coming up. Filters
// stay in the URL, so page links keep them. Every list page visited is axe-checked. Demo data:
// prisma/seed.ts and prisma/seed/journeys.ts.
import { expect, test } from './fixtures'
import { expectAccessible, login } from './utils'

const rows = (page: import('@playwright/test').Page) => page.locator('table.govuk-table tbody tr')

test('an advocate finds a victim by part of their name and by date of birth', async ({ page }) => {
  await login(page, 'advocate@demo.example')
  await page.goto('/victims')
  await expect(page.getByRole('heading', { level: 1, name: 'Victims' })).toBeVisible()
  await expectAccessible(page)

  // Part of the first name and part of the last name, in any case.
  await page.getByLabel('Name or reference').fill('AMI hadd')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/q=AMI\+hadd/)
  await expect(rows(page)).toHaveCount(1)
  await expect(rows(page).first()).toContainText('V-2026-0131')
  await expect(page.getByLabel('Name or reference')).toHaveValue('AMI hadd')
  await expectAccessible(page)

  // A preferred name counts.
  await page.getByLabel('Name or reference').fill('zee')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(rows(page)).toHaveCount(1)
  await expect(rows(page).first()).toContainText('V-2026-0031')

  // By date of birth alone.
  await page.getByRole('link', { name: 'Clear search and filters' }).click()
  await expect(page).toHaveURL(/\/victims$/)
  await expect(page.getByLabel('Name or reference')).toHaveValue('')
  await page.getByLabel('Day').fill('8')
  await page.getByLabel('Month').fill('2')
  await page.getByLabel('Year').fill('2011')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(rows(page)).toHaveCount(1)
  await expect(rows(page).first()).toContainText('V-2026-0131')
  await expect(page.locator('table caption')).toContainText('1 victim found')

  // A date that does not exist: the error summary and the field say so; what was typed stays.
  await page.getByLabel('Day').fill('31')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page.locator('.govuk-error-summary')).toContainText('Date of birth must be a real date')
  await expect(page.locator('#dob-error')).toContainText('Date of birth must be a real date')
  await expect(page.getByLabel('Day')).toHaveValue('31')
  await expectAccessible(page)
})

test('an advocate filters their victims by case stage and cannot find a restricted victim they are not allocated to', async ({ page }) => {
  await login(page, 'advocate@demo.example')
  await page.goto('/victims')
  await page.getByLabel('Case stage').selectOption({ label: 'Awaiting charging decision' })
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/stage=charging_decision/)
  // Other tests may send more files to the CPS: every row is at the stage, the seeded one among them.
  await expect(rows(page).filter({ hasText: 'V-2026-0031' })).toHaveCount(1)
  for (const row of await rows(page).allInnerTexts()) expect(row).toContain('Awaiting charging decision')
  await expect(page.getByLabel('Case stage')).toHaveValue('charging_decision')
  await expectAccessible(page)

  // Isla's record is restricted and allocated to the manager, not to this advocate.
  await page.goto('/victims?q=isla&status=all')
  await expect(page.getByText('No victims to show. Check the spelling')).toBeVisible()
  await page.goto('/victims?q=V-2026-0109&status=all')
  await expect(page.getByText('No victims to show. Check the spelling')).toBeVisible()

  // "Allocated to me" from a link keeps working (?mine=1).
  await page.goto('/victims?mine=1')
  await expect(page.getByLabel('Only victims allocated to me')).toBeChecked()
  await expect(rows(page).filter({ hasText: 'V-2026-0131' })).toHaveCount(1)
})

test('an officer finds a case by the start of its crime reference and filters cases by stage and upcoming hearing', async ({ page }) => {
  await login(page, 'officer@demo.example')
  await page.goto('/cases')
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('Crime reference or CPS URN').fill('nm/26/0045')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(rows(page)).toHaveCount(1)
  await expect(rows(page).first()).toContainText('NM/26/004517')

  await page.getByRole('link', { name: 'Clear search and filters' }).click()
  await expect(page).toHaveURL(/\/cases$/)
  await expect(page.getByLabel('Crime reference or CPS URN')).toHaveValue('')
  await page.getByLabel('Case stage').selectOption('charging_decision')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/stage=charging_decision/)
  await expect(rows(page).filter({ hasText: 'NM/26/000771' })).toHaveCount(1)
  for (const row of await rows(page).allInnerTexts()) expect(row).toContain('Awaiting charging decision')
  await expectAccessible(page)

  // Hearings coming up (demo data lists K8's trial within the week; its mistyped listing ten
  // days out was corrected away, and K6's next hearing is about twelve days out).
  await page.getByRole('link', { name: 'Clear search and filters' }).click()
  await expect(page).toHaveURL(/\/cases$/)
  await page.getByLabel('Hearing').selectOption({ label: 'In the next 7 days' })
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/hearing=7/)
  await expect(rows(page)).toHaveCount(1)
  await expect(rows(page).first()).toContainText('NM/25/002318')
  await expect(rows(page).first()).not.toContainText('None listed')
  await page.getByLabel('Hearing').selectOption({ label: 'In the next 28 days' })
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(rows(page)).toHaveCount(2)
  await expect(page.locator('table')).toContainText('NM/25/004206')
  await expectAccessible(page)

  // Victims by crime reference: both victims on the case.
  await page.goto('/victims?q=NM/26/000771')
  await expect(rows(page)).toHaveCount(2)
  await expectAccessible(page)
})
