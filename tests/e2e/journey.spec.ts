// The journey: an officer opens a case for two victims with two suspects and records an
// arrest; the file goes to the CPS; CPS liaison records the charge and the trial listing; the
// officer corrects an entry and the original stays, struck through, with the reason; an advocate
// may not record a charge. Every page visited is axe-checked.
import { expect, test, type Browser, type Page } from './fixtures'
import { openCase, uniqueRef } from './case-steps'
import { expectAccessible, login } from './utils'

const AMIRA = 'V-2026-0131' // advocate@'s victim
const TIANA = 'V-2026-0135' // advocate2@'s victim

function londonParts(offsetDays: number) {
  const d = new Date(Date.now() + offsetDays * 86_400_000)
  const [day, month, year] = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' })
    .format(d)
    .split('/')
  // en-GB pads to two digits ("05"); the form shows a stored date unpadded ("5"), as people type it.
  return { day: String(Number(day)), month: String(Number(month)), year: year! }
}

async function fillDate(page: Page, name: string, offsetDays: number) {
  const p = londonParts(offsetDays)
  await page.locator(`input[name="${name}.day"]`).fill(p.day)
  await page.locator(`input[name="${name}.month"]`).fill(p.month)
  await page.locator(`input[name="${name}.year"]`).fill(p.year)
}

async function chooseEvent(page: Page, caseId: string, label: string) {
  await page.goto(`/cases/${caseId}/events/new`)
  await page.getByLabel(label, { exact: true }).check()
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(label)
}

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await login(page, email)
  return { page, close: () => context.close() }
}

