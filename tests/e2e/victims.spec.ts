// Victim records in the browser: an advocate opens a record with communication needs and finds it
// on their list; bad input is answered on the form with what was typed kept; two people editing at
// once — the second sees what changed and loses nothing; adding a child another agency holds finds
// their record first. Every page is axe-checked.
import { expect, test, type Page } from './fixtures'
import { expectAccessible, login } from './utils'

const uniqueName = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`

async function createVictim(page: Page, lastName: string) {
  await page.goto('/victims/new')
  await expect(page.getByRole('heading', { level: 1, name: 'Add a victim' })).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('First name', { exact: true }).fill('Elowen')
  await page.getByLabel('Last name', { exact: true }).fill(lastName)
  await page.getByLabel('Preferred name (optional)').fill('Wren')
  await page.getByLabel('Day').fill('14')
  await page.getByLabel('Month').fill('2')
  await page.getByLabel('Year').fill('2012')
  await page.getByLabel('Preferred language (optional)').fill('Cornish')
  await page.getByLabel('Needs an interpreter').check()
  await page.getByLabel('Needs an intermediary').check()
  await page.getByLabel('Other adjustments (optional)').fill('Short sessions with breaks')
  await page.getByLabel('Do not leave voicemail').check()
  await page.getByLabel('Safe times to contact (optional)').fill('Weekdays after 4pm')
  await page.getByRole('button', { name: 'Save victim' }).click()
  await page.waitForURL(/\/victims\/[^/]+$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(lastName)
  return page.url()
}

test('an advocate creates a victim with communication needs and finds it on their list and page', async ({ page }) => {
  await login(page, 'advocate@demo.example')
  // Bad input first: errors in the summary and by the fields, values kept.
  await page.goto('/victims/new')
  await page.getByLabel('First name', { exact: true }).fill('Elowen')
  await page.getByLabel('Day').fill('31')
  await page.getByLabel('Month').fill('2')
  await page.getByLabel('Year').fill('2012')
  await page.getByRole('button', { name: 'Save victim' }).click()
  const summary = page.locator('.govuk-error-summary')
  await expect(summary).toContainText('Enter their last name')
  await expect(summary).toContainText('Date of birth must be a real date')
  await expect(page.getByLabel('First name', { exact: true })).toHaveValue('Elowen')
  await expectAccessible(page)

  const lastName = uniqueName('Tregarthen')
  const url = await createVictim(page, lastName)
  await expect(page.locator('.govuk-notification-banner')).toContainText(/Victim record V-\d{4}-\d{4,} created/)
  const communication = page.getByTestId('communication-needs-list')
  await expect(communication).toContainText('Cornish')
  await expect(communication.getByText('Needed')).toHaveCount(2)
  await expect(communication).toContainText('Short sessions with breaks')
  await expect(page.getByTestId('no-voicemail')).toBeVisible()
  await expect(page.getByTestId('enhanced-rights')).toContainText('Under 18 at the time of the offence')
  await expect(page.getByText(/Lead advocate: /)).toBeVisible()
  await expectAccessible(page)

  await page.goto(`/victims?q=${encodeURIComponent(lastName)}`)
  await expect(page.getByRole('link', { name: /V-\d{4}-\d{4,}/ })).toHaveCount(1)
  await expectAccessible(page)
  await page.getByRole('link', { name: /V-\d{4}-\d{4,}/ }).click()
  await expect(page).toHaveURL(url)

  // Consent, then close and reopen.
  await page.getByRole('link', { name: 'Record consent or a lawful basis for sharing' }).click()
  await expect(page.getByLabel('What may be shared')).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('What may be shared').fill('Investigation updates')
  await page.getByLabel('Who it may be shared with').fill('Northmoor Police OIC')
  await page.getByLabel('Consent was given').check()
  await page.getByLabel('The child or young person').check()
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByTestId('consents')).toContainText('Investigation updates')
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Close this record' }).click()
  await page.getByRole('button', { name: 'Close record' }).click()
  await expect(page.locator('.govuk-error-summary')).toContainText('Select why the record is being closed')
  await expectAccessible(page)
  await page.getByLabel('Moved out of the area').check()
  await page.getByRole('button', { name: 'Close record' }).click()
  await expect(page.getByTestId('closed-reason')).toContainText('Moved out of the area')
  await page.getByRole('link', { name: 'Reopen this record' }).click()
  await expect(page.getByRole('button', { name: 'Reopen record' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Reopen record' }).click()
  await expect(page.locator('.govuk-notification-banner')).toContainText('Victim record reopened')
})

test('a conflicting edit in two browser contexts shows what changed and loses nothing', async ({ browser }) => {
  const one = await (await browser.newContext()).newPage()
  const two = await (await browser.newContext()).newPage()
  await login(one, 'advocate@demo.example')
  await login(two, 'manager@demo.example')
  const lastName = uniqueName('Penhallow')
  const url = await createVictim(one, lastName)

  await one.goto(`${url}/edit`)
  await two.goto(`${url}/edit`)
  await expectAccessible(one)

  await two.getByLabel('Preferred language (optional)').fill('Welsh')
  await two.getByRole('button', { name: 'Save changes' }).click()
  await expect(two.locator('.govuk-notification-banner')).toContainText('Victim details saved')

  await one.getByLabel('Preferred language (optional)').fill('Polish')
  await one.getByLabel('Risk and vulnerability notes (optional)').fill('Missing from home twice this month')
  await one.getByRole('button', { name: 'Save changes' }).click()
  const conflict = one.getByTestId('conflict')
  await expect(conflict).toContainText('Someone else changed this record while you were editing')
  const row = conflict.getByRole('row', { name: /Preferred language/ })
  await expect(row).toContainText('Welsh')
  await expect(row).toContainText('Polish')
  await expect(one.getByLabel('Preferred language (optional)')).toHaveValue('Polish')
  await expect(one.getByLabel('Risk and vulnerability notes (optional)')).toHaveValue('Missing from home twice this month')
  await expectAccessible(one)

  // Saving again keeps this user's values, on purpose. GOV.UK Frontend's double-click protection
  // (data-prevent-double-click) ignores a second click on the same button within one second, as
  // a person reading the conflict would never do.
  await one.waitForTimeout(1100)
  await one.getByRole('button', { name: 'Save changes' }).click()
  await expect(one.locator('.govuk-notification-banner')).toContainText('Victim details saved')
  await expect(one.getByTestId('communication-needs-list')).toContainText('Polish')
  await expect(one.getByTestId('personal-details-list')).toContainText('Missing from home twice this month')
  await expectAccessible(one)
})

test('find before you add: another agency’s record is named only by its holder; a second record needs a reason', async ({ browser }) => {
  const advocate = await (await browser.newContext()).newPage()
  const officer = await (await browser.newContext()).newPage()
  await login(advocate, 'advocate@demo.example')
  await login(officer, 'officer@demo.example')
  const lastName = uniqueName('Trevail')
  await createVictim(advocate, lastName)

  // The officer reaches the victims list from the menu and adds the same child by her preferred name.
  await officer.getByRole('link', { name: 'Victims', exact: true }).first().click()
  await officer.getByRole('link', { name: 'Add a victim' }).click()
  await officer.getByLabel('First name', { exact: true }).fill('wren')
  await officer.getByLabel('Last name', { exact: true }).fill(`  ${lastName.toUpperCase()} `)
  await officer.getByLabel('Day').fill('14')
  await officer.getByLabel('Month').fill('2')
  await officer.getByLabel('Year').fill('2012')
  await officer.getByLabel('Phone number (optional)').first().fill('07700 900321')
  await officer.getByRole('button', { name: 'Save victim' }).click()
  const found = officer.getByTestId('existing-records')
  await expect(found).toContainText('A record for this child may already exist, held by Brightpath Young Survivors Service')
  await expect(found).not.toContainText('Elowen')
  await expect(found).not.toContainText(/V-\d{4}-\d{4,}/)
  await expect(found.getByRole('button', { name: 'Request access from Brightpath Young Survivors Service' })).toBeVisible()
  await expect(found.getByLabel('Why you need access')).toBeVisible()
  await expect(officer.getByLabel('First name', { exact: true })).toHaveValue('wren')
  await expect(officer.getByLabel('Phone number (optional)').first()).toHaveValue('07700 900321')
  await expectAccessible(officer)

  // Past it without a reason: a message by the field; with one, the record is made.
  await officer.waitForTimeout(1100)
  await officer.getByRole('button', { name: 'Save victim' }).click()
  await expect(officer.locator('.govuk-error-summary')).toContainText('Enter why a second record is needed')
  await expectAccessible(officer)
  await officer.getByLabel('Why a second record is needed').fill('Held for the investigation until the service agrees to share')
  await officer.getByRole('button', { name: 'Save as a new record' }).click()
  await officer.waitForURL(/\/victims\/[^/]+$/)
  await expect(officer.locator('.govuk-notification-banner')).toContainText(/Victim record V-\d{4}-\d{4,} created/)

  // The advocate adding the child again is pointed at her own record; the officer's (first name
  // "wren", her preferred name here) is named only by its holder.
  await advocate.goto('/victims/new')
  await advocate.getByLabel('First name', { exact: true }).fill('Elowen')
  await advocate.getByLabel('Last name', { exact: true }).fill(lastName)
  await advocate.getByLabel('Preferred name (optional)').fill('Wren')
  await advocate.getByLabel('Day').fill('14')
  await advocate.getByLabel('Month').fill('2')
  await advocate.getByLabel('Year').fill('2012')
  await advocate.getByRole('button', { name: 'Save victim' }).click()
  await expect(advocate.getByTestId('existing-records').getByRole('link', { name: new RegExp(`^V-\\d{4}-\\d{4,} – Elowen \\(Wren\\) ${lastName}$`) })).toBeVisible()
  await expect(advocate.getByTestId('existing-records')).toContainText('held by Northmoor Police')
  await expectAccessible(advocate)
})
