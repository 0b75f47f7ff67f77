// Follow-up visits: an advocate records a visit with a new disclosure — the
// empty form first (errors next to the fields), then a visit in the future refused with what was
// typed kept — and sees it in the victim's visit log with the plan of visits owed. CPS liaison sees
// the victim but not the visits. Every page visited is axe-checked.
import { expect, test } from './fixtures'
import { expectAccessible, login } from './utils'

const AMIRA = 'V-2026-0131'

function londonDate(offsetDays: number) {
  const d = new Date(Date.now() + offsetDays * 86_400_000)
  const [day, month, year] = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' })
    .format(d)
    .split('/')
  return { day: day!, month: month!, year: year! }
}

test('an advocate records a visit with a new disclosure and sees it on the victim page', async ({ page }) => {
  await login(page, 'advocate@demo.example')
  // Her last visit was declined and the regular one is overdue: she is on the advocate's home page.
  await expect(page.getByTestId('visits-due')).toContainText(AMIRA)
  await page.goto(`/victims?q=${AMIRA}`)
  await page.getByRole('link', { name: AMIRA }).first().click()
  await expect(page.getByTestId('visits')).toContainText('Follow-up visits')
  await page.getByTestId('visits').getByRole('link', { name: 'Record a visit' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Record a visit')
  await expectAccessible(page)

  await page.getByRole('button', { name: 'Save visit' }).click()
  await expect(page.locator('.govuk-error-summary')).toContainText('Select what happened')
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter the purpose of the visit')
  await expectAccessible(page)

  const purpose = `Follow-up after the ABE interview ${Date.now().toString(36)}`
  await page.getByLabel('The visit took place').check()
  const tomorrow = londonDate(1)
  await page.locator('input[name="at.day"]').fill(tomorrow.day)
  await page.locator('input[name="at.month"]').fill(tomorrow.month)
  await page.locator('input[name="at.year"]').fill(tomorrow.year)
  await page.getByLabel('Home', { exact: true }).check()
  await page.getByLabel('Purpose of the visit').fill(purpose)
  await page.getByRole('group', { name: 'Was the young person seen alone?' }).getByLabel('Yes').check()
  await page.getByRole('group', { name: 'Was the young person spoken to alone?' }).getByLabel('Yes').check()
  await page.getByLabel('Engaged', { exact: true }).check()
  await page.getByLabel('A new offence or a new suspect').check()
  await page.getByLabel('What was disclosed').fill('Named a new adult who drove her to a flat (invented for the test)')
  await page.getByRole('button', { name: 'Save visit' }).click()
  await expect(page.locator('.govuk-error-summary')).toContainText('A visit that took place or was attempted must be today or in the past')
  await expect(page.getByLabel('Purpose of the visit')).toHaveValue(purpose)
  await expect(page.getByLabel('What was disclosed')).toHaveValue('Named a new adult who drove her to a flat (invented for the test)')
  await expectAccessible(page)

  const today = londonDate(0)
  await page.locator('input[name="at.day"]').fill(today.day)
  await page.locator('input[name="at.month"]').fill(today.month)
  await page.locator('input[name="at.year"]').fill(today.year)
  await page.getByRole('button', { name: 'Save visit' }).click()
  await page.waitForURL(/\/victims\/[^/]+(#visits)?$/)
  await expect(page.locator('.govuk-notification-banner')).toContainText('Visit recorded')
  const logged = page.getByTestId('visit').filter({ hasText: purpose })
  await expect(logged).toContainText('Visit made, home')
  await expect(logged).toContainText('A new offence or a new suspect')
  await expectAccessible(page)
})

test('CPS liaison sees the victim but not the visits, and may not record one', async ({ page }) => {
  await login(page, 'cps@demo.example')
  await page.goto('/cases?q=NM/25/004206')
  await page.getByRole('link', { name: 'NM/25/004206' }).first().click()
  await page.getByTestId('case-victims').getByRole('link').first().click()
  await page.waitForURL(/\/victims\/[^/]+$/)
  await expect(page.getByTestId('visits')).toHaveCount(0)
  const refused = await page.goto(`${page.url()}/visits/new`)
  expect(refused?.status()).toBe(403)
})
