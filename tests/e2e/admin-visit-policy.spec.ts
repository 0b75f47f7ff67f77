// An organisation's follow-up visit policy in a real browser: a bad number is
// refused beside its field with what was typed kept, a policy is saved and then cleared back to the
// defaults (leaving the demo data as found), and a non-administrator is refused. Axe-checked.
import { expect, test } from './fixtures'
import { expectAccessible, login } from './utils'

test('an administrator sets an organisation’s visit policy and goes back to the defaults', async ({ page }) => {
  await login(page, 'admin@demo.example')
  await page.goto('/admin/organisations')
  await page.getByRole('main').getByRole('link', { name: 'Harbour Lights Therapeutic Support', exact: true }).click()
  await page.getByRole('link', { name: 'Follow-up visit policy' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Follow-up visit policy' })).toBeVisible()
  await expect(page.getByTestId('policy-source')).toContainText('This organisation follows the defaults: first visit within 7 days, then every 28 days')

  await page.getByLabel('Time between visits').fill('0')
  await page.getByLabel('First follow-up visit').fill('5')
  await page.getByRole('button', { name: 'Save visit policy' }).click()
  await expect(page.locator('[id$="-cadenceDays-error"]')).toContainText('The time between visits must be at least 1 day')
  await expect(page.getByLabel('First follow-up visit')).toHaveValue('5')
  await expectAccessible(page)

  await page.getByLabel('Time between visits').fill('21')
  await page.getByRole('button', { name: 'Save visit policy' }).click()
  await expect(page.getByText('The visit policy of Harbour Lights Therapeutic Support has been saved.')).toBeVisible()
  await page.getByRole('link', { name: 'Follow-up visit policy' }).click()
  await expect(page.getByTestId('policy-source')).toContainText('Set by')
  await expect(page.getByLabel('Time between visits')).toHaveValue('21')

  await page.getByRole('button', { name: 'Use the default visit policy' }).click()
  await expect(page.getByText('Harbour Lights Therapeutic Support now follows the default visit policy.')).toBeVisible()
})

test('people who are not administrators are refused the visit policy page', async ({ page }) => {
  await login(page, 'admin@demo.example')
  await page.goto('/admin/organisations')
  await page.getByRole('main').getByRole('link', { name: 'Harbour Lights Therapeutic Support', exact: true }).click()
  const url = `${new URL(page.url()).pathname}/visit-policy`
  await page.context().clearCookies()
  for (const email of ['manager@demo.example', 'advocate2@demo.example']) {
    await login(page, email)
    const response = await page.goto(url)
    expect(response?.status(), email).toBe(403)
    await page.context().clearCookies()
  }
})
