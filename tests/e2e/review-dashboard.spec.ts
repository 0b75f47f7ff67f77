// The prosecution case review dashboard on the demo data: a manager opens /review and sees the
// attrition funnel (chart named for screen readers, and its data as a table), the outcome, factor,
// time and trend sections; the threshold form is there for managers; axe passes with the tables
// opened. An advocate is refused.
import { expect, test } from './fixtures'
import { expectAccessible, login } from './utils'

test('a manager opens the review dashboard and reads the funnel as a table', async ({ page }) => {
  await login(page, 'manager@demo.example')
  await page.goto('/review')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prosecution case review')
  const funnel = page.getByTestId('funnel')
  await expect(funnel.getByRole('img', { name: /Attrition: how far the cases reported in the period went/ })).toBeVisible()
  await funnel.getByText('Show the data as a table').click()
  const table = funnel.getByRole('table', { name: 'Attrition: how far the cases reported in the period went' })
  await expect(table).toBeVisible()
  for (const stage of ['Reported', 'Suspect identified', 'Arrested or interviewed', 'File to CPS', 'Charged', 'Convicted']) {
    await expect(table.getByRole('rowheader', { name: stage, exact: true })).toBeVisible()
  }
  for (const id of ['outcomes', 'times', 'trend']) await expect(page.getByTestId(id).getByRole('img')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Lessons from signed-off reviews' })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Withhold counts below' })).toBeVisible()
  // Open every table alternative so axe checks them too.
  for (const summary of await page.getByText('Show the data as a table').all()) {
    if (!(await summary.locator('xpath=ancestor::details[1]').evaluate((d) => (d as HTMLDetailsElement).open))) await summary.click()
  }
  await expectAccessible(page)

  // A period: the dates stay in the boxes and the view is narrowed.
  await page.getByRole('group', { name: 'From' }).getByRole('textbox', { name: 'Year' }).fill('2026')
  await page.getByRole('group', { name: 'From' }).getByRole('textbox', { name: 'Month' }).fill('1')
  await page.getByRole('group', { name: 'From' }).getByRole('textbox', { name: 'Day' }).fill('1')
  await page.getByRole('button', { name: 'Show', exact: true }).click()
  await expect(page.getByText(/from 1 January 2026 to/)).toBeVisible()
})

test('CPS liaison reads the lessons of the demo’s signed-off review and filters them by tag', async ({ page }) => {
  await login(page, 'cps@demo.example')
  await page.goto('/review?from=2020-01-01')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prosecution case review')
  const lessons = page.getByTestId('lessons')
  await expect(lessons).toContainText('Ask the court for a live-link room')
  await page
    .getByRole('list', { name: 'Filter the lessons by tag' })
    .getByRole('link', { name: /Special measures/ })
    .click()
  await expect(page).toHaveURL(/tag=special-measures/)
  await expect(page.getByTestId('lessons')).toContainText('Ask the court for a live-link room')
  // Every lesson listed carries the tag (other specs may sign off more reviews in the same demo).
  const items = page.getByTestId('lessons').locator(':scope > li')
  expect(await items.count()).toBeGreaterThan(0)
  for (const item of await items.all()) await expect(item.getByRole('list', { name: 'Tags' })).toContainText('Special measures')
  await expectAccessible(page)
})

test('an advocate is refused the dashboard', async ({ page }) => {
  await login(page, 'advocate@demo.example')
  const response = await page.goto('/review')
  expect(response?.status()).toBe(403)
})
