// Intelligence for the police: an advocate logs a visit with a new disclosure and
// says yes to intelligence, adds an item (the empty form and a missing condition refused next to the
// fields first); the officer opens the intelligence queue, finds the item and records the force
// reference, then sees the disclosure prompt and marks it recorded on the case; the advocate sees
// "Submitted" with the reference on the victim page. CPS liaison is refused the queue and sees no
// intelligence. Every page visited is axe-checked.
import { expect, test, type Browser, type Page } from './fixtures'
import { expectAccessible, login } from './utils'

// Leah, not Amira: a visit recorded today would take Amira off the visits-due list other specs check.
const LEAH = 'V-2026-0104'

function londonToday() {
  const [day, month, year] = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' })
    .format(new Date())
    .split('/')
  return { day: day!, month: month!, year: year! }
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await login(page, email)
  return page
}

async function openLeah(page: Page) {
  await page.goto(`/victims?q=${LEAH}`)
  await page.getByRole('link', { name: LEAH }).first().click()
  await page.waitForURL(/\/victims\/[^/]+$/)
}

test('an advocate sends intelligence from a visit; the officer records its reference and the disclosure; the advocate sees it submitted', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const tag = Date.now().toString(36)
  const detail = `Invented for the test ${tag}-1: a man called “Dee” waits outside the school gates in a white van`
  const second = `Invented for the test ${tag}-2: messages arrive late on Fridays, then a lift is offered`
  const disclosed = `Invented for the test ${tag}: named a new adult who took her to a party`
  const reference = `INT/NM/26/E2E-${tag}`.toUpperCase()

  // ---- the advocate: a visit with a new disclosure, and yes to intelligence ----
  const advocate = await signedIn(browser, 'advocate@demo.example')
  await openLeah(advocate)
  await advocate.getByTestId('visits').getByRole('link', { name: 'Record a visit' }).click()
  await advocate.getByLabel('The visit took place').check()
  const today = londonToday()
  await advocate.locator('input[name="at.day"]').fill(today.day)
  await advocate.locator('input[name="at.month"]').fill(today.month)
  await advocate.locator('input[name="at.year"]').fill(today.year)
  await advocate.getByLabel('Home', { exact: true }).check()
  await advocate.getByLabel('Purpose of the visit').fill(`Follow-up ${tag}`)
  await advocate.getByRole('group', { name: 'Was the young person seen alone?' }).getByLabel('Yes').check()
  await advocate.getByRole('group', { name: 'Was the young person spoken to alone?' }).getByLabel('Yes').check()
  await advocate.getByLabel('Engaged', { exact: true }).check()
  await advocate.getByLabel('A new offence or a new suspect').check()
  await advocate.getByLabel('What was disclosed').fill(disclosed)
  await advocate.getByRole('group', { name: 'Do you have intelligence for the police from this visit?' }).getByLabel('Yes').check()
  await expectAccessible(advocate)
  await advocate.getByRole('button', { name: 'Save visit' }).click()
  await advocate.waitForURL(/\/intelligence\/new\?visit=/)
  await expect(advocate.getByRole('heading', { level: 1 })).toHaveText('Add intelligence for the police')
  await expect(advocate.locator('.govuk-notification-banner')).toContainText('Visit recorded')
  await expect(advocate.getByRole('main')).toContainText('Northmoor Police')
  await expectAccessible(advocate)

  // The empty form: every question answered next to its field.
  await advocate.getByRole('button', { name: 'Save', exact: true }).click()
  const summary = advocate.locator('.govuk-error-summary')
  await expect(summary).toContainText('Select what the intelligence is about')
  await expect(summary).toContainText('Enter the intelligence')
  await expect(summary).toContainText('Select how reliable the source is')
  await expectAccessible(advocate)

  // Handling code C needs its conditions; what was typed is kept.
  await advocate.getByLabel('A person').check()
  await advocate.getByLabel('The intelligence').fill(detail)
  await advocate.getByLabel('2 – Untested').check()
  await advocate.getByLabel('A – Known directly to the source').check()
  await advocate.getByLabel('C – Lawful sharing permitted with conditions').check()
  await advocate.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(summary).toContainText('Enter the conditions for sharing')
  await expect(advocate.getByLabel('The intelligence')).toHaveValue(detail)
  await advocate.getByLabel('Conditions for sharing').fill('Not to be shared with her school')
  // "Save and add another": the same visit, an empty form.
  await advocate.getByRole('button', { name: 'Save and add another' }).click()
  await expect(advocate.locator('.govuk-notification-banner')).toContainText('Add the next one')
  await expect(advocate).toHaveURL(/\/intelligence\/new\?visit=/)
  await expect(advocate.getByLabel('The intelligence')).toHaveValue('')
  await advocate.getByLabel('A pattern (times, routes, how contact is made)').check()
  await advocate.getByLabel('The intelligence').fill(second)
  await advocate.getByLabel('3 – Not reliable').check()
  await advocate.getByLabel('D – Not known').check()
  await advocate.getByLabel('P – Lawful sharing permitted').check()
  await advocate.getByRole('button', { name: 'Save', exact: true }).click()
  await advocate.waitForURL(/\/victims\/[^/]+(#intelligence)?$/)
  await expect(advocate.locator('.govuk-notification-banner')).toContainText('Intelligence item saved')
  const section = advocate.getByTestId('intelligence')
  await expect(section).toContainText('Intelligence for the police')
  await expect(section.getByTestId('intelligence-row').first()).toContainText('A pattern')
  await expect(section.getByTestId('intelligence-row').nth(1)).toContainText('A person')
  await expect(section.getByTestId('intelligence-row').nth(1)).toContainText('New')
  await expectAccessible(advocate)

  // ---- the officer: the queue, the reference, the disclosure ----
  const officer = await signedIn(browser, 'officer@demo.example')
  await expect(officer.getByTestId('intelligence-waiting')).toContainText('new intelligence item')
  await expectAccessible(officer)
  await officer.getByRole('link', { name: 'Intelligence', exact: true }).click()
  await expect(officer.getByRole('heading', { level: 1 })).toHaveText('Intelligence queue')
  await expect(
    officer
      .getByTestId('intelligence-queue')
      .getByRole('row')
      .filter({ hasText: `${tag}-2` }),
  ).toContainText('3 D P')
  const row = officer
    .getByTestId('intelligence-queue')
    .getByRole('row')
    .filter({ hasText: `${tag}-1` })
  await expect(row).toContainText(LEAH)
  await expect(row).toContainText('2 A C')
  await expectAccessible(officer)
  await row.getByRole('link').click()
  await expect(officer.getByTestId('intelligence-item')).toContainText(detail)
  await expect(officer.getByTestId('intelligence-item')).toContainText('Not to be shared with her school')
  await expectAccessible(officer)
  await officer.getByRole('button', { name: 'Mark as submitted' }).click()
  await expect(officer.locator('.govuk-error-summary')).toContainText('Enter the reference from the police intelligence system')
  await expectAccessible(officer)
  await officer.getByLabel('Reference on the police intelligence system').fill(reference)
  await officer.getByRole('button', { name: 'Mark as submitted' }).click()
  await officer.waitForURL(/\/intelligence$/)
  await expect(officer.locator('.govuk-notification-banner')).toContainText(`Marked as submitted with reference ${reference}`)
  await expect(
    officer
      .getByTestId('intelligence-queue')
      .getByRole('row')
      .filter({ hasText: `${tag}-1` }),
  ).toHaveCount(0)

  const disclosure = officer.getByTestId('disclosure').filter({ hasText: disclosed })
  await expect(disclosure).toContainText(LEAH)
  await expect(disclosure).toContainText('A new offence or a new suspect')
  await expect(disclosure.getByRole('link').first()).toHaveAttribute('href', /^\/cases\//)
  await disclosure.getByRole('button', { name: 'Recorded on the case' }).click()
  await expect(officer.locator('.govuk-error-summary')).toContainText('Enter what was recorded on the case, or why not')
  await expectAccessible(officer)
  await officer.getByTestId('disclosure').filter({ hasText: disclosed }).getByRole('textbox').fill('Suspect added to the case (test)')
  await officer.getByTestId('disclosure').filter({ hasText: disclosed }).getByRole('button', { name: 'Recorded on the case' }).click()
  await expect(officer.locator('.govuk-notification-banner')).toContainText('Disclosure marked as recorded on the case')
  await expect(officer.getByTestId('disclosure').filter({ hasText: disclosed })).toHaveCount(0)

  await officer.goto('/intelligence?status=submitted')
  await expect(
    officer
      .getByTestId('intelligence-queue')
      .getByRole('row')
      .filter({ hasText: `${tag}-1` }),
  ).toContainText(reference)
  await expectAccessible(officer)

  // ---- the advocate sees it submitted, with the reference ----
  await advocate.reload()
  const submitted = advocate.getByTestId('intelligence-row').filter({ hasText: reference })
  await expect(submitted).toContainText('Submitted')
  await expect(submitted).toContainText('A person')
  await expectAccessible(advocate)
})

test('CPS liaison is refused the intelligence queue and sees no intelligence on a victim page', async ({ page }) => {
  await login(page, 'cps@demo.example')
  await expect(page.getByRole('link', { name: 'Intelligence', exact: true })).toHaveCount(0)
  const refused = await page.goto('/intelligence')
  expect(refused?.status()).toBe(403)
  await page.goto('/cases?q=NM/25/004206')
  await page.getByRole('link', { name: 'NM/25/004206' }).first().click()
  await page.getByTestId('case-victims').getByRole('link').first().click()
  await page.waitForURL(/\/victims\/[^/]+$/)
  await expect(page.getByTestId('intelligence')).toHaveCount(0)
})
