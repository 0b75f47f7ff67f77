// Right 12 from the advocate's side: from an entitlement on the victim page, record a complaint
// (bad input first: errors next to the fields, nothing typed lost), then take it through its
// stages — out of order refused with the field named, in order saved. axe on every page. An
// administrator (no casework) cannot open it.
import { expect, test, type Page } from './fixtures'
import { expectAccessible, login } from './utils'

test.describe.configure({ timeout: 90_000 })

/** Amira Haddad: advocate@ is her lead advocate; her case has entitlements on the demo data. */
const VICTIM = 'V-2026-0131'

async function victimUrl(page: Page, reference: string) {
  await page.goto(`/victims?status=all&q=${encodeURIComponent(reference)}`)
  const href = await page.getByRole('main').getByRole('link', { name: reference, exact: true }).first().getAttribute('href')
  expect(href).toBeTruthy()
  return href!
}

async function fillDate(page: Page, legend: string, date: { day: string; month: string; year: string }) {
  const group = page.getByRole('group', { name: legend })
  await group.getByLabel('Day').fill(date.day)
  await group.getByLabel('Month').fill(date.month)
  await group.getByLabel('Year').fill(date.year)
}

const londonToday = () => {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
  })
    .format(new Date())
    .split('-')
  return {
    day: String(Number(day)),
    month: String(Number(month)),
    year: year!,
  }
}

test('an advocate records a complaint against an entitlement and takes it through its stages', async ({ page }) => {
  await login(page, 'advocate@demo.example')
  const victim = await victimUrl(page, VICTIM)
  await page.goto(victim)
  // The lead's checklist offers "Record a complaint" on each entitlement.
  const link = page
    .getByTestId('entitlements')
    .getByRole('link', { name: /^Record a complaint/ })
    .first()
  await expect(link).toBeVisible()
  await link.click()
  await expect(page).toHaveURL(/\/complaints\/new\?entitlement=/)
  await expect(page.getByRole('heading', { level: 1, name: 'Record a complaint' })).toBeVisible()
  const about = page.getByTestId('complaint-entitlement')
  await expect(about).toContainText(/Right \d+:/)
  await expect(about).toContainText('Due')
  await expect(page.getByRole('link', { name: 'Back to the victim' })).toHaveAttribute('href', `${victim}#entitlements`)
  await expectAccessible(page)

  // Nothing entered: both fields say what is missing.
  await page.getByRole('button', { name: 'Save complaint' }).click()
  const errors = page.locator('.govuk-error-summary')
  await expect(errors).toContainText('Enter the date the complaint was received')
  await expect(errors).toContainText('Enter what the complaint is about')
  await expectAccessible(page)

  // A date in the future: refused next to the date, the summary kept.
  const summary = `Invented for the test: she says she was not told in time (${Date.now()}).`
  await page.getByLabel('What is the complaint?').fill(summary)
  await fillDate(page, 'When was the complaint received?', {
    day: '1',
    month: '1',
    year: String(Number(londonToday().year) + 1),
  })
  await page.getByRole('button', { name: 'Save complaint' }).click()
  await expect(errors).toContainText('The date the complaint was received must be today or in the past')
  await expect(page.locator('.govuk-form-group--error')).toHaveCount(1)
  await expect(page.getByLabel('What is the complaint?')).toHaveValue(summary)

  const today = londonToday()
  await fillDate(page, 'When was the complaint received?', today)
  await page.getByRole('button', { name: 'Save complaint' }).click()
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: /^Complaint about Right \d+$/,
    }),
  ).toBeVisible()
  await expect(page.getByText('Complaint recorded.')).toBeVisible()
  await expect(page.getByTestId('complaint-status').first()).toHaveText('Received')
  await expect(page.getByTestId('complaint-stages')).toContainText(summary)
  const complaintUrl = new URL(page.url()).pathname
  await expectAccessible(page)

  // Out of order: a response without an acknowledgement, an outcome with no response.
  await fillDate(page, 'When was the response sent?', today)
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(errors).toContainText('Enter the date the complaint was acknowledged')
  await expect(page.getByRole('group', { name: 'When was the response sent?' }).getByLabel('Day')).toHaveValue(today.day)
  await expectAccessible(page)

  // In order: acknowledged and responded today, upheld.
  await fillDate(page, 'When was the complaint acknowledged?', today)
  await page.getByRole('radio', { name: 'Upheld', exact: true }).check()
  await page.getByLabel('Notes on the outcome (optional)').fill('Invented: an apology was sent.')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('Complaint updated.')).toBeVisible()
  await expect(page.getByTestId('complaint-status').first()).toHaveText('Closed: Upheld')
  await expect(page.getByTestId('complaint-stages')).toContainText('Invented: an apology was sent.')
  await expectAccessible(page)

  // Two people with the page open: the second save is refused, says what is saved now, keeps theirs.
  const other = await page.context().newPage()
  await other.goto(complaintUrl)
  await page.getByRole('radio', { name: 'Partly upheld' }).check()
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByTestId('complaint-status').first()).toHaveText('Closed: Partly upheld')
  await other.getByRole('radio', { name: 'Not upheld' }).check()
  await other.getByRole('button', { name: 'Save changes' }).click()
  const conflict = other.getByTestId('edit-conflict')
  await expect(conflict).toContainText('Someone else updated this complaint while you were editing')
  await expect(conflict).toContainText('Partly upheld')
  await expect(other.getByRole('radio', { name: 'Not upheld' })).toBeChecked()
  await expectAccessible(other)
  await other.getByRole('button', { name: 'Save changes' }).click()
  await expect(other.getByTestId('complaint-status').first()).toHaveText('Closed: Not upheld')
  await other.close()

  // Back to the victim's checklist.
  await page.getByRole('link', { name: 'Back to the victim' }).click()
  await expect(page).toHaveURL(new RegExp(`${victim}#entitlements$`))

  // An administrator has no casework: the complaint is not found for them.
  await page.context().clearCookies()
  await login(page, 'admin@demo.example')
  const refused = await page.goto(complaintUrl)
  expect(refused?.status()).toBe(404)
})
