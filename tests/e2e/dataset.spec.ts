// The multi-agency data set on the demo data: a manager opens /review/dataset, picks the quarter in
// progress, sees the sections as tables, downloads the CSV and reads it back (header, a row, no
// demo victim's name or reference); a malformed quarter is an error beside the field with what was
// typed kept; an advocate is refused. Every page is axe-checked.
import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures'
import { DEMO_REFERENCES } from '../../prisma/seed'
import { expectAccessible, login } from './utils'

/** The calendar quarter in progress in London, e.g. '2026-Q4'. */
function currentQuarter(): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' }).format(new Date()).split('-')
  return `${year}-Q${Math.ceil(Number(month) / 3)}`
}

test('a manager picks a quarter, sees the data set and downloads it as CSV', async ({ page }) => {
  await login(page, 'manager@demo.example')
  await page.goto('/review/dataset')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Multi-agency data set')
  await expectAccessible(page)

  const quarter = currentQuarter()
  await page.getByRole('textbox', { name: 'Quarter' }).fill(quarter)
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(new RegExp(`/review/dataset\\?quarter=${quarter}$`))
  await expect(page.getByText(`(${quarter}). Prepared`)).toBeVisible()
  for (const heading of ['Cases and victims by stage', 'Follow-up visits', 'Victims’ Code compliance by right and agency', 'Victims by age band']) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible()
  }
  await expect(page.getByTestId('dataset-stage').getByRole('rowheader', { name: 'Investigation', exact: true })).toBeVisible()
  await expectAccessible(page)

  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download as CSV' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe(`waypoint-dataset-${quarter}.csv`)
  const csv = (await readFile(await file.path(), 'utf8')).replace(/^\uFEFF/, '')
  const lines = csv.trimEnd().split('\r\n')
  expect(lines[0]).toBe('Quarter,Section,Row,Column,Count')
  const row = lines.find((l) => l.startsWith(`${quarter},Victims by age band,Total,Number,`))
  expect(row, 'the age band total').toBeDefined()
  expect(row!.split(',').at(-1)).toMatch(/^(\d+|withheld)$/)
  for (const line of lines.slice(1)) expect(line.startsWith(`${quarter},`)).toBe(true)
  for (const reference of Object.values(DEMO_REFERENCES)) expect(csv).not.toContain(String(reference))
  expect(csv).not.toContain('Amira')
})

test('a malformed quarter is an error beside the field, with what was typed kept', async ({ page }) => {
  await login(page, 'manager@demo.example')
  await page.goto('/review/dataset')
  await page.getByRole('textbox', { name: 'Quarter' }).fill('Q3 of 2026')
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter the quarter as a year and quarter, like 2026-Q3')
  await expect(page.locator('#quarter-error')).toContainText('Enter the quarter as a year and quarter')
  await expect(page.getByRole('textbox', { name: 'Quarter' })).toHaveValue('Q3 of 2026')
  await expect(page.getByRole('link', { name: 'Download as CSV' })).toHaveCount(0)
  await expectAccessible(page)
})

test('an advocate is refused the page and the CSV', async ({ page }) => {
  await login(page, 'advocate@demo.example')
  expect((await page.goto('/review/dataset'))?.status()).toBe(403)
  expect((await page.request.get(`/review/dataset.csv?quarter=${currentQuarter()}`)).status()).toBe(403)
})
