// Case review: CPS liaison records the case outcome for the only defendant of a demo
// case (K7, charged, awaiting its section 28 recording), which finalises it; the case appears in
// "Cases awaiting review" on the home page; the reviewer sees the factors, is told what is missing,
// fills in what helped, what hindered and the lessons with tags, confirms and signs off; the review
// is then read-only with who signed it off; the dashboard lists its lesson and the case-level CSV
// downloads with the case's row. Every page visited is axe-checked.
import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures'
import { expectAccessible, login } from './utils'

const CASE = 'NM/25/003467' // K7: one defendant, charged

function todayParts() {
  const [day, month, year] = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' })
    .format(new Date())
    .split('/')
  return { day: day!, month: month!, year: year! }
}

test('CPS liaison finalises a case, completes its review and signs it off', async ({ page }) => {
  test.setTimeout(120_000)
  await login(page, 'cps@demo.example')
  await page.goto(`/cases?q=${encodeURIComponent(CASE)}`)
  await page.getByRole('main').getByRole('link', { name: CASE, exact: true }).first().click()
  await page.waitForURL(/\/cases\/[^/]+$/)
  const caseId = new URL(page.url()).pathname.split('/')[2]!
  await expect(page.getByTestId('case-review-link')).toHaveCount(0)

  // Record the case outcome for the defendant with the existing event form.
  await page.goto(`/cases/${caseId}/events/new`)
  await page.getByLabel('Case outcome', { exact: true }).check()
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Case outcome')
  await page.getByLabel('Suspect A').check()
  const today = todayParts()
  await page.locator('input[name="occurredAt.day"]').fill(today.day)
  await page.locator('input[name="occurredAt.month"]').fill(today.month)
  await page.locator('input[name="occurredAt.year"]').fill(today.year)
  await page.getByLabel('Pleaded guilty').check()
  await page.getByRole('button', { name: 'Save' }).click()
  await page.waitForURL(new RegExp(`/cases/${caseId}(#journal)?$`))
  await expect(page.getByTestId('case-review-link')).toContainText('awaiting sign-off')

  // The home page lists it under "Cases awaiting review".
  await page.goto('/')
  const awaiting = page.getByTestId('awaiting-review')
  await expect(awaiting).toContainText(CASE)
  await expectAccessible(page)
  await awaiting.getByRole('link', { name: new RegExp(CASE) }).click()
  await page.waitForURL(`**/cases/${caseId}/review`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Case review')
  await expect(page.getByTestId('review-status')).toContainText('Awaiting review')
  await expect(page.getByTestId('review-defendants')).toContainText('Pleaded guilty')
  await expect(page.getByTestId('review-yes-no')).toContainText('Intermediary used')
  await expectAccessible(page)

  // Continuing with nothing filled in is refused next to each field.
  await page.getByRole('button', { name: 'Continue to sign off' }).click()
  const summary = page.locator('.govuk-error-summary')
  await expect(summary).toContainText('Enter what helped the case')
  await expect(summary).toContainText('Select at least one tag for the lessons learned')
  await expectAccessible(page)

  await page.getByLabel('What helped').fill('An intermediary at the ABE interview and special measures granted early.')
  await page.getByLabel('What hindered').fill('Waiting for the section 28 recording date.')
  await page.getByLabel('Lessons learned').fill('Book the intermediary before the interview date is set.')
  await page.getByLabel('Intermediary', { exact: true }).check()
  await page.getByLabel('Special measures', { exact: true }).check()
  await page.getByRole('button', { name: 'Continue to sign off' }).click()
  await page.waitForURL(`**/cases/${caseId}/review?confirm=1`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign off this review')
  await expect(page.getByTestId('review-confirm')).toContainText('Book the intermediary')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Sign off review' }).click()

  await page.waitForURL(`**/cases/${caseId}/review`)
  await expect(page.getByTestId('notification-banner')).toContainText('Review signed off.')
  await expect(page.getByTestId('review-status')).toContainText('Signed off')
  await expect(page.getByTestId('review-status')).toContainText('Imogen Tarrant')
  await expect(page.getByTestId('review-findings')).toContainText('Special measures, Intermediary')
  await expect(page.getByRole('button', { name: 'Continue to sign off' })).toHaveCount(0)
  await expectAccessible(page)

  await page.goto('/')
  await expect(page.getByText(CASE)).toHaveCount(0)

  // The dashboard lists the signed-off lesson, and the case-level CSV has the case with its tags.
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Case review' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prosecution case review')
  await expect(page.locator('#lessons-heading').locator('..')).toContainText('Book the intermediary before the interview date is set.')
  await expectAccessible(page)
  const download = page.waitForEvent('download')
  await page.getByTestId('review-downloads').getByRole('link', { name: /finalised cases’ reviews/ }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^waypoint-case-reviews-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/)
  const lines = (await readFile(await file.path(), 'utf8')).replace(/^\uFEFF/, '').trimEnd().split('\r\n')
  expect(lines[0]).toMatch(/^Crime reference,CPS URN,Finalised on,Outcome,Review,/)
  const row = lines.find((l) => l.startsWith(`${CASE},`))
  expect(row, `the row of ${CASE}`).toBeDefined()
  expect(row).toContain('Successful')
  expect(row).toContain('Signed off')
  expect(row).toContain('Special measures; Intermediary')
  expect(row).not.toContain('Book the intermediary')
})