test('a case’s journey from arrest to trial listing, each step recorded by its owner', async ({ browser }) => {
  // Three people, a dozen pages, each axe-checked: near 2 minutes on a busy 2-core machine.
  test.setTimeout(240_000)
  const officer = await signedIn(browser, 'officer@demo.example')
  const ref = uniqueRef()
  await openCase(officer.page, ref, '2', [AMIRA, TIANA])
  const caseId = officer.page.url().split('/').pop()!
  const page = officer.page

  // The menu of events, and "Continue" with nothing chosen.
  await page.getByRole('button', { name: 'Record an event' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What do you want to record?')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.locator('.govuk-error-summary')).toContainText('Select what you want to record')
  await expectAccessible(page)

  // An arrest tomorrow is refused next to the date; what was typed stays.
  await page.getByLabel('Suspect arrested', { exact: true }).check()
  await page.getByRole('button', { name: 'Continue' }).click()
  await expectAccessible(page)
  await page.getByLabel('Suspect A').check()
  await fillDate(page, 'occurredAt', 1)
  await page.locator('textarea[name="details.suspectedOffences"]').fill('Arranging the sexual exploitation of a child')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.locator('.govuk-error-summary')).toContainText('The date of the arrest must be today or in the past')
  await expect(page.locator('#occurredAt-error, .govuk-error-message').first()).toBeVisible()
  await expect(page.locator('textarea[name="details.suspectedOffences"]')).toHaveValue('Arranging the sexual exploitation of a child')
  await expect(page.getByLabel('Suspect A')).toBeChecked()
  await expectAccessible(page)

  await fillDate(page, 'occurredAt', -2)
  await page.locator('input[name="occurredAtTime"]').fill('07:15')
  await page.getByRole('button', { name: 'Save' }).click()
  await page.waitForURL(new RegExp(`/cases/${caseId}(#journal)?$`))
  await expect(page.getByTestId('case-timeline')).toContainText('Suspect arrested')
  await expect(page.getByTestId('case-timeline')).toContainText('Suspect A: Suspected of Arranging the sexual exploitation of a child')
  await expect(page.getByTestId('defendant-Suspect A')).toContainText('Investigation')
  await expectAccessible(page)

  // The officer names the CPS area and sends the file.
  await page.goto(`/cases/${caseId}/edit`)
  await page.locator('select[name="cpsOrganisationId"]').selectOption({ label: 'CPS Northmoor and Dale' })
  await page.getByRole('button', { name: 'Save changes' }).click()
  await page.waitForURL(new RegExp(`/cases/${caseId}$`))
  await chooseEvent(page, caseId, 'File sent to CPS for a charging decision')
  await fillDate(page, 'occurredAt', -1)
  await page.getByLabel('A charging decision on the full Code test').check()
  await page.getByRole('button', { name: 'Save' }).click()
  await page.waitForURL(new RegExp(`/cases/${caseId}(#journal)?$`))
  await expect(page.getByTestId('case-timeline')).toContainText('File sent to CPS for a charging decision')

  // CPS liaison charges Suspect A and lists the trial.
  const cps = await signedIn(browser, 'cps@demo.example')
  await chooseEvent(cps.page, caseId, 'Suspect charged')
  await expectAccessible(cps.page)
  await cps.page.getByLabel('Suspect A').check()
  await fillDate(cps.page, 'occurredAt', 0)
  await cps.page.locator('input[name="details.charges[0].offence"]').fill('Arranging or facilitating the commission of a child sex offence')
  await cps.page.getByLabel('Remanded in custody').check()
  await cps.page.getByRole('button', { name: 'Save' }).click()
  await cps.page.waitForURL(new RegExp(`/cases/${caseId}(#journal)?$`))
  await expect(cps.page.getByTestId('case-timeline')).toContainText('Suspect A: Charge: Arranging or facilitating')

  await chooseEvent(cps.page, caseId, 'Hearing listed')
  await fillDate(cps.page, 'occurredAt', 0)
  await cps.page.getByLabel('Trial', { exact: true }).check()
  await cps.page.locator('input[name="details.court"]').fill('Northmoor Crown Court')
  // A hearing date that is not a real date is refused next to it; the court typed stays.
  await cps.page.locator('input[name="details.hearingAt.day"]').fill('31')
  await cps.page.locator('input[name="details.hearingAt.month"]').fill('2')
  await cps.page.locator('input[name="details.hearingAt.year"]').fill('2027')
  await cps.page.getByRole('button', { name: 'Save' }).click()
  await expect(cps.page.locator('.govuk-error-summary')).toContainText('The date of the hearing must be a real date')
  await expect(cps.page.locator('input[name="details.court"]')).toHaveValue('Northmoor Crown Court')
  await expectAccessible(cps.page)
  await fillDate(cps.page, 'details.hearingAt', 60)
  await cps.page.locator('input[name="details.hearingAtTime"]').fill('10:00')
  await fillDate(cps.page, 'receivedAt', 0)
  await cps.page.getByRole('button', { name: 'Save' }).click()
  await cps.page.waitForURL(new RegExp(`/cases/${caseId}(#journal)?$`))
  await expect(cps.page.getByTestId('upcoming-hearings')).toContainText('Trial')
  await expect(cps.page.getByTestId('upcoming-hearings')).toContainText('Northmoor Crown Court')
  await expectAccessible(cps.page)
  await cps.close()

  // The officer corrects the arrest: the original stays, struck through, with the reason.
  await page.goto(`/cases/${caseId}`)
  await page.getByRole('link', { name: 'Correct this entry (Suspect arrested)' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Correct: Suspect arrested')
  await expect(page.locator('input[name="occurredAt.day"]')).toHaveValue(londonParts(-2).day)
  await expect(page.locator('input[name="occurredAtTime"]')).toHaveValue('07:15')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Save correction' }).click()
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter the reason for the correction')
  await page.locator('input[name="occurredAtTime"]').fill('06:40')
  await page.locator('textarea[name="correctionReason"]').fill('Custody record shows the arrest at 06:40')
  await page.getByRole('button', { name: 'Save correction' }).click()
  await page.waitForURL(new RegExp(`/cases/${caseId}(#journal)?$`))
  const struck = page.locator('[data-superseded="true"]')
  await expect(struck).toHaveCount(1)
  await expect(struck.locator('del')).toHaveText('Suspect arrested')
  await expect(struck).toContainText('Custody record shows the arrest at 06:40')
  await expectAccessible(page)
  await officer.close()

  // Amira's advocate sees the arrest on her timeline and records telling her about it.
  const advocate = await signedIn(browser, 'advocate@demo.example')
  await advocate.page.goto(`/cases/${caseId}`)
  await advocate.page.getByTestId('case-victims').getByRole('link', { name: AMIRA }).click()
  const timeline = advocate.page.getByTestId('journey-timeline-items')
  await expect(timeline).toContainText('Suspect arrested')
  await expect(timeline).toContainText(ref)
  await expectAccessible(advocate.page)
  // Amira is on other cases (other tests record arrests too): this case's arrest, by its reference.
  await timeline
    .locator('.moj-timeline__item:not([data-superseded])', { hasText: 'Suspect arrested' })
    .filter({ hasText: ref })
    .getByRole('link', { name: /Record telling them about this/ })
    .click()
  await fillDate(advocate.page, 'contactedAt', 0)
  await advocate.page.getByLabel('Phone call').check()
  await advocate.page.getByLabel('The victim').check()
  await advocate.page.getByLabel('What were they told?').fill('Told Amira a man was arrested and is on bail; explained what happens next.')
  await expectAccessible(advocate.page)
  await advocate.page.getByRole('button', { name: 'Save contact' }).click()
  await expect(advocate.page.getByTestId('contact').filter({ hasText: 'Told Amira a man was arrested' })).toContainText('Suspect arrested')

  // An advocate may not record a charge: the menu does not offer it and the URL is refused.
  await advocate.page.goto(`/cases/${caseId}/events/new`)
  await expect(advocate.page.getByLabel('Suspect charged', { exact: true })).toHaveCount(0)
  await expect(advocate.page.getByLabel('Pre-trial therapy started', { exact: true })).toHaveCount(1)
  const refused = await advocate.page.goto(`/cases/${caseId}/events/new?type=suspect_charged`)
  expect(refused?.status()).toBe(403)
  const posted = await advocate.page.request.post(`/cases/${caseId}/events/new`, {
    headers: { origin: new URL(advocate.page.url()).origin },
    form: { type: 'suspect_charged', idempotencyKey: 'e2e-refused' },
    maxRedirects: 0,
  })
  expect(posted.status()).toBe(403)
  await advocate.close()
})
