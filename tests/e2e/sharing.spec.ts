// One child shared across agencies, from an empty record, as the people who do it would:
//  1. An officer adds a child nobody has recorded, records consent naming the advocacy service,
//     opens a case with two suspects, records an arrest and refers her to the service. The
//     service's manager decides from a summary, accepts and allocates a lead advocate; the advocate
//     sees the arrest and records that she was told; the Right 6 entitlement is met. A second
//     officer searching for her, or adding her again, is offered Request access instead.
//  2. An advocate adds a child who wants to report, shares her with the police; an officer opens a
//     new case for her from the request and then works her record.
// Every new page is axe-checked.
import { expect, test, type Browser, type Page } from './fixtures'
import { openCase, uniqueRef } from './case-steps'
import { expectAccessible, login } from './utils'

const BRIGHTPATH = 'Brightpath Young Survivors Service'

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await login(page, email)
  return page
}

function londonToday() {
  const [day, month, year] = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' })
    .format(new Date())
    .split('/')
  return { day: day!, month: month!, year: year! }
}

/** An invented surname no other test uses. */
const surname = (base: string) => `${base}${Date.now().toString(36).replace(/\d/g, '').toUpperCase().slice(0, 4)}`

async function addChild(page: Page, firstName: string, lastName: string) {
  await page.getByRole('link', { name: 'Add a victim' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add a victim')
  await page.getByLabel('First name', { exact: true }).fill(firstName)
  await page.getByLabel('Last name', { exact: true }).fill(lastName)
  await page.getByLabel('Day').fill('3')
  await page.getByLabel('Month').fill('9')
  await page.getByLabel('Year').fill('2012')
}

/** Saves the Add a victim form and waits for the new record's page (not the form's own address). */
async function saveChild(page: Page) {
  await page.getByRole('button', { name: 'Save victim' }).click()
  await page.waitForURL((url) => /^\/victims\/(?!new$)[^/]+$/.test(url.pathname))
  return new URL(page.url()).pathname
}

async function recordConsent(page: Page, victimUrl: string, sharedWith: string) {
  await page.goto(`${victimUrl}/consent`)
  await page.getByLabel('What may be shared').fill('Her details and what she has said, for support and the investigation')
  await page.getByLabel('Who it may be shared with').fill(sharedWith)
  await page.getByLabel('Consent was given').check()
  await page.getByLabel('The child or young person').check()
  await page.getByRole('button', { name: 'Save' }).click()
  await page.waitForURL((url) => url.pathname === victimUrl)
}

test('an officer adds a child, opens a case and refers her; the service takes her on; the advocate tells her of the arrest', async ({ browser }) => {
  test.setTimeout(240_000)
  const lastName = surname('Penhallow')
  const crimeReference = uniqueRef()

  // The officer: Victims is in the menu; the child is new to Waypoint.
  const officer = await signedIn(browser, 'officer@demo.example')
  await officer.getByRole('link', { name: 'Victims', exact: true }).first().click()
  await addChild(officer, 'Morwenna', lastName)
  const victimUrl = await saveChild(officer)
  const reference = (await officer.locator('.govuk-caption-l').first().textContent())!.trim()
  expect(reference).toMatch(/^V-\d{4}-\d{4,}$/)
  await recordConsent(officer, victimUrl, BRIGHTPATH)

  // A case with two suspects, and the arrest of one of them today.
  await openCase(officer, crimeReference, '2', [reference])
  const caseUrl = new URL(officer.url()).pathname
  await officer.goto(`${caseUrl}/events/new`)
  await officer.getByLabel('Suspect arrested', { exact: true }).check()
  await officer.getByRole('button', { name: 'Continue' }).click()
  await officer.waitForURL(/type=suspect_arrested/)
  // Checked again if the page's scripts started after the first click.
  await expect(async () => {
    await officer.getByLabel('Suspect A').check()
    await expect(officer.getByLabel('Suspect A')).toBeChecked({ timeout: 1000 })
  }).toPass()
  const today = londonToday()
  await officer.locator('input[name="occurredAt.day"]').fill(today.day)
  await officer.locator('input[name="occurredAt.month"]').fill(today.month)
  await officer.locator('input[name="occurredAt.year"]').fill(today.year)
  await officer.getByRole('button', { name: 'Save' }).click()
  await officer.waitForURL(new RegExp(`${caseUrl}(#journal)?$`))

  // The referral to the advocacy service, from the victim page.
  await officer.goto(victimUrl)
  await officer.getByRole('link', { name: 'Bring in an advocate' }).click()
  await expect(officer.getByRole('heading', { level: 1 })).toHaveText('Refer to a support service')
  await officer.getByLabel('Organisation').selectOption({ label: BRIGHTPATH })
  await officer.getByLabel('ISVA or ChISVA (independent sexual violence adviser)').check()
  await officer.getByLabel('Why are you making the referral?').fill('Invented: she needs a ChISVA through the investigation')
  await officer.getByRole('button', { name: 'Send referral' }).click()
  await officer.waitForURL((url) => url.pathname.startsWith('/referrals/'))
  const referralUrl = new URL(officer.url()).pathname

  // The service's manager: the referral waits with a summary, not the record.
  const manager = await signedIn(browser, 'manager@demo.example')
  await manager.goto('/referrals')
  await expect(manager.getByTestId('received-sent')).toContainText(lastName)
  await manager.goto(referralUrl)
  const summary = manager.getByTestId('sharing-summary')
  await expect(summary).toContainText(reference)
  await expect(summary).toContainText('Sexual activity with a child')
  expect((await manager.goto(victimUrl))?.status()).toBe(404)
  await manager.goto(referralUrl)
  await expectAccessible(manager)
  await manager.getByLabel('Lead advocate (optional)').selectOption({ label: 'Ama Okafor-Reyes' })
  await manager.getByRole('button', { name: 'Accept and take on' }).click()
  await expect(manager.locator('.govuk-notification-banner')).toContainText('Referral accepted')
  await manager.goto(victimUrl)
  await expect(manager.getByText(/Lead advocate: Ama Okafor-Reyes \(Brightpath Young Survivors Service\) since/)).toBeVisible()
  await expect(manager.getByRole('link', { name: 'Manage who is working with this victim' })).toBeVisible()

  // The lead advocate sees the arrest and records that Morwenna was told; the entitlement is met.
  const advocate = await signedIn(browser, 'advocate@demo.example')
  await advocate.goto(victimUrl)
  await expect(advocate.getByRole('main')).toContainText('Suspect arrested')
  const owed = advocate.getByTestId('entitlement').filter({ hasText: crimeReference }).filter({ hasText: 'Told of the arrest' })
  await owed.getByText('Record that the victim was told').click()
  await owed.getByLabel('How').selectOption({ label: 'Phone call' })
  await owed.getByLabel('Who was told').selectOption({ label: 'Parent or guardian' })
  await owed.getByRole('button', { name: 'Record that they were told' }).click()
  await expect(advocate.locator('.govuk-notification-banner')).toContainText('Contact recorded')
  const met = advocate.getByTestId('right-6').getByTestId('met-entitlement').filter({ hasText: crimeReference }).filter({ hasText: 'Told of the arrest' })
  await expect(met).toContainText('Met')
  await expectAccessible(advocate)

  // A second officer adding the same child is offered Request access, and learns nothing else.
  const officer2 = await signedIn(browser, 'officer2@demo.example')
  // Searching by her reference finds that a record exists, and who holds it, not the record.
  await officer2.goto(`/victims?q=${encodeURIComponent(reference)}`)
  await expect(officer2.getByTestId('existing-records')).toContainText(`held by ${BRIGHTPATH}`)
  await expect(officer2.getByRole('main')).not.toContainText(lastName)
  await expectAccessible(officer2)
  await officer2.goto('/victims')
  await addChild(officer2, 'morwenna', ` ${lastName.toLowerCase()}`)
  await officer2.getByRole('button', { name: 'Save victim' }).click()
  const found = officer2.getByTestId('existing-records')
  await expect(found).toContainText(`held by ${BRIGHTPATH}`)
  await expect(found).not.toContainText(reference)
  await expectAccessible(officer2)
  const ask = found.locator('form').filter({ has: officer2.getByRole('button', { name: `Request access from ${BRIGHTPATH}` }) })
  await ask.getByLabel('Why you need access').fill('Invented: she came to the front counter to report')
  await ask.getByRole('button', { name: `Request access from ${BRIGHTPATH}` }).click()
  await officer2.waitForURL((url) => url.pathname.startsWith('/requests/'))
  await expect(officer2.locator('.govuk-notification-banner')).toContainText('Request sent')
  await expect(officer2.getByRole('main')).not.toContainText(lastName)
  await expectAccessible(officer2)

  // The service sees the request to answer.
  await manager.goto('/requests')
  await expect(manager.getByTestId('received-pending')).toContainText(lastName)
  await expectAccessible(manager)
})

test('an advocate shares a child who wants to report; an officer opens a case for her from the request', async ({ browser }) => {
  test.setTimeout(180_000)
  const lastName = surname('Treloar')
  const advocate = await signedIn(browser, 'advocate@demo.example')
  await advocate.goto('/victims')
  await addChild(advocate, 'Demelza', lastName)
  const victimUrl = await saveChild(advocate)

  // Without consent naming the force: refused beside the field, with the way to record it.
  await advocate.getByRole('link', { name: 'Share with the police' }).click()
  // The page has changed when its heading has (axe on the page being left sees the focused link).
  await expect(advocate.getByRole('heading', { level: 1 })).toHaveText('Share with the police')
  await expectAccessible(advocate)
  await advocate.getByLabel('Police force').selectOption({ label: 'Northmoor Police' })
  await advocate.getByLabel('What does the young person want to report, or why should the police know?').fill('Invented: an older man contacts her online')
  await advocate.getByRole('button', { name: 'Share with the police' }).click()
  await expect(advocate.locator('.govuk-error-summary')).toContainText('Northmoor Police')
  await expect(advocate.getByTestId('consent-link')).toBeVisible()
  await expect(advocate.getByLabel('What does the young person want to report, or why should the police know?')).toHaveValue('Invented: an older man contacts her online')
  await expectAccessible(advocate)

  await recordConsent(advocate, victimUrl, 'Northmoor Police')
  await advocate.goto(`${victimUrl}/share-with-police`)
  await advocate.getByLabel('Police force').selectOption({ label: 'Northmoor Police' })
  await advocate.getByLabel('What does the young person want to report, or why should the police know?').fill('Invented: an older man contacts her online')
  await advocate.getByRole('button', { name: 'Share with the police' }).click()
  await advocate.waitForURL((url) => url.pathname.startsWith('/requests/'))
  const requestUrl = new URL(advocate.url()).pathname
  await expect(advocate.getByRole('heading', { level: 1 })).toContainText('Waiting for a decision')
  await expectAccessible(advocate)

  // The officer: the request, a summary to decide on, and a new case for her.
  const officer = await signedIn(browser, 'officer@demo.example')
  await officer.getByRole('link', { name: 'Sharing requests', exact: true }).first().click()
  await expect(officer.getByTestId('received-pending')).toContainText(lastName)
  await officer.goto(requestUrl)
  await expect(officer.getByTestId('sharing-summary')).toContainText(lastName)
  expect((await officer.goto(victimUrl))?.status()).toBe(404)
  await officer.goto(requestUrl)
  await officer.getByRole('link', { name: 'Open a new case for this young person' }).click()
  await expect(officer.getByTestId('shared-child')).toContainText(lastName)
  await expectAccessible(officer)
  await openCaseForShared(officer)
  await expect(officer.getByRole('main')).toContainText(lastName)
  await officer.goto(victimUrl)
  await expect(officer.getByRole('heading', { level: 1 })).toContainText(lastName)

  // The advocate sees it linked.
  await advocate.goto(requestUrl)
  await expect(advocate.getByRole('heading', { level: 1 })).toContainText('Linked to a case')
})

/** The Open a case form as reached from a sharing request: the shared child is already on it. */
async function openCaseForShared(page: Page) {
  await page.locator('input[name="crimeReference"]').fill(uniqueRef())
  await page.locator('input[name="offences[0].description"]').fill('Causing a child to watch a sexual act, online')
  await page.locator('select[name="offences[0].category"]').selectOption('causing_inciting_sexual_activity')
  await page.locator('input[name="offences[0].from.day"]').fill('2')
  await page.locator('input[name="offences[0].from.month"]').fill('11')
  await page.locator('input[name="offences[0].from.year"]').fill('2026')
  await page.locator('input[name="suspectCount"]').fill('1')
  await page.getByRole('button', { name: 'Open case' }).click()
  await page.waitForURL(/\/cases\/[^/]+$/)
}
