// Victims' Code entitlements end to end: an officer records an arrest; the advocate sees
// "Right 6 — Told of the arrest — due <date>" on the victim's checklist; the officer records, from
// the entitlement, that the victim was told (an empty form first: errors next to the fields); the
// entitlement is met and the compliance page counts it. Every page visited is axe-checked.
import { expect, test, type Browser, type Page } from './fixtures'
import { addWorkingDays, londonDateOf } from '../../app/domain/calendar/working-days'
import { ENGLAND_WALES_HOLIDAY_DATES } from '../../app/domain/calendar/bank-holidays'
import { formatDate } from '../../app/utils/format'
import { openCase, uniqueRef } from './case-steps'
import { expectAccessible, login } from './utils'

const AMIRA = 'V-2026-0131' // advocate@'s victim: under 18 and a sexual offence, so enhanced (1 working day)

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await login(page, email)
  return { page, close: () => context.close() }
}

async function openVictim(page: Page, reference: string) {
  await page.goto(`/victims?q=${encodeURIComponent(reference)}`)
  await page
    .getByRole('link', { name: new RegExp(reference) })
    .first()
    .click()
  await page.waitForURL(/\/victims\/[^/]+$/)
}

function londonToday() {
  const [day, month, year] = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  })
    .format(new Date())
    .split('/')
  return { day: day!, month: month!, year: year! }
}

test('an arrest owes the victim Right 6; told from the checklist, it is met and counted', async ({ browser }) => {
  test.setTimeout(120_000)
  const officer = await signedIn(browser, 'officer@demo.example')
  const ref = uniqueRef()
  await openCase(officer.page, ref, '1', [AMIRA])
  const caseId = officer.page.url().split('/').pop()!

  // The officer records an arrest today (a date without a time).
  const page = officer.page
  await page.goto(`/cases/${caseId}/events/new`)
  await page.getByLabel('Suspect arrested', { exact: true }).check()
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByLabel('Suspect A').check()
  const today = londonToday()
  await page.locator('input[name="occurredAt.day"]').fill(today.day)
  await page.locator('input[name="occurredAt.month"]').fill(today.month)
  await page.locator('input[name="occurredAt.year"]').fill(today.year)
  await page.getByRole('button', { name: 'Save' }).click()
  await page.waitForURL(new RegExp(`/cases/${caseId}(#journal)?$`))

  // Due the next working day on the England & Wales calendar.
  const due = formatDate(new Date(`${addWorkingDays(londonDateOf(new Date()), 1, ENGLAND_WALES_HOLIDAY_DATES)}T12:00:00Z`))
  const heading = `Right 6 — Told of the arrest — due ${due}`

  // The advocate sees it on the victim's checklist, under Right 6, owed by the police.
  const advocate = await signedIn(browser, 'advocate@demo.example')
  await openVictim(advocate.page, AMIRA)
  const theirs = advocate.page.getByTestId('right-6').getByTestId('entitlement').filter({ hasText: ref })
  await expect(theirs).toHaveCount(1)
  await expect(theirs.getByRole('heading')).toContainText(heading)
  await expect(theirs.getByRole('heading')).toContainText('Due')
  await expect(theirs).toContainText('Police (Northmoor Police)')
  await expectAccessible(advocate.page)

  // Before anyone tells the victim, the compliance page lists it as due.
  await page.goto('/compliance?status=due_later&rule=r06_suspect_arrested#cases')
  await expect(page.getByTestId('compliance-row').filter({ hasText: ref })).toContainText('Due')

  // The officer records that the victim was told, from the entitlement itself.
  await openVictim(page, AMIRA)
  const item = page.getByTestId('entitlement').filter({ hasText: ref }).filter({ hasText: 'Told of the arrest' })
  await item.getByText('Record that the victim was told').click()
  await item.getByRole('button', { name: 'Record that they were told' }).click()
  await expect(item.locator('.govuk-error-message').first()).toContainText('Select how the victim was told')
  await expect(item).toContainText('Select who was told')
  await expectAccessible(page)
  await item.getByLabel('How').selectOption({ label: 'Phone call' })
  await item.getByLabel('Who was told').selectOption({ label: 'Parent or guardian' })
  await item.getByRole('button', { name: 'Record that they were told' }).click()
  await expect(page.locator('.govuk-notification-banner')).toContainText('Contact recorded')
  // Met entitlements fold away under "Met (n)" so the open ones stand out.
  const met = page.getByTestId('right-6').getByTestId('met-entitlement').filter({ hasText: ref }).filter({ hasText: 'Told of the arrest' })
  await expect(met).toContainText('Met')
  await expect(page.getByTestId('entitlement').filter({ hasText: ref }).filter({ hasText: 'Told of the arrest' })).toHaveCount(0)
  // The contact is in the log, saying what they were told.
  await expect(page.getByTestId('contact-log')).toContainText('Told of the arrest')
  await expectAccessible(page)

  // The compliance page now counts it as met on time.
  await page.goto('/compliance?status=met&rule=r06_suspect_arrested#cases')
  await expect(page.getByTestId('compliance-row').filter({ hasText: ref })).toContainText('Met')
  await expect(page.getByTestId('total-met')).not.toContainText(/\b0\b/)
  await expectAccessible(page)
  await page.goto('/compliance?status=due_later&rule=r06_suspect_arrested#cases')
  await expect(page.getByTestId('compliance-row').filter({ hasText: ref })).toHaveCount(0)

  await officer.close()
  await advocate.close()
})
