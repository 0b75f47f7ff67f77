// Missing episodes: an advocate records an episode for a child who came back two
// hours ago — the empty form first (errors next to the fields) — sees the return home interview due
// 72 hours after the return, records it completed and sees it completed in time, with the way to
// pass its findings to the police. Every page visited is axe-checked.
import { expect, test, type Page } from './fixtures'
import { describeLondonTime } from '../../app/domain/missing/episodes'
import { expectAccessible, login } from './utils'

const LEAH = 'V-2026-0104'
const MINUTE = 60_000
const HOUR = 3_600_000

/** The London date boxes and time of an instant. */
function londonParts(instant: Date) {
  const p = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant)
  const get = (type: string) => p.find((x) => x.type === type)!.value
  return { day: get('day'), month: get('month'), year: get('year'), time: `${get('hour')}:${get('minute')}` }
}

async function fillWhen(page: Page, legend: string, timeLabel: string, instant: Date) {
  const parts = londonParts(instant)
  const group = page.getByRole('group', { name: legend })
  await group.getByLabel('Day').fill(parts.day)
  await group.getByLabel('Month').fill(parts.month)
  await group.getByLabel('Year').fill(parts.year)
  await page.getByLabel(timeLabel, { exact: true }).fill(parts.time)
}

test('an advocate records a missing episode and the return home interview, completed in time', async ({ page }) => {
  await login(page, 'advocate@demo.example')
  // The demo's Zainab came back yesterday: her interview is due, on the advocate's home page.
  await expect(page.getByTestId('missing-due')).toContainText('V-2026-0031')
  await page.goto(`/victims?q=${LEAH}`)
  await page.getByRole('link', { name: LEAH }).first().click()
  await expect(page.getByTestId('missing-episodes')).toContainText('Missing episodes')
  await page.getByTestId('missing-episodes').getByRole('link', { name: 'Record a missing episode' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Record a missing episode')
  await expectAccessible(page)

  await page.getByRole('button', { name: 'Save missing episode' }).click()
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter the date they went missing')
  await expect(page.locator('.govuk-error-summary')).toContainText('Select whether they were reported missing to the police')
  await expectAccessible(page)

  const now = Date.now()
  const reference = `NM-E2E-${now.toString(36).toUpperCase()}`
  // A return before the start is refused next to the return, and what was typed is kept.
  await fillWhen(page, 'Date they went missing', 'Time they went missing', new Date(now - 6 * HOUR))
  await page.getByRole('group', { name: 'Were they reported missing to the police?' }).getByLabel('Yes').check()
  await page.getByLabel('Police reference (optional)').fill(reference)
  await fillWhen(page, 'Date they returned', 'Time they returned', new Date(now - 8 * HOUR))
  await page.getByLabel('Returned by themselves').check()
  await page.getByRole('button', { name: 'Save missing episode' }).click()
  await expect(page.locator('.govuk-error-summary')).toContainText('The time they returned must be after the time they went missing')
  await expect(page.getByLabel('Police reference (optional)')).toHaveValue(reference)

  const returned = new Date(Math.floor((now - 2 * HOUR) / MINUTE) * MINUTE)
  await fillWhen(page, 'Date they returned', 'Time they returned', returned)
  await page.getByRole('button', { name: 'Save missing episode' }).click()
  await page.waitForURL(/\/victims\/[^/]+\/missing\/(?!new)[^/]+$/)
  await expect(page.locator('.govuk-notification-banner')).toContainText('Missing episode recorded')
  await expect(page.getByTestId('missing-episode')).toContainText(reference)
  const due = describeLondonTime(new Date(returned.getTime() + 72 * HOUR))
  await expect(page.getByTestId('rhi-status')).toContainText('Due')
  await expect(page.getByTestId('rhi-status')).toContainText(`Due by ${due}`)
  await expectAccessible(page)

  await page.getByLabel('Completed', { exact: true }).check()
  await fillWhen(page, 'Date it was offered, carried out or declined', 'Time', new Date(now - HOUR))
  await page.getByLabel('Who offered or carried out the interview').fill('R. Ellery, independent return worker')
  await page.getByLabel('Findings (for a completed interview)').fill('Said an older male collects her from school in a car (invented for the test)')
  await page.getByRole('button', { name: 'Save interview' }).click()
  await expect(page.locator('.govuk-notification-banner')).toContainText('Return home interview recorded')
  await expect(page.getByTestId('rhi-status')).toContainText('Completed within 72 hours')
  await expect(page.getByTestId('rhi-details')).toContainText('Said an older male collects her from school in a car')
  await expect(page.getByRole('link', { name: 'Add intelligence for the police from this interview' })).toHaveAttribute('href', /\/intelligence\/new\?episode=/)
  await expectAccessible(page)

  await page.getByRole('link', { name: 'Back to the victim' }).click()
  const item = page.getByTestId('missing-episode-item').filter({ hasText: reference })
  await expect(item).toContainText('Completed within 72 hours')
})

test('two people recording the interview at once: the second is told, nothing is saved, and what they typed stays', async ({ page, context }) => {
  await login(page, 'advocate@demo.example')
  await page.goto(`/victims?q=${LEAH}`)
  await page.getByRole('link', { name: LEAH }).first().click()
  await page.getByTestId('missing-episodes').getByRole('link', { name: 'Record a missing episode' }).click()
  const now = Date.now()
  const reference = `NM-E2E-${now.toString(36).toUpperCase()}-B`
  await fillWhen(page, 'Date they went missing', 'Time they went missing', new Date(now - 9 * HOUR))
  await page.getByRole('group', { name: 'Were they reported missing to the police?' }).getByLabel('Yes').check()
  await page.getByLabel('Police reference (optional)').fill(reference)
  await fillWhen(page, 'Date they returned', 'Time they returned', new Date(now - 5 * HOUR))
  await page.getByLabel('Found by the police').check()
  await page.getByRole('button', { name: 'Save missing episode' }).click()
  await page.waitForURL(/\/victims\/[^/]+\/missing\/(?!new)[^/]+$/)
  const other = await context.newPage()
  await other.goto(page.url())

  await page.getByLabel('Offered', { exact: true }).check()
  await fillWhen(page, 'Date it was offered, carried out or declined', 'Time', new Date(now - 4 * HOUR))
  await page.getByLabel('Who offered or carried out the interview').fill('First worker')
  await page.getByRole('button', { name: 'Save interview' }).click()
  await expect(page.locator('.govuk-notification-banner')).toContainText('Return home interview recorded')

  await other.getByLabel('Declined by the young person').check()
  await fillWhen(other, 'Date it was offered, carried out or declined', 'Time', new Date(now - 3 * HOUR))
  await other.getByLabel('Who offered or carried out the interview').fill('Second worker')
  await other.getByRole('button', { name: 'Save interview' }).click()
  await expect(other.getByTestId('edit-conflict')).toContainText('Someone else updated this missing episode')
  await expect(other.getByTestId('edit-conflict')).toContainText('First worker')
  await expect(other.getByLabel('Who offered or carried out the interview')).toHaveValue('Second worker')
  await expect(other.getByLabel('Declined by the young person')).toBeChecked()
  await expectAccessible(other)
  // Saving again, having seen what is there, replaces it.
  await other.getByRole('button', { name: 'Save interview' }).click()
  await expect(other.getByTestId('rhi-status')).toContainText('Declined')
})

test('CPS liaison sees the victim but not the missing episodes, and may not record one', async ({ page }) => {
  await login(page, 'cps@demo.example')
  await page.goto('/cases?q=NM/25/004206')
  await page.getByRole('link', { name: 'NM/25/004206' }).first().click()
  await page.getByTestId('case-victims').getByRole('link').first().click()
  await page.waitForURL(/\/victims\/[^/]+$/)
  await expect(page.getByTestId('missing-episodes')).toHaveCount(0)
  const refused = await page.goto(`${page.url()}/missing/new`)
  expect(refused?.status()).toBe(403)
})
